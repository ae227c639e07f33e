//! Turns an input's bytes into text: UTF-8 (with or without a byte-order mark), UTF-16 with a
//! byte-order mark, or GB18030/GBK as Chinese scrapes often are; recognises binary files.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

/// Why bytes could not be read as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DecodeError {
    Binary,
    Undecodable,
}

/// How far into a file to look for NUL bytes, as `git` and `grep` do.
const SNIFF_LEN: usize = 8 * 1024;

/// Decodes a whole input.
///
/// Strict UTF-8 is tried first because it almost never validates by accident; GB18030 second,
/// and only kept when the result looks like Chinese, because GB18030 accepts many byte pairs
/// that are really Latin-1 or another legacy encoding.
pub(crate) fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(str::to_string)
            .map_err(|_| DecodeError::Undecodable);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_strict(UTF_16LE, rest).ok_or(DecodeError::Undecodable);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_strict(UTF_16BE, rest).ok_or(DecodeError::Undecodable);
    }
    if bytes[..bytes.len().min(SNIFF_LEN)].contains(&0) {
        return Err(DecodeError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return if mostly_control(text) {
            Err(DecodeError::Binary)
        } else {
            Ok(text.to_string())
        };
    }
    // UTF-8 Chinese also decodes as GB18030, into other Han characters: a UTF-8 file with a
    // few bad bytes (a scrape cut mid-character) must stay UTF-8, with U+FFFD for the bad
    // bytes. GBK read as UTF-8 almost never forms a valid multi-byte sequence, so many
    // well-formed non-ASCII characters per bad one tell UTF-8.
    let lossy = String::from_utf8_lossy(bytes);
    let (mut good, mut bad) = (0usize, 0usize);
    for c in lossy.chars().filter(|c| !c.is_ascii()) {
        if c == char::REPLACEMENT_CHARACTER {
            bad += 1;
        } else {
            good += 1;
        }
    }
    if good > 0 && good >= bad * 4 && !mostly_control(&lossy) {
        return Ok(lossy.into_owned());
    }
    match decode_strict(GB18030, bytes) {
        Some(text) if looks_chinese(&text) && !mostly_control(&text) => Ok(text),
        _ if mostly_control(&lossy) => Err(DecodeError::Binary),
        _ => Err(DecodeError::Undecodable),
    }
}

/// Decodes one line of a streamed input (JSON Lines), which has no byte-order mark of its own.
pub(crate) fn decode_line(bytes: &[u8]) -> Option<String> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.to_string());
    }
    decode_strict(GB18030, bytes).filter(|t| looks_chinese(t))
}

fn decode_strict(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
}

/// Most non-ASCII characters are Han characters or CJK punctuation.
fn looks_chinese(text: &str) -> bool {
    let mut non_ascii = 0usize;
    let mut chinese = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        if super::text::is_cjk(c)
            || matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}' | '\u{2010}'..='\u{2027}')
        {
            chinese += 1;
        }
    }
    non_ascii > 0 && chinese * 10 >= non_ascii * 7
}

/// More than one character in ten is a control character other than tab, line feed,
/// carriage return or form feed: no article looks like that.
fn mostly_control(text: &str) -> bool {
    let sample = text.chars().take(SNIFF_LEN);
    let (mut total, mut control) = (0usize, 0usize);
    for c in sample {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            control += 1;
        }
    }
    control * 10 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCE: &str = "省委书记林武主持召开会议。";

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            let b = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn decodes_each_encoding() {
        let (gbk, _, unmappable) = GB18030.encode(SENTENCE);
        assert!(!unmappable);
        assert!(
            std::str::from_utf8(&gbk).is_err(),
            "the test needs non-UTF-8 bytes"
        );
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(SENTENCE.as_bytes());
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("utf-8", SENTENCE.as_bytes().to_vec()),
            ("utf-8 with bom", bom),
            ("utf-16le", utf16(SENTENCE, false)),
            ("utf-16be", utf16(SENTENCE, true)),
            ("gbk", gbk.into_owned()),
        ];
        for (name, bytes) in cases {
            assert_eq!(decode(&bytes).as_deref(), Ok(SENTENCE), "{name}");
        }
    }

    #[test]
    fn utf8_with_a_cut_character_stays_utf8() {
        let text = SENTENCE.repeat(3);
        let bytes = &text.as_bytes()[..text.len() - 1];
        let decoded = decode(bytes).unwrap();
        assert!(decoded.starts_with(SENTENCE), "{decoded}");
        assert!(decoded.ends_with(char::REPLACEMENT_CHARACTER));
        // Mostly ASCII with a little GBK is still GBK.
        let (gbk, _, _) = GB18030.encode("<html><body><p>林武</p></body></html>");
        let mut page = b"<!-- ".to_vec();
        page.extend(std::iter::repeat_n(b'x', 5000));
        page.extend_from_slice(b" -->");
        page.extend_from_slice(&gbk);
        assert!(decode(&page)
            .unwrap()
            .ends_with("<p>林武</p></body></html>"));
    }

    #[test]
    fn refuses_binary_and_garbage() {
        let cases: &[(&str, &[u8], DecodeError)] = &[
            ("nul bytes", b"PK\x03\x04\x00\x00abc", DecodeError::Binary),
            (
                "control",
                b"\x01\x02\x03\x04\x05\x06abc",
                DecodeError::Binary,
            ),
            ("latin-1", b"caf\xe9 au lait \xff", DecodeError::Undecodable),
            ("bad utf-16", b"\xFF\xFE\x00\xD8", DecodeError::Undecodable),
        ];
        for (name, bytes, want) in cases {
            assert_eq!(decode(bytes), Err(*want), "{name}");
        }
    }

    #[test]
    fn decodes_gbk_lines() {
        let (gbk, _, _) = GB18030.encode(r#"{"text":"林武主持"}"#);
        assert_eq!(decode_line(&gbk).as_deref(), Some(r#"{"text":"林武主持"}"#));
        assert_eq!(decode_line(b"\xff\xfe\xfd"), None);
    }
}
