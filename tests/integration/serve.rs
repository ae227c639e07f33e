//! `govkg serve` on the seed store, over real HTTP on loopback: the protocol's answers, the
//! read-only guard, the timeout, the limits, and serving on after errors.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use crate::util::{data, govkg, ok, ok_on, seed_store, stderr, TempDir};

/// A running server, killed when dropped.
struct Server {
    child: Child,
    base: String,
    /// What it wrote to standard error after its first line.
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Starts `govkg serve --port 0 ARGS` on `store` and reads the address it prints.
    fn start(store: &std::path::Path, args: &[&str]) -> Server {
        let mut child = govkg()
            .arg("--store")
            .arg(store)
            .args(["serve", "--port", "0"])
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start govkg serve");
        let stderr = child.stderr.take().expect("stderr");
        let mut lines = BufReader::new(stderr).lines();
        let line = lines
            .next()
            .expect("govkg serve printed nothing")
            .expect("stderr is UTF-8");
        let base = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .trim_end_matches('/')
            // Listening on every address: reach it through loopback.
            .replace("//0.0.0.0:", "//127.0.0.1:");
        // Keep draining stderr so that the server never blocks on a full pipe.
        let log = Arc::new(Mutex::new(Vec::new()));
        let kept = Arc::clone(&log);
        thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                kept.lock().unwrap().push(line);
            }
        });
        Server { child, base, log }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(120)))
        .build()
        .into()
}

/// Status and body of a GET of `/query` with `query`.
fn get_query(server: &Server, query: &str, accept: &str) -> (u16, String) {
    let mut r = agent()
        .get(&server.url("/query"))
        .query("query", query)
        .header("Accept", accept)
        .call()
        .expect("request");
    let status = r.status().as_u16();
    (status, r.body_mut().read_to_string().expect("body"))
}

/// The number of quads in the store, through the server.
fn quads(server: &Server) -> u64 {
    let (status, body) = get_query(
        server,
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        "text/csv",
    );
    assert_eq!(status, 200, "{body}");
    body.lines()
        .nth(1)
        .expect("a row")
        .trim()
        .parse()
        .expect("a count")
}

const WHO_CHAIRED: &str =
    "SELECT DISTINCT ?name WHERE { ?p gov:chairs ?m ; skos:prefLabel ?name } ORDER BY ?name";

#[test]
fn queries_answer_in_the_format_asked_for() {
    let dir = TempDir::new("serve-formats");
    let server = Server::start(&seed_store(&dir), &[]);
    let (status, json) = get_query(&server, WHO_CHAIRED, "application/sparql-results+json");
    assert_eq!(status, 200);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let names: Vec<&str> = json["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .map(|b| b["name"]["value"].as_str().expect("name"))
        .collect();
    assert_eq!(names, ["林武", "韦韬"]);
    let cases = [
        ("application/sparql-results+xml", "<sparql"),
        (
            "text/csv;q=0.9, text/tab-separated-values;q=0.5",
            "name\r\n",
        ),
        ("text/tab-separated-values", "?name\n"),
    ];
    for (accept, start) in cases {
        let (status, body) = get_query(&server, WHO_CHAIRED, accept);
        assert_eq!(status, 200, "{accept}");
        assert!(
            body.contains(start) && body.contains("韦韬"),
            "{accept}: {body}"
        );
    }
    // POST, both ways.
    let mut r = agent()
        .post(&server.url("/query"))
        .header("Content-Type", "application/sparql-query")
        .header("Accept", "text/csv")
        .send(WHO_CHAIRED)
        .expect("post");
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.body_mut().read_to_string().unwrap().contains("林武"));
    let mut r = agent()
        .post(&server.url("/query"))
        .header("Accept", "text/csv")
        .send_form([("query", WHO_CHAIRED)])
        .expect("post form");
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.body_mut().read_to_string().unwrap().contains("林武"));
    // CONSTRUCT as N-Triples, and a graph of the Graph Store Protocol.
    let (status, nt) = get_query(
        &server,
        "CONSTRUCT { ?p gov:chairs ?m } WHERE { ?p gov:chairs ?m }",
        "application/n-triples",
    );
    assert_eq!(status, 200);
    assert_eq!(nt.lines().count(), 2, "{nt}");
    let mut r = agent()
        .get(&server.url("/store"))
        .query("graph", "seed_page-1")
        .header("Accept", "application/n-triples")
        .call()
        .expect("graph store");
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.body_mut().read_to_string().unwrap().lines().count() > 100);
    let r = agent()
        .get(&server.url("/store"))
        .query("graph", "no-such-article")
        .call()
        .expect("graph store");
    assert_eq!(r.status().as_u16(), 404);
    let (status, _) = get_query(&server, WHO_CHAIRED, "image/png");
    assert_eq!(status, 406);
}

#[test]
fn a_read_only_server_refuses_updates_and_the_store_is_unchanged() {
    let dir = TempDir::new("serve-read-only");
    let server = Server::start(&seed_store(&dir), &[]);
    let before = quads(&server);
    let insert = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }";
    let mut r = agent()
        .post(&server.url("/update"))
        .header("Content-Type", "application/sparql-update")
        .send(insert)
        .expect("post");
    assert_eq!(r.status().as_u16(), 403);
    assert!(r.body_mut().read_to_string().unwrap().contains("read-only"));
    let r = agent()
        .post(&server.url("/query"))
        .send_form([("update", insert)])
        .expect("post form");
    assert_eq!(r.status().as_u16(), 403);
    assert_eq!(quads(&server), before);
}

#[test]
fn a_writable_server_applies_updates() {
    let dir = TempDir::new("serve-writable");
    let server = Server::start(&seed_store(&dir), &["--writable"]);
    let before = quads(&server);
    let r = agent()
        .post(&server.url("/update"))
        .header("Content-Type", "application/sparql-update")
        .send("INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }")
        .expect("post");
    assert_eq!(r.status().as_u16(), 204);
    assert_eq!(quads(&server), before + 1);
    // Not from a page of another origin.
    let r = agent()
        .post(&server.url("/update"))
        .header("Content-Type", "application/sparql-update")
        .header("Origin", "http://evil.example")
        .send("CLEAR ALL")
        .expect("post");
    assert_eq!(r.status().as_u16(), 403);
    assert_eq!(quads(&server), before + 1);
}

#[test]
fn a_writable_server_beyond_loopback_needs_a_token() {
    let dir = TempDir::new("serve-unprotected");
    let out = govkg()
        .arg("--store")
        .arg(seed_store(&dir))
        .args(["serve", "--port", "0", "--bind", "0.0.0.0", "--writable"])
        .output()
        .expect("run govkg serve");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("needs a bearer token") && err.contains("--token-file"),
        "{err}"
    );
}

/// Status of a POST of `update` to `/update` with the `Authorization` header given.
fn post_update(server: &Server, update: &str, authorization: Option<&str>) -> u16 {
    let mut request = agent()
        .post(&server.url("/update"))
        .header("Content-Type", "application/sparql-update");
    if let Some(a) = authorization {
        request = request.header("Authorization", a);
    }
    request.send(update).expect("post").status().as_u16()
}

#[test]
fn updates_need_the_token_and_reads_stay_open_unless_asked() {
    let dir = TempDir::new("serve-token");
    let store = seed_store(&dir);
    let token = dir.join("token");
    std::fs::write(&token, "correct-horse-battery\n").unwrap();
    let token = token.to_str().unwrap();
    let insert = "INSERT DATA { GRAPH <urn:x> { <urn:a> <urn:b> <urn:c> } }";
    {
        let server = Server::start(
            &store,
            &["--bind", "0.0.0.0", "--writable", "--token-file", token],
        );
        let before = quads(&server);
        for refused in [
            None,
            Some("Bearer wrong"),
            Some("Basic correct-horse-battery"),
        ] {
            assert_eq!(post_update(&server, insert, refused), 401, "{refused:?}");
        }
        assert_eq!(quads(&server), before, "reads need no token");
        assert_eq!(
            post_update(&server, insert, Some("Bearer correct-horse-battery")),
            204
        );
        assert_eq!(quads(&server), before + 1);
        let log = server.log.lock().unwrap().join("\n");
        assert_eq!(log.matches("refused POST /update").count(), 3, "{log}");
    }
    let server = Server::start(&store, &["--token-file", token, "--token-for-reads"]);
    let (status, _) = get_query(&server, "ASK {}", "application/sparql-results+json");
    assert_eq!(status, 401);
    let r = agent()
        .get(&server.url("/query"))
        .query("query", "ASK {}")
        .header("Authorization", "Bearer correct-horse-battery")
        .call()
        .expect("request");
    assert_eq!(r.status().as_u16(), 200);
}

#[test]
fn bad_requests_get_clear_errors_and_the_server_serves_on() {
    let dir = TempDir::new("serve-errors");
    let server = Server::start(
        &seed_store(&dir),
        &["--timeout", "1", "--max-rows", "50", "--max-body", "2000"],
    );
    let (status, body) = get_query(&server, "SELECT ?x WHERE { ?x }", "*/*");
    assert_eq!(status, 400);
    assert!(
        body.starts_with("invalid SPARQL query: error at 1:"),
        "{body}"
    );
    // A cross product of the store with itself, three times: far beyond a second.
    let (status, body) = get_query(
        &server,
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "*/*",
    );
    assert_eq!(status, 503, "{body}");
    assert!(
        body.contains("timed out") && body.contains("--timeout"),
        "{body}"
    );
    let (status, body) = get_query(&server, "SELECT * WHERE { ?s ?p ?o }", "*/*");
    assert_eq!(status, 400);
    assert!(body.contains("more than 50 rows"), "{body}");
    let big = format!("SELECT * WHERE {{ ?s ?p ?o }} # {}", "x".repeat(5000));
    let r = agent()
        .post(&server.url("/query"))
        .header("Content-Type", "application/sparql-query")
        .send(&big)
        .expect("post");
    assert_eq!(r.status().as_u16(), 413);
    let r = agent()
        .post(&server.url("/query"))
        .header("Content-Type", "text/plain")
        .send("SELECT * {}")
        .expect("post");
    assert_eq!(r.status().as_u16(), 415);
    let r = agent().get(&server.url("/nowhere")).call().expect("get");
    assert_eq!(r.status().as_u16(), 404);
    // After all that, it still answers, to many clients at once.
    let answers: Vec<u16> = thread::scope(|s| {
        let handles: Vec<_> = (0..32)
            .map(|_| s.spawn(|| get_query(&server, WHO_CHAIRED, "text/csv").0))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(answers.iter().all(|s| *s == 200), "{answers:?}");
}

#[test]
fn the_page_and_the_diagram_are_served() {
    let dir = TempDir::new("serve-page");
    let server = Server::start(&seed_store(&dir), &[]);
    let mut r = agent().get(&server.url("/")).call().expect("page");
    assert_eq!(r.status().as_u16(), 200);
    let page = r.body_mut().read_to_string().unwrap();
    assert!(page.contains("Who chaired which meeting") && page.contains("<textarea"));
    let mut r = agent()
        .get(&server.url("/diagram"))
        .query("entity", "https://w3id.org/govkg/id/person/林武")
        .call()
        .expect("diagram");
    assert_eq!(r.status().as_u16(), 200);
    let svg = r.body_mut().read_to_string().unwrap();
    assert!(svg.contains("<svg") && svg.contains("林武"), "{svg}");
    let r = agent()
        .get(&server.url("/diagram"))
        .query("entity", "not an iri")
        .call()
        .expect("diagram");
    assert_eq!(r.status().as_u16(), 400);
}

/// A read-only server reads its store as long as it runs: an ingest beside it is refused with a
/// message saying so, the server serves on from the unchanged store, and once it is stopped the
/// same ingest goes through.
#[test]
fn an_ingest_beside_a_server_is_refused_and_the_server_serves_on() {
    let dir = TempDir::new("serve-ingest");
    let store = seed_store(&dir);
    let ingest = || {
        govkg()
            .arg("--store")
            .arg(&store)
            .args(["ingest", "-q", "--date", "2022-01-05"])
            .arg(data("xwlb"))
            .output()
            .expect("run govkg ingest")
    };
    let server = Server::start(&store, &[]);
    let before = quads(&server);
    let refused = ingest();
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    let message = stderr(&refused);
    assert!(message.contains("is being read"), "{message}");
    assert!(message.contains("stop the server"), "{message}");
    assert!(!message.contains("RocksDB"), "{message}");
    assert_eq!(
        quads(&server),
        before,
        "the refused ingest changed the store"
    );
    drop(server);
    ok(govkg()
        .arg("--store")
        .arg(&store)
        .args(["ingest", "-q", "--date", "2022-01-05"])
        .arg(data("xwlb")));
    let server = Server::start(&store, &[]);
    assert!(quads(&server) > before);
}

/// A bounded load on loopback: 32 clients, each on its own connection, share
/// `GOVKG_LOAD_QUERIES` queries (2 000 by default; 20 000 for the figures in the README), then
/// stop. Every answer must be a 200 with the right body; p50 and p99 latencies are printed,
/// not asserted (the machine is shared).
#[test]
fn thirty_two_clients_get_every_answer_right() {
    let dir = TempDir::new("serve-load");
    let server = Server::start(&seed_store(&dir), &[]);
    let total: usize = std::env::var("GOVKG_LOAD_QUERIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    const CLIENTS: usize = 32;
    let queries = [
        (WHO_CHAIRED, "name\r\n林武\r\n韦韬\r\n"),
        (
            "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p gov:chairs ?m }",
            "n\r\n2\r\n",
        ),
    ];
    let started = std::time::Instant::now();
    let mut latencies: Vec<Duration> = thread::scope(|s| {
        let handles: Vec<_> = (0..CLIENTS)
            .map(|c| {
                let server = &server;
                let queries = &queries;
                s.spawn(move || {
                    let agent = agent();
                    let mut times = Vec::new();
                    for k in (c..total).step_by(CLIENTS) {
                        let (query, want) = queries[k % queries.len()];
                        let t = std::time::Instant::now();
                        let mut r = agent
                            .get(&server.url("/query"))
                            .query("query", query)
                            .header("Accept", "text/csv")
                            .call()
                            .expect("request");
                        let status = r.status().as_u16();
                        let body = r.body_mut().read_to_string().expect("body");
                        times.push(t.elapsed());
                        assert_eq!((status, body.as_str()), (200, want), "query {k}");
                    }
                    times
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a client failed"))
            .collect()
    });
    let wall = started.elapsed();
    assert_eq!(latencies.len(), total);
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    eprintln!(
        "load: {total} queries from {CLIENTS} clients in {:.1} s ({:.0}/s), no errors; \
         p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        wall.as_secs_f64(),
        total as f64 / wall.as_secs_f64(),
        at(0.50).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        latencies[latencies.len() - 1].as_secs_f64() * 1e3
    );
}

/// Status and parsed JSON body of a GET of an `/api/` path with parameters.
fn get_api(server: &Server, path: &str, params: &[(&str, &str)]) -> (u16, serde_json::Value) {
    let mut request = agent().get(&server.url(path));
    for (name, value) in params {
        request = request.query(*name, *value);
    }
    let mut r = request.call().expect("request");
    let status = r.status().as_u16();
    let media = r
        .headers()
        .get("Content-Type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(media.starts_with("application/json"), "{path}: {media}");
    let body = r.body_mut().read_to_string().expect("body");
    let json = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: {e}: {body}"));
    (status, json)
}

/// The JSON API the workbench page uses: search by substring ranked by attestation, a
/// person's and a meeting's profile with their evidence and sources, a question as `govkg ask
/// --format json` answers it; and errors as JSON with the status saying what kind.
#[test]
fn the_json_api_searches_profiles_and_answers() {
    let dir = TempDir::new("serve-api");
    let store = seed_store(&dir);
    let question = "林武主持了哪些会议？";
    let cli: serde_json::Value =
        serde_json::from_slice(&ok_on(&store, &["ask", "--format", "json", question]).stdout)
            .expect("ask prints JSON");
    let server = Server::start(&store, &["--max-rows", "50"]);

    let (status, hits) = get_api(&server, "/api/search", &[("q", "林")]);
    assert_eq!(status, 200, "{hits}");
    let hits = hits.as_array().expect("an array");
    let lin = hits
        .iter()
        .find(|h| h["label"] == "林武")
        .unwrap_or_else(|| panic!("{hits:?}"));
    assert_eq!(lin["type"], "Person");
    assert!(lin["count"].as_u64().unwrap() >= 1);
    assert!(hits
        .windows(2)
        .all(|w| w[0]["count"].as_u64() >= w[1]["count"].as_u64()));
    let (_, limited) = get_api(&server, "/api/search", &[("q", "省"), ("limit", "2")]);
    assert_eq!(limited.as_array().unwrap().len(), 2, "{limited}");

    let id = lin["id"].as_str().unwrap();
    let (status, p) = get_api(&server, "/api/entity", &[("id", id)]);
    assert_eq!(status, 200, "{p}");
    assert_eq!(
        (p["label"].as_str(), p["type"].as_str()),
        (Some("林武"), Some("Person"))
    );
    let posts = p["posts"].as_array().unwrap();
    assert!(
        posts
            .iter()
            .any(|x| x["post"].as_str().unwrap().contains("书记")),
        "{posts:?}"
    );
    let chaired: Vec<_> = p["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["role"] == "chairs")
        .collect();
    assert_eq!(chaired.len(), 1, "{p}");
    let evidence = &chaired[0]["evidence"];
    assert!(
        evidence["sentence"].as_str().unwrap().contains("林武"),
        "{evidence}"
    );
    assert!(
        evidence["title"].is_string() && evidence["date"] == "2022-01-05",
        "{evidence}"
    );

    // The meeting he chaired: its chair and attendees, by role.
    let meeting = chaired[0]["event"].as_str().unwrap();
    let (status, m) = get_api(&server, "/api/entity", &[("id", meeting)]);
    assert_eq!(status, 200, "{m}");
    assert_eq!(m["type"], "Event");
    let participants = m["participants"].as_array().unwrap();
    assert_eq!(participants[0]["label"], "林武");
    assert_eq!(participants[0]["role"], "chairs");
    assert!(
        participants
            .iter()
            .filter(|x| x["role"] == "attends")
            .count()
            >= 3,
        "{m}"
    );

    let (status, answer) = get_api(&server, "/api/ask", &[("q", question)]);
    assert_eq!(status, 200, "{answer}");
    assert_eq!(answer, cli, "the API answers as `govkg ask --format json`");

    // Errors, as JSON: (path, parameters, status, what the message says).
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], u16, &'a str);
    let table: [Case; 6] = [
        ("/api/search", &[], 400, "give ?q="),
        ("/api/entity", &[("id", "not an iri")], 400, "not an IRI"),
        (
            "/api/entity",
            &[("id", "https://w3id.org/govkg/id/person/无此人")],
            404,
            "no person",
        ),
        (
            "/api/ask",
            &[("q", "今天天气怎么样")],
            400,
            "cannot read the question",
        ),
        ("/api/ask", &[("q", "谁主持了不存在的会议？")], 404, ""),
        ("/api/nowhere", &[], 404, "/api/search"),
    ];
    for (path, params, want, says) in table {
        let (status, body) = get_api(&server, path, params);
        assert_eq!(status, want, "{path} {params:?}: {body}");
        let message = body["error"].as_str().unwrap_or_else(|| panic!("{body}"));
        assert!(message.contains(says), "{path}: {message}");
    }
    let r = agent()
        .post(&server.url("/api/search"))
        .send("q=x")
        .expect("post");
    assert_eq!(r.status().as_u16(), 405);
}
