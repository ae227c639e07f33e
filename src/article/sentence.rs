//! Sentences of an article, with their character offsets in its text: the unit that evidence
//! quotes and that extraction works on.
//!
//! Newspaper pages break paragraphs mid-sentence where a column ends (`…以良好精神状态和对` |
//! blank line | `人民极端负责态度…`). The article's text keeps those breaks, because offsets
//! count in the text as read; a sentence joins them up instead: its `start..end` spans the
//! break, and its `text` leaves the line breaks out.

use super::lead::parse_lead;
use super::page::{continues, headline};
use super::text::is_space;
use crate::model::Article;

/// What a sentence is in its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SentenceKind {
    /// A headline line (kicker, main headline, sub-headline), or a sub-heading in the body
    /// (`**元旦假期银联、网联交易创新高**`), without its Markdown markers.
    Headline,
    /// The outlet line and byline before the body: `本报讯 (山西日报记者 杨文)`,
    /// `**央视网消息**（新闻联播）：`.
    Byline,
    /// A sentence of the body.
    Body,
}

/// One sentence of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Position among the article's sentences, headlines and byline included (0-based); the
    /// `sentence` of [`Evidence`](crate::model::Evidence).
    pub index: usize,
    /// Character offset in [`Article::text`] of the sentence's first character.
    pub start: usize,
    /// Character offset in [`Article::text`] just past its last character.
    pub end: usize,
    /// The sentence with the layout's line breaks (and the white space around them) left out.
    /// White space within a line is kept: it separates names in bylines and the halves of
    /// headlines (`以更大力度更严举措把紧关口 进一步筑牢疫情防控钢铁长城`).
    pub text: String,
    pub kind: SentenceKind,
    /// `(i, skipped)`: from character `i` of `text` on, `skipped` characters of the article's
    /// text were left out before it. Sorted by `i`.
    gaps: Vec<(usize, usize)>,
}

impl Sentence {
    /// The character offset in the article's text of character `i` of [`Sentence::text`];
    /// `i == text.chars().count()` gives [`Sentence::end`].
    ///
    /// A match found in `text` at `a..b` is at `offset(a)..offset(b - 1) + 1` in the article.
    pub fn offset(&self, i: usize) -> usize {
        let len = self.text.chars().count();
        if i >= len {
            return self.end;
        }
        let k = self.gaps.partition_point(|&(at, _)| at <= i);
        let skipped = if k == 0 { 0 } else { self.gaps[k - 1].1 };
        self.start + i + skipped
    }

    /// The character range in the article's text of characters `a..b` of [`Sentence::text`].
    pub fn span(&self, a: usize, b: usize) -> (usize, usize) {
        if b <= a {
            let at = self.offset(a);
            return (at, at);
        }
        (self.offset(a), self.offset(b - 1) + 1)
    }
}

/// Splits an article into sentences: first its headline lines and byline (each a sentence of
/// its own), then the body.
///
/// The body is split after `。`, `！` and `？` (and their ASCII forms), keeping closing quotes and
/// brackets that follow the stop (`。”`); not inside a quotation or bracket that closes later in
/// the same paragraph. `；` and `.` do not end a sentence. A paragraph that ends without closing
/// punctuation and is followed by one starting with a Han character or a closing quote is
/// broken by the layout, and its sentence runs on into the next.
///
/// ```
/// use govkg::article::{read_str, sentences, ReadOptions, SentenceKind};
///
/// let text = "林武主持召开会议\n\n本报讯 (记者 杨文)1月4日,林武主持召开会议,对\n\n人民负责。会议强调“一要紧盯。二要严格。”散会。";
/// let article = &read_str(text, "page.txt", &ReadOptions::default()).unwrap()[0];
/// let s = sentences(article);
/// let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
/// assert_eq!(texts, [
///     "林武主持召开会议",
///     "本报讯 (记者 杨文)",
///     "1月4日,林武主持召开会议,对人民负责。",
///     "会议强调“一要紧盯。二要严格。”",
///     "散会。",
/// ]);
/// assert_eq!(s[0].kind, SentenceKind::Headline);
/// assert_eq!(s[1].kind, SentenceKind::Byline);
/// // The sentence spans the layout break in the article's text.
/// let slice: String = article.text.chars().skip(s[2].start).take(s[2].end - s[2].start).collect();
/// assert!(slice.contains("对\n\n人民"));
/// ```
pub fn sentences(article: &Article) -> Vec<Sentence> {
    let chars: Vec<char> = article.text.chars().collect();
    let body_start = article.body_start.min(chars.len());
    let mut out = Vec::new();
    let all = char_lines(&chars);

    // Lines before the body, clipped to it; `cut` when the body starts within the line.
    let pre: Vec<(usize, usize, bool)> = all
        .iter()
        .filter(|&&(s, _)| s < body_start)
        .map(|&(s, e)| (s, e.min(body_start), e > body_start))
        .filter(|&(s, e, _)| !blank(&chars[s..e]))
        .collect();
    for (k, &(s, e, cut)) in pre.iter().enumerate() {
        let line: String = chars[s..e].iter().collect();
        if skipped(&line) {
            continue;
        }
        let last = k + 1 == pre.len();
        let byline = last && (cut || parse_lead(&line).is_some_and(|l| l.strong));
        let (kind, (s, e)) = if byline {
            (SentenceKind::Byline, trim_range(&chars, s, e))
        } else {
            (SentenceKind::Headline, unmark(&chars, s, e))
        };
        push(&mut out, &chars, &[(s, e)], kind);
    }

    let mut paragraph: Vec<(usize, usize)> = Vec::new();
    let mut previous = String::new();
    for &(s, e) in &all {
        let s = s.max(body_start);
        if s >= e || blank(&chars[s..e]) {
            continue;
        }
        let (s, e) = trim_range(&chars, s, e);
        let line: String = chars[s..e].iter().collect();
        if skipped(&line) {
            continue;
        }
        let heading =
            is_bold_line(&line) || headline(&line).is_some_and(|(level, _)| level.is_some());
        if heading {
            split(&mut out, &chars, &paragraph);
            paragraph.clear();
            let (s, e) = unmark(&chars, s, e);
            push(&mut out, &chars, &[(s, e)], SentenceKind::Headline);
            previous.clear();
            continue;
        }
        if !paragraph.is_empty() && !continues(&previous, &line) {
            split(&mut out, &chars, &paragraph);
            paragraph.clear();
        }
        paragraph.push((s, e));
        previous = line;
    }
    split(&mut out, &chars, &paragraph);
    out
}

/// The sentences of the body, without headlines and byline.
pub fn body_sentences(article: &Article) -> Vec<Sentence> {
    sentences(article)
        .into_iter()
        .filter(|s| s.kind == SentenceKind::Body)
        .collect()
}

/// `[start, end)` of each line, without its line break.
fn char_lines(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            let end = if i > start && chars[i - 1] == '\r' {
                i - 1
            } else {
                i
            };
            out.push((start, end));
            start = i + 1;
        }
    }
    out.push((start, chars.len()));
    out
}

fn blank(chars: &[char]) -> bool {
    chars.iter().all(|&c| is_space(c))
}

fn trim_range(chars: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && is_space(chars[s]) {
        s += 1;
    }
    while e > s && is_space(chars[e - 1]) {
        e -= 1;
    }
    (s, e)
}

/// Lines that are markup, not text: HTML comments (`<!--repaste.body.begin-->`) and the
/// transcripts' `[查看原文](…)` links.
fn skipped(line: &str) -> bool {
    let t = line.trim_matches(is_space);
    (t.starts_with("<!--") && t.ends_with("-->"))
        || (t.starts_with('[') && t.contains("](") && t.ends_with(')'))
}

fn is_bold_line(line: &str) -> bool {
    let t = line.trim_matches(is_space);
    t.len() > 4 && t.starts_with("**") && t.ends_with("**") && !t[2..t.len() - 2].contains("**")
}

/// The range without Markdown heading markers and bold markers around the line.
fn unmark(chars: &[char], s: usize, e: usize) -> (usize, usize) {
    let (mut s, mut e) = trim_range(chars, s, e);
    while s < e && chars[s] == '#' {
        s += 1;
    }
    if e - s > 4
        && chars[s] == '*'
        && chars[s + 1] == '*'
        && chars[e - 1] == '*'
        && chars[e - 2] == '*'
    {
        s += 2;
        e -= 2;
    }
    trim_range(chars, s, e)
}

const STOPS: &[char] = &['。', '！', '？', '!', '?'];
/// Where an over-long sentence may be cut: after a clause mark.
const CLAUSE_MARKS: &[char] = &['，', '；', '：', '、', ',', ';', ':'];
/// The longest body sentence, in characters. Real sentences are far shorter (a long one in a
/// meeting report has 300); text without stops (a table, a list of ten thousand names, a
/// scrape gone wrong) is cut into pieces of at most this many characters, at a clause mark
/// where there is one, so that the extractor's per-sentence rules stay linear in the article.
pub const MAX_SENTENCE_CHARS: usize = 2000;
const OPENERS: &[char] = &['“', '‘', '（', '(', '「', '『', '《', '【'];
const CLOSERS: &[char] = &['”', '’', '）', ')', '」', '』', '》', '】'];

/// Splits a paragraph (line ranges that make one run of text) into sentences.
fn split(out: &mut Vec<Sentence>, chars: &[char], paragraph: &[(usize, usize)]) {
    let positions: Vec<usize> = paragraph.iter().flat_map(|&(s, e)| s..e).collect();
    let text: Vec<char> = positions.iter().map(|&p| chars[p]).collect();
    let closing = closing_reach(&text);
    let mut depth = 0usize;
    let mut from = 0;
    let mut i = 0;
    while i < text.len() {
        let c = text[i];
        if OPENERS.contains(&c) {
            depth += 1;
        } else if CLOSERS.contains(&c) {
            depth = depth.saturating_sub(1);
        }
        if !STOPS.contains(&c) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < text.len() && (STOPS.contains(&text[j]) || CLOSERS.contains(&text[j])) {
            if CLOSERS.contains(&text[j]) {
                depth = depth.saturating_sub(1);
            }
            j += 1;
        }
        if depth == 0 || closing[j] < depth as i64 {
            depth = 0;
            emit(out, chars, &positions[from..j]);
            from = j;
        }
        i = j;
    }
    emit(out, chars, &positions[from..]);
}

/// For each position `j` of `text`, how many brackets opened before `j` close in `text[j..]`
/// at most: the largest excess of closers over openers in a stretch starting at `j`. The open
/// quotes and brackets (`depth` of them) close later when it is at least `depth`. Computed once,
/// from the end, rather than by scanning the rest at every stop.
fn closing_reach(text: &[char]) -> Vec<i64> {
    let mut reach = vec![i64::MIN; text.len() + 1];
    for j in (0..text.len()).rev() {
        let v: i64 = if OPENERS.contains(&text[j]) {
            -1
        } else if CLOSERS.contains(&text[j]) {
            1
        } else {
            0
        };
        reach[j] = v.max(v.saturating_add(reach[j + 1]));
    }
    reach
}

/// A body sentence from the article positions of its characters.
fn emit(out: &mut Vec<Sentence>, chars: &[char], positions: &[usize]) {
    let first = positions.iter().position(|&p| !is_space(chars[p]));
    let last = positions.iter().rposition(|&p| !is_space(chars[p]));
    let (Some(a), Some(b)) = (first, last) else {
        return;
    };
    let mut positions = &positions[a..=b];
    while positions.len() > MAX_SENTENCE_CHARS {
        let window = &positions[..MAX_SENTENCE_CHARS];
        let cut = window
            .iter()
            .rposition(|&p| CLAUSE_MARKS.contains(&chars[p]))
            .map_or(MAX_SENTENCE_CHARS, |k| k + 1);
        push_positions(out, chars, &positions[..cut]);
        positions = &positions[cut..];
    }
    push_positions(out, chars, positions);
}

/// A body sentence from the article positions of its characters, in order.
fn push_positions(out: &mut Vec<Sentence>, chars: &[char], positions: &[usize]) {
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for &p in positions {
        match ranges.last_mut() {
            Some((_, e)) if *e == p => *e = p + 1,
            _ => ranges.push((p, p + 1)),
        }
    }
    push(out, chars, &ranges, SentenceKind::Body);
}

/// Adds a sentence made of the given ranges of the article's characters, which are in order
/// and separated only by layout.
fn push(out: &mut Vec<Sentence>, chars: &[char], ranges: &[(usize, usize)], kind: SentenceKind) {
    let Some(&(start, _)) = ranges.first() else {
        return;
    };
    let end = ranges.last().map_or(start, |&(_, e)| e);
    if start >= end {
        return;
    }
    let mut text = String::new();
    let mut gaps = Vec::new();
    let mut len = 0;
    for (k, &(s, e)) in ranges.iter().enumerate() {
        if k > 0 {
            gaps.push((len, s - start - len));
        }
        text.extend(&chars[s..e]);
        len += e - s;
    }
    out.push(Sentence {
        index: out.len(),
        start,
        end,
        text,
        kind,
        gaps,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str, body_start: usize) -> Article {
        Article {
            text: text.to_string(),
            body_start,
            ..Article::default()
        }
    }

    fn texts(a: &Article) -> Vec<String> {
        sentences(a).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn splits_bodies() {
        let cases: &[(&str, &[&str])] = &[
            ("甲。乙！丙？丁", &["甲。", "乙！", "丙？", "丁"]),
            ("他说：“好。”然后走了。", &["他说：“好。”", "然后走了。"]),
            ("他说：“一。二。”三。", &["他说：“一。二。”", "三。"]),
            ("“未闭合。后文。", &["“未闭合。", "后文。"]),
            ("增长3.5%；下降2.1%。", &["增长3.5%；下降2.1%。"]),
            ("对\n\n人民负责。", &["对人民负责。"]),
            ("总\n仓管理。", &["总仓管理。"]),
            ("结束。\n\n开始。", &["结束。", "开始。"]),
            ("没有句号\n\n“引语”开头。", &["没有句号", "“引语”开头。"]),
            ("为构建\n\n\n\n旅游融合。", &["为构建旅游融合。"]),
            ("好吗？！是的。", &["好吗？！", "是的。"]),
            (
                "（一）第一。（二）第二。",
                &["（一）第一。", "（二）第二。"],
            ),
            ("甲。\n\n**小标题**\n\n乙。", &["甲。", "小标题", "乙。"]),
            ("<!--repaste.body.begin-->\n\n甲。", &["甲。"]),
        ];
        for (text, want) in cases {
            assert_eq!(texts(&article(text, 0)), *want, "{text:?}");
        }
    }

    #[test]
    fn headlines_and_byline_come_first() {
        let text = "# 主标题 第二句\n\n副题\n\n本报讯 (记者 甲)正文。";
        let body_start = text.chars().position(|c| c == '正').unwrap();
        let s = sentences(&article(text, body_start));
        let got: Vec<(&str, SentenceKind)> = s.iter().map(|s| (s.text.as_str(), s.kind)).collect();
        assert_eq!(
            got,
            [
                ("主标题 第二句", SentenceKind::Headline),
                ("副题", SentenceKind::Headline),
                ("本报讯 (记者 甲)", SentenceKind::Byline),
                ("正文。", SentenceKind::Body),
            ]
        );
        assert_eq!(s.iter().map(|s| s.index).collect::<Vec<_>>(), [0, 1, 2, 3]);
        assert_eq!(s[0].start, 2);
        assert_eq!(body_sentences(&article(text, body_start)).len(), 1);
    }

    #[test]
    fn offsets_map_back_across_breaks() {
        let text = "开头，对\n\n人民负责。";
        let s = &sentences(&article(text, 0))[0];
        assert_eq!(s.text, "开头，对人民负责。");
        let chars: Vec<char> = text.chars().collect();
        for (i, c) in s.text.chars().enumerate() {
            assert_eq!(chars[s.offset(i)], c, "char {i}");
        }
        // `对人民` spans the break.
        assert_eq!(s.span(3, 6), (3, 8));
        assert_eq!(s.offset(s.text.chars().count()), s.end);
        assert_eq!(s.span(2, 2), (2, 2));
    }
}
