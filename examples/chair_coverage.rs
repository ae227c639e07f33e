//! Measures how general the chair rules are on real text without gold: of the sentences that
//! say `主持会议` or `主持召开`, the share that yields a `chairs` fact with a person as subject.
//! Prints the share, the sentences that yield none (`--misses`), and a random sample of
//! `chairs`/`attends` facts to check by eye (`--sample N`, seeded so the sample is the same
//! each run).
//!
//! ```sh
//! cargo run --release --example chair_coverage -- ../shared/corpus/xwlb/2022 [--misses] [--sample 30]
//! ```

use std::collections::BTreeSet;

use govkg::article::{self, ReadOptions};
use govkg::extract::extract;
use govkg::lexicon::Lexicon;
use govkg::model::{EntityKind, Node};
use govkg::relation::Relation;

#[path = "common/args.rs"]
mod args;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let inputs = args::inputs(&args, "chair_coverage PATH... [--misses] [--sample N]")?;
    let misses = args.iter().any(|a| a == "--misses");
    let sample = args::number(&args, "--sample", 0) as usize;
    let lex = Lexicon::builtin()?;
    let mut sentences = 0;
    let mut covered = 0;
    let mut facts: Vec<String> = Vec::new();
    for item in article::read(&inputs, &ReadOptions::default())? {
        let Ok(a) = item else { continue };
        let x = extract(&a, &lex);
        let label = |n: &Node| x.label(n);
        let chaired: BTreeSet<usize> = x
            .facts
            .iter()
            .filter(|f| {
                f.relation == Relation::Chairs
                    && matches!(&f.subject, Node::Entity(id) if id.kind == EntityKind::Person)
            })
            .map(|f| f.evidence.sentence)
            .collect();
        for s in article::sentences(&a) {
            if s.text.contains("主持会议") || s.text.contains("主持召开") {
                sentences += 1;
                if chaired.contains(&s.index) {
                    covered += 1;
                } else if misses {
                    println!("MISS {}: {}", a.id, s.text);
                }
            }
        }
        for f in &x.facts {
            if matches!(f.relation, Relation::Chairs | Relation::Attends) {
                facts.push(format!(
                    "{} {} {}\t| {}",
                    label(&f.subject),
                    f.relation,
                    label(&f.object),
                    f.evidence.text
                ));
            }
        }
    }
    println!(
        "sentences with 主持会议/主持召开: {sentences}; with a person chairing: {covered} ({:.3})",
        covered as f64 / sentences.max(1) as f64
    );
    println!("chairs/attends facts: {}", facts.len());
    let mut draw = args::Draw::new(0);
    for _ in 0..sample.min(facts.len()) {
        println!("SAMPLE {}", draw.take(&mut facts));
    }
    Ok(())
}
