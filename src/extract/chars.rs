//! The extractor's view of a sentence: normalised characters with their offsets in the article.
//!
//! Pages mix full- and half-width punctuation (the seed writes `,` and `(`) and break sentences
//! across lines; rules are simpler on one form, so each sentence is rewritten character for
//! character (`,` → `，`), line breaks inside it dropped, and every character keeps the offset of
//! its original in the article so that spans point back into the source.

use crate::lexicon::{Cue, Found, Lexicon};

/// One sentence, normalised.
#[derive(Debug, Clone)]
pub struct Sent {
    /// Index of the sentence in the article.
    pub index: usize,
    pub chars: Vec<char>,
    pub text: String,
    /// Original char offset (in the article text) of each char, plus one past the last.
    pub offsets: Vec<usize>,
    /// Every lexicon word found in it, sorted by end, then start.
    pub found: Vec<Found>,
    /// The length of the longest word in `found`, which bounds where one can start.
    longest: usize,
    /// For each char position, bit flags of what kind of cue starts there.
    starts: Vec<u16>,
    /// The names the person tagger reads, computed once however often the finder asks.
    tagged: std::cell::OnceCell<Vec<(usize, usize)>>,
    /// Where the segmenter's words start ([`super::segment`]), computed when first asked.
    word_starts: std::cell::OnceCell<Vec<bool>>,
}

/// Bits of [`Sent::starts`].
pub mod start {
    pub const VERB: u16 = 1;
    pub const PARTICLE: u16 = 2;
    pub const TRIGGER: u16 = 4;
    pub const TITLE: u16 = 8;
    pub const EVENT: u16 = 16;
    pub const BODY: u16 = 32;
    pub const DIVISION: u16 = 64;
}

impl Sent {
    /// Builds the view of `text[start..end]` (char offsets in the article's text).
    pub fn new(
        index: usize,
        article_chars: &[char],
        start: usize,
        end: usize,
        lex: &Lexicon,
    ) -> Sent {
        let mut chars = Vec::with_capacity(end - start);
        let mut offsets = Vec::with_capacity(end - start + 1);
        let mut i = start;
        while i < end {
            let c = article_chars[i];
            if c == '\n' || c == '\r' {
                // A layout break: drop it and the blanks around it, so the halves rejoin.
                while chars.last().is_some_and(|&c: &char| c == ' ') {
                    chars.pop();
                    offsets.pop();
                }
                i += 1;
                while i < end && article_chars[i].is_whitespace() {
                    i += 1;
                }
                continue;
            }
            chars.push(normalise(c));
            offsets.push(i);
            i += 1;
        }
        while chars.last() == Some(&' ') {
            chars.pop();
            offsets.pop();
        }
        offsets.push(offsets.last().map_or(start, |&o| o + 1));
        let text: String = chars.iter().collect();
        let mut byte_to_char = vec![0u32; text.len() + 1];
        for (ci, (bi, c)) in text.char_indices().enumerate() {
            for b in 0..c.len_utf8() {
                byte_to_char[bi + b] = ci as u32;
            }
        }
        byte_to_char[text.len()] = chars.len() as u32;
        let found = lex.scan(&text, &byte_to_char);
        let mut starts = vec![0u16; chars.len() + 1];
        for f in &found {
            starts[f.start] |= match f.cue {
                Cue::Verb => start::VERB,
                Cue::Particle => start::PARTICLE,
                Cue::Trigger(_) => start::TRIGGER,
                Cue::Title(_) => start::TITLE,
                Cue::EventHead(_) => start::EVENT,
                Cue::Body(_) | Cue::BodySuffix(_) => start::BODY,
                Cue::Division(_) | Cue::Abroad(_) => start::DIVISION,
                Cue::Qualifier => 0,
            };
        }
        let longest = found.iter().map(|f| f.end - f.start).max().unwrap_or(0);
        Sent {
            index,
            chars,
            text,
            offsets,
            found,
            longest,
            starts,
            tagged: std::cell::OnceCell::new(),
            word_starts: std::cell::OnceCell::new(),
        }
    }

    /// The spans the lexicon's person tagger reads as names ([`super::tagger::Model::names`]).
    pub fn tagged(&self, lex: &Lexicon) -> &[(usize, usize)] {
        self.tagged.get_or_init(|| lex.tagger().names(self, lex))
    }

    /// Where the segmenter's words start ([`super::segment`]), one flag a position and one
    /// past the last.
    fn word_starts(&self) -> &[bool] {
        self.word_starts
            .get_or_init(|| super::segment::word_starts(&self.text, self.chars.len()))
    }

    /// Whether the character at `i` is a word of its own as the segmenter reads the sentence
    /// ([`super::segment`]): not the start, middle or end of a longer one.
    pub fn stands_alone(&self, i: usize) -> bool {
        let starts = self.word_starts();
        i < self.chars.len() && starts[i] && starts[i + 1]
    }

    /// Where the segmenter's word that starts at or covers position `i` ends.
    pub fn word_end(&self, i: usize) -> usize {
        let starts = self.word_starts();
        (i + 1..=self.chars.len())
            .find(|&k| starts[k])
            .unwrap_or(self.chars.len())
    }

    /// Whether the segmenter reads the characters `a..b` as one word.
    pub fn is_word(&self, a: usize, b: usize) -> bool {
        self.word_across(a).is_none() && self.word_end(a) == b
    }

    /// The segmenter's word that position `i` falls inside (`a < i < b`), if it does.
    pub fn word_across(&self, i: usize) -> Option<(usize, usize)> {
        let starts = self.word_starts();
        if i == 0 || i >= self.chars.len() || starts[i] {
            return None;
        }
        let a = (0..i).rev().find(|&k| starts[k])?;
        Some((a, self.word_end(i)))
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The chars `a..b` as a string.
    pub fn slice(&self, a: usize, b: usize) -> String {
        self.chars[a..b.min(self.chars.len())].iter().collect()
    }

    /// Original offsets of the chars `a..b`.
    pub fn span(&self, a: usize, b: usize) -> (usize, usize) {
        let start = self.offsets[a];
        let end = if b == 0 {
            start
        } else {
            self.offsets[b - 1] + 1
        };
        (start, end)
    }

    /// What kinds of cue start at `i`.
    pub fn starts_at(&self, i: usize) -> u16 {
        self.starts.get(i).copied().unwrap_or(0)
    }

    pub fn char_at(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    /// Whether the chars at `i..` spell `word`.
    pub fn has_at(&self, i: usize, word: &str) -> bool {
        (i..)
            .zip(word.chars())
            .all(|(j, w)| self.chars.get(j) == Some(&w))
    }

    /// Cues ending exactly at `e`.
    pub fn cues_ending_at(&self, e: usize) -> impl Iterator<Item = &Found> {
        let from = self.found.partition_point(|f| f.end < e);
        self.found[from..].iter().take_while(move |f| f.end == e)
    }

    /// Cues starting exactly at `s`.
    pub fn cues_starting_at(&self, s: usize) -> impl Iterator<Item = &Found> {
        self.found_between(s + 1, s + 1)
            .iter()
            .filter(move |f| f.start == s)
    }

    /// Cues that hold all of `a..b`: start at `a` or before and end at `b` or after.
    pub fn cues_covering(&self, a: usize, b: usize) -> impl Iterator<Item = &Found> {
        self.found_between(b, a + 1)
            .iter()
            .filter(move |f| f.start <= a && f.end >= b)
    }

    /// The words of `found` that may end at `end_from` or later and start before
    /// `start_before` (a few others too: callers test their own condition on each). Rules ask
    /// what lies around a place; scanning all of `found` for each place made extraction
    /// quadratic in the length of a sentence, while words are short.
    pub fn found_between(&self, end_from: usize, start_before: usize) -> &[Found] {
        let lo = self.found.partition_point(|f| f.end < end_from);
        // A word starting before `start_before` ends before `start_before + longest`.
        let hi = self
            .found
            .partition_point(|f| f.end < start_before.saturating_add(self.longest));
        &self.found[lo..hi.max(lo)]
    }
}

/// Maps half-width punctuation and full-width letters and digits to one form.
pub fn normalise(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '(' => '（',
        ')' => '）',
        '!' => '！',
        '?' => '？',
        '\t' | '\u{3000}' | '\u{a0}' => ' ',
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
            char::from_u32(c as u32 - 0xFF10 + 0x30).unwrap_or(c)
        }
        _ => c,
    }
}

/// Punctuation and blanks that end a word.
pub fn is_boundary(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '"'
            | '\''
            | '（'
            | '）'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '【'
            | '】'
            | '['
            | ']'
            | '—'
            | '…'
            | ' '
            | '*'
            | '#'
            | '|'
            | '/'
    )
}

/// Punctuation that ends a clause (a list separator `、` does not).
pub fn is_clause_end(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '：' | '！' | '？' | ' ')
}

/// A CJK ideograph (the characters names are written in).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Parses Chinese or Arabic numerals (`五十八`, `一百零二`, `58`, `二〇二二`) into a number.
pub fn parse_number(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '零' | '〇' | '0' => 0,
            '一' | '1' => 1,
            '二' | '两' | '2' => 2,
            '三' | '3' => 3,
            '四' | '4' => 4,
            '五' | '5' => 5,
            '六' | '6' => 6,
            '七' | '7' => 7,
            '八' | '8' => 8,
            '九' | '9' => 9,
            _ => return None,
        })
    };
    let chars: Vec<char> = s.chars().collect();
    // Positional digits only (二〇二二).
    if chars.iter().all(|&c| digit(c).is_some()) {
        return chars
            .iter()
            .try_fold(0u32, |acc, &c| acc.checked_mul(10)?.checked_add(digit(c)?));
    }
    let mut total = 0u32;
    let mut section = 0u32;
    let mut current: Option<u32> = None;
    for &c in &chars {
        if let Some(d) = digit(c) {
            current = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            _ => return None,
        };
        if unit == 10_000 {
            section += current.take().unwrap_or(0);
            total += section * unit;
            section = 0;
        } else {
            section += current.take().unwrap_or(1) * unit;
        }
    }
    Some(total + section + current.unwrap_or(0))
}

/// `name` without the numbers counted in `units` (`第十三届`, `二十届`, `2017年`, `第六十次`),
/// and without the `、` that lists them (`第八届、九届、十届`).
pub fn without_counted(name: &str, units: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let mut j = i + usize::from(chars[i] == '第');
        let digits = j;
        while j < chars.len() && is_numeral(chars[j]) {
            j += 1;
        }
        if j > digits && chars.get(j).is_some_and(|c| units.contains(*c)) {
            i = j + 1 + usize::from(chars.get(j + 1) == Some(&'、'));
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Chinese numeral characters (for scanning `第…次`).
pub fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "零〇一二两三四五六七八九十百千万".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        let cases = [
            ("五十八", Some(58)),
            ("九十三", Some(93)),
            ("十", Some(10)),
            ("十三", Some(13)),
            ("二十四", Some(24)),
            ("一百零二", Some(102)),
            ("一百", Some(100)),
            ("二〇二二", Some(2022)),
            ("58", Some(58)),
            ("三千零五", Some(3005)),
            ("一万二千", Some(12000)),
            ("", None),
            ("五十x", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_number(s), want, "{s}");
        }
    }

    #[test]
    fn normalises_punctuation_and_width() {
        let got: String = "a,b(c)：１２Ａ".chars().map(normalise).collect();
        assert_eq!(got, "a，b（c）：12A");
    }
}
