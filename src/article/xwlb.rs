//! 《新闻联播》 daily transcripts in Markdown: `# 《新闻联播》（20220104）`, a `## 新闻摘要`
//! summary (skipped, it repeats the items' titles), then under `## 详细新闻` one article per
//! `###` heading.
//!
//! An item's text is its slice of the file from the heading to the last body line; the body is
//! between `<!--repaste.body.begin-->` and `<!--repaste.body.end-->` when those markers are
//! there (in 2022 they mostly are, in 2023 they are not) and otherwise runs to the
//! `[查看原文](…)` link, which gives the article's URL. Placeholder items (`TITLE NOTFOUND`) and
//! items with no body (the whole programme's video link) are left out, keeping the numbering
//! of the rest, so that an id names the same item whatever the scrape missed.

use super::draft::Draft;
use super::lead::parse_lead;
use super::text::{char_offset, date_in_name, lines, trim, Line};
use crate::model::Date;

/// The programme's name, the articles' source.
pub(crate) const SOURCE: &str = "新闻联播";

const BEGIN: &str = "<!--repaste.body.begin-->";
const END: &str = "<!--repaste.body.end-->";

/// Whether a text is a transcript: its header, or a `## 详细新闻` section.
pub(crate) fn is_transcript(text: &str) -> bool {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    first.trim_start().starts_with("# 《新闻联播》")
        || text.lines().any(|l| l.trim_end() == "## 详细新闻")
}

/// Reads the items of a transcript. `file_date` completes the ids when the header has no date.
pub(crate) fn parse(text: &str, file_date: Option<Date>) -> Vec<Draft> {
    let ls = lines(text);
    let header_date = ls
        .iter()
        .find(|l| !l.is_blank())
        .filter(|l| l.text.trim_start().starts_with("# "))
        .and_then(|l| date_in_name(l.text));
    let day = header_date.or(file_date);
    let from = ls
        .iter()
        .position(|l| l.text.trim_end() == "## 详细新闻")
        .map_or(0, |i| i + 1);
    let heads: Vec<usize> = (from..ls.len())
        .filter(|&i| ls[i].text.starts_with("### "))
        .collect();
    let mut drafts = Vec::new();
    for (n, &h) in heads.iter().enumerate() {
        let end = (h + 1..ls.len())
            .find(|&i| {
                let t = ls[i].text;
                t.starts_with("### ")
                    || t.starts_with("## ")
                    || t.starts_with("# ")
                    || t.trim_end() == "---"
            })
            .unwrap_or(ls.len());
        if let Some(mut draft) = item(text, &ls[h..end]) {
            draft.published = header_date;
            draft.id =
                day.map(|d| format!("xwlb-{:04}{:02}{:02}-{:02}", d.year, d.month, d.day, n + 1));
            drafts.push(draft);
        }
    }
    drafts
}

/// One item: `ls[0]` is its `###` heading.
fn item(text: &str, ls: &[Line<'_>]) -> Option<Draft> {
    let heading = &ls[0];
    let title = trim(heading.text.trim_start_matches('#')).to_string();
    let url = ls.iter().find_map(|l| link(l.text));
    let begin = ls.iter().position(|l| l.text.trim() == BEGIN);
    let body_from = begin.map_or(1, |b| b + 1);
    let body_to = match begin {
        Some(_) => ls.iter().position(|l| l.text.trim() == END),
        None => ls.iter().position(|l| link(l.text).is_some()),
    }
    .unwrap_or(ls.len())
    .max(body_from);
    let body: Vec<&Line<'_>> = ls[body_from..body_to]
        .iter()
        .filter(|l| !l.is_blank() && link(l.text).is_none())
        .collect();
    let (first, last) = (*body.first()?, *body.last()?);
    if title == "TITLE NOTFOUND" || trim(first.text) == "CONTENT NOTFOUND" {
        return None;
    }
    let slice = &text[heading.start..last.end];
    let mut draft = Draft {
        title: title.clone(),
        headlines: vec![title],
        source: Some(SOURCE.to_string()),
        url,
        text: slice.to_string(),
        line: heading.no,
        ..Draft::default()
    };
    let lead = parse_lead(first.text).unwrap_or_default();
    draft.body_start = char_offset(slice, first.start - heading.start + lead.body);
    draft.dateline = lead.dateline;
    // `央视网消息` is the website's credit line; the programme is the source.
    draft.reporters = lead.reporters;
    Some(draft)
}

/// The URL of a `[查看原文](…)` line.
fn link(line: &str) -> Option<String> {
    let rest = line.trim().strip_prefix("[查看原文](")?;
    Some(rest.strip_suffix(')')?.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants() {
        let text = "# 《新闻联播》（20220104）\n\n## 新闻摘要\n\n1.甲；\n\n## 详细新闻\n\n\
            ### 甲：乙\n\n<!--repaste.body.begin-->\n\n**央视网消息**（新闻联播）：1月3日，甲。\n\n<!--repaste.body.end-->\n\n[查看原文](https://a/1)\n\n\
            ### TITLE NOTFOUND\n\nCONTENT NOTFOUND\n\n[查看原文](https://a/2)\n\n\
            ### 丙\n\n央视网消息（新闻联播）：丙。\n\n[查看原文](https://a/3)\n\n\
            ### 《新闻联播》 20220104 21:00\n\n[查看原文](https://a/4)\n\n---\n\n更新时间：2023-09-04\n";
        assert!(is_transcript(text));
        let drafts = parse(text, None);
        let got: Vec<(&str, &str, &str, &str)> = drafts
            .iter()
            .map(|d| {
                (
                    d.id.as_deref().unwrap(),
                    d.title.as_str(),
                    d.url.as_deref().unwrap(),
                    d.text.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "xwlb-20220104-01",
                    "甲：乙",
                    "https://a/1",
                    "### 甲：乙\n\n<!--repaste.body.begin-->\n\n**央视网消息**（新闻联播）：1月3日，甲。"
                ),
                ("xwlb-20220104-03", "丙", "https://a/3", "### 丙\n\n央视网消息（新闻联播）：丙。"),
            ]
        );
        let first = &drafts[0];
        assert!(first
            .text
            .chars()
            .skip(first.body_start)
            .collect::<String>()
            .starts_with("1月3日"));
        assert!(first.reporters.is_empty());
        assert_eq!(first.line, 9);
    }
}
