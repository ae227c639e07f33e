//! Small text helpers shared by the readers: lines with their offsets, character classes,
//! char ↔ byte offsets, dates written in text or file names, and stable content hashes.

use crate::model::Date;

/// One line of an input, without its line break.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// 1-based line number.
    pub no: usize,
    /// Byte offset of the line's first byte in the text.
    pub start: usize,
    /// Byte offset just past the line's content (before `\r\n` or `\n`).
    pub end: usize,
    pub text: &'a str,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Splits a text into lines, keeping each line's byte offsets so that articles can be sliced
/// out of the input exactly as read.
pub(crate) fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (no, raw) in text.split_inclusive('\n').enumerate() {
        let content = raw.strip_suffix('\n').unwrap_or(raw);
        let content = content.strip_suffix('\r').unwrap_or(content);
        out.push(Line {
            no: no + 1,
            start,
            end: start + content.len(),
            text: content,
        });
        start += raw.len();
    }
    out
}

/// The byte offset of the `chars`-th character of `text` (its length when past the end).
///
/// Offsets in [`Article`](crate::model::Article)s count characters; Rust slices count bytes.
pub fn byte_offset(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(byte, _)| byte)
}

/// The character offset of byte offset `byte` of `text` (which must be a char boundary or the
/// length; a byte inside a character counts as that character's start).
pub fn char_offset(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    text.char_indices().take_while(|&(b, _)| b < byte).count()
}

/// White space as Chinese text uses it: ASCII, no-break and the full-width ideographic space.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'
}

pub(crate) fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// A Han character (CJK Unified Ideographs and their extensions, compatibility ideographs).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{20000}'..='\u{3134f}')
}

/// ASCII or full-width digit as a number (full-width digits are common in GBK scrapes).
pub(crate) fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Reads a run of 1 to `max` digits at the start of `s`: the number and the bytes it used.
pub(crate) fn leading_number(s: &str, max: usize) -> Option<(u32, usize)> {
    let mut n = 0u32;
    let mut used = 0;
    let mut count = 0;
    for c in s.chars() {
        let Some(d) = digit(c) else { break };
        count += 1;
        if count > max {
            return None;
        }
        n = n * 10 + d;
        used += c.len_utf8();
    }
    (count > 0).then_some((n, used))
}

/// A date at the very start of `s`, as metadata writes it: `2022-01-05`, `2022/1/5`,
/// `20220105`, `2022年1月5日`, optionally followed by a time (`2022-01-05T08:00:00+08:00`).
pub(crate) fn date_prefix(s: &str) -> Option<Date> {
    let s = trim(s);
    let (year, used) = leading_number(s, 8)?;
    if used == 8 && s.len() >= 8 && s.is_char_boundary(8) {
        return Date::parse(&s[..8]);
    }
    if !(1000..=9999).contains(&year) {
        return None;
    }
    let rest = &s[used..];
    let sep = rest.chars().next()?;
    if !matches!(sep, '-' | '/' | '.' | '年') {
        return None;
    }
    let rest = &rest[sep.len_utf8()..];
    let (month, used) = leading_number(rest, 2)?;
    let rest = &rest[used..];
    let sep2 = rest.chars().next()?;
    let expected = if sep == '年' { '月' } else { sep };
    if sep2 != expected {
        return None;
    }
    let (day, _) = leading_number(&rest[sep2.len_utf8()..], 2)?;
    Date::new(year as i32, month as u8, day as u8)
}

/// A publication date in a file name: eight digits (`20220104`) or `2022-01-04` / `2022_01_04`,
/// not part of a longer run of digits, so that hashes in names (`848f4a95cd2597a8`) don't count.
pub(crate) fn date_in_name(name: &str) -> Option<Date> {
    let chars: Vec<char> = name.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let run: String = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || matches!(**c, '-' | '_'))
            .collect();
        let digits: String = run.chars().filter(char::is_ascii_digit).collect();
        let compact = run.chars().take_while(char::is_ascii_digit).count();
        let candidate = if compact == 8 {
            Some(digits[..8].to_string())
        } else if compact == 4 && run.len() >= 10 {
            // `2022-01-04`: separators at 4 and 7, and no digit right after.
            let r: Vec<char> = run.chars().take(10).collect();
            let ok = matches!(r[4], '-' | '_')
                && r[7] == r[4]
                && r.iter()
                    .enumerate()
                    .all(|(k, c)| k == 4 || k == 7 || c.is_ascii_digit())
                && !chars.get(i + 10).is_some_and(char::is_ascii_digit);
            ok.then(|| r.iter().filter(|c| c.is_ascii_digit()).collect())
        } else {
            None
        };
        if let Some(date) = candidate
            .and_then(|d| Date::parse(&d))
            .filter(|d| (1900..=2100).contains(&d.year))
        {
            return Some(date);
        }
        i += compact.max(1);
    }
    None
}

/// A short id that is the same on every run and platform: FNV-1a over the UTF-8 bytes, as 16
/// hexadecimal digits.
pub(crate) fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_offsets_across_crlf() {
        let text = "一\r\n\r\n二三\n四";
        let ls = lines(text);
        assert_eq!(ls.len(), 4);
        assert_eq!(ls[0].text, "一");
        assert!(ls[1].is_blank());
        assert_eq!(ls[2].no, 3);
        assert_eq!(&text[ls[2].start..ls[2].end], "二三");
        assert_eq!(&text[ls[3].start..ls[3].end], "四");
    }

    #[test]
    fn offsets_round_trip() {
        let text = "a林武b";
        assert_eq!(byte_offset(text, 0), 0);
        assert_eq!(byte_offset(text, 2), 4);
        assert_eq!(byte_offset(text, 4), text.len());
        assert_eq!(byte_offset(text, 9), text.len());
        assert_eq!(char_offset(text, 4), 2);
        assert_eq!(char_offset(text, text.len()), 4);
    }

    #[test]
    fn dates_in_names_and_metadata() {
        let names: &[(&str, Option<&str>)] = &[
            ("20220104", Some("2022-01-04")),
            ("xwlb-20220104.md", Some("2022-01-04")),
            ("page_2022-01-05_2", Some("2022-01-05")),
            ("2022_01_05", Some("2022-01-05")),
            ("000_848f4a95cd2597a8", None),
            ("123456789", None),
            ("20221399", None),
            ("2022-01-0512", None),
        ];
        for (name, want) in names {
            assert_eq!(
                date_in_name(name).map(|d| d.to_string()).as_deref(),
                *want,
                "{name}"
            );
        }
        let metas: &[(&str, Option<&str>)] = &[
            ("2022-01-05 08:30:00", Some("2022-01-05")),
            ("2022-01-05T08:30:00+08:00", Some("2022-01-05")),
            ("2022/1/5", Some("2022-01-05")),
            ("2022年1月5日", Some("2022-01-05")),
            ("２０２２年１月５日", Some("2022-01-05")),
            ("20220105", Some("2022-01-05")),
            ("2022-13-05", None),
            ("1月5日", None),
            ("today", None),
        ];
        for (meta, want) in metas {
            assert_eq!(
                date_prefix(meta).map(|d| d.to_string()).as_deref(),
                *want,
                "{meta}"
            );
        }
    }

    #[test]
    fn content_hash_is_stable() {
        // FNV-1a test vector: the empty string hashes to the offset basis.
        assert_eq!(content_hash(""), "cbf29ce484222325");
        assert_eq!(content_hash("a"), "af63dc4c8601ec8c");
        assert_ne!(content_hash("林武"), content_hash("林 武"));
    }
}
