//! `govkg validate`: checks the store's article graphs against `ontology/shapes.ttl` with
//! pyshacl, the SHACL reference implementation in Python, one graph (one article) at a time.
//!
//! Why pyshacl and not a Rust validator: the one SHACL crate for Rust (rudof's `shacl_*`) pulls
//! an HTTP stack and needs oxigraph's `rdf-12` feature, which changes how every term is stored;
//! and a validator written here for govkg's own shapes would check govkg with govkg's reading
//! of SHACL. pyshacl is independent, complete (SHACL Core and SPARQL constraints, RDFS
//! inference over the ontology) and is what CI validates fixtures with. The price: `validate`
//! needs `python3` with pyshacl (`pip install pyshacl`), and it says so when they are missing.
//!
//! The script, the shapes and the ontology are built into the binary, so `validate` works from
//! any folder.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use oxigraph::model::NamedNode;

use crate::export::{self, Format, Scope};
use crate::store::{Store, ONTOLOGY_TTL};

const SCRIPT: &str = include_str!("../.ci/shacl_graphs.py");
const SHAPES_TTL: &str = include_str!("../ontology/shapes.ttl");

/// What can go wrong validating (a graph that does not conform is not an error: see
/// [`Outcome`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("govkg validate runs pyshacl, which is not installed for {python}: install it with `{python} -m pip install pyshacl` ({detail})")]
    NoPyshacl { python: String, detail: String },
    #[error("cannot write the files for pyshacl in {}", dir.display())]
    Files {
        dir: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Export(#[from] export::Error),
    #[error("cannot run {python}")]
    Run {
        python: String,
        #[source]
        source: std::io::Error,
    },
    #[error("pyshacl could not check the store (exit status {status})")]
    Failed { status: String },
}

/// The verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Conforms,
    DoesNotConform,
}

/// Validates every article graph (or only `graph`) of the store with pyshacl run by `python`;
/// pyshacl's report goes to standard output.
pub fn validate(
    store: &Store,
    graph: Option<NamedNode>,
    python: &str,
    workdir: &Path,
) -> Result<Outcome, Error> {
    let check = Command::new(python)
        .args(["-c", "import pyshacl, rdflib"])
        .stdout(Stdio::null())
        .output()
        .map_err(|e| Error::NoPyshacl {
            python: python.to_owned(),
            detail: e.to_string(),
        })?;
    if !check.status.success() {
        return Err(Error::NoPyshacl {
            python: python.to_owned(),
            detail: String::from_utf8_lossy(&check.stderr)
                .lines()
                .last()
                .unwrap_or_default()
                .to_owned(),
        });
    }
    let files = |source| Error::Files {
        dir: workdir.to_owned(),
        source,
    };
    let script = workdir.join("shacl_graphs.py");
    let shapes = workdir.join("shapes.ttl");
    let ontology = workdir.join("govkg.ttl");
    let data = workdir.join("store.nq");
    std::fs::write(&script, SCRIPT).map_err(files)?;
    std::fs::write(&shapes, SHAPES_TTL).map_err(files)?;
    std::fs::write(&ontology, ONTOLOGY_TTL).map_err(files)?;
    let out = BufWriter::new(std::fs::File::create(&data).map_err(files)?);
    let scope = match graph {
        Some(g) => Scope::Graph(g),
        // The ontology is given to pyshacl as such, not validated as data.
        None => Scope::All { ontology: false },
    };
    let (mut out, _) = export::write(store, &scope, Format::NQuads, out)?;
    out.flush().map_err(files)?;
    let status = Command::new(python)
        .arg(&script)
        .arg(&shapes)
        .arg(&ontology)
        .arg(&data)
        .status()
        .map_err(|source| Error::Run {
            python: python.to_owned(),
            source,
        })?;
    match status.code() {
        Some(0) => Ok(Outcome::Conforms),
        Some(1) => Ok(Outcome::DoesNotConform),
        _ => Err(Error::Failed {
            status: status.to_string(),
        }),
    }
}
