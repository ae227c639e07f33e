//! Messy input, as real corpora have it: every encoding a scrape comes in, HTML saved from a
//! browser, empty, binary, truncated and undecodable files, a broken JSON line, an undated
//! article, a large file; and the exit codes the README promises.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use encoding_rs::GB18030;
use serde_json::Value;

use crate::util::{article_ids, by_graph, data, export, govkg, ok, stderr, stdout, TempDir};

/// A short article with a chair and an attendee.
const ARTICLE: &str = "1月4日，国务院总理李强主持召开国务院常务会议。副总理丁薛祥出席会议。\n";

/// `text` as UTF-16 with its byte-order mark (U+FEFF, first like every other character).
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let order = |u: u16| {
        if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        }
    };
    format!("\u{feff}{text}")
        .encode_utf16()
        .flat_map(order)
        .collect()
}

/// The facts of `govkg extract` output as (predicate, subject, object, evidence, date).
fn facts(jsonl: &str) -> BTreeSet<(String, String, String, String, String)> {
    jsonl
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("JSON line"))
        .filter(|r| r["kind"] == "fact")
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or("").to_owned();
            (
                s("predicate"),
                s("subject"),
                s("object"),
                s("evidence"),
                s("date"),
            )
        })
        .collect()
}

#[test]
fn every_encoding_reads_the_same_and_an_undecodable_file_is_skipped_by_name() {
    let dir = TempDir::new("encodings");
    let (gbk, _, unmappable) = GB18030.encode(ARTICLE);
    assert!(!unmappable);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(ARTICLE.as_bytes());
    let jsonl = format!(
        "{}\n",
        serde_json::json!({"id": "gbk-line", "text": ARTICLE})
    );
    let (gbk_jsonl, _, _) = GB18030.encode(&jsonl);
    let jsonl16 = jsonl.replace("gbk-line", "utf16-line");
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("utf8.txt", ARTICLE.as_bytes().to_vec()),
        ("utf8-bom.txt", bom),
        ("utf16le.txt", utf16(ARTICLE, false)),
        ("utf16be.txt", utf16(ARTICLE, true)),
        ("gbk.txt", gbk.into_owned()),
        ("gbk.jsonl", gbk_jsonl.into_owned()),
        ("utf16.jsonl", utf16(&jsonl16, false)),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    let want = facts(&stdout(&ok(govkg()
        .args(["extract", "-q", "--date", "2023-01-05"])
        .arg(dir.join("utf8.txt")))));
    assert_eq!(want.len(), 3, "{want:?}");
    assert!(want
        .iter()
        .any(|f| f.0 == "chairs" && f.1.ends_with("李强")));
    for (name, _) in &files {
        let out = ok(govkg()
            .args(["extract", "-q", "--date", "2023-01-05"])
            .arg(dir.join(name)));
        assert_eq!(facts(&stdout(&out)), want, "{name}");
    }

    // Latin-1 is none of them: named and skipped, the rest of the folder still read.
    std::fs::write(
        dir.join("latin1.txt"),
        b"caf\xe9 au lait \xff, cr\xe8me br\xfbl\xe9e\n",
    )
    .unwrap();
    let out = ok(govkg()
        .args(["extract", "--date", "2023-01-05"])
        .arg(dir.join(".")));
    let err = stderr(&out);
    assert!(
        err.contains("latin1.txt: not UTF-8, UTF-16 or GB18030"),
        "{err}"
    );
    let ids = article_ids(&stdout(&out));
    assert_eq!(ids.len(), files.len(), "{ids:?}");
    // --strict: the same file is fatal.
    let out = govkg()
        .args(["extract", "-q", "--strict", "--date", "2023-01-05"])
        .arg(dir.join("latin1.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("latin1.txt"), "{}", stderr(&out));
}

#[test]
fn a_page_saved_from_a_browser_gives_its_article_without_furniture() {
    // GBK, as the site serves it; scripts, styles, a `div` menu, a breadcrumb, share buttons,
    // related links and a footer around three paragraphs.
    let page = data("html/saved_page.html");
    let out = ok(govkg().args(["extract", "-q", "--format", "nq"]).arg(&page));
    let nq = stdout(&out);
    let out = ok(govkg().args(["extract", "-q"]).arg(&page));
    let records: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let articles: Vec<&Value> = records.iter().filter(|r| r["kind"] == "article").collect();
    assert_eq!(articles.len(), 1, "{articles:?}");
    let a = articles[0];
    assert_eq!(a["title"], "林武主持召开省委第五十八次疫情防控专题会");
    assert_eq!(a["published"], "2022-01-05");
    assert_eq!(a["date"], "2022-01-04");
    assert_eq!(a["source"], "山西日报");
    assert_eq!(a["reporters"], serde_json::json!(["杨文"]));
    // The paragraphs are there, the furniture is not.
    for kept in [
        "听取常态化疫情防控和应急演练情况汇报",
        "一要紧盯疫情形势变化",
        "要压实“四方责任”",
    ] {
        assert!(nq.contains(kept), "{kept} missing");
    }
    for dropped in [
        "统计代码",
        "脚本插入",
        "页脚脚本",
        "float: left",
        "要闻动态",
        "当前位置",
        "分享到",
        "相关新闻",
        "版权所有",
        "晋ICP备",
    ] {
        assert!(!nq.contains(dropped), "{dropped} kept");
    }
    let chairs: Vec<&Value> = records
        .iter()
        .filter(|r| r["kind"] == "fact" && r["predicate"] == "chairs")
        .collect();
    assert!(
        chairs
            .iter()
            .all(|f| f["subject"].as_str().unwrap().ends_with("/林武")),
        "{chairs:?}"
    );
    assert!(!chairs.is_empty());
}

#[test]
fn empty_binary_truncated_and_malformed_inputs_warn_and_the_rest_ingests() {
    let dir = TempDir::new("messy");
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    let line = |id: &str, text: &str| {
        format!(
            "{}\n",
            serde_json::json!({"id": id, "date": "2023-01-05", "text": text})
        )
    };
    let mut lines = String::new();
    for n in 1..=5 {
        lines += &line(&format!("ok-{n}"), ARTICLE);
    }
    // Line 3 broken, line 6 bad UTF-8, line 7 without text, the last cut mid-record.
    let mut jsonl = Vec::new();
    for (k, l) in lines.lines().enumerate() {
        let l = if k == 2 {
            "{\"id\": \"broken\", \"text\": "
        } else {
            l
        };
        jsonl.extend_from_slice(l.as_bytes());
        jsonl.push(b'\n');
    }
    jsonl.extend_from_slice(b"{\"id\": \"bad-bytes\", \"text\": \"\xff\xfe\xfd\"}\n");
    jsonl.extend_from_slice(b"{\"id\": \"no-text\", \"title\": \"t\"}\n");
    jsonl.extend_from_slice(line("last", ARTICLE).as_bytes());
    jsonl.extend_from_slice(&line("cut", ARTICLE).as_bytes()[..30]);
    let files: Vec<(&str, Vec<u8>)> = vec![
        ("a.jsonl", jsonl),
        ("empty.txt", Vec::new()),
        ("blank.md", b" \n\n\t\n".to_vec()),
        (
            "image.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00".to_vec(),
        ),
        ("zeros.html", vec![0; 4096]),
        ("story-20230105.txt", ARTICLE.as_bytes().to_vec()),
    ];
    for (name, bytes) in &files {
        std::fs::write(corpus.join(name), bytes).unwrap();
    }
    let store = dir.join("store");
    let out = ok(govkg()
        .arg("--store")
        .arg(&store)
        .arg("ingest")
        .arg(&corpus));
    let err = stderr(&out);
    let c = corpus.display().to_string();
    for want in [
        format!("{c}/a.jsonl:3: invalid JSON"),
        format!("{c}/a.jsonl:6: not UTF-8 or GB18030"),
        format!("{c}/a.jsonl:7: no \"text\""),
        format!("{c}/a.jsonl:9: invalid JSON"),
        format!("{c}/empty.txt: is empty"),
        format!("{c}/blank.md: is empty"),
        format!("{c}/image.txt: looks binary"),
        format!("{c}/zeros.html: looks binary"),
    ] {
        assert!(err.contains(&want), "{want} not in:\n{err}");
    }
    assert!(!err.contains("panicked"), "{err}");
    // Every warning names its file.
    for w in err.lines().filter(|l| l.starts_with("govkg: warning")) {
        assert!(w.contains(&c), "{w}");
    }
    let stored: BTreeSet<String> = by_graph(&export(&store))
        .into_keys()
        .filter_map(|g| {
            g.strip_prefix(govkg::vocab::graph::ARTICLE)
                .map(str::to_owned)
        })
        .collect();
    let want: BTreeSet<String> = ["ok-1", "ok-2", "ok-4", "ok-5", "last", "story-20230105"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(stored, want);

    // --strict: the first problem stops the run with its file and line.
    let out = govkg()
        .arg("--store")
        .arg(dir.join("strict"))
        .args(["ingest", "-q", "--strict"])
        .arg(corpus.join("a.jsonl"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("a.jsonl:3: invalid JSON"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_undated_article_is_a_warning_and_its_facts_stay_undated() {
    let dir = TempDir::new("undated");
    let input = dir.join("story.txt");
    std::fs::write(&input, ARTICLE).unwrap();
    let out = ok(govkg().arg("extract").arg(&input));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{}:1: article story has no date", input.display())),
        "{err}"
    );
    let facts = facts(&stdout(&out));
    assert_eq!(facts.len(), 3, "{facts:?}");
    assert!(facts.iter().all(|f| f.4.is_empty()), "{facts:?}");
    // Not a problem in the input: --strict goes on.
    ok(govkg().args(["extract", "-q", "--strict"]).arg(&input));
}

#[test]
fn exit_codes_are_as_documented() {
    let dir = TempDir::new("exit-codes");
    let input = dir.join("story.txt");
    std::fs::write(&input, ARTICLE).unwrap();
    let store = dir.join("store");
    let i = input.to_str().unwrap();
    let s = store.to_str().unwrap();
    let cases: &[(&[&str], i32)] = &[
        (&["extract", "-q", i], 0),
        (&["--store", s, "ingest", "-q", i], 0),
        (&["--store", s, "who-chaired"], 0),
        (&["--store", s, "export", "--format", "nq"], 0),
        (&["--store", s, "export"], 2),
        (&["extract", "-q", "nowhere.txt"], 1),
        (&["--store", s, "query", "SELECT nonsense"], 1),
        (&["--store", "no-such-store", "who-chaired"], 1),
        (&[], 2),
        (&["frobnicate"], 2),
        (&["extract"], 2),
        (&["extract", "--no-such-option", i], 2),
        (&["extract", "--date", "2022-13-45", i], 2),
        (&["extract", "--format", "xml", i], 2),
    ];
    for (args, code) in cases {
        let out = govkg()
            .args(*args)
            .current_dir(dir.join("."))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(*code), "{args:?}: {}", stderr(&out));
        assert!(
            !stderr(&out).contains("panicked"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

/// Peak resident memory of a running child, read from /proc until it exits.
fn peak_rss_kb(cmd: &mut Command) -> u64 {
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    loop {
        if let Ok(text) = std::fs::read_to_string(&status) {
            if let Some(kb) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            {
                peak = peak.max(kb);
            }
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    peak
}

/// A JSON Lines corpus of about `mb` megabytes: the items of the bundled transcripts, repeated
/// under new ids.
fn write_corpus(path: &Path, mb: usize) -> usize {
    use std::io::Write;
    let mut items = Vec::new();
    for day in ["20220104", "20220228", "20230615"] {
        let text = std::fs::read_to_string(data(&format!("xwlb/{day}.md"))).unwrap();
        let date = format!("{}-{}-{}", &day[..4], &day[4..6], &day[6..]);
        for item in text.split("\n### ").skip(1) {
            items.push((date.clone(), item.to_owned()));
        }
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let (mut size, mut n) = (0, 0);
    while size < mb << 20 {
        let (date, text) = &items[n % items.len()];
        let line = format!(
            "{}\n",
            serde_json::json!({"id": format!("big-{n}"), "date": date, "text": text})
        );
        out.write_all(line.as_bytes()).unwrap();
        size += line.len();
        n += 1;
    }
    out.flush().unwrap();
    n
}

/// A large JSON Lines file is streamed: memory does not grow with it. Runs extraction to
/// N-Quads on 8 MB and on 32 MB (`GOVKG_BIG_MB` to change, e.g. 1024) and compares peaks.
#[test]
fn a_large_file_is_streamed_in_bounded_memory() {
    let dir = TempDir::new("large");
    let big_mb: usize = std::env::var("GOVKG_BIG_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32);
    let small_mb = (big_mb / 4).max(1);
    let mut peaks = Vec::new();
    for mb in [small_mb, big_mb] {
        let input = dir.join(&format!("{mb}mb.jsonl"));
        let articles = write_corpus(&input, mb);
        let kb = peak_rss_kb(
            govkg()
                .args(["extract", "-q", "--format", "nq", "-o", "/dev/null"])
                .arg(&input),
        );
        eprintln!("{mb} MB, {articles} articles: peak RSS {} MB", kb >> 10);
        peaks.push(kb);
        std::fs::remove_file(&input).unwrap();
    }
    let grown_mb = peaks[1].saturating_sub(peaks[0]) >> 10;
    // Read whole, the text alone would add (big - small) MB, twice over once decoded.
    assert!(
        (grown_mb as usize) < (big_mb - small_mb) / 2,
        "peak RSS grew by {grown_mb} MB from {small_mb} MB to {big_mb} MB of input"
    );
}
