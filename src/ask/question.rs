//! The forms of question `govkg ask` understands, in Chinese and in English, and how a question
//! is taken apart into its kind and the names it asks about.
//!
//! Each form is a regular expression with named groups; the first that matches wins. Anything
//! else is refused with the list of forms rather than guessed at: a wrong guess answers another
//! question with the authority of the store.

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

/// A question, with the names in it as asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Question {
    /// 谁主持了〈会议〉？ / Who chaired 〈meeting〉?
    WhoChaired { meeting: String },
    /// 〈人〉主持了哪些会议？ / What did 〈person〉 chair?
    ChairedBy { person: String },
    /// 谁出席了〈会议〉？ / Who attended 〈meeting〉?
    WhoAttended { meeting: String },
    /// 〈人〉担任什么职务？ / What posts does 〈person〉 hold?
    Posts { person: String },
    /// 〈人〉和〈人〉一起参加过哪些会议？ / Which meetings did 〈A〉 and 〈B〉 both attend?
    SharedMeetings { a: String, b: String },
    /// 哪些会议传达了〈会议〉的精神？ / Which meetings relayed 〈meeting〉?
    Relayed { meeting: String },
}

impl Question {
    /// The kind as a name for programs (`who_chaired`, …).
    pub fn kind(&self) -> &'static str {
        match self {
            Question::WhoChaired { .. } => "who_chaired",
            Question::ChairedBy { .. } => "chaired_by",
            Question::WhoAttended { .. } => "who_attended",
            Question::Posts { .. } => "posts",
            Question::SharedMeetings { .. } => "shared_meetings",
            Question::Relayed { .. } => "relayed",
        }
    }
}

/// The language a question was asked in; answers use it for their headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Zh,
    En,
}

/// The forms, one line per kind, Chinese then English: what a refused question is told.
pub const FORMS: [(&str, &str); 6] = [
    ("谁主持了〈会议〉？", "Who chaired 〈meeting〉?"),
    ("〈人〉主持了哪些会议？", "What did 〈person〉 chair?"),
    ("谁出席了〈会议〉？", "Who attended 〈meeting〉?"),
    ("〈人〉担任什么职务？", "What posts does 〈person〉 hold?"),
    (
        "〈人〉和〈人〉一起参加过哪些会议？",
        "Which meetings did 〈A〉 and 〈B〉 both attend?",
    ),
    (
        "哪些会议传达了〈会议〉的精神？",
        "Which meetings relayed 〈meeting〉?",
    ),
];

/// The forms as a message, one per line.
pub fn forms_text() -> String {
    use unicode_width::UnicodeWidthStr;
    let width = FORMS.iter().map(|(zh, _)| zh.width()).max().unwrap_or(0);
    FORMS
        .iter()
        .map(|(zh, en)| format!("  {zh}{}  {en}\n", " ".repeat(width - zh.width())))
        .collect()
}

#[derive(Clone, Copy)]
enum Kind {
    WhoChaired,
    ChairedBy,
    WhoAttended,
    Posts,
    Shared,
    Relayed,
}

/// The patterns, tried in order. Groups: `m` a meeting, `p` a person, `a` and `b` two people.
const PATTERNS: &[(Kind, &str)] = &[
    // Chinese. Two-person questions come first: `A和B……参加过哪些会议` must not be read as one
    // person `A和B`.
    (
        Kind::Shared,
        r"^(?P<a>.{2,}?)(?:和|与|同|跟|及)(?P<b>.{2,}?)(?:一起|共同|都|同时|一同)?(?:参加|出席|参与)(?:过|了)?(?:哪些|什么|哪几次|几次)(?:会议|会|活动)$",
    ),
    (
        Kind::Shared,
        r"^(?P<a>.{2,}?)(?:和|与|同|跟|及)(?P<b>.{2,}?)(?:一起|共同|都)(?:参加|出席|参与)(?:过|了)?的(?:会议|会|活动)(?:有哪些)?$",
    ),
    (
        Kind::WhoChaired,
        r"^(?:是)?(?:谁|哪位领导|哪位)(?:主持召开|主持)(?:了|的)?(?P<m>.{2,})$",
    ),
    (
        Kind::WhoChaired,
        r"^(?P<m>.{2,}?)(?:是)?(?:由)?(?:谁|哪位领导|哪位)(?:主持召开|主持)(?:的)?$",
    ),
    (Kind::WhoChaired, r"^(?P<m>.{2,}?)的主持人(?:是谁|是哪位)?$"),
    (
        Kind::ChairedBy,
        r"^(?P<p>.{2,}?)(?:都|曾|曾经)?(?:主持召开|主持)(?:了|过)(?:哪些|什么|哪几次|几次)(?:会议|会|活动)$",
    ),
    (
        Kind::ChairedBy,
        r"^(?P<p>.{2,}?)(?:主持召开|主持)(?:过)?的(?:会议|会|活动)(?:有哪些|有什么)?$",
    ),
    (
        Kind::WhoAttended,
        r"^(?:都)?(?:有)?(?:谁|哪些人|哪些领导)(?:出席|参加|列席|参与)(?:了|过)?(?P<m>.{2,})$",
    ),
    (
        Kind::WhoAttended,
        r"^(?P<m>.{2,}?)(?:都)?(?:有)?(?:谁|哪些人|哪些领导)(?:出席|参加|列席|参与)(?:了)?$",
    ),
    (
        Kind::WhoAttended,
        r"^(?:出席|参加)(?P<m>.{2,}?)的(?:有|是)?(?:谁|哪些人|哪些领导)$",
    ),
    (
        Kind::Posts,
        r"^(?P<p>.{2,}?)(?:现在|目前|曾)?(?:担任|任|有|是)(?:什么|哪些|何)(?:职务|职位|官职|职)$",
    ),
    (
        Kind::Posts,
        r"^(?P<p>.{2,}?)的(?:职务|职位|官职)(?:是什么|有哪些|是)?$",
    ),
    (
        Kind::Relayed,
        r"^(?:哪些|什么|哪个|哪次)(?:会议|会)(?:传达学习|传达贯彻|传达)(?:了)?(?P<m>.{2,}?)(?:的)?(?:精神|部署|要求)?$",
    ),
    (
        Kind::Relayed,
        r"^(?P<m>.{2,}?)(?:的)?(?:精神|部署)?(?:被)?(?:哪些|什么)(?:会议|会)(?:传达学习|传达贯彻|传达)(?:了|过)?$",
    ),
    // English, lowercased, one space between words.
    (
        Kind::Shared,
        r"^(?:which|what) (?:meetings?|events?) (?:did|have|has) (?P<a>.{2,}?) (?:and|&) (?P<b>.{2,}?) (?:both )?(?:attend|attended|take part in|taken part in|sit in|sat in)(?: together| both)?$",
    ),
    (
        Kind::WhoChaired,
        r"^who (?:chaired|chairs|presided over|presides over|was the chair of|was chair of)\s+(?P<m>.{2,})$",
    ),
    (
        Kind::ChairedBy,
        r"^(?:what|which)(?: meetings?| events?)? (?:did|has|does) (?P<p>.{2,}?) (?:chair|chaired|preside over|presided over)$",
    ),
    (
        Kind::WhoAttended,
        r"^who (?:attended|attends|was at|were at|took part in|participated in|was present at|were present at)\s+(?P<m>.{2,})$",
    ),
    (
        Kind::Posts,
        r"^what (?:posts?|positions?|offices?|titles?|jobs?) (?:does|did|has) (?P<p>.{2,}?) (?:hold|held|have|had)$",
    ),
    (
        Kind::Posts,
        r"^what (?:is|are|were) (?P<p>.{2,}?)'s? (?:posts?|positions?|offices?|titles?|jobs?)$",
    ),
    (
        Kind::Relayed,
        r"^(?:which|what) (?:meetings?|events?) (?:relayed|relay|conveyed|convey|passed on)\s+(?P<m>.{2,}?)(?:'s (?:spirit|decisions))?$",
    ),
];

static COMPILED: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    PATTERNS
        .iter()
        .filter_map(|(k, p)| Regex::new(p).ok().map(|r| (*k, r)))
        .collect()
});

/// The question with surrounding space and closing punctuation removed; English lowercased with
/// single spaces, Chinese without spaces.
fn normalise(text: &str) -> (String, Language) {
    let trimmed = text
        .trim()
        .trim_end_matches(|c: char| "？?。.!！ \u{3000}".contains(c) || c.is_whitespace())
        .trim();
    let english = trimmed
        .chars()
        .filter(|c| c.is_alphabetic())
        .take(8)
        .filter(|c| c.is_ascii_alphabetic())
        .count()
        >= 3
        && trimmed.split_whitespace().count() >= 3;
    if english {
        let words: Vec<String> = trimmed
            .split_whitespace()
            .map(|w| w.replace('’', "'").to_lowercase())
            .collect();
        (words.join(" "), Language::En)
    } else {
        let s: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
        (s, Language::Zh)
    }
}

/// Takes a question apart; `None` when it is in none of the [`FORMS`].
pub fn parse(text: &str) -> Option<(Question, Language)> {
    let (q, language) = normalise(text);
    for (kind, re) in COMPILED.iter() {
        let Some(c) = re.captures(&q) else { continue };
        // The original casing of a name matters (Chinese has none, but `Li Qiang` might).
        let get = |name: &str| -> Option<String> {
            let m = c.name(name)?;
            let s = original_case(text, &q, m.start(), m.end());
            let s = s.trim().trim_matches(|c: char| "“”\"'《》「」".contains(c));
            (!s.is_empty()).then(|| s.to_string())
        };
        let question = match kind {
            Kind::WhoChaired => Question::WhoChaired { meeting: get("m")? },
            Kind::ChairedBy => Question::ChairedBy { person: get("p")? },
            Kind::WhoAttended => Question::WhoAttended { meeting: get("m")? },
            Kind::Posts => Question::Posts { person: get("p")? },
            Kind::Shared => Question::SharedMeetings {
                a: get("a")?,
                b: get("b")?,
            },
            Kind::Relayed => Question::Relayed { meeting: get("m")? },
        };
        return Some((question, language));
    }
    None
}

/// The slice `start..end` of the normalised question `q`, in the casing of `original` when the
/// normalisation only changed case and spacing (else as normalised).
fn original_case(original: &str, q: &str, start: usize, end: usize) -> String {
    let piece = &q[start..end];
    let (lower, from) = lowered(original);
    // A match stands for characters of `original` only where it starts and ends on the
    // lowercase forms of whole characters (`İ` lowercases to two characters).
    let whole = |i: usize| i == 0 || i == lower.len() || from[i] != from[i - 1];
    let mut out = Vec::new();
    let mut pos = 0;
    for w in piece.split(' ') {
        let Some(i) = lower[pos..].find(w).map(|i| i + pos) else {
            return piece.to_string();
        };
        let e = i + w.len();
        if !whole(i) || !whole(e) {
            return piece.to_string();
        }
        out.push(&original[from[i]..from[e]]);
        pos = e;
    }
    out.join(" ")
}

/// `text` lowercased character by character, and for each of its bytes (and its end) the
/// offset in `text` of the character it comes from: lowercasing changes lengths (`K`, the
/// Kelvin sign, is three bytes; its `k` one), so offsets in one are not offsets in the other.
fn lowered(text: &str) -> (String, Vec<usize>) {
    let mut lower = String::with_capacity(text.len());
    let mut from = Vec::with_capacity(text.len() + 1);
    for (b, c) in text.char_indices() {
        for l in c.to_lowercase() {
            lower.push(l);
            from.extend(std::iter::repeat_n(b, l.len_utf8()));
        }
    }
    from.push(text.len());
    (lower, from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(kind: &str, m: &str) -> Question {
        let m = m.to_string();
        match kind {
            "chair" => Question::WhoChaired { meeting: m },
            "attend" => Question::WhoAttended { meeting: m },
            _ => Question::Relayed { meeting: m },
        }
    }

    #[test]
    fn names_keep_their_casing_whatever_lowercasing_does_to_lengths() {
        // (question, the name as asked): characters before the name whose lowercase is
        // longer (`İ`) or shorter (`K`, the Kelvin sign) than they are.
        let cases = [
            ("What meetings did Li Qiang chair?", "Li Qiang"),
            ("What meetings did İİ Li Qiang chair?", "İİ Li Qiang"),
            (
                "What meetings did \u{212A}\u{212A} Li Qiang chair?",
                "\u{212A}\u{212A} Li Qiang",
            ),
            (
                "What meetings did Li \u{212A}iang chair?",
                "Li \u{212A}iang",
            ),
            // Two longer and one shorter: the whole is as long as its lowercase.
            ("What did İİ\u{212A} Li Qiang chair?", "İİ\u{212A} Li Qiang"),
        ];
        for (text, want) in cases {
            let Some((Question::ChairedBy { person }, _)) = parse(text) else {
                panic!("{text}: not parsed as a chaired-by question");
            };
            assert_eq!(person, want, "{text}");
        }
    }

    #[test]
    fn questions_in_every_form_are_taken_apart() {
        let person = |p: &str| p.to_string();
        let cases: Vec<(&str, Question, Language)> = vec![
            (
                "谁主持了省委第五十八次疫情防控专题会？",
                meeting("chair", "省委第五十八次疫情防控专题会"),
                Language::Zh,
            ),
            (
                " 谁主持召开了 市疫情防控工作领导小组第九十三次会议 ",
                meeting("chair", "市疫情防控工作领导小组第九十三次会议"),
                Language::Zh,
            ),
            (
                "第九十三次会议是谁主持的？",
                meeting("chair", "第九十三次会议"),
                Language::Zh,
            ),
            (
                "Who chaired the 58th meeting?",
                meeting("chair", "the 58th meeting"),
                Language::En,
            ),
            (
                "韦韬主持了哪些会议",
                Question::ChairedBy {
                    person: person("韦韬"),
                },
                Language::Zh,
            ),
            (
                "What did 林武 chair?",
                Question::ChairedBy {
                    person: person("林武"),
                },
                Language::En,
            ),
            (
                "What meetings did Li Qiang chair?",
                Question::ChairedBy {
                    person: person("Li Qiang"),
                },
                Language::En,
            ),
            (
                "谁出席了省委第五十八次专题会议？",
                meeting("attend", "省委第五十八次专题会议"),
                Language::Zh,
            ),
            (
                "Who attended the 58th meeting?",
                meeting("attend", "the 58th meeting"),
                Language::En,
            ),
            (
                "蓝佛安担任什么职务？",
                Question::Posts {
                    person: person("蓝佛安"),
                },
                Language::Zh,
            ),
            (
                "蓝佛安的职务",
                Question::Posts {
                    person: person("蓝佛安"),
                },
                Language::Zh,
            ),
            (
                "What posts does 蓝佛安 hold?",
                Question::Posts {
                    person: person("蓝佛安"),
                },
                Language::En,
            ),
            (
                "林武和韦韬一起参加过哪些会议？",
                Question::SharedMeetings {
                    a: person("林武"),
                    b: person("韦韬"),
                },
                Language::Zh,
            ),
            (
                "Which meetings did 林武 and 韦韬 both attend?",
                Question::SharedMeetings {
                    a: person("林武"),
                    b: person("韦韬"),
                },
                Language::En,
            ),
            (
                "哪些会议传达了省委第五十八次专题会议的精神？",
                meeting("relay", "省委第五十八次专题会议"),
                Language::Zh,
            ),
            (
                "Which meetings relayed the 58th meeting?",
                meeting("relay", "the 58th meeting"),
                Language::En,
            ),
        ];
        for (text, want, language) in cases {
            assert_eq!(parse(text), Some((want, language)), "{text}");
        }
    }

    #[test]
    fn other_questions_are_refused() {
        for text in [
            "",
            "？",
            "林武",
            "今天天气怎么样？",
            "How is the weather?",
            "谁",
            "谁主持了？",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
    }

    #[test]
    fn every_pattern_compiles() {
        assert_eq!(COMPILED.len(), PATTERNS.len());
        assert_eq!(forms_text().lines().count(), FORMS.len());
    }
}
