//! Bodies and places: organisation names, venues, administrative divisions, and the
//! jurisdiction that resolves `省委` and `市长` to the source's province and city.
//!
//! A body's name ends in a suffix from `org_suffixes.tsv` (`领导小组`, `有限公司`, `馆`) or is a
//! known body (`国务院`); it starts at an anchor: a division (`山西`), a level word at a word
//! boundary (`省`, `市`, `中央`, `全国`), a known body, or an anaphor (`该区`, `我市`). A suffix of
//! one character (`委`, `部`) needs an anchor; a longer one (`领导小组`) may take the words before
//! it back to a boundary.

use std::collections::HashMap;

use crate::lexicon::{BodyKind, Cue, Level, Lexicon};
use crate::model::{Article, Basis};

use super::chars::{is_boundary, Sent};

/// The province, prefecture and county an article reports from, as division indices.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Jurisdiction {
    pub province: Option<usize>,
    pub prefecture: Option<usize>,
    pub county: Option<usize>,
    /// The division a bare `市` names when it is not the prefecture: a county-level city the
    /// article is about more than about its prefecture (`介休市`: its `市人民医院`).
    pub city: Option<usize>,
}

/// Kinds of bodies that news writes before a body's own name, in apposition.
const APPOSED_KINDS: [&str; 6] = ["企业", "机构", "智库", "媒体", "网站", "组织"];

/// Words that, written before an outlet's name, say where the outlet is (`山西日报`).
const OUTLET_SUFFIXES: [&str; 6] = ["日报", "晚报", "电视台", "广播电视台", "新闻网", "报社"];

/// Infers the jurisdiction from what the input says, the outlet, and the divisions mentioned.
///
/// The outlet weighs most: a provincial paper writes about neighbours too (the seed's first
/// article names 陕西 more often than 山西, but it is 山西日报's).
pub fn infer_jurisdiction(article: &Article, sents: &[Sent], lex: &Lexicon) -> Jurisdiction {
    let mut province: HashMap<usize, f32> = HashMap::new();
    let mut prefecture: HashMap<usize, f32> = HashMap::new();
    // What the prefecture weighs by its own mentions, not by its counties'.
    let mut prefecture_named: HashMap<usize, f32> = HashMap::new();
    let mut county: HashMap<usize, f32> = HashMap::new();
    let mut count = |d: usize, weight: f32| {
        let p = lex.province_of(d);
        *province.entry(p).or_default() += weight;
        match lex.division(d).level {
            Level::Province => {}
            Level::Prefecture => {
                *prefecture.entry(d).or_default() += weight;
                *prefecture_named.entry(d).or_default() += weight;
            }
            Level::County => {
                *county.entry(d).or_default() += weight;
                if let Some(pf) = lex.prefecture_of(d) {
                    *prefecture.entry(pf).or_default() += weight / 2.0;
                }
            }
        }
    };
    for hint in &article.jurisdiction {
        if let Some(d) = lex.division_named(hint) {
            count(d, 100.0);
        }
    }
    if let Some(source) = &article.source {
        for (d, _, _) in divisions_in(source, lex) {
            count(d, 10.0);
        }
    }
    for sent in sents {
        for f in &sent.found {
            if let Cue::Division(d) = f.cue {
                let outlet = OUTLET_SUFFIXES.iter().any(|s| sent.has_at(f.end, s));
                count(d, if outlet { 10.0 } else { 1.0 });
            }
        }
    }
    let best = |m: &HashMap<usize, f32>, min: f32, within: Option<usize>| -> Option<usize> {
        let mut v: Vec<(usize, f32)> = m
            .iter()
            .filter(|(d, _)| within.is_none_or(|p| lex.province_of(**d) == p))
            .map(|(d, w)| (*d, *w))
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.first().filter(|(_, w)| *w >= min).map(|(d, _)| *d)
    };
    let mut j = Jurisdiction {
        province: best(&province, 1.0, None),
        ..Default::default()
    };
    j.prefecture = best(&prefecture, 1.0, j.province);
    if j.province.is_none() {
        j.province = j.prefecture.map(|p| lex.province_of(p));
    }
    j.county = best(&county, 1.0, j.province)
        .filter(|&c| j.prefecture.is_none() || lex.prefecture_of(c) == j.prefecture);
    j.city = j.county.filter(|&c| {
        let named = |m: &HashMap<usize, f32>, d: Option<usize>| {
            d.and_then(|d| m.get(&d)).copied().unwrap_or(0.0)
        };
        lex.division(c).name.ends_with('市')
            && named(&county, Some(c)) > named(&prefecture_named, j.prefecture)
    });
    j
}

/// Divisions named in a string: (index, char start, char end), longest first at each place.
fn divisions_in(s: &str, lex: &Lexicon) -> Vec<(usize, usize, usize)> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut hit = None;
        for len in (2..=8.min(chars.len() - i)).rev() {
            let w: String = chars[i..i + len].iter().collect();
            if let Some(d) = lex.division_named(&w) {
                hit = Some((d, i, i + len));
                break;
            }
        }
        match hit {
            Some(h) => {
                out.push(h);
                i = h.2;
            }
            None => i += 1,
        }
    }
    out
}

/// Level words that stand for the jurisdiction at the start of a name (`省委`, `市长`).
pub(super) const LEVELS: [(&str, Level); 5] = [
    ("自治区", Level::Province),
    ("省", Level::Province),
    ("市", Level::Prefecture),
    ("县", Level::County),
    ("区", Level::County),
];

/// Whether the words after a level word leave it a bare level (`省|委`), not part of a word
/// (`区域`, `市场`, `省级`).
fn bare_level(rest: &str) -> bool {
    !["级", "场", "域", "内", "外", "直", "属", "情", "民"]
        .iter()
        .any(|w| rest.starts_with(w))
}

/// Whether `name` names a class of bodies, not one: it starts with a list of levels
/// (`省区市党委`, `市县政府`) or with a rank (`国家级考古博物馆`, `省级制造业创新中心`).
fn names_a_class(name: &str) -> bool {
    let ranked = ["国家", "中央", "省部", "地市", "乡镇"]
        .iter()
        .chain(LEVELS.iter().map(|(w, _)| w))
        .any(|w| name.strip_prefix(w).is_some_and(|r| r.starts_with('级')));
    ranked
        || LEVELS.iter().any(|(w, _)| {
            name.strip_prefix(w).is_some_and(|rest| {
                LEVELS.iter().any(|(v, _)| {
                    rest.strip_prefix(v)
                        .is_some_and(|after| !after.is_empty() && bare_level(after))
                })
            })
        })
}

/// Words that start a national body's name wherever they are written (`中央|人才工作会议`).
pub(super) const NATIONAL: [&str; 4] = ["中共", "中央", "全国", "国家"];

/// Anaphors naming the jurisdiction (`我省`, `该区`): the word and its level.
pub(super) const ANAPHORS: [(&str, Level); 12] = [
    ("我省", Level::Province),
    ("全省", Level::Province),
    ("本省", Level::Province),
    ("该省", Level::Province),
    ("我市", Level::Prefecture),
    ("全市", Level::Prefecture),
    ("本市", Level::Prefecture),
    ("该市", Level::Prefecture),
    ("我区", Level::County),
    ("该区", Level::County),
    ("我县", Level::County),
    ("该县", Level::County),
];

impl Jurisdiction {
    fn at(&self, level: Level) -> Option<usize> {
        match level {
            Level::Province => self.province,
            Level::Prefecture => self.city.or(self.prefecture),
            Level::County => self.county,
        }
    }

    /// Spells out the jurisdiction a name leaves implicit: `省委书记` → `山西省委书记`,
    /// `该区旅游大厦` → `晋源区旅游大厦`. Names that already start with a place stay.
    pub fn resolve(&self, name: &str, lex: &Lexicon) -> String {
        for (word, level) in ANAPHORS {
            if let Some(rest) = name.strip_prefix(word) {
                if let Some(d) = self.at(level) {
                    return format!("{}{}", lex.division(d).name, rest);
                }
                return name.to_string();
            }
        }
        // `副省长`: the level word comes after 副 or 常务副.
        let (head, body) = ["常务副", "副", "代"]
            .iter()
            .find_map(|p| name.strip_prefix(p).map(|b| (*p, b)))
            .unwrap_or(("", name));
        for (word, level) in LEVELS {
            let Some(rest) = body.strip_prefix(word) else {
                continue;
            };
            if rest.is_empty() || !bare_level(rest) || names_a_class(body) {
                return name.to_string();
            }
            let Some(d) = self.at(level) else {
                return name.to_string();
            };
            let full = &lex.division(d).name;
            // 山西省 + 委 = 山西省委; 太原市 + 长 = 太原市长; for 副省长: 山西省 + 副省长.
            return if head.is_empty() {
                format!("{full}{rest}")
            } else {
                format!("{full}{name}")
            };
        }
        name.to_string()
    }
}

/// A body named in a sentence: char span and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodySpan {
    pub start: usize,
    pub end: usize,
    pub kind: BodyKind,
    /// A lexicon entry, a suffix after an anchor, or a suffix after words with none.
    pub basis: Basis,
}

/// Characters that end the words before a body name (outside known names).
const STOPS: &str = "了的与同和及向对在由为将被把是从于各每";

/// Words that end the words before a body's name: verbs that bring a body into being
/// (`…成立|工作专班`: the body is what follows) and words of quantity (`灾区很多|医院`,
/// `全国广大|政协委员`), which no name holds. Each counts only as a word the segmenter reads.
const BEFORE_BODIES: [&str; 12] = [
    "成立", "组建", "设立", "组成", "很多", "许多", "不少", "广大", "众多", "诸多", "一些", "多家",
];

/// Whether the char at `i` ends a date or follows a number (`4日`, `6家`): a word starts after it.
fn after_number(sent: &Sent, i: usize) -> bool {
    i > 0
        && (sent.chars[i - 1].is_ascii_digit() || super::chars::is_numeral(sent.chars[i - 1]))
        && super::chars::is_han(sent.chars[i])
        && !super::chars::is_numeral(sent.chars[i])
}

/// Whether position `i` may start a body name as an anchor.
fn anchor_at(sent: &Sent, i: usize) -> bool {
    let left_free = i == 0 || {
        let c = sent.chars[i - 1];
        is_boundary(c) || STOPS.contains(c) || !super::chars::is_han(c) || after_number(sent, i - 1)
    };
    if sent
        .cues_starting_at(i)
        .any(|f| matches!(f.cue, Cue::Division(_) | Cue::Abroad(_) | Cue::Body(_)))
    {
        return true;
    }
    if ANAPHORS.iter().any(|(w, _)| sent.has_at(i, w)) {
        return true;
    }
    if NATIONAL.iter().any(|w| sent.has_at(i, w)) {
        return true;
    }
    left_free && LEVELS.iter().any(|(w, _)| sent.has_at(i, w))
}

/// Where a name with no anchor starts in the run of words before its suffix: after the verbs,
/// adverbs and pronouns that open the run (`要|调增政策性银行`, `推进|当地医院`), which a
/// company's or a school's name never starts with; two characters are left before the suffix.
fn free_start(sent: &Sent, lex: &Lexicon, run_start: usize, suffix: usize) -> usize {
    let mut s = run_start;
    'words: while suffix - s > 2 {
        for n in (1..=4.min(suffix - s - 2)).rev() {
            if lex.is_modifier(&sent.slice(s, s + n)) {
                s += n;
                continue 'words;
            }
        }
        break;
    }
    s
}

/// Whether a place or a known body in `start..suffix` is followed by a verb or an adverb, or
/// another body's name by a verb of a clause and a name after it: the words are then a clause
/// about it (`党中央|推进|人民代表大会`, `以色列|不断|轰炸…医院`, `吉林大学|联合|中国科学院`), not
/// one name. A verb right before the suffix is the name's (`政协|提案|委员会`, `法院|执行|局`).
fn clause_inside(sent: &Sent, lex: &Lexicon, start: usize, suffix: usize) -> bool {
    (start + 1..suffix).any(|k| {
        let cues = || sent.cues_ending_at(k).filter(|f| f.start >= start);
        let after_known = cues().any(|f| f.cue.is_place() || matches!(f.cue, Cue::Body(_)));
        if after_known
            && (2..=4).any(|n| k + n <= suffix && super::event::verb_at(sent, lex, k, n, suffix))
        {
            return true;
        }
        let after_body =
            cues().any(|f| matches!(f.cue, Cue::BodySuffix(_)) && f.end - f.start >= 2);
        after_body
            && (2..=4).any(|n| {
                k + n + 2 <= suffix && {
                    let w = sent.slice(k, k + n);
                    lex.is_clause_verb(&w) || JOINT_VERBS.contains(&w.as_str())
                }
            })
    })
}

/// Verbs by which one body acts with another (`吉林大学|联合|中国科学院`): between two bodies'
/// names they make a clause, though names hold them too (`联合国`, `联合会`).
const JOINT_VERBS: [&str; 4] = ["联合", "携手", "会同", "协同"];

/// Finds body names in a sentence; `taken` are spans (people) a body may not overlap.
pub fn find(sent: &Sent, lex: &Lexicon, taken: &[(usize, usize)]) -> Vec<BodySpan> {
    let mut cands: Vec<BodySpan> = Vec::new();
    for f in &sent.found {
        let (kind, strong) = match f.cue {
            // Only companies and institutions are named freely enough (`华为技术有限公司`) to
            // be taken without a place or level word in front.
            Cue::BodySuffix(kind) => (
                kind,
                f.end - f.start >= 2
                    && matches!(
                        kind,
                        BodyKind::Company | BodyKind::Institution | BodyKind::School
                    ),
            ),
            Cue::Body(_) => {
                // A short name written inside a word is not there (`民进` in `居民进一步`).
                let inside_word = f.end - f.start == 2
                    && f.start > 0
                    && lex.is_word(&sent.slice(f.start - 1, f.start + 1));
                if inside_word {
                    continue;
                }
                cands.push(BodySpan {
                    start: f.start,
                    end: f.end,
                    kind: BodyKind::Government,
                    basis: Basis::BodyListed,
                });
                continue;
            }
            _ => continue,
        };
        let e = f.end;
        // A one-character suffix after a numeral counts (`第一部法律`, `两所`), names nothing.
        if e - f.start == 1
            && f.start > 0
            && (super::chars::is_numeral(sent.chars[f.start - 1])
                || sent.chars[f.start - 1].is_ascii_digit())
        {
            continue;
        }
        // `部` of `部署`, `委` of `常委`: an ordinary word or a title goes on from the suffix.
        let last = e - 1;
        // Every ordinary word of two or three chars that covers the suffix's last char.
        // A title right after the suffix is the body's head (`秘书处|处长`), whatever word the
        // two make (`处处`).
        let titled = sent
            .cues_starting_at(e)
            .any(|g| matches!(g.cue, Cue::Title(_)) && g.end - g.start >= 2);
        let blocked = !titled
            && (2..=3).any(|n| {
                (last.saturating_sub(n - 1)..=last).any(|a| {
                    a + n <= sent.len()
                        && a + n > last
                        && lex.is_suffix_blocker(&sent.slice(a, a + n))
                })
            });
        // A one-character suffix that ends a verb, an adverb or a pronoun (`签署`, `查处`,
        // `多处`, `各部`) names nothing.
        let ends_modifier = e - f.start == 1
            && f.start > 0
            && lex.is_modifier(&sent.slice(f.start - 1, e))
            && !sent
                .cues_ending_at(f.start)
                .any(|g| matches!(g.cue, Cue::Body(_) | Cue::BodySuffix(_)));
        if blocked
            || ends_modifier
            || sent
                .found_between(e, f.start)
                .iter()
                .any(|g| matches!(g.cue, Cue::Title(_)) && g.start < f.start && g.end >= e)
        {
            continue;
        }
        // A suffix inside a known body's name, short of its end, is the body's
        // (`委` in `国际奥委会`).
        if sent
            .cues_covering(f.start, e + 1)
            .any(|g| matches!(g.cue, Cue::Body(_)))
        {
            continue;
        }
        // A suffix that goes on into a longer word is not one (`部` in `部署`, `会` in `会议`).
        if sent.found_between(e + 1, e).iter().any(|g| {
            g.start < e
                && g.end > e
                && !matches!(g.cue, Cue::BodySuffix(_) | Cue::Body(_))
                && g.start >= f.start
        }) {
            continue;
        }
        // Nor one that the segmenter reads as the start of a longer word (`成都大学|校园`,
        // `中国大学|生`), unless a title or a meeting's head follows, whatever word the two
        // make (`外交部|长`, `领导|小组会议`), or the word ends in a suffix too or names a
        // body: then the name ends with the word (`国务院安委|会`, `俄罗斯奥委|会`).
        let headed = sent
            .cues_starting_at(e)
            .any(|g| matches!(g.cue, Cue::EventHead(_)));
        let e = match sent.word_across(e) {
            Some((a, b)) if !titled && !headed => {
                // A body's abbreviation right after a body's or a place's name
                // (`国务院|安委会`, `俄罗斯|奥委会`; not `改|革委会` of 发展改革委会同).
                let after_name = sent.cues_ending_at(a).any(|g| {
                    matches!(
                        g.cue,
                        Cue::Body(_) | Cue::BodySuffix(_) | Cue::Division(_) | Cue::Abroad(_)
                    )
                });
                let suffixed = sent
                    .cues_ending_at(b)
                    .any(|g| matches!(g.cue, Cue::BodySuffix(_)))
                    || (after_name && super::segment::names_a_body(&sent.slice(a, b)));
                if !suffixed {
                    continue;
                }
                b
            }
            _ => e,
        };
        // A school's, a hospital's, a company's, a square's or a command's name is read back
        // through words any clause has, so a verb on the way ends it (`该市|开办|…学校`,
        // `…冲突|导致|…战区`); a group's or a research centre's name holds verbs of its own
        // (`…应对…领导小组`, `航天飞行控制中心`).
        let reads_back = matches!(
            kind,
            BodyKind::Company | BodyKind::School | BodyKind::Site | BodyKind::Military
        );
        let mut anchor = None;
        let mut run_start = f.start;
        let mut i = f.start;
        while i > 0 && f.start - i < 24 {
            let c = sent.chars[i - 1];
            let inside_known = sent.found_between(i, i).iter().any(|g| {
                g.start < i - 1 + 1
                    && g.end > i - 1
                    && matches!(
                        g.cue,
                        Cue::Body(_) | Cue::Division(_) | Cue::Abroad(_) | Cue::BodySuffix(_)
                    )
                    && g.end <= f.start
            });
            // A numeral inside a place's name (`四川`, `十堰`) is the name's, not a count's.
            let numeral_named = i >= 2
                && sent
                    .cues_covering(i - 2, i)
                    .any(|g| matches!(g.cue, Cue::Division(_) | Cue::Abroad(_)));
            // `日本|等|国使馆`, `尼罗河台|等|多家…电视台`: 等 before a count or 国 ends a list,
            // though names hold it elsewhere (`高等法院`).
            let list_end = c == '等'
                && sent.char_at(i).is_some_and(|n| {
                    matches!(n, '国' | '多' | '几')
                        || super::chars::is_numeral(n)
                        || n.is_ascii_digit()
                });
            // A verb right before a place's or a known body's name ends the words before it
            // (`韩国舆论担忧|韩国政府`): a name goes on from a place, not from a clause's verb.
            let verb_before_anchor = anchor == Some(i)
                && !inside_known
                && (2..=4).any(|n| i >= n && super::event::verb_at(sent, lex, i - n, n, i));
            // A kind of body written between a country and a name stands in apposition to
            // the name (`美国军工企业|雷神公司`, `德国智库|伊弗经济研究所`): the name starts after
            // it. At home the same words are names' own (`中央机构编制委员会`,
            // `钱塘区企业综合服务中心`).
            let apposed = !inside_known
                && f.start - i >= 2
                && APPOSED_KINDS.iter().any(|k| {
                    let Some(ks) = i.checked_sub(k.chars().count()) else {
                        return false;
                    };
                    let country_before = |g: &crate::lexicon::Found| {
                        matches!(g.cue, Cue::Abroad(_)) && g.end <= ks && ks - g.end <= 6
                    };
                    sent.has_at(ks, k)
                        && sent
                            .found_between(ks.saturating_sub(6), ks)
                            .iter()
                            .any(country_before)
                });
            let before_body = !inside_known
                && BEFORE_BODIES.iter().any(|w| {
                    let n = w.chars().count();
                    i >= n && sent.has_at(i - n, w) && sent.word_end(i - n) == i
                });
            let stop = is_boundary(c)
                || list_end
                || before_body
                || apposed
                || verb_before_anchor
                || c.is_ascii_digit()
                || (after_number(sent, i - 1) && !numeral_named)
                || (STOPS.contains(c) && !inside_known)
                || taken.iter().any(|&(a, b)| a < i && i <= b)
                || (reads_back
                    && !inside_known
                    && (2..=4).any(|n| i >= n && lex.is_clause_verb(&sent.slice(i - n, i))))
                || sent.cues_ending_at(i).any(|g| {
                    matches!(
                        g.cue,
                        Cue::Trigger(_) | Cue::Verb | Cue::Title(_) | Cue::Particle
                    ) && g.end - g.start >= 2
                        && !inside_known
                });
            if stop {
                break;
            }
            i -= 1;
            run_start = i;
            if anchor_at(sent, i) {
                anchor = Some(i);
            }
        }
        if anchor_at(sent, f.start) && anchor.is_none() && f.end - f.start >= 2 {
            anchor = Some(f.start);
        }
        let (start, basis) = match anchor {
            Some(a) => (a, Basis::BodyAnchored),
            None if strong && f.start - run_start >= 2 && f.start - run_start <= 16 => {
                (free_start(sent, lex, run_start, f.start), Basis::BodyFree)
            }
            None => continue,
        };
        if start == f.start && matches!(f.cue, Cue::BodySuffix(_)) && f.end - f.start < 3 {
            // A bare suffix (`部`, `中心`) is no name.
            if !anchor_at(sent, start) || f.end - f.start < 2 {
                continue;
            }
        }
        if taken.iter().any(|&(a, b)| a < e && start < b)
            || names_a_class(&sent.slice(start, e))
            || clause_inside(sent, lex, start, f.start)
        {
            continue;
        }
        cands.push(BodySpan {
            start,
            end: e,
            kind,
            basis,
        });
    }
    // A body of a term, written after its owner (`政协|第十三届|全国委员会`,
    // `中国国民党革命委员会|第八届、九届、十届|中央委员会`), is the owner's: its name starts
    // with the owner's, and [`key`] drops the term.
    let owner_starts: Vec<Option<usize>> = cands
        .iter()
        .map(|c| {
            let ts = term_before(sent, c.start)?;
            owner_before(sent, &cands, ts)
        })
        .collect();
    for (c, owner) in cands.iter_mut().zip(owner_starts) {
        if let Some(o) = owner.filter(|&o| !taken.iter().any(|&(a, b)| a < c.start && o < b)) {
            c.start = o;
        }
    }
    // Keep the longest at each start, and drop what lies inside another.
    cands.sort_by_key(|b| (b.start, std::cmp::Reverse(b.end)));
    let mut out: Vec<BodySpan> = Vec::new();
    for c in cands {
        if out.iter().any(|o| o.start <= c.start && c.end <= o.end) {
            continue;
        }
        out.retain(|o| !(c.start <= o.start && o.end <= c.end));
        out.push(c);
    }
    out.sort_by_key(|b| b.start);
    out
}

/// Where a term written right before `at` starts: `第十三届`, `二十届`, or a list of terms
/// (`第八届、九届、十届`).
fn term_before(sent: &Sent, at: usize) -> Option<usize> {
    let mut i = at;
    let mut start = None;
    loop {
        if i == 0 || sent.chars[i - 1] != '届' {
            return start;
        }
        let mut j = i - 1;
        while j > 0
            && super::chars::is_numeral(sent.chars[j - 1])
            && !sent.chars[j - 1].is_ascii_digit()
        {
            j -= 1;
        }
        if j == i - 1 {
            return start;
        }
        if j > 0 && sent.chars[j - 1] == '第' {
            j -= 1;
        }
        start = Some(j);
        if j > 0 && sent.chars[j - 1] == '、' {
            i = j - 1;
        } else {
            return start;
        }
    }
}

/// Where the owner of a term ending at `ts` starts: a body of the lexicon (`中国共产党`,
/// `民盟`), or a body found (`中国国民党革命委员会`) or a suffix (`政协`) that starts where a
/// name may.
fn owner_before(sent: &Sent, cands: &[BodySpan], ts: usize) -> Option<usize> {
    let listed = sent
        .cues_ending_at(ts)
        .filter(|g| matches!(g.cue, Cue::Body(_)))
        .map(|g| g.start);
    let clean = |s: &usize| {
        *s == 0
            || anchor_at(sent, *s)
            || is_boundary(sent.chars[s - 1])
            || STOPS.contains(sent.chars[s - 1])
    };
    let found = cands.iter().filter(|c| c.end == ts).map(|c| c.start);
    let suffix = sent
        .cues_ending_at(ts)
        .filter(|g| matches!(g.cue, Cue::BodySuffix(_)) && g.end - g.start >= 2)
        .map(|g| g.start);
    listed.chain(found.chain(suffix).filter(clean)).min()
}

/// The identity key of a body: resolved, without qualifiers (`新冠肺炎`), with the party's
/// long forms shortened (`中共山西省委` → `山西省委`, `山西省委员会` → `山西省委`).
pub fn key(resolved: &str, lex: &Lexicon, qualifiers: &[String]) -> String {
    // `政协第十三届全国委员会` → `政协全国委员会`.
    let mut k = super::chars::without_counted(resolved, "届");
    for q in qualifiers {
        if k.len() > q.len() + 6 {
            k = k.replacen(q.as_str(), "", 1);
        }
    }
    for prefix in ["中国共产党", "中共"] {
        if let Some(rest) = k.strip_prefix(prefix) {
            if divisions_in(rest, lex)
                .first()
                .is_some_and(|&(_, s, _)| s == 0)
            {
                k = rest.to_string();
            }
        }
    }
    if let Some(stem) = k.strip_suffix("委员会") {
        if lex.division_named(stem).is_some() {
            k = format!("{stem}委");
        }
    }
    // One key for every name of a known body (`全国人民代表大会`, `全国人大`), also written
    // after its country or party (`中国全国人大`, `中国共产党中央纪律检查委员会`).
    let known = lex.known_body(&k).or_else(|| {
        KNOWN_BODY_PREFIXES
            .iter()
            .find_map(|p| k.strip_prefix(p).and_then(|rest| lex.known_body(rest)))
    });
    match known {
        Some(known) => k = known.to_string(),
        None => k = with_known_owner(&k, lex),
    }
    // `中国－中亚峰会`, `中国—中亚峰会`: one dash however it is typed.
    k.chars()
        .map(|c| {
            if matches!(c, '－' | '–' | '-') {
                '—'
            } else {
                c
            }
        })
        .collect()
}

/// A body of a known body, keyed by its owner's key: `农工党中央委员会` and
/// `中国农工民主党中央委员会` are one, and so are `中国共产党中央委员会政治局常务委员会` and
/// `中共中央政治局常委会` when the lexicon lists the latter.
fn with_known_owner(k: &str, lex: &Lexicon) -> String {
    // The longest known owner first; an owner has two characters at least.
    let cuts: Vec<usize> = k.char_indices().map(|(i, _)| i).skip(2).collect();
    let Some((owner, rest)) = cuts
        .iter()
        .rev()
        .find_map(|&i| lex.known_body(&k[..i]).map(|owner| (owner, &k[i..])))
    else {
        return k.to_string();
    };
    let whole = format!("{owner}{rest}");
    let short = rest
        .strip_suffix("常务委员会")
        .map(|stem| format!("{owner}{stem}常委会"));
    lex.known_body(&whole)
        .or_else(|| short.as_deref().and_then(|s| lex.known_body(s)))
        .map_or(whole, str::to_string)
}

/// What a known body's name may be written after without naming another body.
const KNOWN_BODY_PREFIXES: [&str; 4] = ["中华人民共和国", "中国共产党", "中国", "中共"];

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::builtin().unwrap()
    }

    /// The bodies [`find`] names in `text`, as written.
    fn names_found(text: &str, lex: &Lexicon) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let sent = Sent::new(0, &chars, 0, chars.len(), lex);
        find(&sent, lex, &[])
            .iter()
            .map(|b| sent.slice(b.start, b.end))
            .collect()
    }

    #[test]
    fn a_body_of_a_term_is_its_owners() {
        let lex = lex();
        // (sentence, the body as written, its key)
        let cases = [
            (
                "中国共产党第二十届中央委员会第二次全体会议在北京举行。",
                "中国共产党第二十届中央委员会",
                "中共中央",
            ),
            (
                "政协第十三届全国委员会第六十五次主席会议在京召开。",
                "政协第十三届全国委员会",
                "全国政协",
            ),
            (
                "中国国民党革命委员会第八届、九届、十届中央委员会主席何鲁丽同志逝世。",
                "中国国民党革命委员会第八届、九届、十届中央委员会",
                "中国国民党革命委员会中央委员会",
            ),
            // A short name and a full name of the owner give one key.
            (
                "农工党第十七届中央委员会第一次全体会议召开。",
                "农工党第十七届中央委员会",
                "中国农工民主党中央委员会",
            ),
            // With no owner before the term, the body is as found.
            (
                "会议选举产生第十三届中央委员会。",
                "中央委员会",
                "中央委员会",
            ),
        ];
        for (text, written, want) in cases {
            let names = names_found(text, &lex);
            assert!(names.iter().any(|n| n == written), "{text}: {names:?}");
            assert_eq!(key(written, &lex, &[]), want, "{text}");
        }
    }

    #[test]
    fn a_name_read_back_from_its_suffix_starts_after_a_verb() {
        let lex = lex();
        // (sentence, the bodies found)
        let cases = [
            ("多地开办老年大学。", vec!["老年大学"]),
            // A place before the verb is the clause's, not the name's.
            ("北京市开办老年大学。", vec!["老年大学"]),
            // With no verb on the way, the name goes back to its place.
            (
                "他走访了深圳市腾讯计算机系统有限公司。",
                vec!["深圳市腾讯计算机系统有限公司"],
            ),
            // A kind of body between a country and a name is in apposition to the name; at
            // home the same words are a name's own.
            ("据美国智库布鲁金斯学会统计。", vec!["布鲁金斯学会"]),
            (
                "钱塘区企业综合服务中心成立。",
                vec!["钱塘区企业综合服务中心"],
            ),
        ];
        for (text, want) in cases {
            let names = names_found(text, &lex);
            assert_eq!(names, want, "{text}");
        }
    }

    #[test]
    fn a_clause_or_a_word_is_no_bodys_name() {
        let lex = lex();
        // (sentence, a body found, a body not found)
        let cases = [
            (
                "吉林大学联合中国科学院发布成果。",
                Some("吉林大学"),
                "吉林大学联合中国科学院",
            ),
            // A verb right before the suffix is the name's, and so is an adjective after a
            // suffix (`集团|有限公司`).
            (
                "云南省沧源佤族自治县人民法院执行局开展行动。",
                Some("云南省沧源佤族自治县人民法院执行局"),
                "云南省沧源佤族自治县人民法院",
            ),
            (
                "中国国家铁路集团有限公司党组召开会议。",
                Some("中国国家铁路集团有限公司党组"),
                "中国国家铁路集团",
            ),
            ("伦敦市中心发生爆炸。", None, "伦敦市中心"),
            // A short name inside a word (`居民|进一步`).
            ("当地居民进一步增加。", None, "民进"),
            // A one-character suffix that ends an adverb or a verb, or starts a word.
            ("袭击造成乌克兰多处设施受损。", None, "乌克兰多处"),
            ("尽管欧洲处境堪忧。", None, "欧洲处"),
            ("全国共查处案件。", None, "全国共查处"),
            // A title after the suffix is its head, whatever word the two make.
            (
                "省政府办公厅秘书处处长出席。",
                Some("省政府办公厅秘书处"),
                "省政府办公厅",
            ),
            // A time word or a preposition ends the words before a name.
            (
                "芬兰媒体近日援引芬兰国家调查局官员的消息。",
                Some("芬兰国家调查局"),
                "芬兰媒体近日援引芬兰国家调查局",
            ),
            // A headquarters or a pavilion is a place; a suffix inside a known name is the
            // name's.
            (
                "代表团抵达瑞士洛桑国际奥委会总部。",
                Some("国际奥委会"),
                "瑞士洛桑国际奥委",
            ),
            ("参观迪拜世博会中国馆。", None, "迪拜世博会中国馆"),
            ("日本等国使馆发出提醒。", None, "日本等国使馆"),
            // A list of levels or a rank names every such body, not one.
            ("实现中央和省区市党委巡视全覆盖。", None, "省区市党委"),
            ("我国第一个国家级考古博物馆建成。", None, "国家级考古博物馆"),
            // A verb right before a place's or a known body's name ends the words before it.
            (
                "韩国舆论担忧韩国政府现行外交政策。",
                Some("韩国政府"),
                "韩国舆论担忧韩国政府",
            ),
            (
                "土耳其会批准瑞典政府的申请。",
                Some("瑞典政府"),
                "土耳其会批准瑞典政府",
            ),
            // A suffix the segmenter reads as the start of a longer word names nothing,
            // unless the word names a body after a name (`国务院|安委会`) or a meeting follows.
            ("运动员村依托成都大学校园建设。", None, "成都大学校"),
            ("中国大学生体育代表团抵达。", None, "中国大学"),
            (
                "国务院安委会部署安全生产工作。",
                Some("国务院安委会"),
                "国务院安委",
            ),
            (
                "中央全面深化改革领导小组会议审议了方案。",
                Some("中央全面深化改革领导小组"),
                "中央全面深化改革领导小组会议",
            ),
            // A verb that brings a body into being, or a word of quantity, ends the words
            // before a body's name.
            (
                "沈阳市政府成立工作专班推进项目。",
                Some("沈阳市政府"),
                "沈阳市政府成立工作专班",
            ),
            ("叙利亚灾区很多医院缺少药品。", None, "叙利亚灾区很多医院"),
            // A numeral inside a place's name is the name's.
            (
                "四川省达州市大巴山影业有限责任公司等单位。",
                Some("四川省达州市大巴山影业有限责任公司"),
                "省达州市大巴山影业有限责任公司",
            ),
        ];
        for (text, found, not_found) in cases {
            let names = names_found(text, &lex);
            if let Some(f) = found {
                assert!(names.iter().any(|n| n == f), "{text}: {names:?}");
            }
            assert!(!names.iter().any(|n| n == not_found), "{text}: {names:?}");
        }
    }

    #[test]
    fn resolves_level_words() {
        let lex = lex();
        let sx = lex.division_named("山西省").unwrap();
        let ty = lex.division_named("太原市").unwrap();
        let jy = lex.division_named("晋源区").unwrap();
        let j = Jurisdiction {
            province: Some(sx),
            prefecture: Some(ty),
            county: Some(jy),
            city: None,
        };
        let cases = [
            ("省委书记", "山西省委书记"),
            ("省委", "山西省委"),
            ("省长", "山西省长"),
            ("副省长", "山西省副省长"),
            ("市委副书记", "太原市委副书记"),
            ("市长", "太原市长"),
            (
                "省疫情防控工作领导小组组长",
                "山西省疫情防控工作领导小组组长",
            ),
            ("该区旅游大厦", "晋源区旅游大厦"),
            ("省科技馆", "山西省科技馆"),
            ("国务院总理", "国务院总理"),
            ("省级", "省级"),
            ("市场监管局", "市场监管局"),
        ];
        for (written, want) in cases {
            assert_eq!(j.resolve(written, &lex), want, "{written}");
        }
        // A county-level city the article is about is what a bare 市 names.
        let jx = lex.division_named("介休市").unwrap();
        let city = Jurisdiction {
            county: Some(jx),
            city: Some(jx),
            ..j
        };
        assert_eq!(city.resolve("市人民医院", &lex), "介休市人民医院");
        assert_eq!(city.resolve("省委", &lex), "山西省委");
        let none = Jurisdiction::default();
        assert_eq!(none.resolve("省委书记", &lex), "省委书记");
    }

    #[test]
    fn body_keys() {
        let lex = lex();
        let q = vec!["新冠肺炎".to_string()];
        let cases = [
            (
                "山西省新冠肺炎疫情防控工作领导小组",
                "山西省疫情防控工作领导小组",
            ),
            ("山西省疫情防控工作领导小组", "山西省疫情防控工作领导小组"),
            ("中共山西省委", "山西省委"),
            ("山西省委员会", "山西省委"),
            ("国务院", "国务院"),
        ];
        for (name, want) in cases {
            assert_eq!(key(name, &lex, &q), want, "{name}");
        }
    }
}
