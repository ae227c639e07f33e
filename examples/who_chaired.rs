//! Asks the bundled seed page (`tests/data/seed_page.txt`) questions through the library, as
//! `govkg ask` does: read and extract the page, keep it in a store in memory, answer.
//!
//! ```sh
//! cargo run --release --example who_chaired
//! cargo run --release --example who_chaired -- "Who attended the 58th meeting?"
//! ```

use std::io::Write;

use govkg::ask;
use govkg::sparql::TermLabels;

#[path = "common/seed.rs"]
mod seed;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let store = seed::seed_store()?;
    let asked: Vec<String> = std::env::args().skip(1).collect();
    let questions = if asked.is_empty() {
        vec![
            "谁主持了省委第五十八次疫情防控专题会？".to_string(),
            "韦韬主持了哪些会议".to_string(),
        ]
    } else {
        asked
    };
    let labels = TermLabels::load(&store)?;
    let mut out = std::io::stdout().lock();
    for question in questions {
        writeln!(out, "? {question}")?;
        let answer = ask::ask(&store, &question)?;
        answer.write_text(&labels, &mut out)?;
        // The answers are data too: the first one's evidence, as a program would use it.
        if let Some(first) = serde_json::to_value(&answer.answers)?
            .as_array()
            .and_then(|a| a.first().cloned())
        {
            writeln!(out, "first answer as JSON: {first}\n")?;
        }
    }
    Ok(())
}
