//! Events: meetings with their ordinals and organisers, joint meetings (`A暨B`), exhibitions
//! named in quotes, and launches.
//!
//! A meeting's name ends in a head word (`会议`, `专题会`, `座谈会`) and starts after the verb
//! before it (`主持召开`, `出席`, `传达贯彻`), a boundary, or `的`. Its parts joined by `暨` are
//! one meeting. A bare head (`会议`, `全会`, `此次会议`) refers back to the article's meeting.

use crate::lexicon::{BodyKind, Cue, Lexicon};
use crate::model::EntityKind;

use super::body::BodySpan;
use super::chars::{is_boundary, is_numeral, parse_number, Sent};
use super::segment::WordKind;

/// An event named in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventSpan {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    /// The name as written (outer quotes removed).
    pub label: String,
    /// The parts of a joint meeting (`A暨B` → [A, B]); one part otherwise.
    pub parts: Vec<Part>,
    /// A bare head word that refers back to an event named before.
    pub anaphoric: bool,
    /// The session this meeting is part of, written before it (`区十六届人大一次会议|主席团
    /// 举行第四次会议`, `…第二次会议|召开第二次全体会议`): its span in the sentence.
    pub session: Option<(usize, usize)>,
}

impl EventSpan {
    /// An event of one part, named by the part's text.
    fn single(kind: EntityKind, part: Part) -> EventSpan {
        EventSpan {
            start: part.start,
            end: part.end,
            kind,
            label: part.text.clone(),
            parts: vec![part],
            anaphoric: false,
            session: None,
        }
    }
}

/// Who holds a meeting named by no more than its number or kind, written before the verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Holder {
    /// The words the meeting's name starts with: a body, or a session and its organ.
    span: (usize, usize),
    /// The body among them, which organises the meeting (none when a session holds it).
    body: Option<(usize, usize)>,
    /// The session among them.
    session: Option<(usize, usize)>,
}

/// One part of a meeting's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `第五十八次` → 58.
    pub ordinal: Option<u32>,
    /// The organiser's name as written at the start of the part (`省委`), with its span.
    pub organizer: Option<(usize, usize)>,
    /// The head word, without a final `议` (`专题会`, `会`, `常务会`).
    pub head: String,
}

/// Characters that end the words before an event's name.
/// (`和`, `与`, `及`, `同` do not: names hold them, `专家和企业家座谈会`, `台湾同胞代表会议`.)
const STOPS: &str = "了的向对在由为将被把是从";

/// Conjunctions and adverbs that end the words before an event's name where a verb or an
/// adverb follows them (`并|共同观看…开幕式`, but `并网发电仪式`).
const CLAUSE_LINKS: &str = "并也还但而";

/// Verbs of carrying out a meeting's spirit, which never begin the meeting's own name when
/// they are all that stands before its head.
const CARRYING_OUT: [&str; 5] = ["贯彻落实", "落实", "贯彻", "学习贯彻", "认真贯彻落实"];

/// Demonstratives before a bare head (`此次会议`) that keep it a reference back.
const DEMONSTRATIVES: [&str; 11] = [
    "此次", "这次", "本次", "该次", "上述", "本届", "该届", "此届", "整场", "这场", "此场",
];

/// Prepositions and conjunctions that never start a meeting's name: before a body's or a
/// place's name or a number they belong to the clause (`经|中共中央政治局常委会会议`,
/// `和|十四届全国人大一次会议`, `自|2013年…`, `以|首届中阿峰会为新起点`). 以 starts names
/// elsewhere (`以色列`), but never before a number.
const LEADING_LINKS: [char; 7] = ['经', '就', '和', '与', '自', '及', '以'];

/// What an ordinal starts with when it is not a numeral (`第五届`, `首届`).
const ORDINAL_STARTS: [&str; 3] = ["第", "首届", "首次"];

/// Words right after a head that make it part of a room or a building (`会议室`, `大会堂`,
/// `会议中心`): a place, not a meeting.
const ROOM_AFTER: [&str; 5] = ["室", "厅", "堂", "楼", "中心"];

/// Words right after an exhibition's head that make it part of another word: its floor space
/// (`展览面积`), its kind of activity (`展览展示`), its exhibits (`展览品`). And `展开`
/// (to unfold: `围绕…主题展开讨论`) after a head ending in `展`.
const EXHIBITION_WORD_AFTER: [&str; 4] = ["面积", "总面积", "展示", "品"];

/// What an exhibition does when `开` follows its head, `展开` then not the verb: `成就展开幕`.
const OPENS: [&str; 5] = ["开幕", "开展", "开放", "开馆", "开启"];

/// Verbs between a body and the meeting it holds (`市委常委会召开扩大会议`): the body is the
/// first part of the meeting's name.
const HOLDS: [&str; 4] = ["召开了", "举行了", "召开", "举行"];

/// Words that join the names of several meetings (`A和B`, `A、B`).
pub const JOINS: [&str; 5] = ["以及", "和", "及", "与", "、"];

/// The marker of an enlarged meeting, written inside its name (`党组（扩大）会议`).
const ENLARGED: &str = "（扩大）";

/// Finds events in a sentence; `bodies` are its body spans, `taken` spans (people) an event
/// name may not overlap.
pub fn find(
    sent: &Sent,
    lex: &Lexicon,
    bodies: &[BodySpan],
    taken: &[(usize, usize)],
) -> Vec<EventSpan> {
    let mut out: Vec<EventSpan> = Vec::new();
    quoted(sent, &mut out);
    let heads: Vec<(usize, usize, EntityKind)> = sent
        .found
        .iter()
        .filter_map(|f| match f.cue {
            Cue::EventHead(k) => Some((f.start, f.end, k)),
            _ => None,
        })
        .collect();
    for &(hs, he, kind) in &heads {
        // The longest head at a place wins (`常务会议` over `会议`), and a head that runs into
        // a body's name is part of it (`大会` in `人民大会堂`).
        if heads
            .iter()
            .any(|&(s, e, _)| (s <= hs && e > he) || (s < hs && e >= he))
        {
            continue;
        }
        // A head that runs into a body's name or a title is part of it (`大会` in
        // `人民大会堂`, `会议` in `国会议长`).
        if sent.found_between(he + 1, he).iter().any(|f| {
            matches!(f.cue, Cue::BodySuffix(_) | Cue::Body(_) | Cue::Title(_))
                && f.start < he
                && f.end > he
        }) {
            continue;
        }
        if ROOM_AFTER.iter().any(|w| sent.has_at(he, w)) {
            continue;
        }
        // `会议` of `国会议员`, `立法会议员`: the member of a body, no meeting.
        if sent.has_at(he - 1, "议员") {
            continue;
        }
        // A head that starts an organ's name names the organ (`大会主席团常务主席`,
        // `联席会议办公室`); a meeting it holds keeps the session's name (see [`holding_body`]).
        if sent
            .cues_starting_at(he)
            .any(|f| matches!(f.cue, Cue::BodySuffix(_)))
        {
            continue;
        }
        // Nor a head overlapping its end (`协商会` of `阿曼协商会议主席`).
        if heads
            .iter()
            .any(|&(s, e, _)| s >= hs && s < he && e >= he && standing_body_officer(sent, s, e))
        {
            continue;
        }
        if kind == EntityKind::Exhibition
            && (EXHIBITION_WORD_AFTER.iter().any(|w| sent.has_at(he, w))
                || sent.has_at(he - 1, "展开") && !OPENS.iter().any(|w| sent.has_at(he, w)))
        {
            continue;
        }
        // A standing body whose name ends in the head (`中国人民政治协商会议`, `俄联邦安全会议`,
        // `全国人民代表大会`) is a body; a meeting of it names its session after it.
        if sent
            .cues_ending_at(he)
            .any(|f| matches!(f.cue, Cue::BodySuffix(_) | Cue::Body(_)) && f.start < hs)
        {
            continue;
        }
        if out.iter().any(|e| e.start <= hs && he <= e.end) {
            continue;
        }
        let mut start = left_edge(sent, lex, (hs, he), taken, bodies);
        let mut joined = false;
        // `省十四届人大四次会议和省政协十三届四次会议`: a list of meetings is several; this
        // one starts after the last connector that follows another meeting's head.
        if let Some(k) = (start..hs).rev().find_map(|k| {
            let conn = JOINS.iter().find(|c| sent.has_at(k, c))?;
            let after_head = sent
                .cues_ending_at(k)
                .any(|f| matches!(f.cue, Cue::EventHead(_)) && f.start >= start);
            // `…重要指示精神和中共中央政治局会议精神`: the spirit of what was listed before.
            let after_spirit = k >= start + 2 && sent.has_at(k - 2, "精神");
            (after_head || after_spirit).then(|| k + conn.chars().count())
        }) {
            start = k;
            joined = true;
        }
        // A joint meeting goes on after 暨 to the next head.
        let mut end = he;
        while sent.char_at(end) == Some('暨') {
            let Some(&(_, next_end, _)) = heads
                .iter()
                .filter(|&&(s, _, _)| s > end && s - end < 40)
                .filter(|&&(s, _, _)| (end..s).all(|i| !is_boundary(sent.chars[i])))
                .min_by_key(|&&(s, e, _)| (s, std::cmp::Reverse(e)))
            else {
                break;
            };
            end = next_end;
        }
        let mut label_start = start;
        for d in DEMONSTRATIVES {
            if sent.has_at(label_start, d) {
                label_start += d.chars().count();
            }
        }
        // `会议就开好|这次|会议`: a demonstrative right before the head makes it a reference
        // back, whatever the words before.
        if DEMONSTRATIVES.iter().any(|d| {
            let n = d.chars().count();
            hs >= label_start + n && sent.has_at(hs - n, d)
        }) {
            label_start = hs;
        }
        // `就贯彻落实会议精神提出要求`: carrying out the spirit of "the meeting" is the
        // article's own meeting, not one named `就贯彻落实会议`.
        if sent.has_at(he, "精神") {
            let prefix = sent.slice(label_start, hs);
            let prefix = prefix.strip_prefix('就').unwrap_or(&prefix);
            if CARRYING_OUT.contains(&prefix) {
                label_start = hs;
            }
        }
        // Words that name nothing (`确保大会`, `召开重大会议`, `以视频会议`) leave the head alone.
        let unnamed = unnamed_prefix(sent, lex, label_start, hs);
        // `市委常委会召开扩大会议`, `市政府召开第七次全体会议`: a meeting named by no more than its
        // number or kind takes the name of the body that holds it.
        let holder = (unnamed || label_start == hs)
            .then(|| holding_body(sent, lex, label_start, bodies))
            .flatten();
        // `…一次会议召开预备会议和主席团第一次会议`: the next of a list held by a session is
        // the session's too.
        let bare_organ = || {
            sent.cues_starting_at(label_start).any(|f| {
                matches!(f.cue, Cue::BodySuffix(_)) && unnamed_prefix(sent, lex, f.end, hs)
            })
        };
        let holder = holder.or_else(|| {
            let (ss, se) = out.last().filter(|_| joined)?.session?;
            (unnamed || bare_organ()).then_some(Holder {
                span: (ss, se),
                body: None,
                session: Some((ss, se)),
            })
        });
        let anaphoric =
            holder.is_none() && unnamed && end == he && ordinal_in(sent, label_start, hs).is_none();
        if anaphoric {
            label_start = hs;
        }
        let mut parts = split_parts(sent, label_start, end, bodies);
        let mut label = written_label(sent, label_start, end);
        if let Some(h) = holder {
            let (bs, be) = h.span;
            label = format!("{}{label}", sent.slice(bs, be));
            if let Some(first) = parts.first_mut() {
                first.organizer = first.organizer.or(h.body);
                first.text = format!("{}{}", sent.slice(bs, be), first.text);
            }
            // The session is named in this one's name, not on its own here.
            if let Some((ss, se)) = h.session {
                out.retain(|e| !(ss <= e.start && e.end <= se));
            }
        }
        out.push(EventSpan {
            start: label_start,
            end,
            kind,
            label,
            parts,
            anaphoric,
            session: holder.and_then(|h| h.session),
        });
        // `全国、省、市公安工作会议`: one meeting of each level the list names.
        if let Some(last) = out.last() {
            let shared = shared_levels(sent, last);
            out.extend(shared);
        }
        // `……委员会第一次、第二次会议`: the numbers listed before share the owner and the head.
        if let Some(last) = out.last_mut() {
            let before = shared_ordinals(sent, lex, bodies, taken, last);
            out.extend(before);
        }
    }
    // A name inside a longer one (`十三届全国人大五次会议` in `……五次会议解放军和武警部队代表团
    // 全体会议`) is part of it.
    let spans: Vec<(usize, usize)> = out.iter().map(|e| (e.start, e.end)).collect();
    // Of two names that overlap, the one that ends first ends at a head inside the other's
    // name (`决议草案提请|大会|全体会议`): it is the other's.
    out.retain(|e| {
        !spans.iter().any(|&(s, t)| {
            (s <= e.start && e.end <= t && (s, t) != (e.start, e.end))
                || (e.start < s && s < e.end && e.end < t)
        })
    });
    out.sort_by_key(|e| e.start);
    out
}

/// Officers a standing body has and a meeting does not (`非洲人国民大会|主席`,
/// `莱索托民主大会|领袖`); a session's chair is its presidium's (`主席团`) or its executive
/// chairman (`执行主席`), and a summit's chair is a country (`主席国`).
const STANDING_OFFICERS: [&str; 5] = ["主席", "领袖", "总书记", "秘书长", "议长"];

/// Whether the head at `hs..he` (`大会`, `会议`) ends a standing body's name, not a meeting's:
/// its officer is written after it, and no number of a session or an edition before it.
fn standing_body_officer(sent: &Sent, hs: usize, he: usize) -> bool {
    let head = sent.slice(hs, he);
    if !(head.ends_with("大会") || head.ends_with("会议")) {
        return false;
    }
    let officer = STANDING_OFFICERS.iter().any(|t| {
        sent.has_at(he, t)
            && !matches!(
                sent.char_at(he + t.chars().count()),
                Some('团' | '国' | '台')
            )
    });
    let numbered = sent.chars[hs.saturating_sub(12)..hs]
        .iter()
        .any(|&c| matches!(c, '届' | '次' | '第'));
    officer && !numbered
}

/// Level words a meeting's name is written after, each standing for its own meeting of the
/// rest of the name (`全国、省、市|公安工作会议`, `中央、省、市|民宗工作会议`), with their rank:
/// a list goes down the levels, so `民主党派中央、全国工商联…座谈会` is no such list.
const SHARED_LEVELS: [(&str, u8); 12] = [
    ("中央", 0),
    ("全国", 0),
    ("全省", 1),
    ("省", 1),
    ("全市", 2),
    ("市", 2),
    ("州", 2),
    ("全县", 3),
    ("全区", 3),
    ("县", 3),
    ("区", 3),
    ("镇", 4),
];

/// The meetings of the level words listed before `ev`, whose name starts with one of them:
/// `全国、省、` before `市公安工作会议` gives 全国公安工作会议 and 省公安工作会议, each with its
/// level word's span.
fn shared_levels(sent: &Sent, ev: &EventSpan) -> Vec<EventSpan> {
    // The longest level word at `i`: its length and rank.
    let level_at = |i: usize| {
        SHARED_LEVELS
            .iter()
            .filter(|(w, _)| sent.has_at(i, w))
            .map(|&(w, rank)| (w.chars().count(), rank))
            .max()
    };
    let Some((own, own_rank)) = level_at(ev.start).filter(|_| ev.parts.len() == 1 && !ev.anaphoric)
    else {
        return Vec::new();
    };
    let rest: String = sent.slice(ev.start + own, ev.end);
    let mut out = Vec::new();
    let mut at = ev.start;
    let mut below = own_rank;
    while at >= 2 && sent.chars[at - 1] == '、' {
        let Some((s, n, rank)) = (1..=2)
            .rev()
            .filter(|&n| at > n)
            .filter_map(|n| {
                let s = at - 1 - n;
                level_at(s)
                    .filter(|&(len, rank)| len == n && rank < below)
                    .map(|(_, rank)| (s, n, rank))
            })
            .next()
        else {
            break;
        };
        below = rank;
        out.push(EventSpan::single(
            ev.kind,
            Part {
                start: s,
                end: s + n,
                text: format!("{}{rest}", sent.slice(s, s + n)),
                ordinal: None,
                organizer: None,
                head: ev.parts[0].head.clone(),
            },
        ));
        at = s;
    }
    out
}

/// Where the ordinal `第N次` that ends at `end` starts, if one does.
fn ordinal_ending_at(sent: &Sent, end: usize) -> Option<usize> {
    if end < 3 || sent.chars[end - 1] != '次' {
        return None;
    }
    let mut i = end - 1;
    while i > 0 && is_numeral(sent.chars[i - 1]) {
        i -= 1;
    }
    (i < end - 1 && i > 0 && sent.chars[i - 1] == '第').then(|| i - 1)
}

/// The meetings of the ordinals listed before `ev` (`二十届中央全面深化改革委员会第一次、|第二次
/// 会议`): each takes the owner written before the first and `ev`'s head, and `ev` takes the
/// owner too.
fn shared_ordinals(
    sent: &Sent,
    lex: &Lexicon,
    bodies: &[BodySpan],
    taken: &[(usize, usize)],
    ev: &mut EventSpan,
) -> Vec<EventSpan> {
    if ev.parts.len() != 1 || ev.anaphoric || ev.session.is_some() || ev.parts[0].ordinal.is_none()
    {
        return Vec::new();
    }
    if !sent.has_at(ev.start, "第") {
        return Vec::new();
    }
    let mut listed: Vec<(usize, usize)> = Vec::new();
    let mut at = ev.start;
    while at >= 1 && sent.chars[at - 1] == '、' {
        let Some(s) = ordinal_ending_at(sent, at - 1) else {
            break;
        };
        listed.push((s, at - 1));
        at = s;
    }
    let Some(&(first, _)) = listed.last() else {
        return Vec::new();
    };
    let owner_start = left_edge(sent, lex, (first, first), taken, bodies);
    if owner_start >= first {
        return Vec::new();
    }
    let owner = sent.slice(owner_start, first);
    let organizer = organizer_at(bodies, owner_start, first);
    let rest: String = ev
        .label
        .chars()
        .skip_while(|&c| c != '次')
        .skip(1)
        .collect();
    let head = ev.parts[0].head.clone();
    ev.label = format!("{owner}{}", ev.label);
    ev.parts[0].text = ev.label.clone();
    ev.parts[0].organizer = ev.parts[0].organizer.or(organizer);
    listed
        .into_iter()
        .map(|(s, e)| {
            EventSpan::single(
                ev.kind,
                Part {
                    start: s,
                    end: e,
                    text: format!("{owner}{}{rest}", sent.slice(s, e)),
                    ordinal: parse_number(&sent.slice(s + 1, e - 1)),
                    organizer,
                    head: head.clone(),
                },
            )
        })
        .collect()
}

/// Whether `a..hs`, the words before a head, give the meeting no name of its own: nothing, or
/// only a year, a number (`第七次`), `扩大` and words that name nothing.
fn unnamed_prefix(sent: &Sent, lex: &Lexicon, a: usize, hs: usize) -> bool {
    let words = sent.slice(a, hs).replace(ENLARGED, "").replace("扩大", "");
    let numberless = without_numbers(&words);
    let uncounted = without_counts(&numberless);
    // A count (`30多场座谈会`) is of several meetings, none named.
    if uncounted != numberless {
        return true;
    }
    let rest: Vec<char> = uncounted.chars().collect();
    rest.is_empty() || lex.only_modifiers(&rest)
}

/// Measure words that count events (`110多场报告会`, `30多项重要会议`).
const EVENT_MEASURES: [char; 5] = ['场', '项', '个', '批', '轮'];

/// `words` without the counts in it: numerals, an optional `多`/`余`/`几`, a measure word.
/// An ordinal (`第十七场`) is no count; `多场`, `几场` and `数场` are.
fn without_counts(words: &str) -> String {
    let chars: Vec<char> = words.chars().collect();
    let is_number = |c: char| is_numeral(c) || c.is_ascii_digit();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let mut j = i;
        while j < chars.len() && is_number(chars[j]) {
            j += 1;
        }
        // `多场`, `几场`, `数场`: a count with no numeral.
        let vague = j == i
            && matches!(chars[i], '多' | '几' | '数')
            && chars.get(i + 1).is_some_and(|c| EVENT_MEASURES.contains(c))
            && (i == 0 || chars[i - 1] != '第');
        if vague {
            i += 2;
            continue;
        }
        if j == i {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let ordinal = i > 0 && chars[i - 1] == '第';
        let mut k = j;
        if k < chars.len() && matches!(chars[k], '多' | '余' | '几') {
            k += 1;
        }
        if !ordinal && k < chars.len() && EVENT_MEASURES.contains(&chars[k]) {
            i = k + 1;
        } else {
            out.extend(&chars[i..j]);
            i = j;
        }
    }
    out
}

/// A meeting's name without its numbers: years, terms and ordinals (`2017年`, `十二届`,
/// `第六十次`). `十二届…政协第六十次主席会议` → `…政协主席会议`.
pub(super) fn without_numbers(name: &str) -> String {
    super::chars::without_counted(name, "届次年")
}

/// The first ordinal `第N次` that starts in `a..b`: where its `第` is and where its numerals
/// end (the `次`).
fn ordinal_in(sent: &Sent, a: usize, b: usize) -> Option<(usize, usize)> {
    (a..b).find_map(|i| {
        if sent.chars[i] != '第' {
            return None;
        }
        let mut j = i + 1;
        while j < b && is_numeral(sent.chars[j]) {
            j += 1;
        }
        (j > i + 1 && sent.char_at(j) == Some('次')).then_some((i, j))
    })
}

/// Words of time that stand between a holder and its verb (`…第三十九次会议|23日上午|在…举行`).
const TIMES_OF_DAY: [&str; 9] = [
    "上午", "下午", "晚上", "晚", "今天", "当天", "昨天", "日前", "近日",
];

/// Where the holder of a meeting ends, going back from its verb at `at` over when and where
/// it holds it: a date (`23日`), a time of day, and `在` with a place or a hall
/// (`十三届全国人大常委会第三十九次会议|23日上午在北京人民大会堂|举行第一次全体会议`).
fn before_when_and_where(sent: &Sent, at: usize, bodies: &[BodySpan]) -> usize {
    let mut k = at;
    loop {
        let place_start = bodies
            .iter()
            .filter(|b| b.end == k && b.kind.is_venue())
            .map(|b| b.start)
            .chain(
                sent.cues_ending_at(k)
                    .filter(|f| f.cue.is_place())
                    .map(|f| f.start),
            )
            .min();
        if let Some(s) = place_start.filter(|&s| s > 0 && sent.chars[s - 1] == '在') {
            k = s - 1;
            continue;
        }
        if let Some(w) = TIMES_OF_DAY.iter().find(|w| {
            let n = w.chars().count();
            k >= n && sent.has_at(k - n, w)
        }) {
            k -= w.chars().count();
            continue;
        }
        if k >= 2 && sent.chars[k - 1] == '日' && sent.chars[k - 2].is_ascii_digit() {
            k -= 1;
            while k > 0 && sent.chars[k - 1].is_ascii_digit() {
                k -= 1;
            }
            continue;
        }
        return k;
    }
}

/// The body right before `召开`/`举行` that ends just before `start`, as a span.
fn holding_body(sent: &Sent, lex: &Lexicon, start: usize, bodies: &[BodySpan]) -> Option<Holder> {
    let verb = HOLDS.iter().find(|v| {
        let n = v.chars().count();
        start >= n && sent.has_at(start - n, v)
    })?;
    let at = before_when_and_where(sent, start - verb.chars().count(), bodies);
    // A hall holds no meeting of its own (`在人民大会堂举行第五次会议`).
    if let Some(b) = bodies
        .iter()
        .filter(|b| b.end == at && !b.kind.is_venue())
        .min_by_key(|b| b.start)
    {
        return Some(Holder {
            span: (b.start, b.end),
            body: Some((b.start, b.end)),
            session: None,
        });
    }
    // A session holds its plenaries and its preparatory meeting (`政协第十一届平阴县委员会
    // 第二次会议召开第二次全体会议`).
    if let Some(head) = sent
        .cues_ending_at(at)
        .find(|f| matches!(f.cue, Cue::EventHead(_)))
    {
        let from = left_edge(sent, lex, (head.start, head.end), &[], bodies);
        let named = sent.slice(from, at);
        return (from < head.start && super::is_session(&named)).then_some(Holder {
            span: (from, at),
            body: None,
            session: Some((from, at)),
        });
    }
    // An organ of a meeting named before it (`区十六届人大一次会议主席团举行第四次会议`): the
    // session's name with the organ's suffix.
    let suffix = sent
        .cues_ending_at(at)
        .filter(|f| matches!(f.cue, Cue::BodySuffix(_)))
        .min_by_key(|f| f.start)?;
    let head_before = sent
        .cues_ending_at(suffix.start)
        .any(|f| matches!(f.cue, Cue::EventHead(_)));
    if !head_before {
        return None;
    }
    let from = left_edge(sent, lex, (suffix.start, suffix.end), &[], bodies);
    (from < suffix.start).then_some(Holder {
        span: (from, at),
        body: Some((from, at)),
        session: Some((from, suffix.start)),
    })
}

/// A name as a reader writes it: the enlarged marker's brackets dropped
/// (`市政协党组（扩大）会议` → `市政协党组扩大会议`), and an opening quote that closes only
/// after the name.
fn written_label(sent: &Sent, a: usize, b: usize) -> String {
    let label = sent.slice(a, b).replace(ENLARGED, "扩大");
    // The quote of a title closing after the head (`第二届“世界航商大会”`) is not the name's.
    match label.rfind('“') {
        Some(q) if !label[q..].contains('”') => {
            format!("{}{}", &label[..q], &label[q + '“'.len_utf8()..])
        }
        _ => label,
    }
}

/// Words ending in `展` where it means to develop or extend, not an exhibition: a quoted theme
/// (`“推动高质量发展”`) is no exhibition.
const DEVELOP: [&str; 11] = [
    "发展", "拓展", "进展", "开展", "扩展", "施展", "伸展", "舒展", "延展", "推展", "铺展",
];

/// Exhibitions and other events named in quotes: `“科创百年——建党100周年科技成就科普展”`.
fn quoted(sent: &Sent, out: &mut Vec<EventSpan>) {
    let mut i = 0;
    while i < sent.len() {
        if sent.chars[i] != '“' {
            i += 1;
            continue;
        }
        let Some(close) = (i + 1..sent.len()).find(|&j| sent.chars[j] == '”') else {
            break;
        };
        let inner = sent.slice(i + 1, close);
        let kind = if ["展", "展览", "博览会", "展览会"]
            .iter()
            .any(|h| inner.ends_with(h))
            && !DEVELOP.iter().any(|w| inner.ends_with(w))
        {
            Some(EntityKind::Exhibition)
        } else {
            None
        };
        if let Some(kind) = kind {
            if inner.chars().count() >= 3 {
                out.push(EventSpan::single(
                    kind,
                    Part {
                        start: i + 1,
                        end: close,
                        text: inner,
                        ordinal: None,
                        organizer: None,
                        head: String::new(),
                    },
                ));
            }
        }
        i = close + 1;
    }
}

/// Where an event's name starts, scanning left from its head `hs..he` (the words a name
/// starts before: `hs == he` when there are none of its own).
fn left_edge(
    sent: &Sent,
    lex: &Lexicon,
    (hs, he): (usize, usize),
    taken: &[(usize, usize)],
    bodies: &[BodySpan],
) -> usize {
    let mut i = hs;
    // Inside quotes nothing ends the name before the opening one: a quoted title is whole
    // (`“学习习近平总书记重要讲话精神，迎接党的二十大”专题研讨班`).
    let open_quote = |i: usize| {
        let closes = sent.chars[i..hs].iter().filter(|&&q| q == '”').count();
        closes > sent.chars[i..hs].iter().filter(|&&q| q == '“').count()
    };
    let mut titled = false;
    while i > 0 && hs - i < 80 {
        let quoted = open_quote(i) && sent.chars[..i].contains(&'“');
        if quoted {
            i -= 1;
            continue;
        }
        if hs - i >= 40 {
            break;
        }
        // A body's name is whole inside a meeting's (`区委应对新冠肺炎疫情工作领导小组会议`:
        // the 对 of 应对 ends nothing).
        if let Some(b) = bodies
            .iter()
            .filter(|b| b.start < i && i <= b.end)
            .min_by_key(|b| b.start)
        {
            i = b.start;
            continue;
        }
        let c = sent.chars[i - 1];
        // A stop character inside a word is no stop (`应对`, `作为`, `现在`), nor is 对 where
        // it starts a word of the name (`亚洲文明|对话|大会`, `全国|对口|支援`); other stops
        // that start words (`的哥`, `中国`) are trimmed off a name later all the same. The
        // word must be what the sentence says, as the segmenter reads it: `同志|在|庆祝`
        // holds no `志在`, `明天|将` no `天将`. (The segmenter alone is not asked: its
        // dictionary joins stops into phrases, `拟向`, `从博鳌`.)
        let in_word = || {
            ((i >= 2 && lex.is_word(&sent.slice(i - 2, i)))
                || (c == '对' && i < hs && lex.is_word(&sent.slice(i - 1, i + 1))))
                && !sent.stands_alone(i - 1)
        };
        if c == '暨' {
            i -= 1;
            continue;
        }
        let n = ENLARGED.chars().count();
        if i >= n && sent.has_at(i - n, ENLARGED) {
            i -= n;
            continue;
        }
        let in_body_name = sent.cues_covering(i - 1, i).any(|f| {
            matches!(
                f.cue,
                Cue::Body(_) | Cue::BodySuffix(_) | Cue::Division(_) | Cue::Abroad(_)
            )
        });
        let date_digit = c.is_ascii_digit() && {
            // `14日在京召开` ends here, `第58次`, `2022年` do not.
            let mut j = i;
            while j < sent.len() && sent.chars[j].is_ascii_digit() {
                j += 1;
            }
            matches!(sent.char_at(j), Some('日' | '月' | '时' | '点'))
        };
        // Quotes may sit inside a name (`推进“一带一路”建设工作领导小组全体会议`).
        // `会议以视频方式`: 以 after a head ends the name before it; elsewhere it may be part
        // of one (`中以创新合作联合委员会`, China–Israel).
        let means = c == '以'
            && sent
                .cues_ending_at(i - 1)
                .any(|f| matches!(f.cue, Cue::EventHead(_)));
        // A dash joins the parties of a name (`中国—中亚峰会`); a double dash outside quotes
        // ends a slogan before it (`丝路启新程——中国—中亚峰会`), inside them it is the
        // title's (`“意大利之源——古罗马文明展”开幕式`).
        let slogan = c == '—'
            && i >= 2
            && sent.chars[i - 2] == '—'
            && sent.chars[i..hs].iter().filter(|&&q| q == '“').count()
                >= sent.chars[i..hs].iter().filter(|&&q| q == '”').count();
        // A quote that opens here and closes right after the head is the meeting's title,
        // whole (`决定成立名为|“内盖夫论坛”`); an ordinal before it is the name's
        // (`第二届“世界航商大会”`). A quote going on after the head is a slogan's, and the
        // words before it are not the name's either (`打出|“反对七国集团峰会召开”`).
        if c == '“' && !sent.chars[i..hs].contains(&'”') {
            titled = sent.char_at(he) == Some('”');
            break;
        }
        // `以及` joins two names; the word it makes does not hide its 及.
        let joined = c == '及' && i >= 2 && sent.chars[i - 2] == '以';
        let stop = means
            || slogan
            || joined
            || (is_boundary(c) && !matches!(c, '—' | '“' | '”'))
            || date_digit
            || (STOPS.contains(c) && !in_body_name && !in_word())
            || (CLAUSE_LINKS.contains(c)
                && !in_body_name
                && !in_word()
                && (2..=4).any(|n| i + n < hs && verb_at(sent, lex, i, n, hs)))
            || taken.iter().any(|&(a, b)| a < i && i <= b)
            // Only triggers end a name here: verbs of the lexicon occur inside names too
            // (`代表` in `代表团全体会议`).
            || sent.cues_ending_at(i).any(|f| {
                matches!(f.cue, Cue::Trigger(_)) && f.end - f.start >= 2 && !in_body_name
            });
        if stop {
            break;
        }
        i -= 1;
    }
    if titled {
        return counted_before(sent, i - 1).unwrap_or(i);
    }
    let mut i = after_verb_before_organ(
        sent,
        lex,
        after_last_verb(sent, lex, i, hs, bodies),
        hs,
        bodies,
    );
    // A person's title after the name (`习近平主席|十四届全国人大一次会议`) is the person's.
    if taken.iter().any(|&(_, b)| b == i) {
        if let Some(t) = sent
            .cues_starting_at(i)
            .filter(|f| matches!(f.cue, Cue::Title(_)) && f.end < hs)
            .map(|f| f.end)
            .max()
        {
            i = t;
        }
    }
    let i = whole_word(
        sent,
        lex,
        session_of_known_body(sent, trim_left(sent, lex, i, hs), hs),
        hs,
        taken,
    );
    // An opening quote whose title closes after the head (`“迎北京冬奥会…启动仪式”`) is the
    // quote's, not the name's.
    if i < hs && sent.chars[i] == '“' && !sent.chars[i..hs].contains(&'”') {
        i + 1
    } else {
        i
    }
}

/// Where a numbered session of a known body starts when words stand before the body's name:
/// at the body (`预祝|中国共产党第二十次全国代表大会`, `学习贯彻|中国共产党第二十届中央委员会第二次
/// 全体会议精神`). What is written before a body's session names it only as a place, a level
/// or a number does (`澳门特别行政区…`, `十四届全国人大…`), or as a name's own verb
/// (`庆祝中国共产党成立…大会`).
fn session_of_known_body(sent: &Sent, i: usize, hs: usize) -> usize {
    let Some(b) = sent
        .found
        .iter()
        .filter(|f| matches!(f.cue, Cue::Body(_)) && f.start > i && f.end < hs)
        .min_by_key(|f| f.start)
    else {
        return i;
    };
    let before_names = (i..b.start).any(|k| {
        let c = sent.chars[k];
        is_numeral(c)
            || c.is_ascii_digit()
            || matches!(c, '“' | '”' | '—')
            || sent
                .cues_starting_at(k)
                .any(|f| f.cue.is_place() || matches!(f.cue, Cue::Body(_) | Cue::BodySuffix(_)))
    }) || NAME_VERBS.iter().any(|v| sent.has_at(i, v));
    if before_names || ordinal_in(sent, b.end, hs).is_none() {
        i
    } else {
        b.start
    }
}

/// Where an ordinal or a year written right before `end` starts (`第二届`, `首届`, `2023年`,
/// `第十次`).
fn counted_before(sent: &Sent, end: usize) -> Option<usize> {
    if end >= 2 && sent.has_at(end - 2, "首届") {
        return Some(end - 2);
    }
    let c = sent.chars.get(end.checked_sub(1)?)?;
    if !matches!(c, '届' | '次' | '年') {
        return None;
    }
    let mut i = end - 1;
    while i > 0 && (is_numeral(sent.chars[i - 1]) || sent.chars[i - 1].is_ascii_digit()) {
        i -= 1;
    }
    if i == end - 1 {
        return None;
    }
    Some(if i > 0 && sent.chars[i - 1] == '第' {
        i - 1
    } else {
        i
    })
}

/// Verbs that begin official names rather than end the words before one: `庆祝…大会`,
/// `纪念…座谈会`, `推动长三角一体化发展领导小组`, `推进“一带一路”建设工作领导小组`.
const NAME_VERBS: [&str; 6] = ["庆祝", "纪念", "推动", "推进", "促进", "深化"];

/// Whether `w` is a word that ends the words before a name: a modifier that no official name
/// begins with.
fn ends_words_before_name(lex: &Lexicon, w: &str) -> bool {
    lex.is_modifier(w) && !NAME_VERBS.contains(&w)
}

/// Whether the `n` chars at `i` are such a word as written: no longer word of the vocabulary
/// starts there and ends by `end` (`自治区`, not the verb `自治`).
pub(super) fn verb_at(sent: &Sent, lex: &Lexicon, i: usize, n: usize, end: usize) -> bool {
    let longer = (n + 1..=4).any(|m| i + m <= end && lex.is_word(&sent.slice(i, i + m)));
    !longer && ends_words_before_name(lex, &sent.slice(i, i + n))
}

/// A name's start moved off the middle of a word, as the segmenter reads the sentence: to the
/// word's start where it names a thing (`信息|产业大会` → 信息产业大会, `开幕|式点火仪式`,
/// `志愿|军烈士遗骸安葬仪式`), past it where it is a verb or a function word (`办|好第三届…论坛`,
/// `以|来第二次…会晤`). Not into a person's name (`韩正|在活动开幕式`: the segmenter does not
/// know the name) nor across the head.
fn whole_word(sent: &Sent, lex: &Lexicon, i: usize, hs: usize, taken: &[(usize, usize)]) -> usize {
    let Some((a, b)) = sent.word_across(i) else {
        // A function word is no name's first (`今年|以来|第二次…会晤`).
        let e = sent.word_end(i);
        let function = if e == i + 1 {
            super::segment::LEADING_FUNCTION.contains(sent.chars[i])
        } else {
            super::segment::word_kind(&sent.slice(i, e)) == WordKind::Function
        };
        return if function && e < hs { e } else { i };
    };
    // A word across the head's start is the head's own reading (`举行仪式`, `列席会议`).
    if b > hs || taken.iter().any(|&(s, e)| s < i && a < e) {
        return i;
    }
    let word = sent.slice(a, b);
    match super::segment::word_kind(&word) {
        _ if lex.is_modifier(&word) => b,
        WordKind::Thing => a,
        WordKind::Verb | WordKind::Function => b,
        WordKind::Other => i,
    }
}

/// Where a numbered name starts when verbs stand before its number: after the last of them
/// (`国务院提交|十四届全国人大一次会议`, `关注报道|金砖国家领导人第十四次会晤`). A body or a
/// place may come before a session's number; a verb ends the sentence's words there. Verbs
/// inside a body's name (`中央全面深化改革委员会`) are the body's.
fn after_last_verb(sent: &Sent, lex: &Lexicon, i: usize, hs: usize, bodies: &[BodySpan]) -> usize {
    let numbered = (i..hs).find(|&k| {
        let c = sent.chars[k];
        let numeral_then = |k: usize| {
            let mut j = k;
            while j < hs && is_numeral(sent.chars[j]) {
                j += 1;
            }
            j > k && j < hs && matches!(sent.chars[j], '届' | '次')
        };
        (c == '第' && numeral_then(k + 1)) || (is_numeral(c) && numeral_then(k))
    });
    let Some(q) = numbered else { return i };
    // Verbs inside a body's or a place's name are the name's (`澳门|特别|行政区`).
    let in_body = |a: usize, b: usize| {
        bodies.iter().any(|s| s.start < b && a < s.end)
            || sent
                .cues_covering(a, b)
                .any(|f| matches!(f.cue, Cue::Body(_) | Cue::Division(_) | Cue::Abroad(_)))
    };
    // A longer word across `p` is what is written (`自治|区`).
    let across = |p: usize| {
        (p.saturating_sub(3)..p).any(|a| {
            (p + 1..=(a + 4).min(hs)).any(|b| {
                let w = sent.slice(a, b);
                lex.is_word(&w) || super::body::LEVELS.iter().any(|(l, _)| *l == w)
            })
        })
    };
    for p in (i + 1..=q).rev() {
        if across(p) {
            continue;
        }
        let verb = (2..=4).any(|n| {
            p >= i + n && {
                let w = sent.slice(p - n, p);
                !w.chars().any(is_numeral) && ends_words_before_name(lex, &w) && !in_body(p - n, p)
            }
        });
        // A verb the segmenter reads as the word ending here, which the lexicon's list of
        // modifiers may lack. Not a verbal noun (`直播`, but also `合作` of 中哈合作委员会).
        let read_verb = || {
            let a = (i..p).rev().find(|&a| sent.is_word(a, p));
            a.is_some_and(|a| {
                let w = sent.slice(a, p);
                p - a >= 2
                    && !in_body(a, p)
                    && !NAME_VERBS.contains(&w.as_str())
                    && super::segment::word_kind(&w) == WordKind::Verb
            })
        };
        if verb || (sent.chars[p - 1] == '就' && !in_body(p - 1, p)) || read_verb() {
            return p;
        }
    }
    i
}

/// Aspect particles and directional complements written after a verb (`参与过`, `提交了`,
/// `排除出`).
const ASPECT: [char; 5] = ['过', '了', '着', '出', '到'];

/// Where a name starts when a verb stands right before a body's name or a head in it: after
/// the verb (`草案等提交|常委会会议`, `外籍专家大都参与过|中央全会`, `将古巴排除出|峰会`).
/// What a verb is written before is its object, and a meeting named by a body or a head
/// alone is that object; a verb inside a body's name (`中央全面深化改革委员会`) is the body's.
fn after_verb_before_organ(
    sent: &Sent,
    lex: &Lexicon,
    i: usize,
    hs: usize,
    bodies: &[BodySpan],
) -> usize {
    let organ_at = |p: usize| {
        let inside = bodies.iter().any(|b| b.start < p && p < b.end);
        // Inside quotes, or before the spirit a name is about (`学习宣传贯彻|中共二十大精神
        // 交流会`), verbs are the name's.
        let quoted = sent.chars[i..p].iter().filter(|&&q| q == '“').count()
            > sent.chars[i..p].iter().filter(|&&q| q == '”').count();
        let topic = sent.slice(p, hs).contains("精神");
        let national = super::body::NATIONAL.iter().any(|w| sent.has_at(p, w));
        !inside
            && !quoted
            && !topic
            && (national
                || sent.cues_starting_at(p).any(|f| match f.cue {
                    Cue::Body(_) => true,
                    // A session's plenary named as an organ right before this head
                    // (`提请|大会|全体会议`, `大会|主席团会议`); other heads before a head
                    // are the name's (`学习|研讨班|开班式`).
                    Cue::EventHead(_) => f.end == hs && sent.has_at(p, "大会") && f.end == p + 2,
                    // A congress's organs are named whole (`常委会`, `主席团`); a verb before
                    // another suffix is the name's (`执行|委员会`, `提案|委员会`).
                    Cue::BodySuffix(k) => matches!(k, BodyKind::Congress | BodyKind::Cppcc),
                    _ => false,
                }))
    };
    let verb_before = |p: usize| {
        let p = if p > i && ASPECT.contains(&sent.chars[p - 1]) {
            p - 1
        } else {
            p
        };
        (2..=3).any(|n| {
            p >= i + n && {
                let w = sent.slice(p - n, p);
                !w.chars().any(is_numeral)
                    && ends_words_before_name(lex, &w)
                    && !bodies.iter().any(|b| b.start < p && p - n < b.end)
            }
        })
    };
    (i + 1..hs)
        .rev()
        .find(|&p| organ_at(p) && verb_before(p))
        .unwrap_or(i)
}

/// The start of a name after the words that open the text before it but name nothing: the
/// end of a date (`28日|中国共产党第二十届…`) and verbs, adverbs and adjectives of the
/// modifiers lexicon (`祝愿|中国共产党第二十次全国代表大会`, `筹备|好|…`), and the head of
/// another meeting before them. Numbers are
/// never trimmed (`十三|届`, `首届`), nor a word that starts a body or a place.
///
/// One-character words are trimmed too (`要|贯彻|中央人才工作会议`) only where the words
/// trimmed end at a body's or a place's name: elsewhere such a character is as often a name's
/// first (`操|军镇`, `可|持续发展目标峰会`).
fn trim_left(sent: &Sent, lex: &Lexicon, mut i: usize, hs: usize) -> usize {
    if i > 0
        && i < hs
        && matches!(sent.chars[i], '日' | '号' | '月')
        && sent.chars[i - 1].is_ascii_digit()
    {
        i += 1;
    }
    match trim_words(sent, lex, i, hs, 1) {
        (j, true) => j,
        _ => trim_words(sent, lex, i, hs, 2).0,
    }
}

/// [`trim_left`]'s walk over words of `shortest` to four characters: where it stops, and
/// whether a known body's or a place's name starts there.
fn trim_words(
    sent: &Sent,
    lex: &Lexicon,
    mut i: usize,
    hs: usize,
    shortest: usize,
) -> (usize, bool) {
    'words: while i < hs {
        if i + 1 < hs
            && LEADING_LINKS.contains(&sent.chars[i])
            && (sent.chars[i + 1].is_ascii_digit()
                || is_numeral(sent.chars[i + 1])
                || ORDINAL_STARTS.iter().any(|w| sent.has_at(i + 1, w))
                || super::body::NATIONAL.iter().any(|w| sent.has_at(i + 1, w))
                || sent
                    .cues_starting_at(i + 1)
                    .any(|f| matches!(f.cue, Cue::Body(_) | Cue::Division(_) | Cue::Abroad(_))))
        {
            i += 1;
            continue;
        }
        // `我区`, `该市`: the jurisdiction, whose first character is a pronoun.
        if super::body::ANAPHORS.iter().any(|(w, _)| sent.has_at(i, w)) {
            return (i, true);
        }
        let named = sent
            .cues_starting_at(i)
            .any(|f| matches!(f.cue, Cue::Body(_) | Cue::Division(_) | Cue::Abroad(_)));
        if named
            || super::body::LEVELS.iter().any(|(w, _)| sent.has_at(i, w))
            || super::body::NATIONAL.iter().any(|w| sent.has_at(i, w))
        {
            return (i, true);
        }
        // A suffix may start a body's name (`中心`) or be the end of a word (`复|馆`).
        if sent
            .cues_starting_at(i)
            .any(|f| matches!(f.cue, Cue::BodySuffix(_)))
        {
            return (i, false);
        }
        // The head of the meeting a clause is about, then its verb (`会议|审议通过|…`).
        let head_then_verb = sent.cues_starting_at(i).find_map(|f| {
            let verb_after =
                (2..=4).any(|n| f.end + n < hs && lex.is_modifier(&sent.slice(f.end, f.end + n)));
            (matches!(f.cue, Cue::EventHead(_)) && verb_after).then_some(f.end)
        });
        if let Some(e) = head_then_verb {
            i = e;
            continue;
        }
        // A count of times before a verb (`两次|观看|升国旗仪式`); `一次会议` is a session's.
        let mut j = i;
        while j < hs && is_numeral(sent.chars[j]) {
            j += 1;
        }
        if j > i
            && sent.char_at(j) == Some('次')
            && (i == 0 || sent.chars[i - 1] != '第')
            && (2..=4).any(|n| j + 1 + n < hs && verb_at(sent, lex, j + 1, n, hs))
        {
            i = j + 1;
            continue;
        }
        // Time words and function words of two characters (`今年|世界互联网大会`, `此前|…`).
        let particle = sent
            .cues_starting_at(i)
            .filter(|f| matches!(f.cue, Cue::Particle) && f.end - f.start >= 2 && f.end < hs)
            .map(|f| f.end)
            .max();
        if let Some(e) = particle {
            i = e;
            continue;
        }
        for n in (shortest..=4).rev() {
            if i + n >= hs {
                continue;
            }
            let numeric = sent
                .slice(i, i + n)
                .chars()
                .any(|c| is_numeral(c) || matches!(c, '届' | '次' | '第'));
            if !numeric && verb_at(sent, lex, i, n, hs) {
                i += n;
                continue 'words;
            }
        }
        break;
    }
    (i, false)
}

/// Splits a name at `暨` and reads each part's organiser, ordinal and head.
fn split_parts(sent: &Sent, start: usize, end: usize, bodies: &[BodySpan]) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut s = start;
    for i in start..=end {
        if i == end || sent.chars[i] == '暨' {
            if i > s {
                parts.push(part(sent, s, i, bodies));
            }
            s = i + 1;
        }
    }
    parts
}

/// The organiser of a meeting whose name starts at `s`: the longest body name there that ends
/// by `limit` (its ordinal or its head).
fn organizer_at(bodies: &[BodySpan], s: usize, limit: usize) -> Option<(usize, usize)> {
    bodies
        .iter()
        .filter(|b| b.start == s && b.end <= limit)
        .max_by_key(|b| b.end)
        .map(|b| (b.start, b.end))
}

fn part(sent: &Sent, s: usize, e: usize, bodies: &[BodySpan]) -> Part {
    let found = ordinal_in(sent, s, e);
    let ordinal = found.and_then(|(i, j)| parse_number(&sent.slice(i + 1, j)));
    let ordinal_start = found.map(|(i, _)| i);
    let head = sent
        .found
        .iter()
        .filter(|f| matches!(f.cue, Cue::EventHead(_)) && f.end == e && f.start >= s)
        .min_by_key(|f| f.start)
        .map(|f| sent.slice(f.start, f.end))
        .unwrap_or_default();
    let head_start = e - head.chars().count();
    let limit = ordinal_start.unwrap_or(head_start);
    let organizer = organizer_at(bodies, s, limit);
    let head = head.strip_suffix('议').unwrap_or(&head).to_string();
    Part {
        start: s,
        end: e,
        text: sent.slice(s, e),
        ordinal,
        organizer,
        head,
    }
}

#[cfg(test)]
mod tests {
    use super::super::chars::Sent;
    use super::*;
    use crate::lexicon::Lexicon;

    fn sent(text: &str, lex: &Lexicon) -> Sent {
        let chars: Vec<char> = text.chars().collect();
        Sent::new(0, &chars, 0, chars.len(), lex)
    }

    /// The labels of the events [`find`] names in `text`, with no bodies known.
    fn labels(text: &str, lex: &Lexicon) -> Vec<String> {
        find(&sent(text, lex), lex, &[], &[])
            .into_iter()
            .map(|e| e.label)
            .collect()
    }

    /// The events [`find`] names in `text`, with the bodies the sentence names.
    fn with_bodies(text: &str, lex: &Lexicon) -> Vec<EventSpan> {
        let s = sent(text, lex);
        let bodies = crate::extract::body::find(&s, lex, &[]);
        find(&s, lex, &bodies, &[])
    }

    #[test]
    fn quoted_exhibitions_but_not_quoted_themes() {
        let lex = Lexicon::builtin().unwrap();
        // (sentence, the exhibition it names, if any)
        let cases = [
            (
                "举办“科创百年——建党100周年科技成就科普展”。",
                Some("科创百年——建党100周年科技成就科普展"),
            ),
            ("以“奋进新时代”主题成就展", None),
            ("会议围绕“加快智慧物流发展”协商议政。", None),
            ("以“新格局中融合发展和高质量发展”为主题。", None),
            ("开展“走进县城看发展”活动。", None),
            ("举办“丝路精品博览会”。", Some("丝路精品博览会")),
        ];
        for (text, want) in cases {
            let mut out = Vec::new();
            quoted(&sent(text, &lex), &mut out);
            let got: Vec<&str> = out.iter().map(|e| e.label.as_str()).collect();
            assert_eq!(got, want.into_iter().collect::<Vec<_>>(), "{text}");
        }
    }

    #[test]
    fn an_exhibitions_head_inside_another_word_names_none() {
        let lex = Lexicon::builtin().unwrap();
        // (sentence, the exhibitions it names)
        let cases: [(&str, &[&str]); 4] = [
            ("本届广交会展览面积达150万平方米。", &[]),
            ("嘉宾围绕“开放”主题展开讨论。", &[]),
            ("展出500多件科普展品。", &[]),
            ("“奋进新时代”主题成就展开幕。", &["“奋进新时代”主题成就展"]),
        ];
        for (text, want) in cases {
            let got: Vec<String> = find(&sent(text, &lex), &lex, &[], &[])
                .into_iter()
                .filter(|e| e.kind == EntityKind::Exhibition)
                .map(|e| e.label)
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_meeting_of_a_session_keeps_the_session_in_its_name() {
        let lex = Lexicon::builtin().unwrap();
        // (sentence, the meetings it names)
        let cases = [
            (
                "区十六届人大一次会议主席团举行第四次会议。",
                vec!["区十六届人大一次会议主席团第四次会议"],
            ),
            (
                "政协第十一届平阴县委员会第二次会议召开第二次全体会议。",
                vec!["政协第十一届平阴县委员会第二次会议第二次全体会议"],
            ),
            (
                "自治区政协十二届一次会议召开预备会议和主席团第一次会议。",
                vec![
                    "自治区政协十二届一次会议预备会议",
                    "自治区政协十二届一次会议主席团第一次会议",
                ],
            ),
            // When and where it is held stand between the session and its verb.
            (
                "十三届全国人大常委会第三十九次会议23日上午在北京人民大会堂举行第一次全体会议。",
                vec!["十三届全国人大常委会第三十九次会议第一次全体会议"],
            ),
            // A meeting that is no session holds no other (`会议召开期间`).
            (
                "市委常委会会议召开第二次全体会议。",
                vec!["市委常委会会议", "第二次全体会议"],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<String> = with_bodies(text, &lex)
                .into_iter()
                .map(|e| e.label)
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_list_of_numbers_names_a_meeting_each() {
        let lex = Lexicon::builtin().unwrap();
        let text = "习近平先后主持召开二十届中央全面深化改革委员会第一次、第二次会议。";
        let mut got: Vec<(String, Option<u32>)> = with_bodies(text, &lex)
            .into_iter()
            .map(|e| (e.label, e.parts[0].ordinal))
            .collect();
        got.sort();
        assert_eq!(
            got,
            [
                (
                    "二十届中央全面深化改革委员会第一次会议".to_string(),
                    Some(1)
                ),
                (
                    "二十届中央全面深化改革委员会第二次会议".to_string(),
                    Some(2)
                ),
            ],
            "{text}"
        );
    }

    #[test]
    fn a_list_of_levels_names_a_meeting_each() {
        let lex = Lexicon::builtin().unwrap();
        // (sentence, the meetings it names)
        let cases = [
            (
                "传达学习全国、省、市公安工作会议精神。",
                vec!["全国公安工作会议", "省公安工作会议", "市公安工作会议"],
            ),
            (
                "传达学习中央、省、市民宗工作会议精神。",
                vec!["中央民宗工作会议", "省民宗工作会议", "市民宗工作会议"],
            ),
            // A list goes down the levels: `民主党派中央` is a body.
            (
                "召开民主党派中央、全国工商联负责人和无党派人士代表座谈会。",
                vec!["全国工商联负责人和无党派人士代表座谈会"],
            ),
            // After the spirit of one thing studied, the next is named on its own.
            (
                "传达学习重要指示精神和中共中央政治局会议精神。",
                vec!["中共中央政治局会议"],
            ),
        ];
        for (text, want) in cases {
            let got = labels(text, &lex);
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_standing_bodys_officer_makes_the_head_a_bodys() {
        let lex = Lexicon::builtin().unwrap();
        // (sentence, the meetings it names)
        let cases: [(&str, &[&str]); 4] = [
            ("会见莱索托民主大会领袖莫霍图。", &[]),
            ("会见阿曼协商会议主席。", &[]),
            // A session's executive chairman, a summit's chair country and a numbered
            // session's chairman are the meeting's.
            ("出席大会执行主席会议。", &["大会执行主席会议"]),
            ("第五届联合国环境大会主席发言。", &["第五届联合国环境大会"]),
        ];
        for (text, want) in cases {
            let got = labels(text, &lex);
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_meetings_name_starts_after_the_words_before_it() {
        let lex = Lexicon::builtin().unwrap();
        // (sentence, the meeting it names)
        let cases = [
            // Verbs, and a one-character verb before them, up to a body's name.
            ("要贯彻中央人才工作会议精神。", "中央人才工作会议"),
            ("他同哈萨克斯坦总统会谈。", "哈萨克斯坦总统会谈"),
            // A one-character word elsewhere may be a name's first.
            (
                "我区2022年第二次党工委扩大会议召开。",
                "我区2022年第二次党工委扩大会议",
            ),
            ("出席可持续发展目标峰会。", "可持续发展目标峰会"),
            // Time words are no part of it.
            ("今年世界互联网大会乌镇峰会开幕。", "世界互联网大会乌镇峰会"),
            // A slogan before a double dash is no part of the name; a title in quotes keeps it.
            ("丝路启新程——中国—中亚峰会在西安举行。", "中国—中亚峰会"),
            (
                "出席“意大利之源——古罗马文明展”开幕式。",
                "“意大利之源——古罗马文明展”开幕式",
            ),
            // A quoted title is whole, commas and all; an opening quote closed after the head
            // is the quote's.
            (
                "出席“统筹城乡融合发展，全面推进乡村振兴”专题协商会。",
                "“统筹城乡融合发展，全面推进乡村振兴”专题协商会",
            ),
            (
                "晚上，“迎北京冬奥会开罗塔灯光秀启动仪式”举行。",
                "迎北京冬奥会开罗塔灯光秀启动仪式",
            ),
            // A conjunction before a verb, a count of times and a determiner are no part.
            (
                "举行欢迎宴会并共同观看中国同中亚国家人民文化艺术年开幕式。",
                "中国同中亚国家人民文化艺术年开幕式",
            ),
            ("他分享了两次观看升国旗仪式的经历。", "升国旗仪式"),
            ("本届亚运会开幕式恰逢秋分。", "亚运会开幕式"),
            (
                "经中共中央政治局常委会会议研究。",
                "中共中央政治局常委会会议",
            ),
            // A verb right before an organ or a national body's name has it as its object.
            ("决定将有关草案等提交常委会会议审议。", "常委会会议"),
            ("建议将决议草案提请大会全体会议表决。", "大会全体会议"),
            ("外籍专家大都参与过中央全会。", "中央全会"),
            // Not inside a place's name, nor before the spirit a name is about.
            (
                "澳门特别行政区第十四届全国人大代表选举会议第二次全体会议举行。",
                "澳门特别行政区第十四届全国人大代表选举会议第二次全体会议",
            ),
            (
                "刘奇葆主持全国政协委员读书群学习宣传贯彻中共二十大精神交流会。",
                "全国政协委员读书群学习宣传贯彻中共二十大精神交流会",
            ),
            // A quote opening before the head and closing right after it is the title, with
            // the ordinal before it; one that goes on after the head is a slogan's.
            ("决定成立名为“内盖夫论坛”的机制。", "内盖夫论坛"),
            ("第二届“世界航商大会”在香港举行。", "第二届世界航商大会"),
            ("现场打出“反对七国集团峰会召开”的标语。", "七国集团峰会"),
            // Words before a known body's numbered session are the clause's.
            (
                "预祝中国共产党第二十次全国代表大会圆满成功。",
                "中国共产党第二十次全国代表大会",
            ),
            (
                "研究中国共产党第十九届中央委员会第七次全体会议筹备工作。",
                "中国共产党第十九届中央委员会第七次全体会议",
            ),
            // 以 before an ordinal is a preposition.
            ("一道，以首届中阿峰会为新起点。", "首届中阿峰会"),
            // 对 that starts a word of the name is the name's; 以及 joins two names.
            ("倡议举办亚洲文明对话大会。", "亚洲文明对话大会"),
            (
                "第九次全国对口支援新疆工作会议召开。",
                "第九次全国对口支援新疆工作会议",
            ),
            ("出席二十国集团以及欧亚国家议长会议。", "欧亚国家议长会议"),
            // A stop inside a word only where the sentence has the word (`同志|在`, not
            // `志在`); a start inside a word moves to the word's start where it names a thing,
            // past it where it is the clause's.
            (
                "习近平同志在庆祝中国共产党成立一百周年大会上的重要讲话。",
                "庆祝中国共产党成立一百周年大会",
            ),
            ("负责开幕式视觉呈现与仪式。", "开幕式视觉呈现与仪式"),
            (
                "土耳其国防部11日就黑海港口农产品外运协议四方会谈发表声明。",
                "黑海港口农产品外运协议四方会谈",
            ),
            ("这是中国国家主席首次出席该国际大会。", "国际大会"),
            ("坚持问题导向，落实好新德里峰会达成的共识。", "新德里峰会"),
        ];
        for (text, want) in cases {
            let got = labels(text, &lex);
            assert_eq!(got, [want], "{text}");
        }
    }

    #[test]
    fn a_head_that_names_no_meeting_of_its_own() {
        let lex = Lexicon::builtin().unwrap();
        // (sentence, words no meeting's name holds)
        let cases = [
            // A member of a parliament (`国会|议员`).
            ("累计有135名美国国会议员检测阳性。", "会议"),
            ("香港特区第七届立法会议员举行宣誓仪式。", "立法会议"),
            // A demonstrative right before the head refers back.
            ("会前，常委会会议就开好这次会议作出部署。", "开好"),
            // A count with no numeral is of several meetings.
            ("多场发布会介绍转播技术创新。", "多场"),
        ];
        for (text, not_held) in cases {
            let got = labels(text, &lex);
            assert!(!got.iter().any(|l| l.contains(not_held)), "{text}: {got:?}");
        }
    }

    #[test]
    fn meetings_with_ordinals_and_joints() {
        let lex = Lexicon::builtin().unwrap();
        // (sentence, label, ordinal of first part, parts, anaphoric)
        let cases: &[(&str, &str, Option<u32>, usize, bool)] = &[
            (
                "林武主持召开省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议，听取汇报。",
                "省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议",
                Some(58),
                2,
                false,
            ),
            (
                "韦韬主持召开市疫情防控工作领导小组第九十三次会议，传达贯彻会议精神。",
                "市疫情防控工作领导小组第九十三次会议",
                Some(93),
                1,
                false,
            ),
            ("习近平主持会议并发表重要讲话。", "会议", None, 1, true),
            (
                "李克强主持召开国务院常务会议，部署工作。",
                "国务院常务会议",
                None,
                1,
                false,
            ),
            // The body that holds a meeting named by its number or kind alone names it.
            (
                "7月3日上午，县政府召开第十二次全体会议，研究工作。",
                "县政府第十二次全体会议",
                Some(12),
                1,
                false,
            ),
            (
                "区委常委会召开扩大会议，传达学习文件。",
                "区委常委会扩大会议",
                None,
                1,
                false,
            ),
            (
                "县政协党组召开（扩大）会议，研究部署工作。",
                "县政协党组扩大会议",
                None,
                1,
                false,
            ),
            // Words that name nothing leave the head alone, a reference back.
            ("要确保大会圆满成功。", "大会", None, 1, true),
            ("会议以视频会议形式召开。", "视频会议", None, 1, true),
            (
                "1月9日，县十八届人大二次会议主席团举行第三次会议。",
                "县十八届人大二次会议主席团第三次会议",
                Some(3),
                1,
                false,
            ),
            // A list of meetings is several, each named whole.
            (
                "传达学习省委十二届四次全会和市委十一届五次全会精神。",
                "市委十一届五次全会",
                None,
                1,
                false,
            ),
            (
                "全县召开县委应对新冠肺炎疫情工作领导小组会议。",
                "县委应对新冠肺炎疫情工作领导小组会议",
                None,
                1,
                false,
            ),
            (
                "主持召开为期一天的联合国大会新冠疫苗高级别会议。",
                "联合国大会新冠疫苗高级别会议",
                None,
                1,
                false,
            ),
            // Verbs and the end of a date before a name are not in it.
            (
                "代表们衷心祝愿中国共产党第二十次全国代表大会圆满成功。",
                "中国共产党第二十次全国代表大会",
                Some(20),
                1,
                false,
            ),
            (
                "28日中国共产党第二十届中央委员会第二次全体会议在北京举行。",
                "中国共产党第二十届中央委员会第二次全体会议",
                Some(2),
                1,
                false,
            ),
            (
                "会议审议通过自治区政协十二届一次会议议程。",
                "自治区政协十二届一次会议",
                None,
                1,
                false,
            ),
            // A count of meetings names none.
            ("全年召开30多场座谈会。", "座谈会", None, 1, true),
        ];
        for &(text, label, ordinal, nparts, anaphoric) in cases {
            let s = sent(text, &lex);
            let bodies = super::super::body::find(&s, &lex, &[]);
            let events = find(&s, &lex, &bodies, &[]);
            // The longest name: a session named before its organ's meeting is an event too,
            // and so is a bare `会议` after the name.
            let e = events
                .iter()
                .max_by_key(|e| e.label.chars().count())
                .unwrap_or_else(|| panic!("no event in {text}: {events:?}"));
            assert_eq!(e.label, label, "{text}");
            assert_eq!(e.parts[0].ordinal, ordinal, "{text}");
            assert_eq!(e.parts.len(), nparts, "{text}");
            assert_eq!(e.anaphoric, anaphoric, "{text}");
        }
    }
}
