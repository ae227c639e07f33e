//! Property tests of the readers, the extractor and the RDF mapping on arbitrary input: no
//! panic, every problem named after its input, offsets inside the text, quads that serialise
//! and parse back. These call the library rather than the binary, to try thousands of inputs.
//!
//! `GOVKG_FUZZ_CASES` sets the number of cases per property (default 300, so that CI stays
//! quick); a failure prints the input proptest shrank it to, and is kept under
//! `proptest-regressions/` to be tried first on later runs.

use std::sync::OnceLock;

use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};
use proptest::prelude::*;

use govkg::article::{read_bytes, ReadOptions};
use govkg::extract::extract;
use govkg::lexicon::Lexicon;
use govkg::model::{Article, Date, Origin};
use govkg::{jsonl, rdf};

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::builtin().expect("built-in lexicons"))
}

/// Extracts an article and checks what comes out.
fn check_article(a: &Article, name: &str) {
    let x = extract(a, lexicon());
    let n = a.text.chars().count();
    assert!(a.body_start <= n, "body_start {} > {n}", a.body_start);
    for m in &x.mentions {
        assert!(m.start <= m.end && m.end <= n, "mention {m:?} outside {n}");
    }
    for f in &x.facts {
        let e = &f.evidence;
        assert!(e.start <= e.end && e.end <= n, "evidence {e:?} outside {n}");
    }
    for w in &x.warnings {
        assert!(w.starts_with(name), "warning {w:?} does not name {name}");
    }
    jsonl::article_records(&x);
    // The quads are valid RDF: written as N-Quads, they parse back to themselves.
    let quads = rdf::article_quads(&x);
    let mut w = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
    for q in &quads {
        w.serialize_quad(q).expect("serialise");
    }
    let text = w.finish().expect("finish");
    let back: Vec<_> = RdfParser::from_format(RdfFormat::NQuads)
        .for_slice(&text)
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("quads do not parse back: {e}"));
    assert_eq!(back.len(), quads.len());
}

/// Reads `bytes` as an input called `name` and checks every article and problem.
fn check_input(bytes: Vec<u8>, name: &str, strict: bool) {
    let opts = ReadOptions {
        date: Date::parse("2022-01-05"),
        strict,
        ..ReadOptions::default()
    };
    for item in read_bytes(bytes, name, &opts) {
        match item {
            Ok(a) => {
                assert_eq!(a.origin.path, name);
                check_article(&a, name);
            }
            Err(e) => {
                assert_eq!(e.path(), name);
                assert!(e.to_string().starts_with(name), "{e}");
            }
        }
    }
}

/// Words and marks the readers and the extractor react to, so that random texts reach deep into
/// them: titles, surnames, triggers, meeting words, numerals, brackets, leads, Markdown, JSON,
/// HTML, front matter.
const FRAGMENTS: &[&str] = &[
    "省委书记",
    "省长",
    "副省长",
    "市委",
    "县委",
    "国务院",
    "总理",
    "副总理",
    "中共中央",
    "政治局",
    "常委",
    "委员",
    "人民政府",
    "领导小组",
    "组长",
    "主任",
    "部长",
    "主持召开",
    "主持",
    "召开",
    "出席",
    "会议",
    "常务会议",
    "专题会",
    "暨",
    "第",
    "五十八",
    "九十三",
    "次",
    "林武",
    "李强",
    "蓝佛安",
    "李",
    "王",
    "张",
    "欧阳",
    "司马",
    "同志",
    "强调",
    "指出",
    "会见",
    "、",
    "，",
    "。",
    "；",
    "：",
    "（",
    "）",
    "(",
    ")",
    "《",
    "》",
    "“",
    "”",
    "【",
    "】",
    "1月4日",
    "4日",
    "2022年",
    "今天",
    "本报讯",
    "记者",
    "新华社北京1月4日电",
    "山西日报",
    "太原市",
    "山西省",
    "北京",
    "\n",
    "\n\n",
    "# ",
    "### ",
    "---\n",
    "date: ",
    "title: ",
    "{",
    "}",
    "\"text\": \"",
    "\"",
    "\\",
    "<p>",
    "</p>",
    "<script>",
    "<br>",
    "&nbsp;",
    " ",
    "\u{3000}",
    "\r\n",
    "\u{feff}",
    "\u{fffd}",
    "a",
    "0",
    "9",
    "𠀀",
    "·",
    "-",
    "_",
];

fn fragments() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            8 => proptest::sample::select(FRAGMENTS).prop_map(str::to_owned),
            1 => any::<char>().prop_map(String::from),
        ],
        0..300,
    )
    .prop_map(|parts| parts.concat())
}

fn name() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(
        &[
            "page.txt",
            "item.md",
            "feed.jsonl",
            "page.html",
            "20220105",
            "-",
        ][..],
    )
}

fn config() -> ProptestConfig {
    let cases = std::env::var("GOVKG_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_are_read_without_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..4096),
        name in name(),
        strict in any::<bool>(),
    ) {
        check_input(bytes, name, strict);
    }

    #[test]
    fn arbitrary_text_is_read_and_extracted_without_panic(
        text in prop_oneof![any::<String>(), fragments()],
        name in name(),
    ) {
        check_input(text.clone().into_bytes(), name, false);
        // The same text as a JSON Lines record, in GB18030 and in UTF-16.
        let line = format!("{}\n", serde_json::json!({"id": "x", "date": "2022-01-05", "text": text}));
        check_input(line.clone().into_bytes(), "feed.jsonl", false);
        let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
        check_input(gbk.into_owned(), name, false);
        let utf16: Vec<u8> = format!("\u{feff}{text}")
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        check_input(utf16, name, false);
    }

    #[test]
    fn arbitrary_articles_are_extracted_without_panic(
        text in prop_oneof![1 => any::<String>(), 3 => fragments()],
        body_start in any::<usize>(),
        dated in any::<bool>(),
        reporters in proptest::collection::vec(fragments(), 0..3),
        jurisdiction in proptest::collection::vec(fragments(), 0..2),
    ) {
        let n = text.chars().count();
        let article = Article {
            id: "a".into(),
            body_start: if n == 0 { 0 } else { body_start % (n + 1) },
            published: if dated { Date::parse("2022-01-05") } else { None },
            text,
            reporters,
            jurisdiction,
            origin: Origin { path: "a.txt".into(), line: 1 },
            ..Article::default()
        };
        check_article(&article, "a.txt");
    }
}
