use govkg::extract::extract;
use govkg::lexicon::Lexicon;
use govkg::model::{Article, Date, EntityKind, Node, Relation};
fn main() {
    let lex = Lexicon::builtin().unwrap();
    let mut total = 0;
    let mut ok = 0;
    let mut arts = 0;
    let verbose = std::env::args().any(|a| a == "-v");
    let dirs: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let mut paths: Vec<String> = vec![];
    for d in dirs {
        for e in std::fs::read_dir(&d).unwrap() {
            paths.push(e.unwrap().path().display().to_string());
        }
    }
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let date = path.rsplit('/').next().unwrap()[..8].to_string();
        let pubd = Date::parse(&date);
        let Some(detail) = text.split("## 详细新闻").nth(1) else {
            continue;
        };
        for (k, item) in detail.split("\n### ").enumerate().skip(1) {
            let title = item.lines().next().unwrap_or("").to_string();
            let a = Article {
                id: format!("{date}-{k}"),
                title: title.clone(),
                headlines: vec![title.clone()],
                text: item.to_string(),
                body_start: title.chars().count() + 1,
                published: pubd,
                ..Default::default()
            };
            arts += 1;
            let x = extract(&a, &lex);
            // sentences with 主持会议/主持召开
            let mut sents = std::collections::BTreeSet::new();
            for s in item.split(['。', '\n']) {
                if s.contains("主持会议") || s.contains("主持召开") {
                    sents.insert(s.trim().to_string());
                }
            }
            for s in sents {
                total += 1;
                let clean: String = s.replace(['\n'], "");
                let key: String = clean.chars().take(30).collect();
                let hit = x.facts.iter().any(|f| {
                    f.relation == Relation::Chairs
                        && matches!(&f.subject, Node::Entity(id) if id.kind == EntityKind::Person)
                        && f.evidence.text.contains(&key)
                });
                if hit {
                    ok += 1
                } else if verbose {
                    println!("MISS {s}");
                }
            }
        }
    }
    println!(
        "articles {arts} sentences {total} with person chair {ok} = {:.3}",
        ok as f64 / total.max(1) as f64
    );
}
