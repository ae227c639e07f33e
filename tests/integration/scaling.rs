//! Extraction stays linear on adversarial text: a very long sentence, a list of ten thousand
//! names, brackets nested ten thousand deep, one character repeated. Each shape is extracted at
//! a size and at eight times that size; the larger must still give what the smaller gives, and
//! the time both took is printed (not asserted: the machine is shared). A quadratic step shows
//! as the larger size taking 64 times longer (before the fix, a 310 000-character sentence took
//! four minutes), a hang as the test never ending; `GOVKG_SCALE` multiplies the sizes.

use std::sync::OnceLock;
use std::time::Instant;

use govkg::extract::extract;
use govkg::lexicon::Lexicon;
use govkg::model::{Article, Date, Extraction};

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::builtin().expect("built-in lexicons"))
}

fn scale() -> usize {
    std::env::var("GOVKG_SCALE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1)
}

/// Extracts `text` as a dated article, printing how long it took.
fn timed(shape: &str, n: usize, text: String) -> Extraction {
    let article = Article {
        id: format!("{shape}-{n}"),
        published: Date::parse("2022-01-05"),
        text,
        ..Article::default()
    };
    let chars = article.text.chars().count();
    let start = Instant::now();
    let x = extract(&article, lexicon());
    eprintln!(
        "scaling: {shape}, n = {n}, {chars} characters: {:.3} s, {} mentions, {} facts",
        start.elapsed().as_secs_f64(),
        x.mentions.len(),
        x.facts.len()
    );
    x
}

/// `n` distinct two- or three-character names from common surnames and given-name characters.
fn names(n: usize) -> Vec<String> {
    const SURNAMES: &[char] = &['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴'];
    const GIVEN: &[char] = &[
        '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明',
        '超', '秀', '霞', '平', '刚',
    ];
    (0..n)
        .map(|i| {
            let mut s = String::new();
            s.push(SURNAMES[i % SURNAMES.len()]);
            let mut k = i / SURNAMES.len();
            loop {
                s.push(GIVEN[k % GIVEN.len()]);
                k /= GIVEN.len();
                if k == 0 {
                    break;
                }
            }
            s
        })
        .collect()
}

/// A text of `n` units of one shape.
type Shape = fn(usize) -> String;

/// The shapes, each named.
fn shapes() -> Vec<(&'static str, Shape)> {
    vec![
        // One sentence of clauses, never ended: sentence-level rules see it all at once.
        ("long sentence", |n| {
            "省委书记林武主持召开省委常委会会议，副省长于英杰通报有关情况，".repeat(n)
        }),
        // Ten thousand names after one title, as an attendance list.
        ("list of names", |n| {
            format!("出席会议的省领导有{}。", names(n).join("、"))
        }),
        // Brackets nested n deep around a chair.
        ("nested brackets", |n| {
            format!(
                "{}省委书记林武主持召开会议{}。",
                "（《【“(".repeat(n),
                ")”】》）".repeat(n)
            )
        }),
        // Opened and never closed.
        ("unclosed brackets", |n| {
            format!("{}省委书记林武主持召开会议。", "（《".repeat(n))
        }),
        // A bracket never closed, before many sentences: each stop asks whether it closes.
        ("bracket before sentences", |n| {
            format!("（{}", "省委书记林武主持召开会议。".repeat(n))
        }),
        // One character, no punctuation.
        ("one character", |n| "林".repeat(n)),
    ]
}

#[test]
fn extraction_stays_linear_on_adversarial_text() {
    let n = 1250 * scale();
    for (shape, make) in shapes() {
        let small = timed(shape, n, make(n));
        let large = timed(shape, 8 * n, make(8 * n));
        // What the small text gives, the large one gives too: eight times over where the text
        // repeats it.
        let times = if shape == "long sentence" || shape == "bracket before sentences" {
            8
        } else {
            1
        };
        assert!(
            large.mentions.len() >= small.mentions.len() * times,
            "{shape}: {} mentions at {n}, {} at {}",
            small.mentions.len(),
            large.mentions.len(),
            8 * n
        );
        if shape == "list of names" {
            assert!(
                large.mentions.len() >= 8 * n * 9 / 10,
                "{shape}: {} of {} names found",
                large.mentions.len(),
                8 * n
            );
        }
        if shape.contains("bracket") {
            assert!(
                large.mentions.iter().any(|m| m.text == "林武"),
                "{shape}: 林武 not found"
            );
        }
    }
}
