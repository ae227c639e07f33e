//! Opening a store and keeping it whole across processes: the advisory lock readers share and
//! a writer holds alone, a new store built beside its place and renamed in, and RocksDB's
//! errors told apart (see the [module docs](super) on processes).

use std::fs::{self, File, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use oxigraph::store::StorageError;

use super::{Error, Store, LOCK_FILE};

/// How long a writer waits for readers to finish (queries take a moment; a server holds on).
const READERS_WAIT: Duration = Duration::from_secs(10);

impl Store {
    /// Opens the store at `path`, creating it if missing, and brings its ontology graph up to
    /// date with [`ONTOLOGY_TTL`]. Fails with [`Error::InUse`] while another process writes the
    /// store, and with [`Error::BeingRead`] when others still read it after some seconds.
    pub fn open(path: &Path) -> Result<Store, Error> {
        let lock_error = |source| Error::Lock {
            path: path.to_path_buf(),
            source,
        };
        if !holds_database(path) {
            create(path)?;
        }
        let lock = lock_file(path, true).map_err(lock_error)?;
        let deadline = Instant::now() + READERS_WAIT;
        loop {
            match lock.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(e)) => return Err(lock_error(e)),
            }
            // Readers share the lock, a writer holds it alone: if it can be shared, readers
            // hold it, and a query ends soon.
            if lock.try_lock_shared().is_err() {
                return Err(Error::InUse {
                    path: path.to_path_buf(),
                });
            }
            lock.unlock().map_err(lock_error)?;
            if Instant::now() >= deadline {
                return Err(Error::BeingRead {
                    path: path.to_path_buf(),
                });
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let inner = oxigraph::store::Store::open(path).map_err(|e| open_error(path, e))?;
        let store = Store {
            inner,
            path: Some(path.to_path_buf()),
            read_only: false,
            _lock: Some(lock),
        };
        store.sync_ontology()?;
        Ok(store)
    }

    /// Opens an existing store for reading only. Several readers may share it, but not with a
    /// writer: this fails with [`Error::BeingWritten`] while another process writes the store
    /// (and [`Store::open`] with [`Error::BeingRead`] while readers hold it). The ontology graph
    /// is left as it is.
    pub fn open_read_only(path: &Path) -> Result<Store, Error> {
        if !path.exists() {
            return Err(Error::NoStore {
                path: path.to_path_buf(),
            });
        }
        // A store on read-only media has no lock file and cannot get one; nobody can write it
        // there either, so it is read without.
        let lock = match lock_file(path, false) {
            Ok(lock) => match lock.try_lock_shared() {
                Ok(()) => Some(lock),
                Err(TryLockError::WouldBlock) => {
                    return Err(Error::BeingWritten {
                        path: path.to_path_buf(),
                    })
                }
                Err(TryLockError::Error(source)) => {
                    return Err(Error::Lock {
                        path: path.to_path_buf(),
                        source,
                    })
                }
            },
            Err(_) => None,
        };
        let inner =
            oxigraph::store::Store::open_read_only(path).map_err(|e| open_error(path, e))?;
        Ok(Store {
            inner,
            path: Some(path.to_path_buf()),
            read_only: true,
            _lock: lock,
        })
    }

    /// A store in memory, with the ontology loaded.
    pub fn in_memory() -> Result<Store, Error> {
        let store = Store {
            inner: oxigraph::store::Store::new()?,
            path: None,
            read_only: false,
            _lock: None,
        };
        store.sync_ontology()?;
        Ok(store)
    }
}

/// Whether `path` holds a RocksDB database: RocksDB writes `CURRENT` once the database exists.
fn holds_database(path: &Path) -> bool {
    path.join("CURRENT").is_file()
}

/// The prefix of the folder a new store at `path` is built in, beside it.
fn building_prefix(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    format!(".{}.new-", name.unwrap_or_default())
}

/// Creates the store at `path`, which holds no database yet.
///
/// RocksDB creates a database in steps (its files, then one column family after another). A
/// process killed between them leaves a folder that a writer would repair but that a reader
/// cannot open ("Column family not found"). So the store is built whole, ontology included, in
/// a folder beside `path`, and renamed into place: there is a store at `path`, complete, or
/// none. The building folder holds its own lock, so that one left by a killed process can be
/// told from one still being built, and removed.
fn create(path: &Path) -> Result<(), Error> {
    // Another process creating the same store at the same moment may have got there first:
    // an empty store is as good as ours.
    Building::new(path)?.place().map(|_| ())
}

/// A new store being built beside its place, as [`create`] builds one: filled through
/// [`Building::store`] (by the bulk loader, which is not transactional), then renamed into
/// place by [`Building::finish`]. Dropped unfinished — an error, or a process killed — it
/// leaves no store at the place: the folder is removed, or, after a kill, left with a free lock
/// for the next writer to remove.
pub struct Building {
    // Dropped in this order: the database closed before its folder is removed.
    store: Store,
    lock: File,
    dir: tempfile::TempDir,
    path: PathBuf,
}

impl Store {
    /// A new store for `path`, built beside it; `None` when `path` already holds a store.
    pub fn build_new(path: &Path) -> Result<Option<Building>, Error> {
        if holds_database(path) {
            return Ok(None);
        }
        Building::new(path).map(Some)
    }
}

impl Building {
    fn new(path: &Path) -> Result<Building, Error> {
        let create_error = |source| Error::Create {
            path: path.to_path_buf(),
            source,
        };
        if path.exists() {
            // An empty folder (or one with only a lock file) may become a store; anything else
            // may be somebody's files, which must not be mixed with (or replaced by) a database.
            let only_lock = path.is_dir()
                && fs::read_dir(path)
                    .map_err(create_error)?
                    .filter_map(Result::ok)
                    .all(|e| e.file_name() == LOCK_FILE);
            if !only_lock {
                return Err(Error::NotAStore {
                    path: path.to_path_buf(),
                });
            }
        }
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        fs::create_dir_all(parent).map_err(create_error)?;
        let prefix = building_prefix(path);
        remove_abandoned(parent, &prefix);
        let dir = tempfile::Builder::new()
            .prefix(&prefix)
            .tempdir_in(parent)
            .map_err(create_error)?;
        let lock = lock_file(dir.path(), true).map_err(create_error)?;
        lock.try_lock().map_err(|e| create_error(e.into()))?;
        let store = Store {
            inner: oxigraph::store::Store::open(dir.path()).map_err(|e| open_error(path, e))?,
            path: Some(path.to_path_buf()),
            read_only: false,
            _lock: None,
        };
        store.sync_ontology()?;
        Ok(Building {
            store,
            lock,
            dir,
            path: path.to_path_buf(),
        })
    }

    /// The store being built.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Puts the store in its place and opens it there for writing. Fails, and removes what
    /// was built, when another process put a store there meanwhile.
    pub fn finish(self) -> Result<Store, Error> {
        let path = self.path.clone();
        if !self.place()? {
            return Err(Error::Create {
                path,
                source: io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    "another process created a store there while this one was built; ingest into it again",
                ),
            });
        }
        Store::open(&path)
    }

    /// Flushes the store, closes it and renames its folder into place; `false` when another
    /// process's store took the place first (this one is then removed).
    fn place(self) -> Result<bool, Error> {
        let Building {
            store,
            lock,
            dir,
            path,
        } = self;
        let create_error = |source| Error::Create {
            path: path.clone(),
            source,
        };
        store.flush()?;
        drop(store);
        // The lock is per open file, and the caller locks the store again once it is in place.
        drop(lock);
        if path.is_dir() {
            // Only a lock file is left there (checked above); rename cannot replace a full
            // folder.
            let _ = fs::remove_file(path.join(LOCK_FILE));
            let _ = fs::remove_dir(&path);
        }
        let building = dir.keep();
        if let Err(e) = fs::rename(&building, &path) {
            let _ = fs::remove_dir_all(&building);
            if !holds_database(&path) {
                return Err(create_error(e));
            }
            return Ok(false);
        }
        Ok(true)
    }
}

/// Removes the folders beside a store that killed processes left while building it: their
/// lock is free. A folder still being built holds its lock and stays.
fn remove_abandoned(parent: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        if !entry.file_name().to_string_lossy().starts_with(prefix) {
            continue;
        }
        let dir = entry.path();
        let free = File::open(dir.join(LOCK_FILE)).is_ok_and(|f| f.try_lock().is_ok());
        if free {
            let _ = fs::remove_dir_all(&dir);
        }
    }
}

/// Opens (a writer: creates) the lock file of the store at `path`. A reader does not create the
/// folder: a missing store must fail as missing, not turn into an empty folder.
fn lock_file(path: &Path, create: bool) -> io::Result<File> {
    let file = path.join(LOCK_FILE);
    if create {
        File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(file)
    } else if path.is_dir() {
        // Locks work on a file opened for reading; create it for the first reader of a store
        // that no writer of this version has opened.
        File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&file)
            .or_else(|_| File::open(&file))
    } else {
        Err(io::ErrorKind::NotFound.into())
    }
}

/// RocksDB refuses a second writer with an I/O error about its `LOCK` file: "While lock file:
/// …/LOCK: Resource temporarily unavailable" from another process, "lock hold by current
/// process" from this one.
fn open_error(path: &Path, source: StorageError) -> Error {
    let message = source.to_string();
    if matches!(source, StorageError::Io(_))
        && (message.contains("lock file") || message.contains("lock hold"))
    {
        Error::InUse {
            path: path.to_path_buf(),
        }
    } else {
        Error::Open {
            path: path.to_path_buf(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::ontology_quads;
    use super::super::tests::{select, tempdir};
    use super::*;
    use crate::fixture::{seed, ARTICLE};

    #[test]
    fn a_store_open_elsewhere_is_in_use() {
        let dir = tempdir("locked");
        let store = Store::open(&dir).expect("first open");
        let err = Store::open(&dir).unwrap_err();
        let Error::InUse { path } = &err else {
            panic!("expected Error::InUse, got {err:?}")
        };
        assert_eq!(path, &dir);
        assert!(
            err.to_string().contains(&dir.display().to_string()),
            "{err}"
        );
        assert!(!err.to_string().contains("RocksDB"), "{err}");

        // From another process too: the test binary re-runs itself on the held store.
        let child = std::process::Command::new(std::env::current_exe().expect("test binary"))
            .args([
                "--exact",
                "store::tests::child_finds_store_in_use",
                "--ignored",
            ])
            .env("GOVKG_TEST_LOCKED_STORE", &dir)
            .output()
            .expect("child runs");
        let stdout = String::from_utf8_lossy(&child.stdout);
        // "1 passed": the filter matched, so the child did open the store.
        assert!(
            child.status.success() && stdout.contains("1 passed"),
            "child process did not see Error::InUse: {stdout}"
        );
        drop(store);
        Store::open(&dir).expect("open after close");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_store_is_created_whole_beside_its_place_and_only_in_an_empty_folder() {
        let dir = tempdir("create");
        std::fs::create_dir_all(&dir).unwrap();
        let prefix = building_prefix(&dir.join("s"));
        // What a process killed while building left: an unlocked building folder.
        let abandoned = dir.join(format!("{prefix}killed"));
        std::fs::create_dir_all(&abandoned).unwrap();
        std::fs::write(abandoned.join(LOCK_FILE), "").unwrap();
        std::fs::write(abandoned.join("CURRENT"), "").unwrap();
        // A building folder whose lock is held is another process's, still at work.
        let busy = dir.join(format!("{prefix}busy"));
        std::fs::create_dir_all(&busy).unwrap();
        let held = lock_file(&busy, true).unwrap();
        held.try_lock().unwrap();

        let cases: &[(&str, &[&str], bool)] = &[
            ("s", &[], true),
            ("empty", &[""], true),
            ("lock-only", &[LOCK_FILE], true),
            ("others", &["notes.txt"], false),
        ];
        for &(name, files, creates) in cases {
            let path = dir.join(name);
            let path = if name == "s" {
                path
            } else {
                path.join("store")
            };
            for file in files {
                std::fs::create_dir_all(&path).unwrap();
                if !file.is_empty() {
                    std::fs::write(path.join(file), "").unwrap();
                }
            }
            match Store::open(&path) {
                Ok(store) => {
                    assert!(creates, "{name}: created among other files");
                    assert!(holds_database(&path), "{name}");
                    assert_eq!(store.len().unwrap(), ontology_quads().unwrap().len());
                }
                Err(e) => {
                    assert!(!creates, "{name}: {e}");
                    assert!(matches!(e, Error::NotAStore { .. }), "{name}: {e:?}");
                    assert!(!holds_database(&path), "{name}");
                    assert!(path.join("notes.txt").is_file(), "{name}");
                }
            }
        }
        let mut left: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                format!("{prefix}busy"),
                "empty".into(),
                "lock-only".into(),
                "others".into(),
                "s".into()
            ]
        );
        // A file is not a folder to make a store in.
        let file = dir.join("others").join("store").join("notes.txt");
        assert!(matches!(Store::open(&file), Err(Error::NotAStore { .. })));
        drop(held);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn readers_share_a_store_and_exclude_a_writer() {
        let dir = tempdir("readers");
        drop(Store::open(&dir).expect("create"));
        let a = Store::open_read_only(&dir).expect("first reader");
        let b = Store::open_read_only(&dir).expect("second reader");
        let err = Store::open(&dir).unwrap_err();
        assert!(matches!(err, Error::BeingRead { .. }), "{err:?}");
        assert!(err.to_string().contains("being read"), "{err}");
        drop(a);
        // A writer waits for the readers to finish.
        let last = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            drop(b);
        });
        let writer = Store::open(&dir).expect("writer once readers are gone");
        last.join().unwrap();
        let err = Store::open_read_only(&dir).unwrap_err();
        assert!(matches!(err, Error::BeingWritten { .. }), "{err:?}");
        assert!(
            err.to_string().contains(&dir.display().to_string()),
            "{err}"
        );
        drop(writer);
        Store::open_read_only(&dir).expect("reader once the writer is gone");
        let missing = dir.join("missing");
        assert!(matches!(
            Store::open_read_only(&missing),
            Err(Error::NoStore { .. })
        ));
        assert!(!missing.exists(), "a reader created the store folder");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn on_disk_store_persists_and_opens_read_only() {
        let dir = tempdir("persist");
        let total = {
            let store = Store::open(&dir).expect("open");
            store.ingest(&seed()).expect("ingest");
            store.len().unwrap()
        };
        let store = Store::open_read_only(&dir).expect("read-only");
        assert_eq!(store.len().unwrap(), total);
        assert_eq!(store.articles().unwrap(), vec![ARTICLE.to_owned()]);
        assert_eq!(
            select(&store, "SELECT ?p WHERE { ?p gov:chairs ?m }").len(),
            1
        );
        assert!(matches!(store.ingest(&seed()), Err(Error::ReadOnly { .. })));
        drop(store);
        // Reopening for writing finds the ontology current and changes nothing.
        assert_eq!(Store::open(&dir).expect("reopen").len().unwrap(), total);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
