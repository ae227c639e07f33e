//! Draws the bundled seed page's graph through the library, as `govkg diagram` does: the
//! relations around 林武 two steps deep, as DOT, SVG or PNG (from the file's extension).
//!
//! ```sh
//! cargo run --release --example diagram -- lin_wu.png
//! cargo run --release --example diagram -- all.svg --all
//! ```

use std::path::PathBuf;

use govkg::render::{self, Format, Style, Subject};

#[path = "common/seed.rs"]
mod seed;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(output) = args.first().map(PathBuf::from) else {
        return Err("usage: diagram OUTPUT.(dot|svg|png) [--all]".into());
    };
    let format = Format::from_path(&output).unwrap_or(Format::Dot);

    let store = seed::seed_store()?;

    let subject = if args.iter().any(|a| a == "--all") {
        Subject::All
    } else {
        Subject::Around {
            name: "林武".into(),
            depth: 2,
        }
    };
    let dot = render::diagram(&store, &subject, 60, &Style::default())?;
    std::fs::write(&output, render::render(&dot, format)?)?;
    eprintln!("wrote {}", output.display());
    Ok(())
}
