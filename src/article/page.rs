//! Plain text and Markdown: a newspaper page holding several articles, or a single article with
//! optional YAML front matter.
//!
//! A page is split where an article starts: a block of one to three headline lines (kicker,
//! main headline, sub-headline) followed by a lead (`本报讯 (记者 …)`, `新华社…电`, a dateline),
//! or an outlet lead on its own. Headline lines are recognised by their shape — short, no
//! sentence-final punctuation — because Markdown markers (`#`, `##`, `###`) are present on
//! some pages and missing on others.

use super::draft::Draft;
use super::lead::{dateline, meta_line, parse_lead, Lead};
use super::text::{char_offset, date_prefix, is_cjk, lines, trim, Line};

/// Longest headline line without a Markdown marker, in characters; kickers run to about 40.
const MAX_HEADLINE: usize = 48;
/// Longest line marked as a Markdown heading that still counts as a headline.
const MAX_MARKED_HEADLINE: usize = 120;

/// A front matter `date` that does not parse: its line and value.
pub(crate) type BadDate = (usize, String);

/// Reads a text that is a page of articles or a single article.
pub(crate) fn parse(text: &str) -> (Vec<Draft>, Option<BadDate>) {
    let all = lines(text);
    let (meta, first) = front_matter(&all).unwrap_or_default();
    let body = &all[first..];
    let starts = find_starts(body);
    let mut drafts = Vec::new();
    let first_start = starts.first().map_or(body.len(), |s| s.first);
    let preamble = &body[..first_start];
    if preamble.iter().any(|l| {
        !l.is_blank()
            && headline(l.text).is_none()
            && !is_navigation(trim(l.text))
            && meta_line(l.text).is_none()
    }) || starts.is_empty()
    {
        // Text before the first recognised start that has sentences in it is an article too
        // (one whose lead we did not recognise); a page header of short lines is not.
        drafts.extend(single(text, preamble));
    }
    for (n, start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).map_or(body.len(), |s| s.first);
        drafts.push(article(text, &body[start.first..end], start));
    }
    share_outlet(&mut drafts);
    let bad_date = meta.apply(&mut drafts);
    (drafts, bad_date)
}

/// Where an article starts on a page (indices into the page's lines).
#[derive(Debug)]
struct Start {
    first: usize,
    heads: Vec<usize>,
    lead_line: usize,
    lead: Lead,
}

/// Finds article starts: each lead, with the headline lines right above it. A strong lead
/// (`本报讯`, a byline) starts an article even without headlines; a bare dateline only under a
/// headline, since body paragraphs open with dates too.
fn find_starts(ls: &[Line<'_>]) -> Vec<Start> {
    let nb: Vec<usize> = (0..ls.len()).filter(|&i| !ls[i].is_blank()).collect();
    let mut starts = Vec::new();
    // Headlines are never looked for above the previous article's lead.
    let mut floor = 0;
    for (k, &i) in nb.iter().enumerate() {
        let Some(lead) = parse_lead(ls[i].text) else {
            continue;
        };
        if !lead.strong && headline(ls[i].text).is_some() {
            // A short line that starts with a date (`1月4日全省新增病例0例`) is a headline.
            continue;
        }
        let mut heads = Vec::new();
        let mut top = i;
        let mut m = k;
        while m > floor && heads.len() < 3 {
            let j = nb[m - 1];
            // A web page's information line between headline and lead belongs to the article.
            if meta_line(ls[j].text).is_some() {
                top = j;
                m -= 1;
                continue;
            }
            if headline(ls[j].text).is_none() {
                break;
            }
            // A short line right after a paragraph broken off mid-sentence is that
            // paragraph's end (`…为构建` | `旅游深度融合`), not a headline.
            if m >= 2 {
                let p = ls[nb[m - 2]].text;
                if headline(p).is_none() && continues(p, ls[j].text) {
                    break;
                }
            }
            heads.push(j);
            m -= 1;
        }
        heads.reverse();
        if heads.is_empty() && !lead.strong {
            continue;
        }
        starts.push(Start {
            first: heads.first().copied().unwrap_or(i).min(top),
            heads,
            lead_line: i,
            lead,
        });
        floor = k + 1;
    }
    starts
}

/// Whether paragraph `next` continues paragraph `prev`, which the page layout broke off:
/// `prev` ends without closing punctuation and `next` starts with a Han character or a closing
/// quote. Shared with sentence splitting so that both agree.
pub(crate) fn continues(prev: &str, next: &str) -> bool {
    let Some(last) = trim(prev).chars().last() else {
        return false;
    };
    let Some(first) = trim(next).chars().next() else {
        return false;
    };
    !is_closing(last) && (is_cjk(first) || matches!(first, '”' | '’' | '」' | '』'))
}

/// Punctuation that may end a paragraph; `*` and `>` close Markdown emphasis and HTML
/// comments, which never continue into the next paragraph.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '；'
            | '…'
            | '”'
            | '’'
            | '）'
            | '」'
            | '』'
            | '》'
            | '：'
            | '!'
            | '?'
            | ';'
            | ':'
            | ')'
            | '.'
            | '*'
            | '>'
    )
}

/// A headline line: its Markdown level (number of `#`) and its text without markers, or `None`
/// when the line reads like body text or a lead.
pub(crate) fn headline(line: &str) -> Option<(Option<usize>, &str)> {
    let t = trim(line);
    let hashes = t.chars().take_while(|&c| c == '#').count();
    let (level, content) = if (1..=6).contains(&hashes) {
        (Some(hashes), trim(&t[hashes..]))
    } else {
        (None, t)
    };
    let content = strip_bold(content);
    let n = content.chars().count();
    let max = if level.is_some() {
        MAX_MARKED_HEADLINE
    } else {
        MAX_HEADLINE
    };
    let last = content.chars().last()?;
    let bracketed =
        matches!(content.chars().next(), Some('（' | '(')) && matches!(last, '）' | ')');
    if n > max
        || content.contains('。')
        || matches!(
            last,
            '，' | ',' | '、' | '；' | ';' | '：' | ':' | '！' | '？' | '!' | '?'
        )
        || bracketed
        || content.starts_with("<!--")
        || (content.starts_with('[') && content.contains("]("))
        || parse_lead(content).is_some_and(|l| l.strong)
        || meta_line(content).is_some()
        || is_navigation(content)
    {
        return None;
    }
    Some((level, content))
}

/// Navigation and breadcrumbs of a saved page (`首页 | 政务公开`, `首页 > 新闻`): short lines
/// of links, never a headline.
fn is_navigation(line: &str) -> bool {
    line.chars().count() <= 60 && !line.contains('。') && line.contains(['|', '｜', '>', '＞'])
}

/// `**标题**` → `标题`.
fn strip_bold(s: &str) -> &str {
    match s.strip_prefix("**").and_then(|s| s.strip_suffix("**")) {
        Some(inner) if !inner.is_empty() => trim(inner),
        _ => s,
    }
}

/// The main headline among a block: the one marked with the fewest `#` when there are
/// markers; otherwise the middle of three (kicker, main, sub-headline) or the longest.
fn main_headline(heads: &[(Option<usize>, &str)]) -> usize {
    let marked = heads
        .iter()
        .enumerate()
        .filter_map(|(i, (level, _))| level.map(|l| (l, i)))
        .min();
    if let Some((_, i)) = marked {
        return i;
    }
    if heads.len() == 3 {
        return 1;
    }
    let mut best = 0;
    for (i, (_, text)) in heads.iter().enumerate() {
        if text.chars().count() > heads[best].1.chars().count() {
            best = i;
        }
    }
    best
}

/// Builds the article of a page that starts at `start`, spanning `ls`.
fn article(text: &str, ls: &[Line<'_>], start: &Start) -> Draft {
    let heads: Vec<_> = start
        .heads
        .iter()
        .filter_map(|&i| headline(ls[i - start.first].text))
        .collect();
    let lead_line = &ls[start.lead_line - start.first];
    build(text, ls, &heads, Some((lead_line, &start.lead)))
}

/// Builds a single article from lines that have no recognised start: leading headline lines
/// (when a body follows them), then the body, whose first line may still hold a lead.
fn single(text: &str, ls: &[Line<'_>]) -> Option<Draft> {
    let nb: Vec<&Line<'_>> = ls.iter().filter(|l| !l.is_blank()).collect();
    let first = *nb.first()?;
    let mut body = 0;
    let mut heads_seen = 0;
    while body + 1 < nb.len() {
        // A web page's information line (`来源：… 发布时间：…`) sits among the headlines;
        // `build` reads it.
        if meta_line(nb[body].text).is_some() || is_navigation(trim(nb[body].text)) {
        } else if heads_seen < 3 && headline(nb[body].text).is_some() {
            heads_seen += 1;
        } else {
            break;
        }
        body += 1;
    }
    let marked = headline(first.text).is_some_and(|(level, _)| level.is_some());
    if !marked && nb[body..].iter().all(|l| headline(l.text).is_some()) {
        // Short lines only: nothing tells headlines from body, so keep it all as body.
        body = 0;
    }
    let heads: Vec<_> = nb[..body].iter().filter_map(|l| headline(l.text)).collect();
    let lead = parse_lead(nb[body].text).unwrap_or_default();
    Some(build(text, ls, &heads, Some((nb[body], &lead))))
}

/// Slices the article out of `text` and fills in what the headlines and the lead say.
fn build(
    text: &str,
    ls: &[Line<'_>],
    heads: &[(Option<usize>, &str)],
    lead: Option<(&Line<'_>, &Lead)>,
) -> Draft {
    let first = ls.iter().find(|l| !l.is_blank());
    let last = ls.iter().rev().find(|l| !l.is_blank());
    let (Some(first), Some(last)) = (first, last) else {
        return Draft::default();
    };
    let slice = &text[first.start..last.end];
    let mut draft = Draft {
        text: slice.to_string(),
        line: first.no,
        headlines: heads.iter().map(|(_, h)| h.to_string()).collect(),
        ..Draft::default()
    };
    if !heads.is_empty() {
        draft.title = heads[main_headline(heads)].1.to_string();
    }
    // A web page's information line above the body gives its date and source.
    let body_line = lead.map_or(usize::MAX, |(line, _)| line.start);
    for meta in ls
        .iter()
        .filter(|l| l.start < body_line)
        .filter_map(|l| meta_line(l.text))
    {
        draft.published = draft.published.or(meta.date);
        draft.source = draft.source.or(meta.source);
    }
    if let Some((line, lead)) = lead {
        draft.body_start = char_offset(slice, line.start - first.start + lead.body);
        draft.reporters.clone_from(&lead.reporters);
        draft.outlet.clone_from(&lead.outlet);
        draft.dateline = lead.dateline.or_else(|| {
            // A byline on a line of its own (`本报记者 张三`): the dateline opens the next one.
            let rest = trim(&line.text[lead.body..]);
            let next = ls.iter().find(|l| l.start > line.start && !l.is_blank());
            next.filter(|_| lead.strong && rest.is_empty())
                .and_then(|l| dateline(l.text))
        });
        draft.this_paper =
            lead.strong && trim(line.text).trim_start_matches('*').starts_with("本报");
    }
    draft
}

/// On a page, `本报` ("this paper") is the same outlet throughout: when one byline names it
/// (`本报讯 (山西日报记者 杨文)`), the other `本报` articles get it too.
fn share_outlet(drafts: &mut [Draft]) {
    let paper = drafts
        .iter()
        .filter(|d| d.this_paper)
        .find_map(|d| d.outlet.clone());
    if let Some(paper) = paper {
        for d in drafts
            .iter_mut()
            .filter(|d| d.this_paper && d.outlet.is_none())
        {
            d.outlet = Some(paper.clone());
        }
    }
}

/// Metadata from YAML front matter (`---` … `---`): only the flat keys articles use.
#[derive(Debug, Default)]
struct FrontMatter {
    title: Option<String>,
    date: Option<(usize, String)>,
    source: Option<String>,
    id: Option<String>,
    url: Option<String>,
    reporters: Vec<String>,
    jurisdiction: Vec<String>,
}

/// Reads front matter at the top of the text: the metadata and the index of the first line
/// after it. A full YAML parser is not needed for `key: value` lines and simple lists.
fn front_matter(ls: &[Line<'_>]) -> Option<(FrontMatter, usize)> {
    if ls.first()?.text.trim_end() != "---" {
        return None;
    }
    let close = ls
        .iter()
        .take(200)
        .skip(1)
        .position(|l| matches!(l.text.trim_end(), "---" | "..."))?
        + 1;
    let mut fm = FrontMatter::default();
    let mut key = String::new();
    for l in &ls[1..close] {
        let t = l.text.trim();
        if let Some(item) = t.strip_prefix("- ") {
            if let Some(list) = list_field(&mut fm, &key) {
                list.push(unquote(item));
            }
            continue;
        }
        let Some((k, v)) = t.split_once(':') else {
            continue;
        };
        key = k.trim().to_lowercase();
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        if let Some(list) = list_field(&mut fm, &key) {
            let items = v.trim_start_matches('[').trim_end_matches(']');
            list.extend(
                items
                    .split([',', '、', '，'])
                    .map(unquote)
                    .filter(|s| !s.is_empty()),
            );
            continue;
        }
        let v = unquote(v);
        match key.as_str() {
            "title" => fm.title = Some(v),
            "date" | "published" | "pubdate" => fm.date = Some((l.no, v)),
            "source" | "outlet" => fm.source = Some(v),
            "id" => fm.id = Some(v),
            "url" | "link" => fm.url = Some(v),
            _ => {}
        }
    }
    Some((fm, close + 1))
}

fn list_field<'a>(fm: &'a mut FrontMatter, key: &str) -> Option<&'a mut Vec<String>> {
    match key {
        "reporters" | "reporter" | "authors" | "author" => Some(&mut fm.reporters),
        "jurisdiction" => Some(&mut fm.jurisdiction),
        _ => None,
    }
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    let inner = s
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .or_else(|| s.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')));
    inner.unwrap_or(s).trim().to_string()
}

impl FrontMatter {
    /// Gives every article of the file the front matter's metadata; the title and id only
    /// when the file holds one article (a page's articles get `{id}-{n}`).
    fn apply(self, drafts: &mut [Draft]) -> Option<BadDate> {
        let date = self.date.as_ref().and_then(|(_, v)| date_prefix(v));
        let bad = self.date.filter(|_| date.is_none());
        let several = drafts.len() > 1;
        for (n, d) in drafts.iter_mut().enumerate() {
            // Front matter wins over what the text says of itself (an information line).
            d.published = date.or(d.published);
            d.source = self.source.clone().or(d.source.take());
            d.url = self.url.clone().or(d.url.take());
            if !self.jurisdiction.is_empty() {
                d.jurisdiction.clone_from(&self.jurisdiction);
            }
            if !self.reporters.is_empty() && d.reporters.is_empty() {
                d.reporters.clone_from(&self.reporters);
            }
            d.id = match (&self.id, several) {
                (Some(id), true) => Some(format!("{id}-{}", n + 1)),
                (Some(id), false) => Some(id.clone()),
                (None, _) => None,
            };
            if !several {
                if let Some(title) = &self.title {
                    d.title.clone_from(title);
                    if d.headlines.is_empty() {
                        d.headlines.push(title.clone());
                    }
                }
            }
        }
        bad
    }
}
