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
use std::path::PathBuf;

use govkg::article::{self, ReadOptions};
use govkg::extract::extract;
use govkg::lexicon::Lexicon;
use govkg::model::{EntityId, EntityKind};

/// What the audit keeps of an entity: its label, mentions, and the first sentence naming it.
struct Seen {
    label: String,
    count: usize,
    sentence: String,
}

fn number(args: &[String], flag: &str, default: u64) -> u64 {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let inputs: Vec<PathBuf> = args
        .iter()
        .take_while(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    if inputs.is_empty() {
        return Err("usage: entity_sample PATH... [--sample N] [--top N] [--seed S]".into());
    }
    let sample = number(&args, "--sample", 100) as usize;
    let top = number(&args, "--top", 0) as usize;
    let seed = number(&args, "--seed", 7);
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
        // A fixed-seed linear congruential generator keeps the sample the same from run to run.
        let mut state: u64 = seed ^ 0x2545_F491_4F6C_DD1D;
        let mut pool = list;
        for i in 0..sample.min(pool.len()) {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let k = (state >> 33) as usize % pool.len();
            let (_, s) = pool.swap_remove(k);
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
