use govkg::extract::extract;
use govkg::lexicon::Lexicon;
use govkg::model::{Article, Date};
fn main() {
    let lex = Lexicon::builtin().unwrap();
    for s in std::env::args().skip(1) {
        let a = Article {
            id: "t".into(),
            title: String::new(),
            text: s.clone(),
            published: Date::parse("2022-06-01"),
            ..Default::default()
        };
        let x = extract(&a, &lex);
        println!("== {s}");
        for m in &x.mentions {
            println!(
                "  M {:?} {} [{}..{}]",
                m.entity.kind, m.text, m.start, m.end
            );
        }
        for e in &x.entities {
            if !e.posts.is_empty() {
                println!(
                    "  P {} {:?}",
                    e.label,
                    e.posts.iter().map(|p| &p.resolved).collect::<Vec<_>>()
                );
            }
        }
        for f in &x.facts {
            println!(
                "  F {:?} {} {:?} [{}]",
                f.subject, f.relation, f.object, f.trigger
            );
        }
    }
}
