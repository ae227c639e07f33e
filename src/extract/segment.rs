//! Word boundaries as a general segmenter reads a sentence: jieba-rs with its built-in
//! dictionary, as evidence where the lexicons' own words are ambiguous.
//!
//! The rules ask whether a character stands alone or inside a word: `在` ends the words before
//! a meeting's name in `同志|在|庆祝…大会`, though `志在` is a word too. A segmenter weighs the
//! whole sentence (the most probable path through its dictionary) instead of the one word at
//! hand. It is loaded once per process, on the first sentence that asks (about 0.2 s).

use std::sync::OnceLock;

use jieba_rs::Jieba;

/// The segmenter, loaded on first use.
fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// For each character position of `text` (and one past the last, `len` in all plus one),
/// whether a word starts there. The dictionary alone decides (no HMM for unknown words), so
/// that the same text always splits the same way, whatever surrounds it.
pub fn word_starts(text: &str, len: usize) -> Vec<bool> {
    let mut starts = vec![false; len + 1];
    for t in jieba().cut(text, false) {
        if t.start <= len {
            starts[t.start] = true;
        }
    }
    starts[len] = true;
    starts
}

/// What the segmenter's dictionary says a word is, by its part of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// A noun other than a person's name, a verb used as a noun, a distinguishing word or a
    /// locality word other than a time (`开幕式`, `工作`, `非正式`, `面对面`): it names a
    /// thing, and a name may hold it (`工作会议`).
    Thing,
    /// A verb (`办好`): it belongs to the clause, though names may start with one (`庆祝…大会`).
    Verb,
    /// A function word that no name starts with: a preposition or a conjunction of two
    /// characters or more (`为了`, `通过`), a particle, or a time after (`以来`, `期间`). Single
    /// characters the dictionary tags so start names all the same (`自|贸试验区`, `用`, `中|外`),
    /// and are judged by [`LEADING_FUNCTION`] instead.
    Function,
    /// Anything else, a person's name among them (the dictionary's `nr` holds phrases too:
    /// `从博鳌`), or a text that is no word of the dictionary.
    Other,
}

/// Locality words of time (`今年|以来`, `会议|期间`), which the dictionary tags as it tags
/// `中方` and `东西部`.
const TIMES_AFTER: [&str; 7] = ["以来", "期间", "之际", "以后", "之后", "以前", "之前"];

/// Prepositions, conjunctions and adverbs of one character that start no name when they are
/// a word of their own (`同|总统先生|会谈`, `而|国民代表大会`, `就|常委会会议`), and the
/// complement 好 of a verb (`开|好|…会议`, `落实|好|…论坛`); inside a word they may (`同济`,
/// `和平`, `好人`).
pub const LEADING_FUNCTION: &str = "与同而就并但再因等曾已除和或又也还好";

/// Whether the segmenter reads `text` as one word of its dictionary.
pub fn is_one_word(text: &str) -> bool {
    jieba().cut(text, false).len() == 1
}

/// The dictionary's part of speech of `word`, if the segmenter reads it as one word.
fn tag_of(word: &str) -> Option<&str> {
    match jieba().tag(word, false).as_slice() {
        [t] => Some(t.tag),
        _ => None,
    }
}

/// Whether the dictionary holds `word` as the name of an organisation or an abbreviation of
/// one (`安委会`, `奥委会`).
pub fn names_a_body(word: &str) -> bool {
    matches!(tag_of(word), Some("nt" | "j"))
}

/// The kind of `word` as the dictionary tags it, if the segmenter reads it as one word.
pub fn word_kind(word: &str) -> WordKind {
    let Some(tag) = tag_of(word) else {
        return WordKind::Other;
    };
    match tag {
        "nr" | "nrfg" | "nrt" => WordKind::Other,
        tag if tag.starts_with('n') || matches!(tag, "vn" | "b") => WordKind::Thing,
        "v" | "vd" | "ad" => WordKind::Verb,
        "u" => WordKind::Function,
        "p" | "c" if word.chars().count() >= 2 => WordKind::Function,
        "f" if TIMES_AFTER.contains(&word) => WordKind::Function,
        // Places and sides (`东西部`, `中外`, `面对面`): part of what a name says.
        "f" if word.chars().count() >= 2 => WordKind::Thing,
        _ => WordKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where words start in each text, written with `|` between words.
    #[test]
    fn words_of_ambiguous_stretches() {
        let cases = [
            "同志|在|庆祝大会",
            "亚洲|文明|对话|大会",
            "全国|对口|支援",
            "应对|疫情",
        ];
        for case in cases {
            let text: String = case.chars().filter(|&c| c != '|').collect();
            let n = text.chars().count();
            let starts = word_starts(&text, n);
            let mut written = String::new();
            for (i, c) in text.chars().enumerate() {
                if i > 0 && starts[i] {
                    written.push('|');
                }
                written.push(c);
            }
            assert_eq!(written, case);
        }
    }

    #[test]
    fn kinds_of_words() {
        let cases = [
            ("开幕式", WordKind::Thing),
            ("解放军", WordKind::Thing),
            ("非正式", WordKind::Thing),
            ("办好", WordKind::Verb),
            ("直播", WordKind::Thing),
            ("为了", WordKind::Function),
            ("以来", WordKind::Function),
            ("通过", WordKind::Function),
            ("进一步", WordKind::Other),
            ("中方", WordKind::Thing),
            ("自", WordKind::Other),
            ("从博鳌", WordKind::Other),
            ("开幕式当天", WordKind::Other),
        ];
        for (word, kind) in cases {
            assert_eq!(word_kind(word), kind, "{word}");
        }
    }
}
