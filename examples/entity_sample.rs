//! The by-eye audit of entities: distinct entities of each type drawn at random from a
//! fixed seed, each with one sentence that mentions it, and the most-mentioned of each type,
//! so that a reader can judge them OK, partial (a boundary off) or wrong against the text.
//!
//! An entity is one id of the graph (one real thing across articles, as the store keeps it);
//! its count is how many times the corpus mentions it.
//!
//! ```sh
//! cargo run --release --example entity_sample -- ../shared/corpus/xwlb [--sample 100] [--top 100] [--seed 7]
//! ```

use std::collections::{BTreeMap, HashMap};

use govkg::article::{self, ReadOptions};
use govkg::extract::extract;
use govkg::lexicon::Lexicon;
use govkg::model::{EntityId, EntityKind};

#[path = "common/args.rs"]
mod args;

/// What the audit keeps of an entity: its label, mentions, and the first sentence naming it.
struct Seen {
    label: String,
    count: usize,
    sentence: String,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let inputs = args::inputs(
        &args,
        "entity_sample PATH... [--sample N] [--top N] [--seed S]",
    )?;
    let sample = args::number(&args, "--sample", 100) as usize;
    let top = args::number(&args, "--top", 0) as usize;
    let seed = args::number(&args, "--seed", 7);
    let lex = Lexicon::builtin()?;
    let mut seen: HashMap<EntityId, Seen> = HashMap::new();
    for item in article::read(&inputs, &ReadOptions::default())? {
        let Ok(a) = item else { continue };
        let x = extract(&a, &lex);
        let sentences: HashMap<usize, String> = article::sentences(&a)
            .into_iter()
            .map(|s| (s.index, s.text))
            .collect();
        let labels: HashMap<&EntityId, &str> = x
            .entities
            .iter()
            .map(|e| (&e.id, e.label.as_str()))
            .collect();
        for m in &x.mentions {
            let e = seen.entry(m.entity.clone()).or_insert_with(|| Seen {
                label: labels
                    .get(&m.entity)
                    .copied()
                    .unwrap_or(&m.entity.key)
                    .to_string(),
                count: 0,
                sentence: sentences.get(&m.sentence).cloned().unwrap_or_default(),
            });
            e.count += 1;
        }
    }
    let mut by_kind: BTreeMap<String, Vec<(&EntityId, &Seen)>> = BTreeMap::new();
    for (id, s) in &seen {
        by_kind.entry(kind_name(id.kind)).or_default().push((id, s));
    }
    for (kind, mut list) in by_kind {
        // Sorted first, so that the draw depends on the seed alone, not on hash order.
        list.sort_by(|a, b| a.0.cmp(b.0));
        println!("## {kind}: {} distinct", list.len());
        if top > 0 {
            let mut ranked = list.clone();
            ranked.sort_by(|a, b| b.1.count.cmp(&a.1.count).then(a.0.cmp(b.0)));
            for (i, (_, s)) in ranked.iter().take(top).enumerate() {
                println!(
                    "TOP {kind} {:>3} {}\t{}\t| {}",
                    i + 1,
                    s.label,
                    s.count,
                    s.sentence
                );
            }
        }
        let mut draw = args::Draw::new(seed);
        let mut pool = list;
        for i in 0..sample.min(pool.len()) {
            let (_, s) = draw.take(&mut pool);
            println!(
                "SAMPLE {kind} {:>3} {}\t{}\t| {}",
                i + 1,
                s.label,
                s.count,
                s.sentence
            );
        }
    }
    Ok(())
}

fn kind_name(kind: EntityKind) -> String {
    format!("{kind:?}")
}
