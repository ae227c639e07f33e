//! The by-eye audit of entities: distinct entities of each type drawn at random from a
//! fixed seed, each with one sentence that mentions it, and the most-mentioned of each type,
//! so that a reader can judge them OK, partial (a boundary off) or wrong against the text.
//!
//! An entity is one id of the graph (one real thing across articles, as the store keeps it);
//! its count is how many times the corpus mentions it. Each line gives the entity's best cue
//! and confidence. Entities are kept as the store keeps them (`--min-confidence`, default the
//! store's); `--by-cue N` draws N of each cue instead, at every confidence, which is how the
//! cues' confidences are measured (README, "Confidence").
//!
//! ```sh
//! cargo run --release --example entity_sample -- ../shared/corpus/xwlb [--sample 100] [--top 100] [--seed 7] [--min-confidence 0.5] [--by-cue 40]
//! ```

use std::collections::{BTreeMap, HashMap};

use govkg::article::{self, ReadOptions};
use govkg::extract::extract;
use govkg::lexicon::Lexicon;
use govkg::model::{Basis, Confidence, EntityId, EntityKind};

#[path = "common/args.rs"]
mod args;

/// What the audit keeps of an entity: its label, mentions, and the first sentence naming it.
struct Seen {
    label: String,
    count: usize,
    sentence: String,
    basis: Basis,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let inputs = args::inputs(
        &args,
        "entity_sample PATH... [--sample N] [--top N] [--seed S] [--min-confidence C] [--by-cue N]",
    )?;
    let sample = args::number(&args, "--sample", 100) as usize;
    let top = args::number(&args, "--top", 0) as usize;
    let seed = args::number(&args, "--seed", 7);
    let by_cue = args::number(&args, "--by-cue", 0) as usize;
    let min = match args.iter().position(|a| a == "--min-confidence") {
        Some(i) => args
            .get(i + 1)
            .ok_or("--min-confidence needs a value")?
            .parse::<Confidence>()?,
        None if by_cue > 0 => Confidence::NONE,
        None => Confidence::DEFAULT_MIN,
    };
    let lex = Lexicon::builtin()?;
    let mut seen: HashMap<EntityId, Seen> = HashMap::new();
    for item in article::read(&inputs, &ReadOptions::default())? {
        let Ok(a) = item else { continue };
        let mut x = extract(&a, &lex);
        x.retain_confident(min);
        let sentences: HashMap<usize, String> = article::sentences(&a)
            .into_iter()
            .map(|s| (s.index, s.text))
            .collect();
        let found: HashMap<&EntityId, (&str, Basis)> = x
            .entities
            .iter()
            .map(|e| (&e.id, (e.label.as_str(), e.basis)))
            .collect();
        for m in &x.mentions {
            let (label, basis) = found
                .get(&m.entity)
                .copied()
                .unwrap_or((&m.entity.key, Basis::Given));
            let e = seen.entry(m.entity.clone()).or_insert_with(|| Seen {
                label: label.to_string(),
                count: 0,
                sentence: sentences.get(&m.sentence).cloned().unwrap_or_default(),
                basis,
            });
            e.count += 1;
            e.basis = e.basis.best(basis);
        }
    }
    if by_cue > 0 {
        let mut by_basis: BTreeMap<Basis, Vec<(&EntityId, &Seen)>> = BTreeMap::new();
        for (id, s) in &seen {
            by_basis.entry(s.basis).or_default().push((id, s));
        }
        for (basis, mut pool) in by_basis {
            pool.sort_by(|a, b| a.0.cmp(b.0));
            println!("## {basis}: {} distinct", pool.len());
            let mut draw = args::Draw::new(seed);
            for i in 0..by_cue.min(pool.len()) {
                let (id, s) = draw.take(&mut pool);
                println!(
                    "CUE {basis} {:>3} {:?} {}\t| {}",
                    i + 1,
                    id.kind,
                    s.label,
                    s.sentence
                );
            }
        }
        return Ok(());
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
                print_seen("TOP", &kind, i + 1, s);
            }
        }
        let mut draw = args::Draw::new(seed);
        let mut pool = list;
        for i in 0..sample.min(pool.len()) {
            let (_, s) = draw.take(&mut pool);
            print_seen("SAMPLE", &kind, i + 1, s);
        }
    }
    Ok(())
}

/// One line of the audit: list, type, rank, label, mentions, cue and confidence, sentence.
fn print_seen(list: &str, kind: &str, rank: usize, s: &Seen) {
    println!(
        "{list} {kind} {rank:>3} {}\t{}\t{} {}\t| {}",
        s.label,
        s.count,
        s.basis,
        s.basis.confidence(),
        s.sentence
    );
}

fn kind_name(kind: EntityKind) -> String {
    format!("{kind:?}")
}
