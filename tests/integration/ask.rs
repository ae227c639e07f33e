//! `govkg ask` on the store of the seed page: each question form in Chinese and English, the
//! evidence sentence, `--format json`, `--sparql`, and questions it cannot read.

use serde_json::Value;

use crate::util::{ok_on, on_store, seed_store, stderr, stdout, TempDir};

/// Runs `govkg ask QUESTION ARGS…` on `store`.
fn ask(store: &std::path::Path, question: &str, args: &[&str]) -> std::process::Output {
    let args: Vec<&str> = ["ask", question].iter().chain(args).copied().collect();
    on_store(store, &args)
}

fn json(store: &std::path::Path, question: &str) -> Value {
    let out = ask(store, question, &["--format", "json"]);
    assert!(out.status.success(), "{question}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("ask --format json prints JSON")
}

/// The values of `key` in the answers, sorted.
fn values(answer: &Value, key: &str) -> Vec<String> {
    let mut v: Vec<String> = answer["answers"]
        .as_array()
        .expect("answers")
        .iter()
        .filter_map(|a| a[key].as_str().map(str::to_string))
        .collect();
    v.sort();
    v
}

#[test]
fn who_chaired_the_58th_meeting_is_lin_wu_with_the_sentence() {
    let dir = TempDir::new("ask-chair");
    let store = seed_store(&dir);
    let out = ok_on(&store, &["ask", "谁主持了省委第五十八次疫情防控专题会？"]);
    let text = stdout(&out);
    assert!(
        text.contains("林武") && text.contains("2022-01-04"),
        "{text}"
    );
    assert!(
        text.contains("林武主持召开省委第五十八次疫情防控专题会"),
        "{text}"
    );
    assert!(!text.contains("韦韬"), "{text}");
    // The same in English, the meeting by its ordinal.
    let a = json(&store, "Who chaired the 58th meeting?");
    assert_eq!(values(&a, "person_label"), ["林武"], "{a}");
    assert_eq!(a["language"], "en");
}

#[test]
fn what_wei_tao_chaired_is_the_93rd_meeting_of_the_city_group() {
    let dir = TempDir::new("ask-chaired");
    let store = seed_store(&dir);
    let a = json(&store, "韦韬主持了哪些会议");
    let meetings = values(&a, "event_label");
    assert_eq!(meetings.len(), 1, "{a}");
    assert!(
        meetings[0].contains("市疫情防控工作领导小组第九十三次会议"),
        "{meetings:?}"
    );
    let evidence = a["answers"][0]["evidence"]["sentence"].as_str().unwrap();
    assert!(evidence.contains("韦韬主持召开"), "{evidence}");
    let a = json(&store, "What did 林武 chair?");
    assert!(values(&a, "event_label")[0].contains("第五十八次"), "{a}");
}

#[test]
fn the_58th_meeting_had_ten_attendees() {
    let dir = TempDir::new("ask-attended");
    let store = seed_store(&dir);
    let a = json(&store, "Who attended the 58th meeting?");
    let attendees: Vec<&str> = a["answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["role"] == "attendee")
        .filter_map(|r| r["person_label"].as_str())
        .collect();
    assert_eq!(attendees.len(), 10, "{attendees:?}");
    for name in ["商黎光", "张吉福", "韦韬", "汤志平"] {
        assert!(attendees.contains(&name), "{name} missing: {attendees:?}");
    }
    // Loose names of the same meeting find the same people.
    for question in ["谁出席了省委第五十八次专题会议？", "谁出席了第五十八次会议"]
    {
        let b = json(&store, question);
        assert_eq!(
            values(&b, "person_label"),
            values(&a, "person_label"),
            "{question}"
        );
    }
}

#[test]
fn lan_fo_an_holds_three_posts() {
    let dir = TempDir::new("ask-posts");
    let store = seed_store(&dir);
    let a = json(&store, "蓝佛安担任什么职务？");
    let posts = values(&a, "post");
    assert_eq!(
        posts,
        ["省委副书记", "省疫情防控工作领导小组组长", "省长"],
        "{a}"
    );
    let text = stdout(&ok_on(&store, &["ask", "What posts does 蓝佛安 hold?"]));
    assert!(
        text.contains("山西省人民政府") && text.contains("提出具体要求"),
        "{text}"
    );
}

#[test]
fn shared_meetings_and_relays_are_answered() {
    let dir = TempDir::new("ask-shared");
    let store = seed_store(&dir);
    let a = json(&store, "林武和韦韬一起参加过哪些会议？");
    let text = a.to_string();
    assert!(text.contains("第五十八次"), "{text}");
    assert!(!text.contains("第九十三次"), "{text}");
    let a = json(&store, "哪些会议传达了省委第五十八次专题会议的精神？");
    let text = a.to_string();
    assert!(
        text.contains("第九十三次会议") && text.contains("传达贯彻"),
        "{text}"
    );
}

#[test]
fn sparql_prints_the_query_that_runs_as_it_is() {
    let dir = TempDir::new("ask-sparql");
    let store = seed_store(&dir);
    let out = ok_on(&store, &["ask", "--sparql", "谁主持了第九十三次会议"]);
    let text = stdout(&out);
    assert!(text.starts_with("PREFIX "), "{text}");
    // The printed query, run by `govkg query`, gives the same chair.
    let a = json(&store, "谁主持了第九十三次会议");
    let sparql = a["sparql"].as_str().unwrap();
    let out = ok_on(&store, &["query", sparql, "--format", "tsv"]);
    assert!(stdout(&out).contains("韦韬"), "{}", stdout(&out));
}

#[test]
fn questions_outside_the_forms_get_the_forms_not_a_guess() {
    let dir = TempDir::new("ask-unknown");
    let store = seed_store(&dir);
    let out = ask(&store, "今天天气怎么样？", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("谁主持了") && err.contains("Who attended"),
        "{err}"
    );
    // A meeting the store does not have: exit 1 and a message naming what was asked.
    let out = ask(&store, "谁主持了第九十九次常务会议？", &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stderr(&out).contains("第九十九次"), "{}", stderr(&out));
}
