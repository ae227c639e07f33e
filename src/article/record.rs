//! JSON Lines: one article a line, `{"id","title","date","text","source","url"}`, only `text`
//! required. The caller streams the lines; this reads one.

use serde_json::{Map, Value};

use super::draft::Draft;
use super::lead::{closing_byline, parse_lead};
use super::page::headline;
use super::text::{char_offset, date_prefix, lines, trim};

/// Why a line is not an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LineError {
    Json(String),
    MissingText,
}

/// Reads one record: the article, and the `date` value when it is there but not a date.
pub(crate) fn parse_line(line: &str) -> Result<(Draft, Option<String>), LineError> {
    let value: Value = serde_json::from_str(line).map_err(|e| LineError::Json(message(&e)))?;
    let Value::Object(record) = value else {
        return Err(LineError::Json("expected an object".to_string()));
    };
    let Some(Value::String(text)) = record.get("text") else {
        return Err(LineError::MissingText);
    };
    let mut draft = Draft {
        id: scalar(&record, "id"),
        title: scalar(&record, "title").unwrap_or_default(),
        source: scalar(&record, "source"),
        url: scalar(&record, "url"),
        reporters: list(&record, "reporters"),
        jurisdiction: list(&record, "jurisdiction"),
        headlines: list(&record, "headlines"),
        text: text.clone(),
        ..Draft::default()
    };
    if draft.headlines.is_empty() && !draft.title.is_empty() {
        draft.headlines.push(draft.title.clone());
    }
    let date = scalar(&record, "date");
    draft.published = date.as_deref().and_then(date_prefix);
    let bad_date = date.filter(|_| draft.published.is_none());
    read_lead(&mut draft);
    Ok((draft, bad_date))
}

/// serde_json says `… at line 1 column 7`; the line is ours to name, the column is useful.
fn message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match text.strip_suffix(&suffix) {
        Some(head) => format!("{head} at column {}", e.column()),
        None => text,
    }
}

/// A string field, or a number written as one (`"id": 17`).
fn scalar(record: &Map<String, Value>, key: &str) -> Option<String> {
    match record.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A list of strings, or one string with the items separated by `、`, `,` or spaces.
fn list(record: &Map<String, Value>, key: &str) -> Vec<String> {
    match record.get(key) {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(Value::as_str)
            .map(|s| trim(s).to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        Some(Value::String(s)) => s
            .split(|c: char| matches!(c, '、' | ',' | '，') || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect(),
        _ => Vec::new(),
    }
}

/// A text may open with its title and a lead (`本报讯 (记者 …)1月4日,`): the body starts after
/// them, and the byline gives reporters when the record names none.
fn read_lead(draft: &mut Draft) {
    let text = draft.text.as_str();
    let mut nb = lines(text).into_iter().filter(|l| !l.is_blank());
    let Some(mut first) = nb.next() else {
        return;
    };
    let is_title = headline(first.text).is_some_and(|(_, h)| h == draft.title);
    if is_title {
        match nb.next() {
            Some(next) => first = next,
            None => return,
        }
    }
    let lead = parse_lead(first.text);
    let body = match &lead {
        Some(lead) if lead.strong => first.start + lead.body,
        _ if is_title => first.start,
        _ => 0,
    };
    draft.body_start = char_offset(text, body);
    if let Some(lead) = lead {
        draft.dateline = lead.dateline;
        draft.outlet = lead.outlet;
        if draft.reporters.is_empty() {
            draft.reporters = lead.reporters;
        }
    }
    // Local outlets also sign at the end (`记者:李柏翠 胡定勇`).
    if draft.reporters.is_empty() {
        let last = lines(&draft.text).into_iter().rev().find(|l| !l.is_blank());
        if let Some(names) = last.and_then(|l| closing_byline(l.text)) {
            draft.reporters = names;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::lead::RawDate;

    #[test]
    fn reads_records() {
        let (d, bad) = parse_line(
            r#"{"id": 17, "title": "标题", "date": "20220105", "text": "本报讯 (记者 杨文)1月4日,林武主持会议。", "extra": [1]}"#,
        )
        .unwrap();
        assert_eq!(d.id.as_deref(), Some("17"));
        assert_eq!(d.title, "标题");
        assert_eq!(d.published.unwrap().to_string(), "2022-01-05");
        assert_eq!(bad, None);
        assert_eq!(d.reporters, ["杨文"]);
        assert_eq!(d.dateline, Some(RawDate::MonthDay(1, 4)));
        assert_eq!(
            d.text
                .chars()
                .skip(d.body_start)
                .take(5)
                .collect::<String>(),
            "1月4日,"
        );
    }

    #[test]
    fn title_line_in_text_is_not_body() {
        let (d, _) = parse_line(
            r#"{"title": "林武主持会议", "text": "林武主持会议\n\n1月4日，林武主持会议。"}"#,
        )
        .unwrap();
        assert_eq!(d.body_start, "林武主持会议\n\n".chars().count());
        assert_eq!(d.dateline, Some(RawDate::MonthDay(1, 4)));
    }

    #[test]
    fn bad_records() {
        let cases: &[(&str, &str)] = &[
            (r#"{"text": "a""#, "Json"),
            ("[1, 2]", "Json"),
            (r#"{"title": "no text"}"#, "MissingText"),
            (r#"{"text": 5}"#, "MissingText"),
        ];
        for (line, want) in cases {
            let got = parse_line(line).unwrap_err();
            assert_eq!(
                format!("{got:?}").split('(').next().unwrap(),
                *want,
                "{line}"
            );
        }
        let LineError::Json(message) = parse_line(r#"{"text": "a""#).unwrap_err() else {
            unreachable!()
        };
        assert!(message.contains("column"), "{message}");
        assert!(!message.contains("line"), "{message}");
        let (_, bad) = parse_line(r#"{"text": "x", "date": "yesterday"}"#).unwrap();
        assert_eq!(bad.as_deref(), Some("yesterday"));
    }
}
