//! The lexicons that drive extraction: titles, surnames, bodies, divisions, triggers, loaded from
//! the data files under `data/` (built in) and from a user's directory of the same files.
//!
//! Every file is plain UTF-8 text, one entry a line, `#` starting a comment, columns separated by
//! tabs; `data/README.md` documents each. A user extends a lexicon without recompiling by putting
//! a file of the same name in a directory given to [`Lexicon::load`] (`--lexicon DIR` on the
//! command line): its entries are added to the built-in ones, and a line `!word` removes a
//! built-in entry. The person tagger's weights (`person_tagger.tsv`, [`Lexicon::tagger`]) load
//! with them; a file of that name replaces the built-in weights instead of adding to them.
//!
//! All words are compiled into one Aho-Corasick automaton, so that a sentence is scanned once
//! for every kind of cue; [`Lexicon::scan`] returns the cues found with their kinds.

// FxHash rather than std's SipHash: the extractors look up characters and short words in
// these tables several times per character of text, and SipHash's cost dominated the profile.
// The keys are the lexicons' own, so hash flooding is not a concern.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::extract::tagger::Model;
use crate::model::EntityKind;
use crate::relation::Relation;

/// Errors while loading lexicons.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    #[error("cannot read {}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
    #[error("cannot build the lexicon automaton")]
    Automaton(#[from] aho_corasick::BuildError),
}

/// What a title word does in front of a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleClass {
    /// A post the person holds (`省长`).
    Post,
    /// A group the person belongs to, not a post (`省领导`).
    Group,
    /// A form of address written after a name (`同志`, `先生`).
    Courtesy,
    /// An occupation written before a name in credits (`记者`, `通讯员`).
    Byline,
}

/// A title word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    pub class: TitleClass,
    /// For a bare post whose body is unwritten (`省长`), the body's suffix (`人民政府`).
    pub implied_body: Option<String>,
}

/// The relation a trigger word states, or the cue it gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Trigger {
    Relation(Relation),
    /// `VENUE 入驻 …`: tenants of a building.
    Tenants,
    /// `BODY 召开 MEETING`: a body convenes a meeting.
    Convenes,
}

/// The kind of a body, from its suffix or from `bodies.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyKind {
    Party,
    Government,
    Congress,
    Cppcc,
    Group,
    Judicial,
    Company,
    /// A building that is also a body: it hosts exhibitions and tenants (`科技馆`, `大厦`).
    Venue,
    /// A place where things happen and no more (`人民大会堂`, `广场`, `体育场`): named like a
    /// body, minted as a place.
    Site,
    Institution,
    /// A school, a university or a hospital: named after its place and founder, never after
    /// what it does (`北京市|开办|老年大学`).
    School,
    Military,
}

impl BodyKind {
    fn parse(s: &str) -> Option<BodyKind> {
        Some(match s {
            "party" => BodyKind::Party,
            "government" => BodyKind::Government,
            "congress" => BodyKind::Congress,
            "cppcc" => BodyKind::Cppcc,
            "group" => BodyKind::Group,
            "judicial" => BodyKind::Judicial,
            "company" => BodyKind::Company,
            "venue" => BodyKind::Venue,
            "site" => BodyKind::Site,
            "institution" => BodyKind::Institution,
            "school" => BodyKind::School,
            "military" => BodyKind::Military,
            _ => return None,
        })
    }

    /// Whether events are held in it rather than by it (`在人民大会堂举行`).
    pub fn is_venue(self) -> bool {
        matches!(self, BodyKind::Venue | BodyKind::Site)
    }
}

/// A known body (`bodies.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    pub kind: BodyKind,
    pub full_name: Option<String>,
}

/// Every name of the bodies of `bodies.tsv` to the body's first name there: names that share a
/// full name, or one being another's full name, are one body.
fn body_names(bodies: &[(String, Body)]) -> HashMap<String, String> {
    let mut by_full: HashMap<&str, &str> = HashMap::default();
    for (name, b) in bodies {
        let full = b.full_name.as_deref().unwrap_or(name);
        by_full.entry(full).or_insert(name);
    }
    let mut out = HashMap::default();
    for (name, b) in bodies {
        let full = b.full_name.as_deref().unwrap_or(name);
        let first = by_full[full];
        out.insert(full.to_string(), first.to_string());
        out.entry(name.clone()).or_insert_with(|| first.to_string());
    }
    out
}

/// Level of an administrative division.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Province,
    Prefecture,
    County,
}

/// An administrative division of China.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Division {
    pub code: String,
    pub name: String,
    pub short: String,
    pub level: Level,
    /// Index of the parent division in [`Lexicon::divisions`].
    pub parent: Option<usize>,
}

/// What a word found in a sentence is, one word may be several things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Title(usize),
    Trigger(Trigger),
    /// The head of an event name, with the event kind.
    EventHead(EntityKind),
    BodySuffix(BodyKind),
    Body(usize),
    /// A division by full name or short name (index into divisions).
    Division(usize),
    /// A country, region or city abroad (index into [`Lexicon::abroad`]).
    Abroad(usize),
    /// A verb that may follow a name.
    Verb,
    /// A particle that may follow a name.
    Particle,
    /// A word that qualifies a name without changing what it names (`新冠肺炎`).
    Qualifier,
}

impl Cue {
    /// A place: a division of China or a place abroad.
    pub fn is_place(self) -> bool {
        matches!(self, Cue::Division(_) | Cue::Abroad(_))
    }
}

/// A country, region or city outside China's divisions (`countries.tsv`, `world_cities.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Abroad {
    /// The usual full short name (`印度尼西亚` for `印尼`); for a city, the city's name.
    pub canonical: String,
    /// For a city, the canonical name of its country.
    pub country: Option<String>,
}

/// A cue found in a sentence: char offsets and what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub cue: Cue,
}

/// The loaded lexicons.
/// What the name lists say of one character.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NameChar {
    /// The frequency class as a single-character surname (1 most common … 3 rare).
    pub surname: Option<u8>,
    /// How common in given names (0 never seen … 3 very common).
    pub given: u8,
    /// How common in transliterated foreign names (0 … 3).
    pub translit: u8,
}

#[derive(Debug)]
pub struct Lexicon {
    pub titles: Vec<(String, Title)>,
    title_index: HashMap<String, usize>,
    /// What the surname, given-name and transliteration lists say of each character they
    /// hold, in one entry, so that the tagger asks once per character.
    name_chars: HashMap<char, NameChar>,
    compound_surnames: HashSet<[char; 2]>,
    ambiguous_surnames: HashSet<char>,
    /// The first characters of countries' names (`巴` of 巴基斯坦), which news uses alone
    /// for the country before 方 or 军 (`巴方`, `乌军`).
    country_initials: HashSet<char>,
    common_words: HashSet<String>,
    /// Words that follow a place's, a group's or a thing's name but never a person's
    /// (`name_context.tsv`, class `thing`).
    thing_followers: Vec<String>,
    vocabulary: HashSet<String>,
    modifiers: HashSet<String>,
    /// Verbs no organisation's name holds (`开办`, `发生`): see [`Lexicon::is_clause_verb`].
    clause_verbs: HashSet<String>,
    connectives: HashSet<String>,
    pub bodies: Vec<(String, Body)>,
    /// Every name of a known body, short or full, to the first name `bodies.tsv` gives that
    /// body (`中国共产党中央委员会` and `党中央` → `中共中央`).
    body_names: HashMap<String, String>,
    pub divisions: Vec<Division>,
    pub abroad: Vec<Abroad>,
    division_by_name: HashMap<String, usize>,
    /// Counties by their short form (`舒兰` → 舒兰市), which names one only after the name
    /// of a division it lies in (`吉林舒兰`).
    county_by_short: HashMap<String, Vec<usize>>,
    province_abbrev: HashMap<char, usize>,
    qualifiers: Vec<String>,
    suffix_blockers: HashSet<String>,
    words: Vec<String>,
    cues: Vec<Vec<Cue>>,
    automaton: AhoCorasick,
    max_title_chars: usize,
    /// The learned person tagger's weights (`person_tagger.tsv`).
    tagger: Model,
}

/// The weights of the person tagger; a file of this name in `--lexicon DIR` replaces them
/// (weights do not add up the way word lists do).
const TAGGER_FILE: (&str, &str) = (
    "person_tagger.tsv",
    include_str!("../data/person_tagger.tsv"),
);

/// The built-in data files, embedded so the binary works anywhere.
const BUILTIN: &[(&str, &str)] = &[
    ("titles.tsv", include_str!("../data/titles.tsv")),
    ("triggers.tsv", include_str!("../data/triggers.tsv")),
    (
        "meeting_heads.txt",
        include_str!("../data/meeting_heads.txt"),
    ),
    ("org_suffixes.tsv", include_str!("../data/org_suffixes.tsv")),
    ("bodies.tsv", include_str!("../data/bodies.tsv")),
    ("name_context.tsv", include_str!("../data/name_context.tsv")),
    ("qualifiers.txt", include_str!("../data/qualifiers.txt")),
    (
        "suffix_blockers.txt",
        include_str!("../data/suffix_blockers.txt"),
    ),
    ("surnames.txt", include_str!("../data/surnames.txt")),
    (
        "given_name_chars.txt",
        include_str!("../data/given_name_chars.txt"),
    ),
    (
        "transliteration_chars.txt",
        include_str!("../data/transliteration_chars.txt"),
    ),
    ("common_words.txt", include_str!("../data/common_words.txt")),
    ("vocabulary.txt", include_str!("../data/vocabulary.txt")),
    ("modifiers.txt", include_str!("../data/modifiers.txt")),
    ("clause_verbs.txt", include_str!("../data/clause_verbs.txt")),
    ("connectives.txt", include_str!("../data/connectives.txt")),
    ("divisions.tsv", include_str!("../data/divisions.tsv")),
    (
        "province_abbrev.tsv",
        include_str!("../data/province_abbrev.tsv"),
    ),
    ("countries.tsv", include_str!("../data/countries.tsv")),
    ("world_cities.tsv", include_str!("../data/world_cities.tsv")),
];

/// The effective lines of a data file: (file name, line number, columns).
type Lines = Vec<(String, usize, Vec<String>)>;

/// One data line: its number and tab-separated columns.
struct Line<'a> {
    number: usize,
    cols: Vec<&'a str>,
}

/// Splits a data file into lines of columns, skipping comments and blank lines.
fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    text.lines().enumerate().filter_map(|(i, raw)| {
        let raw = raw.trim_end_matches('\r');
        if raw.trim().is_empty() || raw.trim_start().starts_with('#') {
            return None;
        }
        Some(Line {
            number: i + 1,
            cols: raw.split('\t').map(str::trim).collect(),
        })
    })
}

/// A data file's text: the built-in one, then the user's additions; `!word` lines remove.
struct Source {
    name: &'static str,
    texts: Vec<(String, String)>,
}

impl Source {
    /// The effective lines of the file, with the file name and line number for messages.
    fn lines(&self) -> Lines {
        let mut out: Lines = Vec::new();
        for (file, text) in &self.texts {
            for line in lines(text) {
                if let Some(word) = line.cols[0].strip_prefix('!') {
                    out.retain(|(_, _, cols)| cols[0] != word);
                    continue;
                }
                out.push((
                    file.clone(),
                    line.number,
                    line.cols.iter().map(|s| s.to_string()).collect(),
                ));
            }
        }
        out
    }
}

fn syntax(file: &str, line: usize, message: impl Into<String>) -> Error {
    Error::Syntax {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

impl Lexicon {
    /// The built-in lexicons only.
    pub fn builtin() -> Result<Lexicon, Error> {
        Lexicon::load(None)
    }

    /// The built-in lexicons extended by the files of the same names in `extra` (if any).
    pub fn load(extra: Option<&Path>) -> Result<Lexicon, Error> {
        let mut sources: Vec<Source> = BUILTIN
            .iter()
            .map(|(name, text)| Source {
                name,
                texts: vec![(format!("data/{name}"), text.to_string())],
            })
            .collect();
        if let Some(dir) = extra {
            if !dir.is_dir() {
                return Err(Error::Io {
                    path: dir.to_path_buf(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::NotFound,
                        "lexicon directory not found",
                    ),
                });
            }
            for source in &mut sources {
                let path = dir.join(source.name);
                if path.exists() {
                    let text = std::fs::read_to_string(&path).map_err(|e| Error::Io {
                        path: path.clone(),
                        source: e,
                    })?;
                    source.texts.push((path.display().to_string(), text));
                }
            }
        }
        let get = |name: &str| -> Lines {
            sources
                .iter()
                .find(|s| s.name == name)
                .map(Source::lines)
                .unwrap_or_default()
        };
        let (name, builtin) = TAGGER_FILE;
        let mine = extra.map(|dir| dir.join(name)).filter(|p| p.exists());
        let (file, text) = match mine {
            Some(path) => {
                let text = std::fs::read_to_string(&path).map_err(|e| Error::Io {
                    path: path.clone(),
                    source: e,
                })?;
                (path.display().to_string(), Cow::Owned(text))
            }
            None => (format!("data/{name}"), Cow::Borrowed(builtin)),
        };
        let tagger = Model::parse(&text).map_err(|e| syntax(&file, e.line, e.message))?;
        let mut lex = Lexicon::build(&get)?;
        lex.tagger = tagger;
        Ok(lex)
    }

    /// The learned person tagger.
    pub fn tagger(&self) -> &Model {
        &self.tagger
    }

    fn build(get: &dyn Fn(&str) -> Lines) -> Result<Lexicon, Error> {
        let mut words: Vec<String> = Vec::new();
        let mut word_index: HashMap<String, usize> = HashMap::default();
        let mut cues: Vec<Vec<Cue>> = Vec::new();
        let mut add = |word: &str, cue: Cue| {
            let i = *word_index.entry(word.to_string()).or_insert_with(|| {
                words.push(word.to_string());
                cues.push(Vec::new());
                words.len() - 1
            });
            if !cues[i].contains(&cue) {
                cues[i].push(cue);
            }
        };

        let mut titles = Vec::new();
        let mut title_index = HashMap::default();
        for (file, n, cols) in get("titles.tsv") {
            let class = match cols.get(1).map(String::as_str) {
                Some("post") => TitleClass::Post,
                Some("group") => TitleClass::Group,
                Some("courtesy") => TitleClass::Courtesy,
                Some("byline") => TitleClass::Byline,
                other => {
                    return Err(syntax(
                        &file,
                        n,
                        format!("unknown title class {other:?} (post, group, courtesy or byline)"),
                    ))
                }
            };
            let title = Title {
                class,
                implied_body: cols.get(2).filter(|s| !s.is_empty()).cloned(),
            };
            if let Some(&i) = title_index.get(&cols[0]) {
                titles[i] = (cols[0].clone(), title);
            } else {
                title_index.insert(cols[0].clone(), titles.len());
                titles.push((cols[0].clone(), title));
            }
        }
        for (i, (word, _)) in titles.iter().enumerate() {
            add(word, Cue::Title(i));
        }
        let max_title_chars = titles
            .iter()
            .map(|(w, _)| w.chars().count())
            .max()
            .unwrap_or(0);

        for (file, n, cols) in get("triggers.tsv") {
            let kind = cols.get(1).map(String::as_str).unwrap_or("");
            let trigger = match kind {
                "tenants" => Trigger::Tenants,
                "convenes" => Trigger::Convenes,
                other => match Relation::parse(other) {
                    Some(r) => Trigger::Relation(r),
                    None => return Err(syntax(&file, n, format!("unknown relation {other:?}"))),
                },
            };
            add(&cols[0], Cue::Trigger(trigger));
        }
        for (file, n, cols) in get("meeting_heads.txt") {
            let kind = match cols.get(1).map(String::as_str).unwrap_or("meeting") {
                "meeting" => EntityKind::Meeting,
                "exhibition" => EntityKind::Exhibition,
                "event" => EntityKind::Event,
                other => return Err(syntax(&file, n, format!("unknown event kind {other:?}"))),
            };
            add(&cols[0], Cue::EventHead(kind));
        }
        for (file, n, cols) in get("org_suffixes.tsv") {
            let kind = cols
                .get(1)
                .and_then(|k| BodyKind::parse(k))
                .ok_or_else(|| syntax(&file, n, "unknown body kind"))?;
            add(&cols[0], Cue::BodySuffix(kind));
        }
        let mut bodies = Vec::new();
        for (file, n, cols) in get("bodies.tsv") {
            let kind = cols
                .get(1)
                .and_then(|k| BodyKind::parse(k))
                .ok_or_else(|| syntax(&file, n, "unknown body kind"))?;
            bodies.push((
                cols[0].clone(),
                Body {
                    kind,
                    full_name: cols.get(2).filter(|s| !s.is_empty()).cloned(),
                },
            ));
        }
        for (i, (word, _)) in bodies.iter().enumerate() {
            add(word, Cue::Body(i));
        }
        let body_names = body_names(&bodies);
        let mut thing_followers: Vec<String> = Vec::new();
        for (file, n, cols) in get("name_context.tsv") {
            let cue = match cols.get(1).map(String::as_str) {
                Some("verb") => Cue::Verb,
                Some("particle") => Cue::Particle,
                Some("thing") => {
                    thing_followers.push(cols[0].clone());
                    continue;
                }
                other => return Err(syntax(&file, n, format!("unknown class {other:?}"))),
            };
            add(&cols[0], cue);
        }
        let mut qualifiers: Vec<String> = Vec::new();
        for (_, _, cols) in get("qualifiers.txt") {
            add(&cols[0], Cue::Qualifier);
            qualifiers.push(cols[0].clone());
        }
        let suffix_blockers = get("suffix_blockers.txt")
            .into_iter()
            .map(|(_, _, cols)| cols[0].clone())
            .collect();
        // Longest first, so `新冠肺炎` goes before `新冠`.
        qualifiers.sort_by_key(|q| std::cmp::Reverse(q.chars().count()));

        let mut surnames = HashMap::default();
        let mut compound_surnames = HashSet::default();
        let mut ambiguous_surnames = HashSet::default();
        for (file, n, cols) in get("surnames.txt") {
            let chars: Vec<char> = cols[0].chars().collect();
            let class: u8 = cols.get(1).and_then(|c| c.parse().ok()).unwrap_or(3);
            match chars.as_slice() {
                [c] => {
                    surnames.insert(*c, class);
                    if cols.get(2).is_some_and(|c| c == "ambiguous") {
                        ambiguous_surnames.insert(*c);
                    }
                }
                [a, b] => {
                    compound_surnames.insert([*a, *b]);
                }
                // Four-character Manchu clan names (爱新觉罗) are too rare in the genre to use.
                [_, _, _, ..] => {}
                [] => return Err(syntax(&file, n, "empty surname")),
            }
        }
        let char_weights = |name: &str| -> HashMap<char, u8> {
            get(name)
                .into_iter()
                .filter_map(|(_, _, cols)| {
                    let c = cols[0].chars().next()?;
                    Some((c, cols.get(1).and_then(|w| w.parse().ok()).unwrap_or(1)))
                })
                .collect()
        };
        let mut name_chars: HashMap<char, NameChar> = HashMap::default();
        for (c, class) in surnames {
            name_chars.entry(c).or_default().surname = Some(class);
        }
        for (c, w) in char_weights("given_name_chars.txt") {
            name_chars.entry(c).or_default().given = w;
        }
        for (c, w) in char_weights("transliteration_chars.txt") {
            name_chars.entry(c).or_default().translit = w;
        }
        let word_set = |name: &str| -> HashSet<String> {
            get(name)
                .into_iter()
                .map(|(_, _, cols)| cols[0].clone())
                .collect()
        };
        let common_words = word_set("common_words.txt");
        let vocabulary = word_set("vocabulary.txt");
        let modifiers = word_set("modifiers.txt");
        let clause_verbs = word_set("clause_verbs.txt");
        let connectives = word_set("connectives.txt");

        let mut divisions: Vec<Division> = Vec::new();
        let mut by_code: HashMap<String, usize> = HashMap::default();
        let mut parents: Vec<String> = Vec::new();
        for (file, n, cols) in get("divisions.tsv") {
            if cols.len() < 4 {
                return Err(syntax(
                    &file,
                    n,
                    "expected code, name, short, level, parent",
                ));
            }
            let level = match cols[3].as_str() {
                "province" => Level::Province,
                "prefecture" => Level::Prefecture,
                "county" => Level::County,
                other => return Err(syntax(&file, n, format!("unknown level {other:?}"))),
            };
            by_code.insert(cols[0].clone(), divisions.len());
            parents.push(cols.get(4).cloned().unwrap_or_default());
            divisions.push(Division {
                code: cols[0].clone(),
                name: cols[1].clone(),
                short: cols[2].clone(),
                level,
                parent: None,
            });
        }
        for (d, parent) in divisions.iter_mut().zip(&parents) {
            d.parent = by_code.get(parent).copied();
        }
        // A name shared by several divisions (two counties called 城区) names the higher one, and
        // among equals the first listed, so lookups are deterministic.
        let mut division_by_name: HashMap<String, usize> = HashMap::default();
        for (i, d) in divisions.iter().enumerate() {
            // A county's short form is too often a common word (和平, 城关) to stand alone.
            let names = if d.level == Level::County {
                vec![&d.name]
            } else {
                vec![&d.name, &d.short]
            };
            for name in names {
                if name.chars().count() < 2 {
                    continue;
                }
                let keep = match division_by_name.get(name.as_str()) {
                    Some(&j) => divisions[j].level <= d.level,
                    None => false,
                };
                if !keep {
                    division_by_name.insert(name.clone(), i);
                }
            }
        }
        for (name, &i) in &division_by_name {
            add(name, Cue::Division(i));
        }
        let mut county_by_short: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, d) in divisions.iter().enumerate() {
            if d.level == Level::County && d.short != d.name && d.short.chars().count() >= 2 {
                county_by_short.entry(d.short.clone()).or_default().push(i);
            }
        }
        // Places abroad; a name China's divisions already hold (`吉林`) stays a division.
        let mut abroad = Vec::new();
        let mut country_initials = HashSet::default();
        for (_, _, cols) in get("countries.tsv") {
            if cols.get(2).is_some_and(|k| k == "country") {
                country_initials.extend(cols[0].chars().next());
            }
            abroad.push((
                cols[0].clone(),
                Abroad {
                    canonical: cols
                        .get(1)
                        .filter(|c| !c.is_empty())
                        .unwrap_or(&cols[0])
                        .clone(),
                    country: None,
                },
            ));
        }
        for (_, _, cols) in get("world_cities.tsv") {
            abroad.push((
                cols[0].clone(),
                Abroad {
                    canonical: cols[0].clone(),
                    country: cols.get(1).cloned(),
                },
            ));
        }
        let mut abroad_places = Vec::new();
        for (name, place) in abroad {
            if name.chars().count() < 2 || division_by_name.contains_key(&name) {
                continue;
            }
            add(&name, Cue::Abroad(abroad_places.len()));
            abroad_places.push(place);
        }
        let mut province_abbrev = HashMap::default();
        for (file, n, cols) in get("province_abbrev.tsv") {
            let (Some(a), Some(full)) = (cols[0].chars().next(), cols.get(1)) else {
                return Err(syntax(&file, n, "expected abbreviation and province"));
            };
            if let Some(&i) = division_by_name.get(full.as_str()) {
                province_abbrev.insert(a, i);
            }
        }

        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&words)?;
        Ok(Lexicon {
            titles,
            title_index,
            name_chars,
            compound_surnames,
            ambiguous_surnames,
            country_initials,
            common_words,
            thing_followers,
            vocabulary,
            modifiers,
            clause_verbs,
            connectives,
            bodies,
            body_names,
            divisions,
            abroad: abroad_places,
            division_by_name,
            county_by_short,
            province_abbrev,
            qualifiers,
            suffix_blockers,
            words,
            cues,
            automaton,
            max_title_chars,
            tagger: Model::default(),
        })
    }

    /// Every lexicon word in `text` (overlapping), as char offsets, in order of end then start.
    ///
    /// `byte_to_char` maps each byte offset of `text` (and its length) to a char offset.
    pub fn scan(&self, text: &str, byte_to_char: &[u32]) -> Vec<Found> {
        let mut out = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let start = byte_to_char[m.start()] as usize;
            let end = byte_to_char[m.end()] as usize;
            for &cue in &self.cues[m.pattern().as_usize()] {
                out.push(Found { start, end, cue });
            }
        }
        out.sort_by_key(|f| (f.end, f.start));
        out
    }

    /// The word a pattern index stands for (for debugging and messages).
    pub fn word(&self, i: usize) -> &str {
        &self.words[i]
    }

    pub fn title(&self, word: &str) -> Option<&Title> {
        self.title_index.get(word).map(|&i| &self.titles[i].1)
    }

    pub fn title_at(&self, i: usize) -> (&str, &Title) {
        let (w, t) = &self.titles[i];
        (w, t)
    }

    pub fn max_title_chars(&self) -> usize {
        self.max_title_chars
    }

    /// The frequency class of a single-character surname (1 most common … 3 rare).
    pub fn surname_class(&self, c: char) -> Option<u8> {
        self.name_char(c).surname
    }

    /// What the name lists say of a character (all empty for one they do not hold).
    pub fn name_char(&self, c: char) -> NameChar {
        self.name_chars.get(&c).copied().unwrap_or_default()
    }

    /// A surname that is also a common function word (`于`, `和`).
    pub fn is_ambiguous_surname(&self, c: char) -> bool {
        self.ambiguous_surnames.contains(&c)
    }

    /// Whether `c` begins a country's name (`乌` of 乌克兰, `巴` of 巴基斯坦): what stands
    /// for the country in `乌方` (the Ukrainian side) and `乌军` (its army).
    pub fn is_country_initial(&self, c: char) -> bool {
        self.country_initials.contains(&c)
    }

    pub fn is_compound_surname(&self, a: char, b: char) -> bool {
        self.compound_surnames.contains(&[a, b])
    }

    /// How common a character is in given names (0 never seen … 3 very common).
    pub fn given_weight(&self, c: char) -> u8 {
        self.name_char(c).given
    }

    /// How common a character is in transliterated foreign names (0 … 3).
    pub fn translit_weight(&self, c: char) -> u8 {
        self.name_char(c).translit
    }

    pub fn is_common_word(&self, w: &str) -> bool {
        self.common_words.contains(w)
    }

    /// Whether `text` starts with a word that follows a place's, a group's or a thing's name
    /// but never a person's (`巴赫穆特|方向`, `奥密克戎|变异株`).
    pub fn starts_with_thing_follower(&self, text: &str) -> bool {
        self.thing_followers
            .iter()
            .any(|w| text.starts_with(w.as_str()))
    }

    /// Whether `w` is a frequent word of any kind but a person's name (`作家`, `华北`).
    pub fn is_word(&self, w: &str) -> bool {
        self.vocabulary.contains(w)
    }

    /// Whether `w` is a word that names no thing: a verb, adjective, adverb, pronoun, numeral,
    /// preposition, conjunction or particle (`确保`, `重大`, `以`).
    pub fn is_modifier(&self, w: &str) -> bool {
        self.modifiers.contains(w)
    }

    /// Whether `w` is a verb that no organisation's name holds (`开办`, `接连`, `涵盖`, but not
    /// `开发` of `国家开发银行`): written before a school's or a company's suffix, it ends the
    /// clause the name stands in.
    pub fn is_clause_verb(&self, w: &str) -> bool {
        self.clause_verbs.contains(w)
    }

    /// Whether `w` is a preposition or a conjunction of two characters (`根据`, `以及`): no
    /// post's words begin with one.
    pub fn is_connective(&self, w: &str) -> bool {
        self.connectives.contains(w)
    }

    /// Whether `chars` is made only of [`Lexicon::is_modifier`] words (`确保`, `召开重要`):
    /// words before a head that give it no name.
    pub fn only_modifiers(&self, chars: &[char]) -> bool {
        // ok[i]: chars[..i] splits into modifier words.
        let mut ok = vec![false; chars.len() + 1];
        ok[0] = true;
        for i in 0..chars.len() {
            if !ok[i] {
                continue;
            }
            for n in 1..=4.min(chars.len() - i) {
                let w: String = chars[i..i + n].iter().collect();
                if self.modifiers.contains(&w) {
                    ok[i + n] = true;
                }
            }
        }
        !chars.is_empty() && ok[chars.len()]
    }

    /// The name a known body is keyed by, whichever of its names is written; `None` for a
    /// body the lexicon does not know.
    pub fn known_body(&self, name: &str) -> Option<&str> {
        self.body_names.get(name).map(String::as_str)
    }

    pub fn body(&self, i: usize) -> (&str, &Body) {
        let (w, b) = &self.bodies[i];
        (w, b)
    }

    pub fn division(&self, i: usize) -> &Division {
        &self.divisions[i]
    }

    /// Whether `short` is the short form of a county inside division `within`: written right
    /// after that division's name (`吉林|舒兰`, `西藏|白朗`), it names the county.
    pub fn county_within(&self, short: &str, within: usize) -> bool {
        self.county_by_short.get(short).is_some_and(|cs| {
            cs.iter().any(|&c| {
                let mut d = self.divisions[c].parent;
                while let Some(p) = d {
                    if p == within {
                        return true;
                    }
                    d = self.divisions[p].parent;
                }
                false
            })
        })
    }

    pub fn division_named(&self, name: &str) -> Option<usize> {
        self.division_by_name.get(name).copied()
    }

    /// The province a one-character abbreviation stands for (`晋` → 山西省).
    pub fn province_of_abbrev(&self, c: char) -> Option<usize> {
        self.province_abbrev.get(&c).copied()
    }

    /// Words that may be inserted into a body's name without changing it, longest first.
    pub fn qualifiers(&self) -> &[String] {
        &self.qualifiers
    }

    /// Whether `word` is an ordinary word that starts with a body suffix (`部署`).
    pub fn is_suffix_blocker(&self, word: &str) -> bool {
        self.suffix_blockers.contains(word)
    }

    /// The province a division lies in (itself for a province).
    pub fn province_of(&self, mut i: usize) -> usize {
        while let Some(p) = self.divisions[i].parent {
            i = p;
        }
        i
    }

    /// The prefecture-level division a division lies in, if it is below a province.
    pub fn prefecture_of(&self, mut i: usize) -> Option<usize> {
        loop {
            match self.divisions[i].level {
                Level::Province => return None,
                Level::Prefecture => return Some(i),
                Level::County => i = self.divisions[i].parent?,
            }
        }
    }
}
