//! People: names after title chains, in enumerations, before verbs and titles, and their posts.
//!
//! Chinese writes no spaces, so where a name ends is decided by what may follow a name: a
//! verb of the genre (`主持`, `指出`), a particle (`在`, `等`), punctuation, a date, a title
//! (`栗战书委员长`). A name starts with a surname from the lexicon, or, for foreign and
//! minority names, is a run of transliteration characters (`托卡耶夫`, `帕巴拉·格列朗杰`).
//! How much evidence a candidate needs depends on its context: after a title anything
//! name-shaped is taken (`副省长于英杰`, where 于 is otherwise a preposition; `贺天才`, where
//! 天才 is otherwise a word), while an untitled candidate must sit in a list of names or before
//! a verb, and must not be a common word.

use std::collections::HashSet;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon::{Cue, Lexicon, TitleClass};
use crate::model::Basis;

use super::chars::{is_boundary, is_clause_end, is_han, start, Sent};
use super::frame::CAUSATIVES;

/// A post written in a title chain before a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostSpan {
    /// Chars of the whole post (`省委副书记`) in the sentence.
    pub start: usize,
    pub end: usize,
    /// Where the title word starts (`副书记`); `start..title_start` is the body as written.
    pub title_start: usize,
    pub title: String,
    pub class: TitleClass,
    pub implied_body: Option<String>,
}

/// A person's name found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonSpan {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub posts: Vec<PostSpan>,
    /// The cue that found it.
    pub how: Basis,
}

impl PersonSpan {
    /// The name at chars `start..end` of `sent`, found without a post.
    fn bare(sent: &Sent, start: usize, end: usize, how: Basis) -> PersonSpan {
        PersonSpan {
            start,
            end,
            name: sent.slice(start, end),
            posts: Vec::new(),
            how,
        }
    }
}

/// Characters that never occur inside a given name written after a title.
const NOT_IN_NAME: &str = "的了是在与等及对把被从向由将已都就并而或这那此该各每们着所年日号";

/// Whether `c` may stand inside a name: a Han character other than [`NOT_IN_NAME`]'s.
fn name_char(c: char) -> bool {
    is_han(c) && !NOT_IN_NAME.contains(c)
}

/// Whether a cue of a kind `kind` accepts overlaps the span `a..b`.
fn cue_over(sent: &Sent, a: usize, b: usize, kind: impl Fn(&Cue) -> bool) -> bool {
    sent.found_between(a + 1, b)
        .iter()
        .any(|f| f.start < b && f.end > a && kind(&f.cue))
}

/// Last characters that make a candidate a body rather than a person (`党委`, `常委会`).
const BODY_ENDINGS: &str = "委会部局厅院组处办府协署司馆所队团社";

/// Names already found in an article, looked up by the text at a place: scanning a sentence
/// once per known name was quadratic in an article naming thousands of people.
#[derive(Debug, Default)]
pub struct KnownNames {
    /// Each name's rank: longer names first, so that a known `王岐山` is found before `王岐`.
    /// Keyed by characters, so that a sentence's text is looked up where it stands.
    rank: FxHashMap<Vec<char>, usize>,
    /// The lengths, in characters, that names have.
    lengths: Vec<usize>,
    /// The characters names start with: most places of a sentence start none, and are
    /// passed over without a look-up per length.
    firsts: FxHashSet<char>,
}

impl KnownNames {
    /// The known names written in `sent`, as (rank, start, length), in rank order.
    fn occurrences(&self, sent: &Sent) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        for &n in &self.lengths {
            for i in 0..(sent.len() + 1).saturating_sub(n) {
                if !self.firsts.contains(&sent.chars[i]) {
                    continue;
                }
                if let Some(&rank) = self.rank.get(&sent.chars[i..i + n]) {
                    found.push((rank, i, n));
                }
            }
        }
        found.sort_unstable();
        found
    }

    /// `names` in the order they should claim text (longest first); names shorter than two
    /// characters are left out, as too ambiguous.
    pub fn new<S: AsRef<str>>(names: &[S]) -> KnownNames {
        let mut known = KnownNames::default();
        for name in names.iter().map(AsRef::as_ref) {
            let name: Vec<char> = name.chars().collect();
            let n = name.len();
            if n >= 2 && !known.rank.contains_key(&name) {
                let rank = known.rank.len();
                known.firsts.insert(name[0]);
                known.rank.insert(name, rank);
                if !known.lengths.contains(&n) {
                    known.lengths.push(n);
                }
            }
        }
        known
    }
}

/// The people found so far in a sentence, with the places they take, so that asking whether a
/// candidate overlaps one costs its length rather than the number found.
#[derive(Debug, Clone)]
struct Spans {
    spans: Vec<PersonSpan>,
    taken: Vec<bool>,
}

impl Spans {
    fn new(sent: &Sent) -> Spans {
        Spans {
            spans: Vec::new(),
            taken: vec![false; sent.len() + 1],
        }
    }

    fn push(&mut self, p: PersonSpan) {
        let end = p.end.min(self.taken.len());
        for t in &mut self.taken[p.start.min(end)..end] {
            *t = true;
        }
        self.spans.push(p);
    }

    /// Drops the untitled names that start inside a known name written in the sentence
    /// (`平强军` of `习近平|强军思想`; `known` as [`KnownNames::occurrences`] gives them), so that
    /// the known name can claim its place.
    fn drop_inside(&mut self, known: &[(usize, usize, usize)]) {
        if known.is_empty() {
            return;
        }
        let inside = |s: usize| known.iter().any(|&(_, i, n)| i < s && s < i + n);
        let (keep, gone): (Vec<PersonSpan>, Vec<PersonSpan>) = std::mem::take(&mut self.spans)
            .into_iter()
            .partition(|p| !(p.how.is_untitled_name() && inside(p.start)));
        if gone.is_empty() {
            self.spans = keep;
            return;
        }
        self.taken.iter_mut().for_each(|t| *t = false);
        for p in keep {
            self.push(p);
        }
    }

    /// Gives the span at `k` the posts of a list it turned out to end (the span stays where
    /// it is, so what it covers does not change).
    fn set_posts(&mut self, k: usize, posts: Vec<PostSpan>) {
        self.spans[k].posts = posts;
    }
}

impl std::ops::Deref for Spans {
    type Target = [PersonSpan];

    fn deref(&self) -> &[PersonSpan] {
        &self.spans
    }
}

/// Finds the people named in a sentence; `known` holds names already found in the article.
pub fn find(sent: &Sent, lex: &Lexicon, known: &KnownNames) -> Vec<PersonSpan> {
    settle(sent, lex, candidates(sent, lex), known)
}

/// What a sentence names before the article's known names are asked: the titled, listed,
/// name-shaped and tagged people ([`find`] is [`candidates`] then [`settle`]). An article asks
/// twice, once to learn its names and once with them; the candidates do not depend on them,
/// so they are found once and settled twice.
#[derive(Debug, Clone)]
pub struct Candidates(Spans);

/// The candidates of a sentence ([`Candidates`]).
pub fn candidates(sent: &Sent, lex: &Lexicon) -> Candidates {
    let mut out = Spans::new(sent);
    titled(sent, lex, &mut out);
    foreign(sent, lex, &mut out);
    name_title(sent, lex, &mut out);
    untitled(sent, lex, &mut out);
    lists(sent, lex, &mut out);
    name_shaped(sent, lex, &mut out);
    name_shaped_short(sent, lex, &mut out);
    foreign_untitled(sent, lex, &mut out);
    with_tagger(sent, lex, &mut out);
    Candidates(out)
}

/// The people of a sentence from its candidates and the names `known` in the article: a
/// known name claims its place from untitled ones, and what reads as a word, a place or a
/// country's side is dropped.
pub fn settle(
    sent: &Sent,
    lex: &Lexicon,
    candidates: Candidates,
    known: &KnownNames,
) -> Vec<PersonSpan> {
    let Candidates(mut out) = candidates;
    let known_here = known.occurrences(sent);
    out.drop_inside(&known_here);
    known_names(sent, lex, &known_here, &mut out);
    let mut out = out.spans;
    // A two-character candidate that is an ordinary word (`贺信`, `国际`) is the word, after
    // a title too (`总书记|贺信`): the vocabulary holds no person names.
    let a_word = |p: &PersonSpan| p.name.chars().count() == 2 && lex.is_word(&p.name);
    // A surname repeated as the given name, where no name may end, is a word
    // (`殷殷|嘱托`); before a verb or a particle it may be a child's pet name (`乐乐|的`).
    let doubled = |p: &PersonSpan| {
        let c: Vec<char> = p.name.chars().collect();
        c.len() == 2 && c[0] == c[1] && !follows_ok(sent, p.end)
    };
    for p in &mut out {
        after_function_word(sent, lex, &known_here, p);
        clause_word_off(sent, lex, p);
    }
    out.retain(|p| {
        !a_place(sent, lex, p)
            && !inside_a_word(sent, p)
            && !a_word(p)
            && !doubled(p)
            && !a_country_side(lex, p)
            && !p.name.is_empty()
    });
    // A title right after a name that a frame vouches for is that name's (`阮富仲总书记|是坚定的…`,
    // `习近平总书记|关于党的…`): it starts no name of its own. Not after a bare shape or
    // transliteration, which may be a place's (`杰克逊市长卢蒙巴`).
    let named_ends: Vec<usize> = out
        .iter()
        .filter(|p| {
            matches!(
                p.how,
                Basis::NameTitle | Basis::Titled | Basis::List | Basis::Given
            )
        })
        .map(|p| p.end)
        .collect();
    out.retain(|p| {
        p.how != Basis::Titled
            || !sent.cues_ending_at(p.start).any(|f| {
                matches!(f.cue, Cue::Title(_)) && f.start > 0 && named_ends.contains(&f.start)
            })
    });
    out.sort_by_key(|p| (p.start, p.end));
    out
}

/// Whether a candidate starts inside a word the segmenter reads and its dictionary does not
/// hold as a person's name (`主席国|特别代表`, `等国|发言`), or, read by the tagger alone,
/// ends inside one (`李星|夫妻`, `方健|力`). Names the article or the input gives are left:
/// they are known.
fn inside_a_word(sent: &Sent, p: &PersonSpan) -> bool {
    use super::segment::{word_kind, WordKind};
    if matches!(p.how, Basis::Given | Basis::Known) || p.end > sent.len() {
        return false;
    }
    // The dictionary also holds a conjunction or a preposition joined to a name it knows
    // (`和普京`), not only words (`和平发展`).
    let joined_name = |a: usize, b: usize| {
        a + 1 == p.start
            && b == p.end
            && super::segment::LEADING_FUNCTION.contains(sent.chars[a])
            && super::segment::is_one_word(&p.name)
    };
    let not_a_name = |(a, b): (usize, usize)| {
        word_kind(&sent.slice(a, b)) != WordKind::Other && !joined_name(a, b)
    };
    // A title that ends where the name starts and begins before the word is the lexicon's
    // boundary, whatever the segmenter joins across it (`行|长孙|德顺` for 行长孙德顺).
    let title_cut = |(a, _): (usize, usize)| {
        sent.cues_ending_at(p.start)
            .any(|f| matches!(f.cue, Cue::Title(_)) && f.start < a)
    };
    sent.word_across(p.start)
        .is_some_and(|w| not_a_name(w) && !title_cut(w))
        || (p.how == Basis::Tagged && sent.word_across(p.end).is_some_and(not_a_name))
}

/// Drops the end of a name of three or more characters where a verb or a function word of
/// the clause begins, as the segmenter reads the sentence: `普京|不在`, `洪森|邀请`,
/// `马克·亚当斯|介绍`, `哈宁|分别`. Only words of two characters or more: a single one is a
/// name's as often (`杨晓渡`, `拉赫蒙`, `王家和`), and so is a character that starts a verb
/// with the next one if given or transliterated names hold it (`王建强|强调`, `索托|称`). At
/// least two characters stay.
fn clause_word_off(sent: &Sent, lex: &Lexicon, p: &mut PersonSpan) {
    if p.how == Basis::Given || p.end - p.start < 3 || p.end > sent.len() {
        return;
    }
    let cut = (p.start + 2..p.end).find(|&k| {
        if sent.word_across(k).is_some() {
            return false;
        }
        let w_end = sent.word_end(k);
        if w_end < p.end {
            return false;
        }
        let word = sent.slice(k, w_end);
        let clause = matches!(
            super::segment::word_kind(&word),
            super::segment::WordKind::Verb | super::segment::WordKind::Function
        );
        // What stays of the word inside the name must be no given name's.
        let inside_plain = (k..p.end).all(|i| {
            let n = lex.name_char(sent.chars[i]);
            n.given == 0 && n.translit == 0
        });
        let whole_inside = w_end == p.end;
        clause && w_end - k >= 2 && (whole_inside || inside_plain) && sent.chars[k - 1] != '·'
    });
    if let Some(k) = cut {
        p.end = k;
        p.name = sent.slice(p.start, k);
    }
}

/// Reporters who sign a local report at its end without a role word, in brackets or after
/// a box (`…攻坚。(张明提 弓芳芳)`, `…(草案)。□黄和芳`): one to three names, each a surname
/// and one or two more characters, none a word. A report that names its reporters in a
/// byline has no need of this.
pub fn closing_signature(sents: &[Sent], lex: &Lexicon) -> Vec<String> {
    let Some(last) = sents.last() else {
        return Vec::new();
    };
    let tail = last
        .text
        .rsplit(['。', '！', '？'])
        .next()
        .unwrap_or_default()
        .trim();
    let inside = if let Some(rest) = tail.strip_prefix(['□', '■']) {
        rest
    } else if let Some(rest) = tail.strip_prefix(['(', '（']) {
        let Some(inner) = rest.strip_suffix([')', '）']) else {
            return Vec::new();
        };
        inner
    } else {
        return Vec::new();
    };
    let names: Vec<&str> = inside
        .split(|c: char| c.is_whitespace() || c == '、')
        .filter(|t| !t.is_empty())
        .collect();
    let name_like = |t: &str| {
        let chars: Vec<char> = t.chars().collect();
        chars
            .first()
            .is_some_and(|&c| lex.surname_class(c).is_some())
            && (2..=3).contains(&chars.len())
            && chars.iter().all(|&c| name_char(c))
            && !lex.is_word(t)
            && !lex.is_common_word(t)
    };
    if (1..=3).contains(&names.len()) && names.iter().all(|t| name_like(t)) {
        names.into_iter().map(str::to_string).collect()
    } else {
        Vec::new()
    }
}

/// Whether an untitled candidate is a country's side or army, as diplomatic and war news
/// write them: a country's first character before 方 or 军 (`巴方`, `乌军`, `乌方美`
/// cut from `乌方美方`). A surname among the hundred most common (`马`, `韩`) is read as one:
/// `马军` is more often a man than Malaysia's army.
fn a_country_side(lex: &Lexicon, p: &PersonSpan) -> bool {
    let mut chars = p.name.chars();
    let (Some(c), Some(side)) = (chars.next(), chars.next()) else {
        return false;
    };
    p.how != Basis::Titled
        && matches!(side, '方' | '军')
        && lex.is_country_initial(c)
        && lex.surname_class(c) != Some(1)
}

/// The names among `candidates` (found in the article with no title) that the article itself
/// shows to be no person's, because somewhere it writes the name where no person's would be:
///
/// - before a word that follows places, groups and things but never a person
///   (`巴赫穆特|方向`, `哈马斯|武装`, `奥密克戎|变异株`; `name_context.tsv`, class `thing`);
/// - transliterated, before a place's suffix or as the start of a town's name
///   (`梅利托|波尔市`);
/// - alone in quotation marks, as weapons, storms, products and nicknames are (`“海马斯”`);
/// - in an enumeration of places (`斯拉维扬斯克、红利曼、顿涅茨克等`);
/// - as a country's side, `X方`, in an article that writes `中方` and `中X`
///   (`中方愿同马方一道…中马关系`), or a pair of countries, `X中`, in one that writes of
///   relations or of the two countries (`韩中关系`): a top-100 surname escapes
///   [`a_country_side`], not these.
///
/// A name is one thing throughout an article, so every untitled mention of such a name goes:
/// an article that writes `巴赫穆特方向` means the town in `巴赫穆特击退…` too. A title
/// before the name overrides all this (`总统塞西`).
pub fn refuted(sents: &[Sent], lex: &Lexicon, text: &str, candidates: &[&str]) -> HashSet<String> {
    let names = KnownNames::new(candidates);
    let as_thing: HashSet<usize> = sents
        .iter()
        .flat_map(|sent| {
            names
                .occurrences(sent)
                .into_iter()
                .filter(|&(_, s, n)| written_as_thing(sent, lex, s, s + n))
                .map(|(rank, _, _)| rank)
        })
        .collect();
    let side = |chars: &[char]| match chars {
        [c, '方'] if lex.is_country_initial(*c) => {
            text.contains("中方") && text.contains(&format!("中{c}"))
        }
        [c, '中'] if lex.is_country_initial(*c) => text.contains("两国") || text.contains("关系"),
        _ => false,
    };
    candidates
        .iter()
        .filter(|name| {
            let chars: Vec<char> = name.chars().collect();
            names.rank.get(&chars).is_some_and(|r| as_thing.contains(r))
                || side(&name.chars().collect::<Vec<_>>())
        })
        .map(|name| name.to_string())
        .collect()
}

/// Whether the name at `s..e` of `sent` is written as no person's would be ([`refuted`]).
fn written_as_thing(sent: &Sent, lex: &Lexicon, s: usize, e: usize) -> bool {
    if sent.starts_at(e) & start::TITLE != 0 {
        return false;
    }
    let rest: String = sent.chars[e..].iter().take(6).collect();
    if lex.starts_with_thing_follower(&rest) {
        return true;
    }
    let translit = (s..e).all(|i| sent.chars[i] == '·' || lex.translit_weight(sent.chars[i]) > 0);
    if translit {
        if PLACE_SUFFIXES.iter().any(|p| sent.has_at(e, p)) {
            return true;
        }
        // A town's name the candidate only begins: `梅利托|波尔`.
        let mut k = e;
        while k < (e + 4).min(sent.len()) && lex.translit_weight(sent.chars[k]) > 0 {
            k += 1;
            if TOWN_ENDINGS.iter().any(|t| sent.slice(s, k).ends_with(t)) {
                return true;
            }
        }
    }
    let before = s.checked_sub(1).and_then(|i| sent.char_at(i));
    let after = sent.char_at(e);
    // Not `《…》`: a documentary or a book is named after a person as often (`纪录片《李苦禅》`).
    if matches!(
        (before, after),
        (Some('“'), Some('”')) | (Some('「'), Some('」'))
    ) {
        return true;
    }
    // In an enumeration, its neighbours all places, each a whole member (not the start of
    // the next member's post, `张三、江苏省委书记李四`): a person's list may hold a name
    // that is also a place's (`萍（女）、吉林、曲青山`), but not only places.
    let member_end = |j: usize| {
        sent.char_at(j)
            .is_none_or(|c| "、等和及".contains(c) || is_boundary(c))
    };
    let member_start = |j: Option<usize>| {
        j.and_then(|j| sent.char_at(j))
            .is_none_or(|c| "、在于到从和与及".contains(c) || is_boundary(c))
    };
    let right = (after == Some('、')).then(|| {
        sent.cues_starting_at(e + 1)
            .any(|f| f.cue.is_place() && member_end(f.end))
    });
    let left = (before == Some('、')).then(|| {
        sent.cues_ending_at(s - 1)
            .any(|f| f.cue.is_place() && member_start(f.start.checked_sub(1)))
    });
    match (left, right) {
        (None, None) => false,
        (l, r) => l.unwrap_or(true) && r.unwrap_or(true),
    }
}

/// Drops a function word taken for a surname (`和`, `同`, `从`: surnames that are
/// [`Lexicon::is_ambiguous_surname`]) from a candidate when what follows it is a name: one the
/// article gives elsewhere, or one a title follows (`习近平主席和|普京总统`). The title before
/// such a candidate is the previous name's, so its posts go. A candidate is emptied, and `find`
/// drops it, when what follows the word is a title or an ordinary word (`和|总统`, `从|今天`,
/// `同|晋升`), after a title too.
fn after_function_word(
    sent: &Sent,
    lex: &Lexicon,
    known: &[(usize, usize, usize)],
    p: &mut PersonSpan,
) {
    let Some(c) = p.name.chars().next() else {
        return;
    };
    // Conjunctions and prepositions only: `党`, `万`, `应` are surnames of officials more
    // often than words before a name (`党忠诚`).
    const BEFORE_NAMES: &str = "和同与从对向在为将把被由及";
    if !BEFORE_NAMES.contains(c) || !lex.is_ambiguous_surname(c) || p.end - p.start < 3 {
        return;
    }
    let rest = sent.slice(p.start + 1, p.end);
    // A title of two characters or more from `from`, ending by `to`, as the lexicon's scan
    // marked it.
    let starts_title = |from: usize, to: usize| {
        sent.cues_starting_at(from)
            .any(|f| matches!(f.cue, Cue::Title(_)) && f.end - f.start >= 2 && f.end <= to)
    };
    let known_rest = known
        .iter()
        .any(|&(_, s, n)| s == p.start + 1 && s + n == p.end);
    let a_word = any_word(lex, &rest);
    if known_rest || (!a_word && starts_title(p.end, sent.len())) {
        p.posts.retain(|q| q.start >= p.end);
        p.start += 1;
        p.name = rest;
        p.how = if known_rest {
            Basis::Known
        } else {
            Basis::NameTitle
        };
    } else if a_word || starts_title(p.start + 1, p.end) {
        p.name.clear();
    }
}

/// Whether a candidate is a place's name: a division or a country of the lexicon written
/// exactly there (`海南文昌`), or, untitled, a transliterated town (`库皮扬斯克`) or a county's
/// short form after a division it lies in (`吉林|舒兰`).
fn a_place(sent: &Sent, lex: &Lexicon, p: &PersonSpan) -> bool {
    let lexicon_place = sent
        .cues_ending_at(p.end)
        .any(|f| f.start == p.start && f.cue.is_place());
    let untitled = p.how != Basis::Titled;
    let town = untitled && TOWN_ENDINGS.iter().any(|e| p.name.ends_with(e));
    let county = untitled
        && sent.cues_ending_at(p.start).any(|f| match f.cue {
            Cue::Division(d) => lex.county_within(&p.name, d),
            _ => false,
        });
    lexicon_place || town || county
}

fn overlaps(out: &Spans, a: usize, b: usize) -> bool {
    let b = b.min(out.taken.len());
    out.taken[a.min(b)..b].iter().any(|&t| t)
}

/// Cues that begin a word after a name (`于英杰|通报`): a name ends before them.
const FOLLOWERS: u16 = start::VERB | start::PARTICLE | start::TRIGGER | start::TITLE;

/// Whether a name may end right before `j`.
fn follows_ok(sent: &Sent, j: usize) -> bool {
    let Some(c) = sent.char_at(j) else {
        return true;
    };
    if is_boundary(c) || c.is_ascii_digit() {
        return true;
    }
    if sent.starts_at(j) & FOLLOWERS != 0 {
        return true;
    }
    // A date in Chinese numerals right after a name (`习近平十九日`) is rare; `日前`, `近日` are
    // particles already.
    false
}

/// Whether `j` starts a word that may follow a name, and so is unlikely inside one.
fn starts_follower(sent: &Sent, j: usize) -> bool {
    sent.starts_at(j) & (start::VERB | start::PARTICLE | start::TRIGGER) != 0
}

/// Length of the surname at `i`: 2 for a compound surname, 1 for a single one.
fn surname_len(sent: &Sent, lex: &Lexicon, i: usize) -> Option<usize> {
    let a = sent.char_at(i)?;
    if let Some(b) = sent.char_at(i + 1) {
        if lex.is_compound_surname(a, b) {
            return Some(2);
        }
    }
    lex.surname_class(a).map(|_| 1)
}

/// The length of a Han name starting with a surname at `s`, when what follows allows it.
///
/// `strict` is for untitled candidates: every given-name character must be known as one and
/// the name must not be a common word.
fn han_name_len(sent: &Sent, lex: &Lexicon, s: usize, strict: bool) -> Option<usize> {
    let sl = surname_len(sent, lex, s)?;
    let ok_char = |i: usize| sent.char_at(i).is_some_and(name_char);
    // Untitled, every given-name character but one of a two-character given name must be
    // known as one (`杨晓渡`: 渡 is rare in names, 晓 is not).
    let known = |i: usize| sent.char_at(i).is_some_and(|c| lex.given_weight(c) > 0);
    let valid = |gl: usize| -> bool {
        let l = sl + gl;
        let given_ok = !strict || (0..gl).any(|k| known(s + sl + k));
        (0..gl).all(|k| ok_char(s + sl + k)) && given_ok && follows_ok(sent, s + l)
    };
    let two = valid(2);
    let one = valid(1);
    let len = match (one, two) {
        (true, true) => {
            // `王毅等出席`: the second given character begins a follower and is rarely in names.
            let c2 = sent.chars[s + sl + 1];
            if starts_follower(sent, s + sl + 1) && lex.given_weight(c2) <= 1 {
                sl + 1
            } else {
                sl + 2
            }
        }
        (false, true) => sl + 2,
        (true, false) => sl + 1,
        (false, false) => return None,
    };
    if strict {
        let name = sent.slice(s, s + len);
        if lex.is_common_word(&name) {
            return None;
        }
        if BODY_ENDINGS.contains(sent.chars[s + len - 1]) {
            return None;
        }
    }
    Some(len)
}

/// The length of a transliterated name (`托卡耶夫`, `芭芭拉·弗兰克林`) starting at `s`.
///
/// Every character but one must be a transliteration character: lexicons of them are never
/// complete (`米尔济约耶夫`), and one stray character is a price worth paying after a title.
fn translit_name_len(sent: &Sent, lex: &Lexicon, s: usize) -> Option<usize> {
    let mut best = None;
    let mut i = s;
    let mut han = 0;
    let mut strays = 0;
    while i < sent.len() && i - s < 16 {
        let c = sent.chars[i];
        if c == '·' || c == '•' || c == '－' || c == '-' {
            if i == s
                || sent
                    .char_at(i + 1)
                    .is_none_or(|c| lex.translit_weight(c) == 0)
            {
                break;
            }
            i += 1;
            continue;
        }
        if !name_char(c) {
            break;
        }
        if lex.translit_weight(c) == 0 {
            strays += 1;
            if strays > 1 || i == s {
                break;
            }
        }
        han += 1;
        i += 1;
        // A stray character may sit inside a name, not end it (`克林顿派` is 克林顿 + 派).
        if han >= 2 && han > strays * 2 && lex.translit_weight(c) > 0 && follows_ok(sent, i) {
            best = Some(i - s);
        }
    }
    // Transliterations of towns keep the endings of their languages (-sk 斯克, -grad 格勒,
    // -pol 波尔, -burg 堡): places, not people.
    best.filter(|&l| {
        let name = sent.slice(s, s + l);
        !TOWN_ENDINGS.iter().any(|e| name.ends_with(e))
    })
}

/// Endings of transliterated town names (`库皮扬斯克`, `伏尔加格勒`, `马里乌波尔`, `叶卡捷琳堡`).
const TOWN_ENDINGS: [&str; 4] = ["斯克", "格勒", "波尔", "堡"];

/// A name right after position `s` (after a title), either Han or transliterated.
fn name_after_title(sent: &Sent, lex: &Lexicon, s: usize) -> Option<usize> {
    let len = name_after_title_len(sent, lex, s)?;
    // A verb or adverb after a title is what the titled person does (`总书记强调`), not a
    // name, even where its first character is a surname (强).
    (!lex.is_modifier(&sent.slice(s, s + len))).then_some(len)
}

fn name_after_title_len(sent: &Sent, lex: &Lexicon, s: usize) -> Option<usize> {
    // A surname that is also a function word (`于`, `以`, `和`) starts a name after a title
    // only when the name is otherwise sure (`副省长于英杰通报`, not `主席以后`).
    let c = sent.char_at(s)?;
    if lex.is_ambiguous_surname(c) && surname_len(sent, lex, s) == Some(1) {
        return han_name_len(sent, lex, s, true)
            .filter(|&l| (s + 1..s + l).all(|i| lex.given_weight(sent.chars[i]) > 0));
    }
    if let Some(l) = han_name_len(sent, lex, s, false) {
        // A transliterated name that merely starts with a surname (`马克龙`) is longer.
        if let Some(t) = translit_name_len(sent, lex, s) {
            if t > l && !follows_ok(sent, s + l) {
                return Some(t);
            }
            if t > l + 1 {
                return Some(t);
            }
        }
        return Some(l);
    }
    // Nothing known follows the name (`市委书记张敬涛召集…`): after a title a name is
    // certain, so its length comes from how name-like its characters are. A common surname
    // makes it a Han name; otherwise it may be transliterated.
    let translit = translit_name_len(sent, lex, s);
    if let Some(t) = translit.filter(|&t| sent.slice(s, s + t).contains('·')) {
        return Some(t);
    }
    let sl = match surname_len(sent, lex, s) {
        Some(sl) if sl == 2 || lex.surname_class(c).is_some_and(|k| k <= 2) => sl,
        _ => return translit,
    };
    match (given(sent, lex, s + sl), given(sent, lex, s + sl + 1)) {
        (a, b) if a > 0 && b > 0 => Some(sl + 2),
        (a, _) if a > 0 => Some(sl + 1),
        _ => None,
    }
}

/// Names right after a title word: `副省长于英杰`, `总统托卡耶夫`, `记者 杨文`.
fn titled(sent: &Sent, lex: &Lexicon, out: &mut Spans) {
    // Courtesy words (`同志`, `先生`) follow names; every other title may precede one.
    let mut ends: Vec<usize> = sent
        .found
        .iter()
        .filter(
            |f| matches!(f.cue, Cue::Title(i) if lex.title_at(i).1.class != TitleClass::Courtesy),
        )
        .map(|f| f.end)
        .collect();
    ends.dedup();
    for e in ends {
        // A title word inside a longer title or a body name (`委员` in `委员会`) is not one.
        if sent.found_between(e + 1, e).iter().any(|f| {
            f.start < e && f.end > e && matches!(f.cue, Cue::Title(_) | Cue::BodySuffix(_))
        }) {
            continue;
        }
        let mut s = e;
        while sent.char_at(s) == Some(' ') {
            s += 1;
        }
        if overlaps(out, s, s + 1) {
            continue;
        }
        let head = list_head_len(sent, lex, s);
        let Some(len) = name_after_title(sent, lex, s)
            .filter(|&l| head.is_none_or(|h| h == l))
            .or(head)
        else {
            continue;
        };
        // Part of a longer word, or holding one (`和欧洲`); a name that is also a place's name
        // (`金华`) stands, after a title, and so does the head of a list of names.
        if head.is_none()
            && sent.found_between(s + 1, s + len).iter().any(|f| {
                f.start < s + len
                    && f.end > s
                    && (f.start, f.end) != (s, s + len)
                    && matches!(f.cue, Cue::Body(_) | Cue::Division(_) | Cue::Abroad(_))
            })
        {
            continue;
        }
        // A two-character candidate with a rare surname that is an ordinary word (`教练相继`)
        // is that word.
        let name = sent.slice(s, s + len);
        if len == 2
            && lex.surname_class(sent.chars[s]).is_none_or(|k| k == 3)
            && lex.is_common_word(&name)
        {
            continue;
        }
        let posts = chain(sent, lex, e, out);
        if posts.is_empty() {
            continue;
        }
        out.push(PersonSpan {
            start: s,
            end: s + len,
            name: sent.slice(s, s + len),
            posts,
            how: Basis::Titled,
        });
    }
}

/// The length of the first item of a list of names right after a title (`副主席沈北海、温卡华、
/// 黄道伟`, `省政协副主席德哇仓、刘立军`): two or three Han characters up to `、`, followed by
/// another item shaped as a name. The list vouches for its head, whose surname may be rare or
/// whose given name may read as a place (北海).
fn list_head_len(sent: &Sent, lex: &Lexicon, s: usize) -> Option<usize> {
    let len = (2..=3).find(|&l| sent.char_at(s + l) == Some('、'))?;
    let plain = (s..s + len).all(|i| name_char(sent.chars[i]));
    let name = sent.slice(s, s + len);
    let other = cue_over(sent, s, s + len, |c| {
        matches!(c, Cue::Title(_) | Cue::Body(_) | Cue::BodySuffix(_))
    });
    let next = s + len + 1;
    let next_named = han_name_len(sent, lex, next, true).is_some_and(|l| item_ends(sent, next + l));
    (plain && !other && next_named && !lex.is_word(&name) && !lex.is_common_word(&name))
        .then_some(len)
}

/// Characters that end a title chain when they stand outside a body's name.
const CHAIN_STOPS: &str = "了的与同和及向对在由为将被把";

/// The title chain ending at `e`: posts separated by `、` or `兼`, back to a clause boundary,
/// a verb, a preposition or the previous person.
fn chain(sent: &Sent, lex: &Lexicon, e: usize, people: &[PersonSpan]) -> Vec<PostSpan> {
    let inside_body = |i: usize| {
        sent.found_between(i + 1, i).iter().any(|f| {
            f.start < i
                && f.end > i
                && matches!(
                    f.cue,
                    Cue::Body(_) | Cue::BodySuffix(_) | Cue::Division(_) | Cue::Abroad(_)
                )
        })
    };
    let title_start = longest_title_ending(sent, e).map_or(e, |(s, _)| s);
    let mut rs = 0;
    for i in (0..title_start).rev() {
        let c = sent.chars[i];
        let date_end = c == '日'
            && i > 0
            && (sent.chars[i - 1].is_ascii_digit() || super::chars::is_numeral(sent.chars[i - 1]));
        let stop_char = CHAIN_STOPS.contains(c) && !inside_body(i) && !inside_body(i + 1);
        // A verb, a preposition or a conjunction (`欢迎|国务院总理`, `根据|国务院总理`): what
        // precedes the body of a post, not part of it.
        let stop_word = (sent
            .cues_ending_at(i + 1)
            .any(|f| matches!(f.cue, Cue::Verb | Cue::Trigger(_)) && f.end - f.start >= 2)
            || (i >= 1 && {
                let word = sent.slice(i - 1, i + 1);
                lex.is_connective(&word) || CAUSATIVES.contains(&word.as_str())
            }))
            && !inside_body(i + 1);
        if (is_boundary(c) && c != '、')
            || c.is_ascii_digit()
            || date_end
            || stop_char
            || stop_word
            || people.iter().any(|p| p.end == i + 1)
        {
            rs = i + 1;
            break;
        }
    }
    let mut bounds = vec![rs];
    for i in rs..e {
        if sent.chars[i] == '、' || sent.chars[i] == '兼' {
            bounds.push(i + 1);
        }
    }
    let mut posts = Vec::new();
    let mut seg_end = e;
    for &seg_start in bounds.iter().rev() {
        let Some((ts, ti)) = longest_title_ending(sent, seg_end) else {
            break;
        };
        if ts < seg_start {
            break;
        }
        let (word, title) = lex.title_at(ti);
        posts.push(PostSpan {
            start: seg_start,
            end: seg_end,
            title_start: ts,
            title: word.to_string(),
            class: title.class,
            implied_body: title.implied_body.clone(),
        });
        if seg_start == 0 {
            break;
        }
        seg_end = seg_start - 1;
    }
    posts.reverse();
    posts
}

/// The longest title word ending at `e`: its start and index.
fn longest_title_ending(sent: &Sent, e: usize) -> Option<(usize, usize)> {
    sent.cues_ending_at(e)
        .filter_map(|f| match f.cue {
            Cue::Title(i) => Some((f.start, i)),
            _ => None,
        })
        .min_by_key(|&(s, _)| s)
}

/// Foreign names that show themselves: written with a middle dot between transliteration
/// characters (`汤姆士·史达福`), or a transliterated name before a title (`基里延科总理`).
fn foreign(sent: &Sent, lex: &Lexicon, out: &mut Spans) {
    let tr = |i: usize| sent.char_at(i).is_some_and(|c| lex.translit_weight(c) > 0);
    let han = |i: usize| sent.char_at(i).is_some_and(name_char);
    for i in 0..sent.len() {
        if !matches!(sent.chars[i], '·' | '•') || i == 0 || !han(i - 1) {
            continue;
        }
        if let Some((b, e)) = dotted_in_list(sent, lex, i) {
            if !overlaps(out, b, e) {
                out.push(PersonSpan::bare(sent, b, e, Basis::Dotted));
            }
            continue;
        }
        if !tr(i + 1) {
            continue;
        }
        // Left of the dot: transliteration characters, one stray allowed but not first
        // (`汤姆士·史达福` after `宇航员`).
        let mut a = i;
        let mut strays = 0;
        while a > 0 && han(a - 1) && i - a < 8 {
            if !tr(a - 1) {
                if strays == 1 {
                    break;
                }
                strays += 1;
            }
            a -= 1;
        }
        while a < i && !tr(a) {
            a += 1;
        }
        if overlaps(out, a, i + 1) {
            continue;
        }
        if let Some(len) = translit_name_len(sent, lex, a) {
            if a + len > i + 1 {
                out.push(PersonSpan::bare(sent, a, a + len, Basis::Dotted));
            }
        }
    }
    for f in &sent.found {
        let Cue::Title(ti) = f.cue else { continue };
        if !matches!(
            lex.title_at(ti).1.class,
            TitleClass::Post | TitleClass::Courtesy
        ) {
            continue;
        }
        let ts = f.start;
        let mut a = ts;
        while a > 0 && tr(a - 1) && ts - a < 8 {
            a -= 1;
        }
        // The longest run of transliteration characters that starts where a name may start.
        let Some(start) = (a..ts.saturating_sub(1))
            .find(|&s| left_ok(sent, s) && surname_len(sent, lex, s).is_none())
        else {
            continue;
        };
        if ts - start < 2 || overlaps(out, start, ts) || in_other_word(sent, start, ts) {
            continue;
        }
        out.push(PersonSpan {
            start,
            end: ts,
            name: sent.slice(start, ts),
            posts: Vec::new(),
            how: Basis::NameTitle,
        });
    }
}

/// One-character words that, written right after a dotted name, end it.
const DOTTED_NAME_ENDS: &str = "说称致也和与并还均都又";

/// A name written with a dot at `dot` that is an item of a list of names or follows a title
/// (`副主席窦万贵、伊力哈木·沙比尔、艾则孜·木沙，`): Uyghur and Kazakh names hold
/// characters no transliteration table lists (力, 则), and the title or the list's `、`
/// vouches for where the name starts, unless a word starts there (`总统|助理尤里`). It ends
/// at the next separator or where a word starts (`多吉|表示`, `基辛格|逝世`). The part
/// before the dot is two to six Han characters, the part after one to six (`伊姆兰·汗`).
fn dotted_in_list(sent: &Sent, lex: &Lexicon, dot: usize) -> Option<(usize, usize)> {
    let plain = |i: usize| sent.char_at(i).is_some_and(name_char);
    let titled_at = |i: usize| longest_title_ending(sent, i).is_some();
    let word_at =
        |i: usize, end: usize| (2..=4).any(|n| i + n <= end && lex.is_word(&sent.slice(i, i + n)));
    let mut b = dot;
    while b > 0 && plain(b - 1) && !titled_at(b) && dot - b < 7 {
        b -= 1;
    }
    let opened = titled_at(b) || (b > 0 && sent.chars[b - 1] == '、');
    let mut e = dot + 1;
    while plain(e) && e - dot <= 7 {
        e += 1;
    }
    // A word ends the name where it starts; failing one, a speech verb or a conjunction of
    // one character does at the end (`托呼提|也|回答`, `沙夫纳|说`). Other verbs' first characters
    // are names' last ones too often (`托呼提`, `麦麦提`).
    if let Some(i) = (dot + 2..e).find(|&i| word_at(i, e)) {
        e = i;
    }
    if e > dot + 2 && DOTTED_NAME_ENDS.contains(sent.chars[e - 1]) {
        e -= 1;
    }
    let closed = sent.char_at(e).is_none_or(|c| is_boundary(c) || c == '等') || follows_ok(sent, e);
    let sized = (2..=6).contains(&(dot - b)) && (1..=6).contains(&(e - dot - 1));
    let other = cue_over(sent, b, e, |c| {
        matches!(c, Cue::Title(_) | Cue::Body(_) | Cue::BodySuffix(_))
    });
    (opened && !word_at(b, dot) && closed && sized && !other).then_some((b, e))
}

/// Names right before a title: `习近平总书记`, `栗战书委员长主持会议`, `李老师`.
fn name_title(sent: &Sent, lex: &Lexicon, out: &mut Spans) {
    // The longest title at each place (`委员长`, not `委员`).
    let mut title_starts: Vec<(usize, usize, usize)> = Vec::new();
    for f in &sent.found {
        let Cue::Title(i) = f.cue else { continue };
        match title_starts.iter_mut().find(|t| t.0 == f.start) {
            Some(t) if t.1 < f.end => *t = (f.start, f.end, i),
            Some(_) => {}
            None => title_starts.push((f.start, f.end, i)),
        }
    }
    for &(ts, te, ti) in &title_starts {
        let (_, title) = lex.title_at(ti);
        if matches!(title.class, TitleClass::Group | TitleClass::Byline) || ts < 1 {
            continue;
        }
        // The title must be whole: not the start of a body name (`委员` of `委员会`), nor of
        // an ordinary word (`总` of `总体`, `老` of `养老`, whose first half then looks
        // like a name: `居家养|老`).
        if sent.found_between(te + 1, ts + 1).iter().any(|f| {
            f.start == ts && f.end > te && matches!(f.cue, Cue::BodySuffix(_) | Cue::Body(_))
        }) || starts_longer_word(sent, lex, ts, te)
            || (ts >= 1 && te - ts == 1 && any_word(lex, &sent.slice(ts - 1, te)))
        {
            continue;
        }
        // `李老师`, `胡老说`: a surname alone before a courtesy word names the person; news
        // annotation marks the surname.
        let (word, _) = lex.title_at(ti);
        if SURNAME_ONLY.contains(&word) && ts >= 1 && !overlaps(out, ts - 1, ts) {
            let s = ts - 1;
            let c = sent.chars[s];
            let two_ok = ts >= 3 && han_name_len(sent, lex, ts - 3, true).is_some_and(|l| l == 3);
            // A one-character courtesy word (`老`, `总`) begins many words, so what follows
            // must end it; a longer one (`老师`) is a word of its own.
            if lex.surname_class(c).is_some_and(|k| k <= 2)
                && !lex.is_ambiguous_surname(c)
                && left_ok(sent, s)
                && (te - ts >= 2 || follows_ok(sent, te))
                && !two_ok
            {
                out.push(PersonSpan::bare(sent, s, ts, Basis::NameTitle));
                continue;
            }
        }
        for len in [3usize, 2] {
            if ts < len {
                continue;
            }
            let s = ts - len;
            if overlaps(out, s, ts) {
                continue;
            }
            let Some(sl) = surname_len(sent, lex, s) else {
                continue;
            };
            if sl == 1 {
                // A rare surname needs a full three-character name (`习近平`) to be believed.
                let c = sent.chars[s];
                if lex.is_ambiguous_surname(c) || (lex.surname_class(c) == Some(3) && len < 3) {
                    continue;
                }
            }
            if len <= sl {
                continue;
            }
            let name = sent.slice(s, ts);
            let given_ok = (s + sl..ts).all(|i| name_char(sent.chars[i]))
                && (s + sl..ts).any(|i| lex.given_weight(sent.chars[i]) > 0);
            // Inside a run of text (`离任驻华大使`) only a sure name is taken: all its given
            // characters known, and a common surname or three characters (`贯彻习近平总书记`).
            let sure = (s + sl..ts).all(|i| lex.given_weight(sent.chars[i]) > 0)
                && (len == 3 || lex.surname_class(sent.chars[s]).is_some_and(|k| k <= 2));
            // A rare surname and the character after it that make a word are that word, and
            // the name is the surname after it (`居民|邓先生`).
            let rare_in_word = len == 3
                && lex.surname_class(sent.chars[s]).is_none_or(|k| k == 3)
                && lex.is_word(&sent.slice(s, s + 2));
            if !given_ok
                || rare_in_word
                || !(left_ok(sent, s) || sure)
                || ends_word_before(sent, lex, s)
                || lex.is_common_word(&name)
                || BODY_ENDINGS.contains(sent.chars[ts - 1])
                || in_other_word(sent, s, ts)
            {
                continue;
            }
            let posts = if title.class == TitleClass::Post {
                vec![PostSpan {
                    start: ts,
                    end: te,
                    title_start: ts,
                    title: lex.title_at(ti).0.to_string(),
                    class: title.class,
                    implied_body: title.implied_body.clone(),
                }]
            } else {
                Vec::new()
            };
            out.push(PersonSpan {
                start: s,
                end: ts,
                name,
                posts,
                how: Basis::NameTitle,
            });
            break;
        }
    }
}

/// Whether an ordinary word starts at `a` and runs past `e`: the title at `a..e` is then only
/// that word's start (`总体`, `总装`, `院士` for `院`).
fn starts_longer_word(sent: &Sent, lex: &Lexicon, a: usize, e: usize) -> bool {
    (e + 1..=(a + 4).min(sent.len())).any(|b| {
        let w = sent.slice(a, b);
        any_word(lex, &w)
            && !sent
                .cues_ending_at(b)
                .any(|f| f.start == a && matches!(f.cue, Cue::Title(_)))
    })
}

/// Whether the char before `s` and the one at `s` are an ordinary word (`祝贺|信`, `提高|海洋`,
/// `清明|节`): a name does not start in the middle of one.
fn ends_word_before(sent: &Sent, lex: &Lexicon, s: usize) -> bool {
    s > 0 && s < sent.len() && any_word(lex, &sent.slice(s - 1, s + 1))
}

/// A word of either word list: the vocabulary or the common words.
fn any_word(lex: &Lexicon, w: &str) -> bool {
    lex.is_word(w) || lex.is_common_word(w)
}

/// Whether `s..e` lies inside a lexicon word that is not a name's context (a title, a body,
/// a division).
fn in_other_word(sent: &Sent, s: usize, e: usize) -> bool {
    sent.found_between(s + 1, e).iter().any(|f| {
        f.start < e
            && f.end > s
            && matches!(
                f.cue,
                Cue::Title(_)
                    | Cue::Body(_)
                    | Cue::BodySuffix(_)
                    | Cue::Division(_)
                    | Cue::Abroad(_)
                    | Cue::EventHead(_)
            )
    })
}

/// Whether a name may start at `s`: after a boundary, a verb, a particle, a trigger or a title.
fn left_ok(sent: &Sent, s: usize) -> bool {
    if s == 0 {
        return true;
    }
    let c = sent.chars[s - 1];
    if is_boundary(c) || c.is_ascii_digit() || c == '日' {
        return true;
    }
    frame_ends_at(sent, s)
}

/// Whether a verb, particle, trigger or title ends right before `j`: a name starts after it.
fn frame_ends_at(sent: &Sent, j: usize) -> bool {
    sent.cues_ending_at(j).any(|f| {
        matches!(
            f.cue,
            Cue::Verb | Cue::Particle | Cue::Trigger(_) | Cue::Title(_)
        )
    })
}

/// Untitled names before a verb: `林武指出`, `何立峰出席`.
fn untitled(sent: &Sent, lex: &Lexicon, out: &mut Spans) {
    for s in 0..sent.len() {
        if !left_ok(sent, s) || overlaps(out, s, s + 1) {
            continue;
        }
        let Some(len) = han_name_len(sent, lex, s, true) else {
            continue;
        };
        let e = s + len;
        // A verb of two characters or more (`指出`, `主持`); one-character verbs (`作`, `提`)
        // begin too many ordinary words.
        let verb = sent
            .cues_starting_at(e)
            .any(|f| matches!(f.cue, Cue::Verb | Cue::Trigger(_)) && f.end - f.start >= 2);
        if !verb {
            continue;
        }
        let c = sent.chars[s];
        let single = surname_len(sent, lex, s) == Some(1);
        if single && lex.is_ambiguous_surname(c) {
            continue;
        }
        // A rare surname whose name starts like a common word (`相关工作`) is that word.
        if single
            && lex.surname_class(c) == Some(3)
            && (lex.is_common_word(&sent.slice(s, s + 2))
                || (s + 1..e).any(|i| lex.given_weight(sent.chars[i]) == 0))
        {
            continue;
        }
        // Nor does an untitled name start with a word (`祝贺|他当选`, `安全|性`).
        let starts_word = len == 3 && any_word(lex, &sent.slice(s, s + 2));
        if in_other_word(sent, s, e)
            || overlaps(out, s, e)
            || ends_word_before(sent, lex, s)
            || starts_word
        {
            continue;
        }
        out.push(PersonSpan::bare(sent, s, e, Basis::Verb));
    }
}

/// Courtesy words after which a surname alone names a person (`李老师`, `王总`).
const SURNAME_ONLY: [&str; 6] = ["老师", "老", "总", "先生", "女士", "师傅"];

/// Three-character names that need no context (`中国队的苗立杰年纪恰好……`): a common surname
/// and two characters common in given names, where neither half is an ordinary word, the
/// surname does not end the word before it, and what follows starts a new word.
fn name_shaped(sent: &Sent, lex: &Lexicon, out: &mut Spans) {
    for s in 0..sent.len().saturating_sub(2) {
        let c = sent.chars[s];
        if lex.surname_class(c).is_none_or(|k| k > 2)
            || lex.is_ambiguous_surname(c)
            || surname_len(sent, lex, s) != Some(1)
        {
            continue;
        }
        let e = s + 3;
        if overlaps(out, s, e) {
            continue;
        }
        let w1 = given(sent, lex, s + 1);
        let w2 = given(sent, lex, s + 2);
        if w1 == 0 || w2 == 0 || w1 + w2 < NAME_SHAPED_MIN_WEIGHT {
            continue;
        }
        // Inside the name: ordinary words that are not also given names (`王建国` stands);
        // at its edges: any word (`作家|肖乾` is no name 家肖乾, nor `段|新建` 段新建).
        let common = |a: usize, b: usize| b <= sent.len() && lex.is_common_word(&sent.slice(a, b));
        let word = |a: usize, b: usize| b <= sent.len() && lex.is_word(&sent.slice(a, b));
        // (`赵致真的人`: 真的 is a word, but 的 after a name is as common.)
        if common(s, s + 2)
            || word(s, s + 2)
            || common(s + 1, s + 3)
            || (s > 0 && word(s - 1, s + 1))
            || (word(s + 2, s + 4) && !follows_ok(sent, e))
        {
            continue;
        }
        let right_ok =
            follows_ok(sent, e) || word(e, e + 2) || sent.char_at(e).is_some_and(|c| !is_han(c));
        if !right_ok || in_other_word(sent, s, e) {
            continue;
        }
        out.push(PersonSpan::bare(sent, s, e, Basis::NameShaped));
    }
}

/// Two-character names with no title or verb beside them (`…再有彭真校长`, `吴宓先生`
/// aside): a common surname and a very common given-name character, between a boundary (a
/// punctuation mark, a particle, a verb, or the end of a word) and the start of a new word,
/// the pair being no word itself.
fn name_shaped_short(sent: &Sent, lex: &Lexicon, out: &mut Spans) {
    for s in 0..sent.len().saturating_sub(1) {
        let c = sent.chars[s];
        if lex.surname_class(c) != Some(1)
            || lex.is_ambiguous_surname(c)
            || surname_len(sent, lex, s) != Some(1)
        {
            continue;
        }
        let e = s + 2;
        if overlaps(out, s, e) || given(sent, lex, s + 1) < 3 {
            continue;
        }
        let word = |a: usize, b: usize| b <= sent.len() && lex.is_word(&sent.slice(a, b));
        let name = sent.slice(s, e);
        if lex.is_common_word(&name) || lex.is_word(&name) || word(s + 1, s + 3) {
            continue;
        }
        // A third name character before a word's end reads as a three-character name
        // (`赵致真的`), which name_shaped judged; do not take its first two.
        if given(sent, lex, e) > 0 && follows_ok(sent, e + 1) {
            continue;
        }
        let left = left_ok(sent, s) || (s >= 2 && word(s - 2, s));
        let right =
            follows_ok(sent, e) || word(e, e + 2) || sent.char_at(e).is_some_and(|c| !is_han(c));
        if !left || !right || (s > 0 && word(s - 1, s + 1)) || in_other_word(sent, s, e) {
            continue;
        }
        out.push(PersonSpan {
            start: s,
            end: e,
            name,
            posts: Vec::new(),
            how: Basis::ShortNameShaped,
        });
    }
}

/// Transliterated names with no title (`任命了涅姆佐夫和赫里斯坚科`): three or more
/// transliteration characters, none a place's, after a particle or boundary and before one.
fn foreign_untitled(sent: &Sent, lex: &Lexicon, out: &mut Spans) {
    let mut s = 0;
    while s < sent.len() {
        let tr = |i: usize| sent.char_at(i).is_some_and(|c| lex.translit_weight(c) > 0);
        // After a number comes its measure word (`9万海里`, `28日布尔汉`), not a name.
        let after_digit = s > 0 && sent.chars[s - 1].is_ascii_digit();
        if !tr(s)
            || (s > 0 && tr(s - 1))
            || after_digit
            || !left_ok(sent, s)
            || overlaps(out, s, s + 1)
        {
            s += 1;
            continue;
        }
        let mut e = s;
        while e < sent.len() && e - s < 8 && (tr(e) || (sent.chars[e] == '·' && tr(e + 1))) {
            e += 1;
        }
        // The longest run that ends where a name may end.
        let end = (s + 3..=e)
            .rev()
            .find(|&k| follows_ok(sent, k) && tr(k - 1));
        match end {
            Some(k)
                if !in_other_word(sent, s, k)
                    && !overlaps(out, s, k)
                    && !lex.is_word(&sent.slice(s, s + 2)) =>
            {
                out.push(PersonSpan::bare(sent, s, k, Basis::Transliterated));
                s = k;
            }
            _ => s += 1,
        }
    }
}

/// What the learned tagger ([`super::tagger`]) reads, weighed against the rules.
///
/// - A candidate no frame vouches for (shaped like a name, or a run of transliteration
///   characters, with no title, list or verb beside it) stands only where the tagger reads a
///   name over it, and takes the tagger's boundaries (`贾亚|拉莉达` → 贾亚拉莉达).
/// - A framed name the tagger reads as part of a longer one grows to it, on the side its frame
///   does not fix (`梅|方权教授` → 梅方权; `周恩|来` → 周恩来): a title before the name fixes
///   its start, a post after it its end.
/// - A name the tagger reads where no rule found one is added when it is shaped like a name.
fn with_tagger(sent: &Sent, lex: &Lexicon, out: &mut Spans) {
    if lex.tagger().is_empty() {
        return;
    }
    let tagged: Vec<(usize, usize)> = joined(sent.tagged(lex))
        .into_iter()
        .filter(|&(s, e)| tagged_name_shaped(sent, lex, s, e))
        .collect();
    let unframed = |b: Basis| {
        matches!(
            b,
            Basis::NameShaped | Basis::ShortNameShaped | Basis::Transliterated
        )
    };
    let mut spans = std::mem::take(&mut out.spans);
    spans.retain_mut(|p| {
        let Some(&(s, e)) = tagged.iter().find(|&&(s, e)| s < p.end && p.start < e) else {
            return !unframed(p.how);
        };
        if (s, e) == (p.start, p.end) {
            return true;
        }
        let end_fixed = p.posts.iter().any(|q| q.start >= p.end) || p.how == Basis::NameTitle;
        // Never over a frame: a post after the name fixes its end, and a word that may follow
        // a name, or one ending where a name may start (a title before it), fixes a side.
        let grows = s <= p.start
            && p.end <= e
            && (e == p.end || !end_fixed)
            && !p.posts.iter().any(|q| q.start < e && s < q.end)
            && !(p.end..e).any(|j| sent.starts_at(j) & FOLLOWERS != 0)
            && !(s + 1..=p.start).any(|j| frame_ends_at(sent, j));
        if unframed(p.how) || grows {
            if unframed(p.how) {
                p.how = Basis::Tagged;
            }
            p.start = s;
            p.end = e;
            p.name = sent.slice(s, e);
        }
        true
    });
    spans.sort_by_key(|p| (p.start, std::cmp::Reverse(p.end)));
    out.taken.iter_mut().for_each(|t| *t = false);
    for p in spans {
        if !overlaps(out, p.start, p.end) {
            out.push(p);
        }
    }
    for &(s, e) in &tagged {
        if overlaps(out, s, e) {
            continue;
        }
        let p = PersonSpan::bare(sent, s, e, Basis::Tagged);
        // A surname that ends a word (`下周|赴华`, `警钟|长鸣`) starts no name the tagger
        // alone reads, unless a word or a frame also ends right before it (`客商|王子龙`).
        let surname_in_word = s > 0
            && is_han(sent.chars[s - 1])
            && lex.is_word(&sent.slice(s - 1, s + 1))
            && !(s >= 2 && lex.is_word(&sent.slice(s - 2, s)))
            && !frame_ends_at(sent, s);
        if !surname_in_word
            && !a_place(sent, lex, &p)
            && !any_word(lex, &p.name)
            && !unlike_a_name(sent, lex, s, e)
        {
            out.push(p);
        }
    }
}

/// The tagger's names with two written one right after the other joined: with no separator
/// they are one name (`日勒苏赫`, read as 日勒 and 苏赫).
fn joined(tagged: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(tagged.len());
    for &(s, e) in tagged {
        match out.last_mut() {
            Some(last) if last.1 == s => last.1 = e,
            _ => out.push((s, e)),
        }
    }
    out
}

/// Where the names of places abroad are written: after a part of a country or a town's kind
/// (`以色列南部|阿什凯隆`, `土耳其南部的|卡赫拉曼马拉什`), no person is.
const PLACE_BEFORE: [&str; 8] = [
    "东部", "西部", "南部", "北部", "中部", "首都", "城市", "地区",
];

/// Whether a span only the tagger reads is no person's name, though shaped like one: four Han
/// characters after a one-character surname that end in a word (`郑万|高铁`, `贺巴|高速`) or
/// in the first character of one (`苏翊鸣|勇|夺`), as railways' and roads' names do and
/// three-character names with the next word's start; or a transliteration written where
/// places are ([`PLACE_BEFORE`]). Four-character names of Tibetans, Mongols and Japanese
/// (`白玛赤林`, `安倍晋三`) end in no such word.
fn unlike_a_name(sent: &Sent, lex: &Lexicon, s: usize, e: usize) -> bool {
    let long_chinese = e - s == 4
        && surname_len(sent, lex, s) == Some(1)
        && (lex.is_word(&sent.slice(e - 2, e)) || lex.is_word(&sent.slice(e - 1, e + 1)));
    let foreign = (s..e).all(|i| sent.chars[i] == '·' || lex.translit_weight(sent.chars[i]) > 0);
    let before = if s > 0 && sent.chars[s - 1] == '的' {
        s - 1
    } else {
        s
    };
    let placed = PLACE_BEFORE.iter().any(|w| {
        let n = w.chars().count();
        before >= n && sent.has_at(before - n, w)
    });
    long_chinese && !foreign || foreign && placed
}

/// Whether a span the tagger reads is shaped like a name: two to four Han characters after a
/// surname, or a run of transliteration characters (a middle dot inside), not inside another
/// lexicon word.
fn tagged_name_shaped(sent: &Sent, lex: &Lexicon, s: usize, e: usize) -> bool {
    let n = e - s;
    let han = (s..e).all(|i| is_han(sent.chars[i]) || (sent.chars[i] == '·' && i > s && i + 1 < e));
    if !han || n < 2 || in_other_word(sent, s, e) {
        return false;
    }
    let chinese = n <= 4
        && surname_len(sent, lex, s).is_some_and(|sl| sl < n)
        && (s + 1..e).all(|i| !NOT_IN_NAME.contains(sent.chars[i]));
    let foreign =
        n <= 12 && (s..e).all(|i| sent.chars[i] == '·' || lex.translit_weight(sent.chars[i]) > 0);
    // A transliteration is the start of a body's name when a body follows
    // (`梅琳达·盖茨基金会`, `菲德尔·卡斯特罗中心`) and of a place's when a place's suffix does
    // (`阿萨德空军基地`, `克拉斯诺达尔边疆区`); a title there is the name's (`纽森州长`). Not
    // so a Chinese name, which a body follows in `撤销郝宏军政协委员资格`.
    let after = sent.starts_at(e);
    let placed = || PLACE_SUFFIXES.iter().any(|p| sent.has_at(e, p));
    if foreign && after & start::TITLE == 0 && (after & start::BODY != 0 || placed()) {
        return false;
    }
    chinese || foreign
}

/// What ends the names of places abroad, and of their bases and ports: after a
/// transliteration they make it a place's name.
const PLACE_SUFFIXES: [&str; 14] = [
    "市",
    "州",
    "省",
    "河",
    "港",
    "湾",
    "岛",
    "山",
    "基地",
    "机场",
    "边疆区",
    "地区",
    "共和国",
    "王国",
];

/// The given-name weight of the char at `i`, 0 where no name holds it.
fn given(sent: &Sent, lex: &Lexicon, i: usize) -> u8 {
    sent.char_at(i)
        .filter(|&c| name_char(c))
        .map_or(0, |c| lex.given_weight(c))
}

/// The least sum of the two given-name weights (1–3 each) for a name with no context.
const NAME_SHAPED_MIN_WEIGHT: u8 = 3;

/// Connectors inside a list of names.
const CONNECTORS: [&str; 4] = ["以及", "和", "及", "与"];

/// Names that continue a list after a name: `张吉福、李凤岐、吴伟`, `刘鹤和魏凤和`; a chain of
/// Post titles before the first name applies to the bare names after it.
fn lists(sent: &Sent, lex: &Lexicon, out: &mut Spans) {
    // Lists starting at a found name.
    let mut i = 0;
    while i < out.len() {
        let mut prev = out[i].clone();
        let shared: Vec<PostSpan> = if prev.how == Basis::Titled {
            prev.posts
                .iter()
                .filter(|p| p.class == TitleClass::Post)
                .cloned()
                .collect()
        } else {
            Vec::new()
        };
        loop {
            let mut s = prev.end;
            let sep = sent.char_at(s);
            if sep == Some('、') {
                s += 1;
            } else if let Some(conn) = CONNECTORS.iter().find(|c| sent.has_at(s, c)) {
                s += conn.chars().count();
            } else {
                break;
            }
            if overlaps(out, s, s + 1) {
                // The last item before the verb was already taken as an untitled name
                // (`副省长罗文、杨兴平、叶寒冰出席`): it shares the list's posts all the same.
                let Some(k) = out
                    .iter()
                    .position(|p| p.start == s && p.how.is_untitled_name() && p.posts.is_empty())
                else {
                    break;
                };
                out.set_posts(k, shared.clone());
                prev = out[k].clone();
                continue;
            }
            // An item may itself carry titles (`国家副主席王岐山`): the titled pass has it.
            let Some(len) = han_name_len(sent, lex, s, false)
                .filter(|&l| item_ends(sent, s + l))
                .or_else(|| {
                    translit_name_len(sent, lex, s).filter(|&l| {
                        item_ends(sent, s + l)
                            && (s..s + l).all(|i| {
                                let c = sent.chars[i];
                                c == '·' || lex.translit_weight(c) > 0
                            })
                    })
                })
                .or_else(|| {
                    (sep == Some('、'))
                        .then(|| bounded_item_len(sent, lex, s))
                        .flatten()
                })
            else {
                break;
            };
            if in_other_word(sent, s, s + len) {
                break;
            }
            let name = sent.slice(s, s + len);
            if lex.is_common_word(&name) && sep != Some('、') {
                break;
            }
            let person = PersonSpan {
                start: s,
                end: s + len,
                name,
                posts: shared.clone(),
                how: Basis::List,
            };
            out.push(person.clone());
            prev = person;
        }
        i += 1;
    }
    // Lists of bare names before a verb: `肖捷、何立峰出席`.
    let mut s = 0;
    while s < sent.len() {
        if !left_ok(sent, s) || overlaps(out, s, s + 1) {
            s += 1;
            continue;
        }
        let mut items = Vec::new();
        let mut j = s;
        while let Some(len) =
            han_name_len(sent, lex, j, true).filter(|&l| !lex.is_word(&sent.slice(j, j + l)))
        {
            items.push((j, j + len));
            j += len;
            if sent.char_at(j) == Some('、') {
                j += 1;
            } else if let Some(conn) = CONNECTORS.iter().find(|c| sent.has_at(j, c)) {
                j += conn.chars().count();
            } else {
                break;
            }
        }
        let closes = items.last().is_some_and(|&(_, e)| {
            sent.starts_at(e) & (start::VERB | start::TRIGGER) != 0 || sent.has_at(e, "等")
        });
        if items.len() >= 2 && closes {
            for &(a, b) in &items {
                if overlaps(out, a, b) {
                    continue;
                }
                out.push(PersonSpan::bare(sent, a, b, Basis::List));
            }
            s = items.last().map_or(s + 1, |&(_, e)| e);
        } else {
            s += 1;
        }
    }
}

/// Whether a list item may end at `e`.
/// An item of a list of names between `、` and the next separator, for names whose surname
/// the lexicon lacks (`副县长孙佰富、赫岩、鲍刚`): two or three Han characters that are no
/// word, title or body of the lexicon. Only a list already of names vouches for it.
fn bounded_item_len(sent: &Sent, lex: &Lexicon, s: usize) -> Option<usize> {
    // Four characters only before a separator of the list: Tibetan names are two names of
    // two (`副县长胡绍军、王伟、尕玛才旦、才让扎西，`).
    let len = (2..=4).find(|&l| {
        let sep = sent.char_at(s + l);
        if l == 4 {
            return matches!(sep, Some('、' | '，'));
        }
        matches!(sep, Some('、' | '，' | '。' | '；' | '等'))
            || CONNECTORS.iter().any(|c| sent.has_at(s + l, c))
    })?;
    let ok = (s..s + len).all(|i| name_char(sent.chars[i]));
    let name = sent.slice(s, s + len);
    let other = cue_over(sent, s, s + len, |c| {
        matches!(
            c,
            Cue::Title(_) | Cue::Body(_) | Cue::BodySuffix(_) | Cue::Division(_)
        )
    });
    (ok && !other && !lex.is_word(&name) && !lex.is_common_word(&name)).then_some(len)
}

fn item_ends(sent: &Sent, e: usize) -> bool {
    match sent.char_at(e) {
        None => true,
        Some(c) if is_clause_end(c) || c == '、' || is_boundary(c) => true,
        Some(_) => follows_ok(sent, e) || CONNECTORS.iter().any(|c| sent.has_at(e, c)),
    }
}

/// Later mentions of names already found in the article: `林武强调`. Each name claims its
/// places in the order of [`KnownNames`], left to right.
fn known_names(sent: &Sent, lex: &Lexicon, found: &[(usize, usize, usize)], out: &mut Spans) {
    for &(_, i, n) in found {
        // Not where the name's first character ends a word (`森林|火险` holds no 林火); its
        // last may start one, as a verb does after a name (`李强|调研`).
        if !overlaps(out, i, i + n) && !ends_word_before(sent, lex, i) {
            let name = sent.slice(i, i + n);
            out.push(PersonSpan {
                start: i,
                end: i + n,
                name,
                posts: Vec::new(),
                how: Basis::Known,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str, lex: &Lexicon) -> Vec<(String, Basis)> {
        let chars: Vec<char> = text.chars().collect();
        let sent = Sent::new(0, &chars, 0, chars.len(), lex);
        find(&sent, lex, &KnownNames::default())
            .into_iter()
            .map(|p| (p.name, p.how))
            .collect()
    }

    #[test]
    fn an_article_refutes_names_it_writes_as_places_groups_or_things() {
        let lex = Lexicon::builtin().unwrap();
        // (article, an untitled candidate, whether the article shows it is no person)
        let cases: &[(&str, &str, bool)] = &[
            ("韩中关系发展良好。两国合作深入。", "韩中", true),
            (
                "乌军在卡纳拉方向击退了俄军的进攻。卡纳拉局势紧张。",
                "卡纳拉",
                true,
            ),
            ("以军空袭了哈莫斯武装的目标。", "哈莫斯", true),
            ("多国报告奥米隆变异株感染病例。", "奥米隆", true),
            ("美国宣称将向乌克兰提供“海玛斯”。", "海玛斯", true),
            ("热带风暴“尼格”今天登陆。", "尼格", true),
            ("扎波罗热州梅利托波尔市市长被释放。", "梅利托", true),
            (
                "俄军在斯拉维扬斯克、卡纳拉、顿涅茨克等地进攻。",
                "卡纳拉",
                true,
            ),
            (
                "中方愿同马方一道努力。推动中马关系得到更大发展。",
                "马方",
                true,
            ),
            // Not refuted: a side with no `中方` beside it, a work named after a person, a
            // list whose other members are people, a place starting the next member's post,
            // a government named after its head.
            ("马方表示支持。", "马方", false),
            (
                "纪录片《李苦禅》今晚开播。李苦禅先生的艺术创新。",
                "李苦禅",
                false,
            ),
            ("委员：萍（女）、吉林、曲青山、曲莹璞。", "曲青山", false),
            ("张三、江苏省委书记李四出席。", "张三", false),
            ("巴赫表示，北京冬奥会精彩。", "巴赫", false),
            ("马克龙政府宣布新措施。", "马克龙", false),
        ];
        for &(text, name, want) in cases {
            let chars: Vec<char> = text.chars().collect();
            let mut sents = Vec::new();
            let mut start = 0;
            for (i, c) in chars.iter().enumerate() {
                if *c == '。' {
                    sents.push(Sent::new(sents.len(), &chars, start, i + 1, &lex));
                    start = i + 1;
                }
            }
            let got = refuted(&sents, &lex, text, &[name]);
            assert_eq!(got.contains(name), want, "{text}: {name}");
        }
    }

    #[test]
    fn a_post_starts_after_a_verb_a_preposition_or_a_conjunction() {
        let lex = Lexicon::builtin().unwrap();
        // (sentence, the person, the posts as written)
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "应邀出席。根据国务院总理李强的邀请，他将访华。",
                "李强",
                &["国务院总理"],
            ),
            ("热烈欢迎越南总理范明政访华。", "范明政", &["越南总理"]),
            (
                "出席会议的有省委书记林武以及省长金湘军。",
                "金湘军",
                &["省长"],
            ),
            // Inside a post's words the same characters stay (`执行主席`, `同时兼任` aside).
            ("大会执行主席赵乐际主持。", "赵乐际", &["大会执行主席"]),
            (
                "省委副书记、省长蓝佛安出席。",
                "蓝佛安",
                &["省委副书记", "省长"],
            ),
            // The head of a list of names is a name though its surname is rare or its given
            // name reads as a place, and its post is the list's.
            (
                "省政协副主席德哇仓、刘立军、张津梁出席会议。",
                "德哇仓",
                &["省政协副主席"],
            ),
            (
                "省政协副主席德哇仓、刘立军、张津梁出席会议。",
                "张津梁",
                &["省政协副主席"],
            ),
            (
                "自治区政协副主席沈北海、温卡华出席会议。",
                "沈北海",
                &["自治区政协副主席"],
            ),
            (
                "大会主席团成员董方平、刘珈、叶文华出席会议。",
                "刘珈",
                &["大会主席团成员"],
            ),
        ];
        for (text, name, want) in cases {
            let chars: Vec<char> = text.chars().collect();
            let sent = Sent::new(0, &chars, 0, chars.len(), &lex);
            let found = find(&sent, &lex, &KnownNames::default());
            let person = found
                .iter()
                .find(|p| p.name == *name)
                .unwrap_or_else(|| panic!("{text}: no {name} in {found:?}"));
            let posts: Vec<String> = person
                .posts
                .iter()
                .map(|p| sent.slice(p.start, p.end))
                .collect();
            assert_eq!(posts, *want, "{text}");
        }
    }

    #[test]
    fn a_report_signed_at_its_end_names_its_reporters() {
        let lex = Lexicon::builtin().unwrap();
        // (the report's last sentence, the reporters it names)
        let cases: &[(&str, &[&str])] = &[
            (
                "真抓实干完胜决战脱贫攻坚。（张明提 弓芳芳）",
                &["张明提", "弓芳芳"],
            ),
            ("推动新区人大工作再创新局面。 （苗壮）", &["苗壮"]),
            ("会议还审议工作计划（草案）。□黄和芳", &["黄和芳"]),
            // What else stands in brackets at the end is no name.
            ("会议审议通过了选举办法（草案）", &[]),
            ("会议审议了工作计划。（完）", &[]),
            ("会议审议了工作计划。（新华社）", &[]),
            ("会议审议了工作计划。（图片由市委宣传部提供）", &[]),
            ("会议由张三主持。", &[]),
        ];
        for (text, want) in cases {
            let chars: Vec<char> = text.chars().collect();
            let sent = Sent::new(0, &chars, 0, chars.len(), &lex);
            assert_eq!(closing_signature(&[sent], &lex), *want, "{text}");
        }
    }

    #[test]
    fn a_conjunction_before_a_known_name_is_left_out() {
        let lex = Lexicon::builtin().unwrap();
        let text: Vec<char> = "李强和普京共同出席。".chars().collect();
        let sent = Sent::new(0, &text, 0, text.len(), &lex);
        let known = KnownNames::new(&["普京".to_string(), "李强".to_string()]);
        let names: Vec<String> = find(&sent, &lex, &known)
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert!(names.iter().all(|n| n != "和普京"), "{names:?}");
        assert!(names.iter().any(|n| n == "普京"), "{names:?}");
        // A name given elsewhere is not read where a word ends in its first character.
        let text: Vec<char> = "针对当前森林火险形势。".chars().collect();
        let sent = Sent::new(0, &text, 0, text.len(), &lex);
        let known = KnownNames::new(&["林火".to_string()]);
        assert!(find(&sent, &lex, &known).is_empty());
    }

    #[test]
    fn names_and_the_cues_that_find_them() {
        let lex = Lexicon::builtin().unwrap();
        let cases: &[(&str, &[(&str, Basis)])] = &[
            // After a title anything name-shaped is taken, 于 and 天才 included.
            ("副省长于英杰出席。", &[("于英杰", Basis::Titled)]),
            (
                "省委书记林武，省委副书记、省长蓝佛安出席。",
                &[("林武", Basis::Titled), ("蓝佛安", Basis::Titled)],
            ),
            // A list after a titled name: its items are names too; the last, before the
            // verb, is found by the verb first.
            (
                "副县长孙佰富、赫岩、鲍刚参加。",
                &[
                    ("孙佰富", Basis::Titled),
                    ("赫岩", Basis::List),
                    ("鲍刚", Basis::Verb),
                ],
            ),
            ("栗战书委员长主持会议。", &[("栗战书", Basis::NameTitle)]),
            // A verb of the clause the segmenter reads where a titled name would end is the
            // clause's; a single character stays the name's.
            (
                "新闻发言人马克·亚当斯介绍，比赛顺利。",
                &[("马克·亚当斯", Basis::Titled)],
            ),
            (
                "应柬埔寨王国首相洪森邀请，总理将出访。",
                &[("洪森", Basis::Titled)],
            ),
            ("中央纪委书记杨晓渡出席。", &[("杨晓渡", Basis::Titled)]),
            // No name starts inside a word the segmenter reads, unless a title ends there
            // (`行|长孙`); none the tagger alone reads ends inside one.
            ("东盟轮值主席国特别代表团团长出席。", &[]),
            ("社区居民李星夫妻俩都身有残疾。", &[]),
            ("中信银行原行长孙德顺案。", &[("孙德顺", Basis::Titled)]),
            // A title right after a name is that name's; it opens no name after it.
            (
                "阮富仲总书记是坚定的马克思主义者。",
                &[("阮富仲", Basis::NameTitle)],
            ),
            ("林武指出，要抓好落实。", &[("林武", Basis::Verb)]),
            (
                "美国宇航员汤姆士·史达福说。",
                &[("汤姆士·史达福", Basis::Dotted)],
            ),
            // A verb after a title is no name; a title that only starts a word is no title
            // (`养老`, `总体`), and a name does not start inside a word (`祝贺`).
            ("总书记强调，要坚持。", &[]),
            ("推进居家养老服务。", &[]),
            ("清明节总体平稳。", &[]),
            ("致电祝贺他当选。", &[]),
            // A number's measure word does not start a transliterated name.
            ("航行9万海里。", &[]),
            // Places are not persons: a county's short form after its province's name.
            ("在库皮扬斯克方向。", &[]),
            ("吉林舒兰组建了工作队。", &[]),
            // A word, not a name: two like characters before a noun, a surname ending a word.
            ("牢记总书记的殷殷嘱托。", &[]),
            ("热切期待下周赴华出席。", &[]),
            // A transliteration before a body or a place's suffix starts that one's name.
            ("向梅琳达·盖茨基金会捐款。", &[]),
            ("袭击了阿夫季耶夫卡地区。", &[]),
            // A country's side or army is no person; a common surname before 军 is one.
            ("巴方表示愿意合作。", &[]),
            ("乌军撤出阵地。", &[]),
            ("代表马军发言。", &[("马军", Basis::ShortNameShaped)]),
            // What only the tagger reads is no name where a railway's or a place's would be.
            ("计划于今年上半年全线开通的郑万高铁是重要通道。", &[]),
            (
                "总台记者在以色列南部阿什凯隆采访期间，当地防空警报再度拉响。",
                &[],
            ),
            ("俄军在卢甘斯克地区的谢尔盖耶夫取得进展。", &[]),
            // Two names the tagger reads with nothing between are one (呼, a stray first
            // character, is still missed).
            (
                "蒙古国总统呼日勒苏赫表示，坚信中国政府和人民将克服疫情影响。",
                &[("日勒苏赫", Basis::Tagged)],
            ),
            // A dotted name in a list or after a title runs from the separator or the title
            // to the next separator or word, though its characters are in no table.
            (
                "副主席窦万贵、伊力哈木·沙比尔、艾则孜·木沙，秘书长高江淮参加会议。",
                &[
                    ("窦万贵", Basis::Titled),
                    ("伊力哈木·沙比尔", Basis::Dotted),
                    ("艾则孜·木沙", Basis::Dotted),
                    ("高江淮", Basis::Titled),
                ],
            ),
            (
                "全国政协委员马怀德、琼色、海尼扎提·托呼提也回答了记者的提问。",
                &[
                    ("马怀德", Basis::Titled),
                    ("琼色", Basis::List),
                    ("海尼扎提·托呼提", Basis::Dotted),
                ],
            ),
            // Four characters between separators of a list of names are a name.
            (
                "副县长胡绍军、王伟、尕玛才旦、才让扎西，各乡镇负责人参加会议。",
                &[
                    ("胡绍军", Basis::Titled),
                    ("王伟", Basis::List),
                    ("尕玛才旦", Basis::List),
                    ("才让扎西", Basis::List),
                ],
            ),
            // A rare surname that makes a word with the next character is that word.
            ("小区居民邓先生说，服务很周到。", &[]),
            // Items of a list after a title are names only where one reads as a name.
            ("倡导大家要爱读书、读好书、善读书。", &[]),
            ("战士们乘军舰、上战车、登战机。", &[]),
            // A conjunction before a title or a word is not a surname.
            ("和总统一起出席。", &[]),
            ("从今天开始实施。", &[]),
            ("主席同晋升上将军衔的同志合影。", &[]),
            (
                "习近平主席和普京总统共同出席。",
                &[("习近平", Basis::NameTitle), ("普京", Basis::NameTitle)],
            ),
        ];
        for (text, want) in cases {
            let got = people(text, &lex);
            let want: Vec<(String, Basis)> =
                want.iter().map(|(n, b)| (n.to_string(), *b)).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
