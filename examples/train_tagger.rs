//! Trains the person tagger (`data/person_tagger.tsv`) from silver labels: sentences with the
//! words a teacher found in them, as `data/tools/lac_silver.py` writes them (one JSON object a
//! line, `{"t": TEXT, "w": [[LENGTH, TAG], …]}`; a word tagged `PER` is a person's name).
//!
//! Every 20th sentence is held out and scored after each pass (precision, recall and F1 of
//! whole names against the teacher's); the rest is trained on. The same input gives the same
//! weights file, byte for byte.
//!
//! ```sh
//! python3 data/tools/lac_silver.py ../shared/corpus/xwlb > /tmp/silver.jsonl
//! cargo run --release --example train_tagger -- /tmp/silver.jsonl --out data/person_tagger.tsv [--epochs 5] [--min-count 3]
//! ```

use std::io::{BufRead, Write};

use govkg::extract::tagger::{self, Example};
use govkg::lexicon::Lexicon;

// The command line of the corpus examples; their fixed-seed draw is not needed here.
#[allow(dead_code)]
#[path = "common/args.rs"]
mod args;

const USAGE: &str = "train_tagger SILVER.jsonl... --out FILE [--epochs N] [--min-count N]";

/// The text and names of one silver line; `None` for a line that is not one.
fn silver(line: &str) -> Option<(String, Vec<(usize, usize)>)> {
    let v: serde_json::Value = serde_json::from_str(line).ok()?;
    let text = v.get("t")?.as_str()?.to_string();
    let mut names = Vec::new();
    let mut at = 0usize;
    for w in v.get("w")?.as_array()? {
        let len = w.get(0)?.as_u64()? as usize;
        if w.get(1)?.as_str()? == "PER" {
            names.push((at, at + len));
        }
        at += len;
    }
    (at == text.chars().count()).then_some((text, names))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let inputs = args::inputs(&argv, USAGE)?;
    let out = argv
        .iter()
        .position(|a| a == "--out")
        .and_then(|i| argv.get(i + 1))
        .ok_or(format!("usage: {USAGE}"))?;
    let epochs = args::number(&argv, "--epochs", 5) as usize;
    let min_count = args::number(&argv, "--min-count", 3) as u32;
    let lex = Lexicon::builtin()?;

    let (mut train, mut held) = (Vec::new(), Vec::new());
    let mut n = 0usize;
    let mut skipped = 0usize;
    for path in &inputs {
        let file = std::io::BufReader::new(std::fs::File::open(path)?);
        for line in file.lines() {
            let line = line?;
            let Some(ex) = silver(&line).and_then(|(t, names)| Example::new(&t, &names, &lex))
            else {
                skipped += 1;
                continue;
            };
            n += 1;
            if n.is_multiple_of(20) {
                held.push(ex);
            } else {
                train.push(ex);
            }
        }
    }
    eprintln!(
        "{} sentences to train on, {} held out, {skipped} lines skipped",
        train.len(),
        held.len()
    );
    let model = tagger::train(&train, &lex, epochs, min_count, 0.05, |epoch, model| {
        let (p, r, f) = tagger::evaluate(model, &held, &lex);
        eprintln!("pass {epoch}: held out P {p:.3} R {r:.3} F1 {f:.3}");
    });
    let (p, r, f) = tagger::evaluate(&model, &held, &lex);
    let header = format!(
        "govkg's person tagger: averaged perceptron weights (extract/tagger.rs).\n\
         Trained by examples/train_tagger.rs on {} silver sentences (Baidu LAC's PER names in\n\
         新闻联播 2022–23; data/tools/lac_silver.py), {epochs} passes, features seen >= {min_count} times.\n\
         On {} held-out silver sentences: P {p:.3} R {r:.3} F1 {f:.3}.",
        train.len(),
        held.len()
    );
    let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
    model.write(&mut w, &header)?;
    w.flush()?;
    eprintln!("wrote {out}");
    Ok(())
}
