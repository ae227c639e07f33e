//! The store of the bundled seed page (`tests/data/seed_page.txt`, published 2022-01-05) in
//! memory, built through the library as `govkg ingest` builds one on disk: shared by the
//! examples.

use std::path::PathBuf;

use govkg::article::{self, ReadOptions};
use govkg::extract::extract;
use govkg::lexicon::Lexicon;
use govkg::model::Date;
use govkg::store::Store;

pub fn seed_store() -> Result<Store, Box<dyn std::error::Error>> {
    let page = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/seed_page.txt");
    let options = ReadOptions {
        date: Date::new(2022, 1, 5),
        ..ReadOptions::default()
    };
    let lexicon = Lexicon::builtin()?;
    let store = Store::in_memory()?;
    for article in article::read(&[page], &options)? {
        store.ingest(&extract(&article?, &lexicon))?;
    }
    Ok(store)
}
