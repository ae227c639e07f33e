//! `govkg diagram`: DOT, SVG and PNG of the seed graph and of the bundled transcripts, labels
//! that cannot break the DOT, the cap on nodes, and the message when `dot` is missing.

use crate::util::{govkg, ok_on, on_store, seed_store, stderr, stdout, xwlb_store, TempDir};

fn diagram(store: &std::path::Path, args: &[&str]) -> std::process::Output {
    let args: Vec<&str> = ["diagram"].iter().chain(args).copied().collect();
    on_store(store, &args)
}

#[test]
fn the_seed_graph_draws_as_svg_and_png_with_chinese_labels() {
    let dir = TempDir::new("diagram-seed");
    let store = seed_store(&dir);
    let svg_path = dir.join("seed.svg");
    let png_path = dir.join("seed.png");
    for path in [&svg_path, &png_path] {
        let out = diagram(&store, &["--all", "-o", path.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert!(svg.contains("<svg"), "{svg}");
    // Names, the legend and relation words, in Chinese.
    for text in [
        "林武", "韦韬", "图例", "人物", "机构", "活动", "主持", "出席", "传达",
    ] {
        assert!(svg.contains(text), "{text} missing from the SVG");
    }
    let png = std::fs::read(&png_path).unwrap();
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
    assert!(png.len() > 10_000, "a PNG of {} bytes", png.len());
    // English relation words and legend with --lang en.
    let out = diagram(&store, &["--all", "--lang", "en", "--format", "svg"]);
    let svg = stdout(&out);
    assert!(svg.contains("Legend") && svg.contains("chairs"), "{svg}");
}

#[test]
fn a_diagram_around_a_person_or_an_event() {
    let dir = TempDir::new("diagram-center");
    let store = seed_store(&dir);
    let dot = stdout(&ok_on(
        &store,
        &["diagram", "--center", "韦韬", "--depth", "1", "-f", "dot"],
    ));
    assert!(dot.starts_with("digraph"), "{dot}");
    assert!(
        dot.contains("penwidth=\"2.5\""),
        "the centre is drawn bold: {dot}"
    );
    assert!(
        dot.contains("九十三次会议") && dot.contains("太原市委"),
        "{dot}"
    );
    // One step from 韦韬: not 张新伟, who is two steps away.
    assert!(!dot.contains("张新伟"), "{dot}");
    // An event named loosely, as `ask` takes it.
    let dot = stdout(&ok_on(&store, &["diagram", "--event", "the 58th meeting"]));
    assert!(dot.contains("林武") && dot.contains("汤志平"), "{dot}");
    // Events stand in one column by date.
    assert!(dot.contains("rank=same"), "{dot}");
}

#[test]
fn large_graphs_are_cut_and_say_what_was_left_out() {
    let dir = TempDir::new("diagram-cap");
    let store = seed_store(&dir);
    let dot = stdout(&ok_on(&store, &["diagram", "--all", "--max-nodes", "5"]));
    let shown = dot.matches("tooltip=").count();
    assert_eq!(shown, 5, "{dot}");
    assert!(dot.contains("只显示连接最多的 5 个节点"), "{dot}");
    let dot = stdout(&ok_on(
        &store,
        &["diagram", "--all", "--max-nodes", "5", "--lang", "en"],
    ));
    assert!(dot.contains("Showing the 5 most connected nodes"), "{dot}");
}

#[test]
fn names_with_quotes_backslashes_and_newlines_cannot_break_the_dot() {
    let dir = TempDir::new("diagram-escape");
    let store = seed_store(&dir);
    let before = stdout(&ok_on(&store, &["diagram", "--all", "-f", "svg"]));
    // 韦韬 renamed to what breaks naive DOT writers (as a store edited by hand may hold).
    let nasty = "韦\"韬\\\n}; n0 -> n1 [label=\"x";
    {
        let s = govkg::store::Store::open(&store).unwrap();
        s.update(&format!(
            "DELETE {{ GRAPH ?g {{ ?p <{pref}> ?l }} }} INSERT {{ GRAPH ?g {{ ?p <{pref}> {nasty} }} }} WHERE {{ GRAPH ?g {{ ?p <{pref}> ?l FILTER(STR(?l) = \"韦韬\") }} }}",
            pref = govkg::vocab::skos::PREF_LABEL.as_str(),
            nasty = govkg::sparql::literal(nasty),
        ))
        .unwrap();
    }
    let out = diagram(&store, &["--all", "-f", "svg"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let svg = stdout(&out);
    // The name is drawn as it is (quote and backslash, the line break as a second line) …
    assert!(svg.contains("韦&quot;韬\\"), "{svg}");
    assert!(svg.contains("}; n0 &#45;&gt; n1 [label=&quot;x"), "{svg}");
    // … and injected nothing: the same nodes and edges as before.
    for class in ["class=\"node\"", "class=\"edge\""] {
        assert_eq!(
            svg.matches(class).count(),
            before.matches(class).count(),
            "{class}"
        );
    }
}

#[test]
fn a_missing_dot_is_named_with_the_package_to_install() {
    let dir = TempDir::new("diagram-nodot");
    let store = seed_store(&dir);
    let empty = dir.join("empty-path");
    std::fs::create_dir_all(&empty).unwrap();
    let without_dot = |format: &str| {
        govkg()
            .env("PATH", &empty)
            .arg("--store")
            .arg(&store)
            .args(["diagram", "--all", "-f", format])
            .output()
            .unwrap()
    };
    let out = without_dot("svg");
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("`dot`") && err.contains("graphviz"), "{err}");
    // DOT needs no Graphviz.
    let out = without_dot("dot");
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn two_hops_around_a_chair_of_the_transcripts() {
    let dir = TempDir::new("diagram-xwlb");
    let store = xwlb_store(&dir);
    let png = dir.join("likeqiang.png");
    let out = diagram(
        &store,
        &[
            "--center",
            "李克强",
            "--depth",
            "2",
            "-o",
            png.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    let dot = stdout(&diagram(&store, &["--center", "李克强", "--depth", "2"]));
    assert!(dot.contains("国务院常务会议"), "{dot}");
}
