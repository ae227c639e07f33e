//! Scores govkg's person mentions against a BIO-tagged corpus (one character and tag a line,
//! sentences separated by blank lines, as People's Daily NER data is distributed).
//!
//! Each sentence is extracted as an article of its own; a gold name is a `B-PER` run with its
//! `I-PER`s, and a predicted one is a `Person` mention; they match when their spans are equal.
//! Prints precision, recall and F1 over all sentences and over those with a meeting verb.
//! `--tagger` scores the learned person tagger alone, without the rules.
//!
//! ```sh
//! cargo run --release --example ner_eval -- ../shared/corpus/pd-ner/example.dev [--errors | --meeting-errors] [--tagger]
//! ```

use std::collections::BTreeSet;

use govkg::extract::{extract, tagger};
use govkg::lexicon::Lexicon;
use govkg::model::{Article, EntityKind};

const MEETING_WORDS: [&str; 6] = ["主持", "出席", "会见", "参加", "列席", "讲话"];

#[derive(Default)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn add(&mut self, gold: &BTreeSet<(usize, usize)>, got: &BTreeSet<(usize, usize)>) {
        self.tp += gold.intersection(got).count();
        self.fp += got.difference(gold).count();
        self.fn_ += gold.difference(got).count();
    }

    fn line(&self, name: &str) -> String {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!(
            "{name:<28} tp {:>5} fp {:>5} fn {:>5}  P {p:.3}  R {r:.3}  F1 {f:.3}",
            self.tp, self.fp, self.fn_
        )
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .ok_or("usage: ner_eval FILE.bio [--errors]")?;
    let show_errors = args.iter().any(|a| a == "--errors");
    let meeting_errors = args.iter().any(|a| a == "--meeting-errors");
    let tagger_only = args.iter().any(|a| a == "--tagger");
    let text = std::fs::read_to_string(path)?;
    let lex = Lexicon::builtin()?;

    let mut sentences: Vec<(String, BTreeSet<(usize, usize)>)> = Vec::new();
    let mut chars = String::new();
    let mut tags: Vec<String> = Vec::new();
    let mut flush = |chars: &mut String, tags: &mut Vec<String>| {
        if chars.is_empty() {
            return;
        }
        let mut gold = BTreeSet::new();
        let mut i = 0;
        while i < tags.len() {
            if tags[i] == "B-PER" {
                let mut j = i + 1;
                while j < tags.len() && tags[j] == "I-PER" {
                    j += 1;
                }
                gold.insert((i, j));
                i = j;
            } else {
                i += 1;
            }
        }
        sentences.push((std::mem::take(chars), gold));
        tags.clear();
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            flush(&mut chars, &mut tags);
            continue;
        }
        let mut it = line.split_whitespace();
        let (Some(c), Some(t)) = (it.next(), it.next()) else {
            continue;
        };
        chars.push_str(c);
        tags.push(t.to_string());
    }
    flush(&mut chars, &mut tags);

    let mut all = Score::default();
    let mut meeting = Score::default();
    let mut meeting_sentences = 0;
    for (i, (text, gold)) in sentences.iter().enumerate() {
        let article = Article {
            id: format!("s{i}"),
            title: String::new(),
            text: text.clone(),
            ..Default::default()
        };
        let got: BTreeSet<(usize, usize)> = if tagger_only {
            tagger::names_in(text, &lex).into_iter().collect()
        } else {
            extract(&article, &lex)
                .mentions
                .iter()
                .filter(|m| m.entity.kind == EntityKind::Person)
                .map(|m| (m.start, m.end))
                .collect()
        };
        all.add(gold, &got);
        if MEETING_WORDS.iter().any(|w| text.contains(w)) {
            meeting.add(gold, &got);
            meeting_sentences += 1;
        }
        let is_meeting = MEETING_WORDS.iter().any(|w| text.contains(w));
        if (show_errors || (meeting_errors && is_meeting)) && gold != &got {
            let spans = |s: &BTreeSet<(usize, usize)>| -> Vec<String> {
                s.iter()
                    .map(|&(a, b)| text.chars().skip(a).take(b - a).collect())
                    .collect()
            };
            println!("{text}\n  gold {:?}\n  got  {:?}", spans(gold), spans(&got));
        }
    }
    println!(
        "sentences: {} (meeting genre: {meeting_sentences})",
        sentences.len()
    );
    println!("{}", all.line("all sentences"));
    println!("{}", meeting.line("主持/出席/会见/参加/列席/讲话"));
    Ok(())
}
