//! HTML pages: the article's text without scripts, styles, navigation, headers and footers,
//! with block elements as paragraph breaks; its title and publication date from the head.
//!
//! Navigation is dropped whether it is marked up as such (`<nav>`, `role="navigation"`) or, as on
//! most Chinese government and news sites, as `<div class="nav">`, `class="breadcrumb"`,
//! `id="footer"`: see [`BOILERPLATE`].
//!
//! Parsing is `scraper`'s (html5ever, the HTML5 parsing algorithm browsers use), because real
//! news pages have unclosed tags, stray entities and inline scripts that a hand-written
//! tokenizer gets wrong.

use scraper::{ElementRef, Html, Node, Selector};

use super::text::{date_prefix, is_space};
use crate::model::Date;

/// What an HTML page gives: text to read articles from, and metadata.
#[derive(Debug, Default)]
pub(crate) struct Page {
    /// Paragraphs separated by blank lines, `<br>` as a line break.
    pub text: String,
    pub title: Option<String>,
    pub date: Option<Date>,
    pub source: Option<String>,
    pub url: Option<String>,
}

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "nav", "header", "footer", "noscript", "template", "iframe", "svg", "form",
    "aside", "button", "select", "head", "object", "canvas", "audio", "video", "math",
];

/// First words of `class` or `id` names of page furniture: site headers and footers, menus,
/// breadcrumbs (`当前位置：首页 > …`), share buttons, related links, comments, ads. A name counts
/// when its first part (split at `-`, `_`) is one of these: `nav-main`, `footer_wrap`, but not
/// `article-header`, which holds the headline.
const BOILERPLATE: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "crumb",
    "crumbs",
    "header",
    "footer",
    "sidebar",
    "share",
    "bdsharebuttonbox",
    "related",
    "comment",
    "comments",
    "copyright",
    "toolbar",
    "pagination",
    "ad",
    "ads",
    "advert",
    "banner",
];

/// ARIA landmarks that are not the article.
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
];

/// Elements that start and end a paragraph.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "figcaption",
    "figure",
    "hr",
    "address",
    "center",
    "body",
    "tbody",
    "thead",
];

pub(crate) fn extract(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let mut page = Page::default();
    let root = ["article", "main", "body"]
        .iter()
        .find_map(|name| first(&doc, name))
        .unwrap_or_else(|| doc.root_element());
    page.text = text_of(root, true);
    if page.text.is_empty() {
        // The names misled us (the whole article in a `class="header-content"`): keep all.
        page.text = text_of(root, false);
    }
    let h1 = first(&doc, "h1").map(|h| collapse(&h.text().collect::<String>()));
    let title = first(&doc, "title").map(|t| collapse(&t.text().collect::<String>()));
    page.title = choose_title(h1, title);
    read_meta(&doc, &mut page);
    page
}

fn first<'a>(doc: &'a Html, name: &str) -> Option<ElementRef<'a>> {
    let selector = Selector::parse(name).ok()?;
    doc.select(&selector).next()
}

/// The `<h1>` when the `<title>` contains it (the title usually adds the site's name);
/// otherwise the `<title>` without a trailing `_站名` or `| Site`; otherwise the `<h1>`.
fn choose_title(h1: Option<String>, title: Option<String>) -> Option<String> {
    let h1 = h1.filter(|h| !h.is_empty());
    let title = title.filter(|t| !t.is_empty());
    match (h1, title) {
        (Some(h), Some(t)) if t.contains(&h) => Some(h),
        (_, Some(t)) => {
            let head = t.split(['_', '|']).next().unwrap_or(&t);
            let head = head.split(" - ").next().unwrap_or(head).trim();
            Some(if head.chars().count() >= 4 {
                head.to_string()
            } else {
                t
            })
        }
        (h, None) => h,
    }
}

fn read_meta(doc: &Html, page: &mut Page) {
    let Ok(meta) = Selector::parse("meta") else {
        return;
    };
    for m in doc.select(&meta) {
        let key = m
            .attr("name")
            .or_else(|| m.attr("property"))
            .or_else(|| m.attr("itemprop"))
            .unwrap_or("")
            .to_ascii_lowercase();
        let Some(content) = m.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
            continue;
        };
        match key.as_str() {
            "publishdate"
            | "pubdate"
            | "date"
            | "article:published_time"
            | "datepublished"
            | "publish_date"
            | "dc.date" => {
                page.date = page.date.or_else(|| date_prefix(content));
            }
            "contentsource" | "source" => page.source = Some(content.to_string()),
            "og:site_name" => page.source = page.source.take().or(Some(content.to_string())),
            "og:url" => page.url = page.url.take().or(Some(content.to_string())),
            _ => {}
        }
    }
    if page.url.is_none() {
        let canonical = Selector::parse(r#"link[rel="canonical"]"#).ok();
        page.url = canonical
            .and_then(|s| doc.select(&s).next())
            .and_then(|l| l.attr("href"))
            .map(str::to_string);
    }
}

/// Whitespace runs to one space, as a browser renders them.
fn collapse(s: &str) -> String {
    s.split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether an element is page furniture by its name, class, id or role, or hidden.
fn is_boilerplate(e: &scraper::node::Element) -> bool {
    let named = |name: &str| {
        let first = name.split(['-', '_']).next().unwrap_or(name);
        BOILERPLATE.contains(&first.to_ascii_lowercase().as_str())
    };
    e.classes().any(named)
        || e.id().is_some_and(named)
        || e.attr("role")
            .is_some_and(|r| BOILERPLATE_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
        || e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
}

/// The text of an element as a reader sees it, without page furniture when `skip_boilerplate`.
/// Walks the tree with an explicit stack, since a deeply nested page must not overflow the call
/// stack.
fn text_of(root: ElementRef<'_>, skip_boilerplate: bool) -> String {
    let mut out = Out::default();
    let mut stack = vec![(*root, true)];
    while let Some((node, enter)) = stack.pop() {
        match node.value() {
            Node::Text(t) if enter => out.push(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIP.contains(&name) || (skip_boilerplate && is_boilerplate(e)) {
                    continue;
                }
                if name == "br" {
                    out.brk(1);
                    continue;
                }
                let block = BLOCK.contains(&name);
                if block {
                    out.brk(2);
                }
                if enter {
                    if block {
                        stack.push((node, false));
                    }
                    let children: Vec<_> = node.children().collect();
                    stack.extend(children.into_iter().rev().map(|c| (c, true)));
                }
            }
            _ => {}
        }
    }
    out.text.trim_end_matches(is_space).to_string()
}

/// Text being assembled: line breaks are held back until more text comes, so that empty
/// elements leave no blank lines and runs of blocks leave one.
#[derive(Default)]
struct Out {
    text: String,
    pending: usize,
}

impl Out {
    fn brk(&mut self, n: usize) {
        self.pending = self.pending.max(n);
    }

    fn push(&mut self, s: &str) {
        let at_line_start = self.text.is_empty() || self.text.ends_with('\n') || self.pending > 0;
        let mut chunk = collapse_keep_edges(s);
        if at_line_start {
            chunk = chunk.trim_start_matches(is_space).to_string();
        }
        if chunk.is_empty() {
            return;
        }
        if self.pending > 0 && !self.text.is_empty() {
            let kept = self.text.trim_end_matches(is_space).len();
            self.text.truncate(kept);
            self.text.push_str(&"\n".repeat(self.pending));
        }
        self.pending = 0;
        self.text.push_str(&chunk);
    }
}

/// Like [`collapse`] but keeps one space where the text began or ended with white space, since
/// inline elements split text mid-line (`<b>林武</b> 强调`).
fn collapse_keep_edges(s: &str) -> String {
    let inner = collapse(s);
    if inner.is_empty() {
        return if s.is_empty() {
            String::new()
        } else {
            " ".to_string()
        };
    }
    let lead = if s.starts_with(|c: char| c.is_ascii_whitespace()) {
        " "
    } else {
        ""
    };
    let tail = if s.ends_with(|c: char| c.is_ascii_whitespace()) {
        " "
    } else {
        ""
    };
    format!("{lead}{inner}{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html><head>
<title>林武主持召开会议_山西新闻网</title>
<meta name="publishdate" content="2022-01-05 08:00:00">
<meta name="ContentSource" content="山西日报">
<script>var secret = "脚本内容";</script>
<style>p { color: red }</style>
</head>
<body>
<header><a href="/">首页</a></header>
<nav><ul><li>导航</li></ul></nav>
<h1>林武主持召开会议</h1>
<!-- 注释内容 -->
<div class="content">
<p>　　本报讯 (记者 杨文)1月4日,林武&nbsp;主持召开<b>会议</b>。</p>
<p>会议强调&ldquo;外防输入&rdquo;。<br>第二行。</p>
<p></p>
<script>document.write("脚本二")</script>
</div>
<footer>版权所有</footer>
</body></html>"#;

    #[test]
    fn extracts_text_and_metadata() {
        let page = extract(PAGE);
        assert_eq!(
            page.text,
            "林武主持召开会议\n\n本报讯 (记者 杨文)1月4日,林武\u{a0}主持召开会议。\n\n会议强调“外防输入”。\n第二行。"
        );
        for absent in ["脚本", "secret", "color", "首页", "导航", "注释", "版权"] {
            assert!(!page.text.contains(absent), "{absent} in {}", page.text);
        }
        assert_eq!(page.title.as_deref(), Some("林武主持召开会议"));
        assert_eq!(
            page.date.map(|d| d.to_string()).as_deref(),
            Some("2022-01-05")
        );
        assert_eq!(page.source.as_deref(), Some("山西日报"));
    }

    #[test]
    fn page_furniture_is_dropped_by_class_id_and_role() {
        // (body, text wanted)
        let cases = [
            (
                r#"<div class="nav"><a>首页</a></div><p>正文。</p>"#,
                "正文。",
            ),
            (
                r#"<div class="nav-main clearfix">菜单</div><p>正文。</p>"#,
                "正文。",
            ),
            (
                r#"<div class="breadcrumb">当前位置：首页</div><p>正文。</p>"#,
                "正文。",
            ),
            (r#"<p>正文。</p><div id="footer">版权所有</div>"#, "正文。"),
            (r#"<p>正文。</p><div class="share">分享到</div>"#, "正文。"),
            (
                r#"<div role="navigation">导航</div><p>正文。</p>"#,
                "正文。",
            ),
            (
                r#"<p>正文。</p><p hidden>隐藏</p><p aria-hidden="true">隐藏</p>"#,
                "正文。",
            ),
            // Not furniture: the headline's own header, a content div.
            (
                r#"<div class="article-header"><h1>标题</h1></div><div class="content"><p>正文。</p></div>"#,
                "标题\n\n正文。",
            ),
            // Everything looks like furniture: keep it rather than lose the article.
            (
                r#"<div class="header-content"><p>正文。</p></div>"#,
                "正文。",
            ),
        ];
        for (body, want) in cases {
            let page = extract(&format!("<html><body>{body}</body></html>"));
            assert_eq!(page.text, want, "{body}");
        }
    }

    #[test]
    fn titles() {
        let s = |x: &str| Some(x.to_string());
        let cases = [
            (s("标题甲"), s("标题甲_山西新闻网"), "标题甲"),
            (None, s("标题乙乙乙_山西新闻网"), "标题乙乙乙"),
            (s("网站标志"), s("标题丙丙丙 - Site"), "标题丙丙丙"),
            (s("只有一级标题"), None, "只有一级标题"),
        ];
        for (h1, title, want) in cases {
            assert_eq!(choose_title(h1, title).as_deref(), Some(want));
        }
    }
}
