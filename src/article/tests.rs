//! Tests of the reading stage as a whole, on the fixtures in `tests/data/` and on files made
//! in a temporary folder.

use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use crate::model::{Article, Date};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn date(s: &str) -> Option<Date> {
    Date::parse(s)
}

fn dated(s: &str) -> ReadOptions {
    ReadOptions {
        date: date(s),
        ..ReadOptions::default()
    }
}

/// A fresh folder under the system's temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("govkg-article-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn read_all(paths: &[PathBuf], opts: &ReadOptions) -> Vec<Result<Article, Error>> {
    read(paths, opts).unwrap().collect()
}

fn seed(opts: &ReadOptions) -> Vec<Article> {
    read_all(&[data("seed_page.txt")], opts)
        .into_iter()
        .map(Result::unwrap)
        .collect()
}

fn without_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn seed_page_splits_into_four_articles() {
    let articles = seed(&dated("2022-01-05"));
    type Row<'a> = (
        &'a str,
        &'a str,
        &'a [&'a str],
        &'a [&'a str],
        &'a str,
        usize,
    );
    let want: &[Row] = &[
        (
            "seed_page-1",
            "以更大力度更严举措把紧关口 进一步筑牢疫情防控钢铁长城",
            &[
                "林武主持召开省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议强调",
                "以更大力度更严举措把紧关口 进一步筑牢疫情防控钢铁长城",
                "蓝佛安提出具体要求 商黎光出席",
            ],
            &["杨文"],
            "2022-01-04",
            3,
        ),
        (
            "seed_page-2",
            "完善防控措施 强化应急演练 持续提升疫情整体应对和实战能力",
            &[
                "韦韬主持召开市疫情防控工作领导小组第九十三次会议",
                "完善防控措施 强化应急演练 持续提升疫情整体应对和实战能力",
            ],
            &["赵继钊", "殷雪莹"],
            "2022-01-04",
            25,
        ),
        (
            "seed_page-3",
            "晋源区推出首个旅游专项手机APP",
            &["游览景区景点更便捷", "晋源区推出首个旅游专项手机APP"],
            &["徐方伟"],
            "2022-01-05",
            39,
        ),
        (
            "seed_page-4",
            "建党百年科技成就展 亮相省科技馆",
            &["建党百年科技成就展 亮相省科技馆"],
            &["贾尚志"],
            "2022-01-05",
            57,
        ),
    ];
    assert_eq!(articles.len(), want.len());
    for (a, &(id, title, headlines, reporters, dateline, line)) in articles.iter().zip(want) {
        assert_eq!(a.id, id);
        assert_eq!(a.title, title, "{id}");
        assert_eq!(a.headlines, headlines, "{id}");
        assert_eq!(a.reporters, reporters, "{id}");
        assert_eq!(a.dateline, date(dateline), "{id}");
        assert_eq!(a.published, date("2022-01-05"), "{id}");
        assert_eq!(a.source.as_deref(), Some("山西日报"), "{id}");
        assert_eq!(a.origin.line, line, "{id}");
        assert!(a.origin.path.ends_with("seed_page.txt"));
        assert!(a.text.starts_with(['林', '韦', '游', '#']), "{id}");
        let body: String = a.text.chars().skip(a.body_start).take(4).collect();
        assert_eq!(body, dateline_text(id), "{id}");
    }
    assert!(articles[0]
        .text
        .ends_with("省疫情防控工作领导小组成员单位负责同志在省主会场参加会议。"));
    assert!(articles[1].text.ends_with("各县(市、区)设分会场。"));
}

fn dateline_text(id: &str) -> &'static str {
    match id {
        "seed_page-1" | "seed_page-2" => "1月4日",
        _ => "1月5日",
    }
}

#[test]
fn seed_page_dates_come_from_options_or_file_name() {
    let undated = seed(&ReadOptions::default());
    assert!(undated
        .iter()
        .all(|a| a.published.is_none() && a.dateline.is_none()));
    let text = fs::read_to_string(data("seed_page.txt")).unwrap();
    let named = read_str(&text, "shanxi_2022-01-05.txt", &ReadOptions::default()).unwrap();
    assert_eq!(named[0].published, date("2022-01-05"));
    assert_eq!(named[0].dateline, date("2022-01-04"));
    assert_eq!(named[0].id, "shanxi_2022-01-05-1");
    // The file name's date wins over `--date`.
    let both = read_str(&text, "20220105.txt", &dated("2023-06-01")).unwrap();
    assert_eq!(both[2].dateline, date("2022-01-05"));
}

#[test]
fn seed_page_sentences_join_layout_breaks() {
    let articles = seed(&dated("2022-01-05"));
    for a in &articles {
        let chars: Vec<char> = a.text.chars().collect();
        for s in sentences(a) {
            let raw = slice(&a.text, s.start, s.end);
            assert_eq!(without_space(&raw), without_space(&s.text), "{}", s.text);
            assert!(!s.text.contains('\n'), "{}", s.text);
            for (i, c) in s.text.chars().enumerate() {
                assert_eq!(chars[s.offset(i)], c, "{} at {i}", s.text);
            }
        }
    }
    let all: Vec<Sentence> = articles.iter().flat_map(sentences).collect();
    let find = |needle: &str| {
        all.iter()
            .find(|s| s.text.contains(needle))
            .unwrap_or_else(|| panic!("no sentence has {needle}"))
    };
    let s = find("对人民极端负责态度");
    let raw = slice(&articles[0].text, s.start, s.end);
    assert!(raw.contains("对\n\n人民"), "{raw}");
    assert!(s.text.starts_with("林武指出,要清醒认识"), "{}", s.text);
    assert!(s.text.ends_with("不断巩固防控成果。"), "{}", s.text);
    for joined in [
        "四要紧盯城乡",
        "细化到岗",
        "冻品总仓管理",
        "社区工作者",
        "为构建旅游深度融合",
        "为目标,以文旅融合",
    ] {
        find(joined);
    }

    let first = sentences(&articles[0]);
    let kinds: Vec<SentenceKind> = first.iter().take(5).map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SentenceKind::Headline,
            SentenceKind::Headline,
            SentenceKind::Headline,
            SentenceKind::Byline,
            SentenceKind::Body,
        ]
    );
    assert_eq!(
        first[1].text,
        "以更大力度更严举措把紧关口 进一步筑牢疫情防控钢铁长城"
    );
    assert_eq!(first[3].text, "本报讯 (山西日报记者 杨文)");
    assert!(first[4].text.starts_with("1月4日,省委书记"));
    assert_eq!(body_sentences(&articles[0])[0].index, 4);
}

#[test]
fn transcripts() {
    let cases: &[(&str, usize, &str, &str, &str, &str)] = &[
        (
            "20220104.md",
            16,
            "2022-01-04",
            "xwlb-20220104-01",
            "习近平签署中央军委2022年1号命令 向全军发布开训动员令",
            "国际联播快讯",
        ),
        (
            "20220228.md",
            16,
            "2022-02-28",
            "xwlb-20220228-01",
            "中央政治局委员 书记处书记 全国人大常委会 国务院 全国政协党组成员 最高人民法院 最高人民检察院党组书记向党中央和习近平总书记述职",
            "伊朗称不接受为伊核谈判设定最后期限",
        ),
        (
            "20230615.md",
            17,
            "2023-06-15",
            "xwlb-20230615-01",
            "【新思想引领新征程】赓续中华文脉 谱写当代华章",
            "国际联播快讯",
        ),
    ];
    for &(file, count, published, first_id, first_title, last_title) in cases {
        let articles: Vec<Article> =
            read_all(&[data(&format!("xwlb/{file}"))], &ReadOptions::default())
                .into_iter()
                .map(Result::unwrap)
                .collect();
        assert_eq!(articles.len(), count, "{file}");
        let (first, last) = (&articles[0], &articles[count - 1]);
        assert_eq!(first.id, first_id);
        assert_eq!(first.title, first_title);
        assert_eq!(last.title, last_title);
        for a in &articles {
            assert_eq!(a.published, date(published), "{}", a.id);
            assert_eq!(a.source.as_deref(), Some("新闻联播"));
            assert!(a.reporters.is_empty(), "{}", a.id);
            assert!(a.text.starts_with("### "), "{}", a.id);
            assert!(!a.text.contains("[查看原文]"), "{}", a.id);
            assert!(!a.text.contains("repaste.body.end"), "{}", a.id);
            assert!(a
                .url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://tv.cctv.com/")));
            let body: String = a.text.chars().skip(a.body_start).collect();
            assert!(!body.contains("央视网消息"), "{}: {body}", a.id);
            assert!(sentences(a).iter().all(|s| !s.text.contains("<!--")));
        }
    }
    let day = read_all(&[data("xwlb/20220104.md")], &ReadOptions::default());
    let titles: Vec<String> = day.into_iter().map(|a| a.unwrap().title).collect();
    assert!(titles.contains(&"国际体育机构人士：期待北京冬奥会圆满成功".to_string()));
    // The placeholder item 7 of 28 February is left out and the numbering kept.
    let feb: Vec<String> = read_all(&[data("xwlb/20220228.md")], &ReadOptions::default())
        .into_iter()
        .map(|a| a.unwrap().id)
        .collect();
    assert!(feb.contains(&"xwlb-20220228-06".to_string()));
    assert!(!feb.contains(&"xwlb-20220228-07".to_string()));
    assert!(feb.contains(&"xwlb-20220228-08".to_string()));
}

#[test]
fn transcript_datelines_and_subheadings() {
    let articles: Vec<Article> = read_all(&[data("xwlb/20220104.md")], &ReadOptions::default())
        .into_iter()
        .map(Result::unwrap)
        .collect();
    // `2022年1月4日，国家主席习近平同塔吉克斯坦总统…`
    assert_eq!(articles[1].dateline, date("2022-01-04"));
    // `1月3日，中国、俄罗斯…`
    assert_eq!(articles[8].dateline, date("2022-01-03"));
    // `国家卫生健康委今天（1月4日）通报` does not start with a date.
    assert_eq!(articles[10].dateline, None);
    let flash = sentences(&articles[11]);
    assert_eq!(flash[0].text, "国内联播快讯");
    assert_eq!(flash[1].kind, SentenceKind::Byline);
    assert_eq!(flash[1].text, "**央视网消息**（新闻联播）：");
    let sub = flash
        .iter()
        .find(|s| s.text == "元旦假期银联、网联交易创新高")
        .unwrap();
    assert_eq!(sub.kind, SentenceKind::Headline);
}

#[test]
fn jsonl_streams_and_reports_bad_lines() {
    let dir = TempDir::new("jsonl");
    let path = dir.write(
        "news.jsonl",
        concat!(
            r#"{"id": "a1", "title": "甲", "date": "2022-01-04", "text": "1月3日，林武主持会议。"}"#,
            "\n",
            r#"{"id": "a2", "text": "broken"#,
            "\n",
            r#"{"id": 7, "date": "20220105", "text": "开头，对\n\n人民负责。", "source": "山西日报", "url": "https://x/7", "extra": {"a": 1}}"#,
            "\r\n",
            r#"{"id": "a4", "title": "no text"}"#,
            "\n\n",
            r#"{"text": "无编号。", "date": "yesterday"}"#,
            "\n",
        ),
    );
    let items = read_all(std::slice::from_ref(&path), &ReadOptions::default());
    let shown = path.display().to_string();
    let summary: Vec<String> = items
        .iter()
        .map(|i| match i {
            Ok(a) => format!("ok {}", a.id),
            Err(e) => format!("err {}", e.line().unwrap_or(0)),
        })
        .collect();
    assert_eq!(
        summary,
        ["ok a1", "err 2", "ok 7", "err 4", "err 6", "ok news-6"]
    );
    let Err(bad) = &items[1] else { unreachable!() };
    assert!(
        bad.to_string()
            .starts_with(&format!("{shown}:2: invalid JSON: ")),
        "{bad}"
    );
    assert!(!bad.is_warning());
    let Err(missing) = &items[3] else {
        unreachable!()
    };
    assert_eq!(
        missing.to_string(),
        format!("{shown}:4: no \"text\" string in this record")
    );
    let Err(date_warning) = &items[4] else {
        unreachable!()
    };
    assert!(date_warning.is_warning());

    let a1 = items[0].as_ref().unwrap();
    assert_eq!(
        (a1.title.as_str(), a1.published),
        ("甲", date("2022-01-04"))
    );
    assert_eq!(a1.dateline, date("2022-01-03"));
    assert_eq!(a1.origin.line, 1);
    let a7 = items[2].as_ref().unwrap();
    assert_eq!(a7.text, "开头，对\n\n人民负责。");
    assert_eq!(a7.source.as_deref(), Some("山西日报"));
    assert_eq!(a7.url.as_deref(), Some("https://x/7"));
    assert_eq!(a7.origin.line, 3);
    let s = &sentences(a7)[0];
    assert_eq!(s.text, "开头，对人民负责。");
    assert_eq!((s.start, s.end), (0, a7.text.chars().count()));
    assert_eq!(slice(&a7.text, s.offset(4), s.offset(4) + 2), "人民");
    let last = items[5].as_ref().unwrap();
    assert_eq!(last.published, None);

    // Strict: the first problem ends the reading.
    let strict = ReadOptions {
        strict: true,
        ..ReadOptions::default()
    };
    let items = read_all(&[path], &strict);
    assert_eq!(items.len(), 2);
    assert!(items[1].is_err());
}

#[test]
fn jsonl_in_memory_and_by_content() {
    let text = "{\"id\": \"x\", \"text\": \"甲。\"}\n";
    for name in ["news.jsonl", "news.txt", "-", ""] {
        let articles = read_str(text, name, &ReadOptions::default()).unwrap();
        assert_eq!(articles.len(), 1, "{name}");
        assert_eq!(articles[0].id, "x", "{name}");
    }
    let err = read_str("{\"text\": 1}\n", "bad.jsonl", &ReadOptions::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "bad.jsonl:1: no \"text\" string in this record"
    );
    // Without a name, ids are content hashes, the same on every run.
    let a = read_str("{\"text\": \"甲。\"}", "-", &ReadOptions::default()).unwrap();
    let b = read_str("{\"text\": \"甲。\"}", "", &ReadOptions::default()).unwrap();
    assert_eq!(a[0].id, b[0].id);
    assert_eq!(a[0].id.len(), 16);
}

#[test]
fn html_pages() {
    let html = r#"<!doctype html><html><head><title>晋源区推出首个旅游专项手机APP_太原新闻网</title>
<meta property="article:published_time" content="2022-01-05T07:30:00+08:00">
<script>alert("脚本")</script><style>.a{}</style></head>
<body><nav>首页 新闻</nav><h1>晋源区推出首个旅游专项手机APP</h1>
<p>本报讯 (记者 徐方伟)1月5日晋源区消息,由该区旅游大厦入驻企业合作开发的<b>太原市首个</b>旅游专项手机APP上线运营。</p>
<p>这个手机APP由两家公司合作开发&#12290;</p><footer>版权</footer></body></html>"#;
    for name in ["app.html", "app"] {
        let articles = read_str(html, name, &ReadOptions::default()).unwrap();
        assert_eq!(articles.len(), 1, "{name}");
        let a = &articles[0];
        assert_eq!(a.title, "晋源区推出首个旅游专项手机APP");
        assert_eq!(a.published, date("2022-01-05"));
        assert_eq!(a.dateline, date("2022-01-05"));
        assert_eq!(a.reporters, ["徐方伟"]);
        for absent in ["脚本", "alert", "首页", "版权", "<b>", ".a{}"] {
            assert!(!a.text.contains(absent), "{absent} in {}", a.text);
        }
        assert!(a.text.contains("太原市首个旅游专项手机APP上线运营。"));
        assert!(a.text.ends_with("两家公司合作开发。"));
    }
}

#[test]
fn encodings_and_bad_files() {
    let dir = TempDir::new("encodings");
    let sentence = "标题\n\n本报讯 (记者 杨文)1月4日,省委书记林武主持召开会议。";
    let (gbk, _, _) = encoding_rs::GB18030.encode(sentence);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(sentence.encode_utf16().flat_map(u16::to_le_bytes));
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(sentence.as_bytes());
    let readable = [
        dir.write("gbk.txt", &gbk),
        dir.write("utf16.txt", &utf16),
        dir.write("bom.txt", &bom),
    ];
    for path in &readable {
        let items = read_all(std::slice::from_ref(path), &ReadOptions::default());
        let a = items[0].as_ref().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a.text, sentence, "{}", path.display());
        assert_eq!(a.reporters, ["杨文"]);
    }
    let binary = dir.write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    let empty = dir.write("empty.txt", " \n\n");
    let latin1 = dir.write("latin1.txt", b"caf\xe9 \xff\xfe au lait");
    let items = read_all(
        &[binary.clone(), empty.clone(), latin1.clone()],
        &ReadOptions::default(),
    );
    let messages: Vec<String> = items
        .iter()
        .map(|i| i.as_ref().unwrap_err().to_string())
        .collect();
    assert_eq!(
        messages,
        [
            format!("{}: looks binary, skipped", binary.display()),
            format!("{}: is empty", empty.display()),
            format!(
                "{}: not UTF-8, UTF-16 or GB18030 text, skipped",
                latin1.display()
            ),
        ]
    );
    assert!(items[1].as_ref().unwrap_err().is_warning());
    assert_eq!(
        items[0].as_ref().unwrap_err().path(),
        binary.display().to_string()
    );
}

#[test]
fn folders_missing_paths_and_order() {
    let dir = TempDir::new("folders");
    dir.write("b.txt", "乙。");
    dir.write("a.jsonl", "{\"id\": \"a\", \"text\": \"甲。\"}\n");
    dir.write(
        "sub/c.md",
        "---\ntitle: 丙\ndate: 2022-01-04\nsource: 太原日报\nid: c-id\n---\n\n# 丙\n\n丙文。\n",
    );
    dir.write(".hidden.txt", "隐。");
    dir.write("image.bin", [0u8, 1, 2]);
    dir.write("gold.json", "{\n  \"articles\": []\n}\n");
    let ids: Vec<String> = read_all(std::slice::from_ref(&dir.0), &ReadOptions::default())
        .into_iter()
        .map(|a| a.unwrap().id)
        .collect();
    assert_eq!(ids, ["a", "b", "c-id"]);

    let c = read_str(
        "---\ntitle: 丙\ndate: 2022-01-04\nsource: 太原日报\n---\n\n# 丙\n\n丙文。\n",
        "c.md",
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(c[0].title, "丙");
    assert_eq!(c[0].published, date("2022-01-04"));
    assert_eq!(c[0].source.as_deref(), Some("太原日报"));
    assert_eq!(c[0].id, "c");
    assert_eq!(c[0].origin.line, 7);
    assert_eq!(c[0].text, "# 丙\n\n丙文。");

    let empty = TempDir::new("empty-folder");
    empty.write("notes.bin", "x");
    let err = read(std::slice::from_ref(&empty.0), &ReadOptions::default()).unwrap_err();
    assert!(matches!(err, Error::NoInput { .. }), "{err}");
    let missing = dir.0.join("missing.txt");
    let err = read(std::slice::from_ref(&missing), &ReadOptions::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{}: no such file or folder", missing.display())
    );
}

#[test]
fn datelines_resolve_against_publication() {
    let cases: &[(&str, &str, Option<&str>)] = &[
        ("12月30日，省委召开会议。", "2022-01-02", Some("2021-12-30")),
        ("1月2日，省委召开会议。", "2022-01-02", Some("2022-01-02")),
        ("30日，省委召开会议。", "2022-01-02", Some("2021-12-30")),
        (
            "2021年12月30日，省委召开会议。",
            "2022-01-02",
            Some("2021-12-30"),
        ),
        (
            "本报讯 (记者 甲)12月31日,省委召开会议。",
            "2022-01-02",
            Some("2021-12-31"),
        ),
        ("省委近日召开会议。", "2022-01-02", None),
    ];
    for &(body, published, want) in cases {
        let text = format!("省委召开会议\n\n{body}");
        let a = &read_str(&text, "x.txt", &dated(published)).unwrap()[0];
        assert_eq!(a.published, date(published));
        assert_eq!(a.dateline, want.and_then(date), "{body}");
    }
}

#[test]
fn byline_on_its_own_line() {
    let text = "省委召开会议\n\n本报记者 张三 李四\n\n1月4日，省委召开会议。";
    let a = &read_str(text, "x.txt", &dated("2022-01-05")).unwrap()[0];
    assert_eq!(a.reporters, ["张三", "李四"]);
    assert_eq!(a.dateline, date("2022-01-04"));
    let kinds: Vec<(SentenceKind, String)> =
        sentences(a).into_iter().map(|s| (s.kind, s.text)).collect();
    assert_eq!(
        kinds,
        [
            (SentenceKind::Headline, "省委召开会议".to_string()),
            (SentenceKind::Byline, "本报记者 张三 李四".to_string()),
            (SentenceKind::Body, "1月4日，省委召开会议。".to_string()),
        ]
    );
}

#[test]
fn a_web_page_information_line_dates_the_article() {
    let text = "市政府召开常务会议\n\n来源：市政府办公室　发布时间：2023-04-12 16:30\n\n4月11日，市长主持召开会议。";
    let a = &read_str(text, "page.txt", &ReadOptions::default()).unwrap()[0];
    assert_eq!(a.published, date("2023-04-12"));
    assert_eq!(a.dateline, date("2023-04-11"));
    assert_eq!(a.source.as_deref(), Some("市政府办公室"));
}

#[test]
fn single_articles_in_plain_text() {
    let cases: &[(&str, &str, &[&str], &str)] = &[
        (
            "标题\n\n正文第一句。正文第二句。",
            "标题",
            &["标题"],
            "正文",
        ),
        ("正文第一句。正文第二句。", "", &[], "正文"),
        ("# 标题\n\n短句", "标题", &["标题"], "短句"),
        ("短句一\n短句二", "", &[], "短句一"),
        // A saved web page: navigation and the information line are not headlines.
        (
            "首页 | 政务公开 | 政务动态\n\n市政府召开常务会议\n\n来源：市政府办公室　发布时间：2023-04-12 16:30\n\n4月11日，市长主持召开会议。",
            "市政府召开常务会议",
            &["市政府召开常务会议"],
            "4月11日",
        ),
    ];
    for &(text, title, headlines, body) in cases {
        let articles = read_str(text, "one.txt", &ReadOptions::default()).unwrap();
        assert_eq!(articles.len(), 1, "{text}");
        let a = &articles[0];
        assert_eq!(a.id, "one");
        assert_eq!(a.title, title, "{text}");
        assert_eq!(a.headlines, headlines, "{text}");
        assert!(
            a.text
                .chars()
                .skip(a.body_start)
                .collect::<String>()
                .starts_with(body),
            "{text}"
        );
    }
}

#[test]
fn articles_can_move_to_another_thread() {
    fn send<T: Send>() {}
    send::<Articles>();
    send::<Error>();
}

#[test]
fn formats_parse_from_names() {
    let cases = [
        ("text", Format::Text),
        ("MD", Format::Text),
        ("xwlb", Format::Transcript),
        ("ndjson", Format::Jsonl),
        ("html", Format::Html),
    ];
    for (name, want) in cases {
        assert_eq!(name.parse::<Format>(), Ok(want));
    }
    assert!("pdf".parse::<Format>().is_err());
}
