//! Test support: the seed's first article extracted by hand, which the tests of the RDF writer,
//! the store, the exports, the graph view, the server and push share.

use crate::model::*;
use crate::relation::Relation;

pub(crate) const ARTICLE: &str = "A1";

/// Offsets of the first occurrence of `needle` in `text`, in characters.
pub(crate) fn chars_of(text: &str, needle: &str) -> (usize, usize) {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not in text"));
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

fn evidence(text: &str, sentence: usize, needle: &str) -> Evidence {
    let (start, end) = chars_of(text, needle);
    Evidence {
        article: ARTICLE.into(),
        sentence,
        text: needle.into(),
        start,
        end,
    }
}

/// The seed's first article: 林武 chairs the 58th meeting, 蓝佛安 instructs, 于英杰 reports,
/// ten attend, two posts of 林武's, 杨文 the journalist.
pub(crate) fn seed() -> Extraction {
    let text = "林武主持召开省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议强调\n\
        本报讯 (山西日报记者 杨文)1月4日,省委书记、省新冠肺炎疫情防控工作领导小组组长林武主持召开\
        省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议,听取常态化疫情防控和应急演练情况汇报。\
        省委副书记、省长、省疫情防控工作领导小组组长蓝佛安提出具体要求。\
        省委副书记商黎光,省领导张吉福、李凤岐、吴伟、卢东亮、韦韬、张复明、贺天才、孙洪山、汤志平出席会议。\
        副省长于英杰通报有关情况。";
    let s1 = "1月4日,省委书记、省新冠肺炎疫情防控工作领导小组组长林武主持召开\
        省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议,听取常态化疫情防控和应急演练情况汇报。";
    let s2 = "省委副书记、省长、省疫情防控工作领导小组组长蓝佛安提出具体要求。";
    let s3 = "省委副书记商黎光,省领导张吉福、李凤岐、吴伟、卢东亮、韦韬、张复明、贺天才、孙洪山、汤志平出席会议。";
    let s4 = "副省长于英杰通报有关情况。";
    let date = Date::new(2022, 1, 4);
    let article = Article {
        id: ARTICLE.into(),
        title: "林武主持召开省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议强调".into(),
        headlines: vec![
            "林武主持召开省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议强调".into(),
            "以更大力度更严举措把紧关口 进一步筑牢疫情防控钢铁长城".into(),
        ],
        published: Date::new(2022, 1, 5),
        dateline: date,
        source: Some("山西日报".into()),
        url: None,
        reporters: vec!["杨文".into()],
        text: text.into(),
        body_start: 0,
        jurisdiction: vec!["山西省".into()],
        origin: Origin::default(),
    };
    let meeting = EntityId::new(
        EntityKind::Meeting,
        "省委第五十八次疫情防控专题会暨省疫情防控工作领导小组会议",
    );
    let committee = EntityId::new(EntityKind::Organization, "山西省委");
    let group = EntityId::new(
        EntityKind::Organization,
        "山西省新冠肺炎疫情防控工作领导小组",
    );
    let person = |name: &str| EntityId::new(EntityKind::Person, name);
    let mut entities = Vec::new();
    let mut m = Entity::new(meeting.clone(), meeting.key.clone());
    m.ordinal = Some(58);
    m.date = date;
    m.add_alias("省委第五十八次疫情防控专题会");
    entities.push(m);
    let mut c = Entity::new(committee.clone(), "山西省委");
    c.add_alias("省委");
    entities.push(c);
    let mut g = Entity::new(group.clone(), group.key.clone());
    g.add_alias("省新冠肺炎疫情防控工作领导小组");
    entities.push(g);
    let mut lin = Entity::new(person("林武"), "林武");
    for (written, resolved, role, body) in [
        ("省委书记", "山西省委书记", "书记", &committee),
        (
            "省新冠肺炎疫情防控工作领导小组组长",
            "山西省新冠肺炎疫情防控工作领导小组组长",
            "组长",
            &group,
        ),
    ] {
        lin.posts.push(Post {
            written: written.into(),
            resolved: resolved.into(),
            role: role.into(),
            organization: Some(body.clone()),
            date,
            evidence: evidence(text, 2, s1),
        });
    }
    entities.push(lin);
    let mut facts = Vec::new();
    let fact = |who: &str, relation, trigger: &str, sentence, s: &str| Fact {
        subject: Node::Entity(person(who)),
        relation,
        object: Node::Entity(meeting.clone()),
        trigger: trigger.into(),
        date,
        evidence: evidence(text, sentence, s),
        confidence: Confidence::FULL,
    };
    facts.push(fact("林武", Relation::Chairs, "主持召开", 2, s1));
    facts.push(fact("蓝佛安", Relation::Instructs, "提出具体要求", 3, s2));
    facts.push(fact("于英杰", Relation::Reports, "通报", 5, s4));
    let attendees = [
        "商黎光",
        "张吉福",
        "李凤岐",
        "吴伟",
        "卢东亮",
        "韦韬",
        "张复明",
        "贺天才",
        "孙洪山",
        "汤志平",
    ];
    for name in attendees {
        facts.push(fact(name, Relation::Attends, "出席", 4, s3));
    }
    for name in ["蓝佛安", "于英杰", "杨文"].into_iter().chain(attendees) {
        entities.push(Entity::new(person(name), name));
    }
    facts.push(Fact {
        subject: Node::Entity(person("杨文")),
        relation: Relation::ReportsFor,
        object: Node::Article(ARTICLE.into()),
        trigger: String::new(),
        date,
        evidence: evidence(text, 1, "(山西日报记者 杨文)"),
        confidence: Confidence::FULL,
    });
    facts.push(Fact {
        subject: Node::Entity(committee.clone()),
        relation: Relation::Organizes,
        object: Node::Entity(meeting.clone()),
        trigger: "主持召开".into(),
        date,
        evidence: evidence(text, 2, s1),
        confidence: Confidence::FULL,
    });
    let (start, end) = chars_of(text, "于英杰");
    let mentions = vec![Mention {
        entity: person("于英杰"),
        article: ARTICLE.into(),
        sentence: 5,
        text: "于英杰".into(),
        start,
        end,
    }];
    Extraction {
        article,
        entities,
        mentions,
        facts,
        warnings: Vec::new(),
    }
}
