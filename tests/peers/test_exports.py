"""`govkg export` read back by rdflib: Turtle, N-Triples, N-Quads, TriG and JSON-LD hold as many
triples (or quads) as the store does."""

import rdflib

from conftest import govkg


def count(store, query):
    out = govkg("--store", store, "query", query, "--format", "csv").stdout
    return int(out.splitlines()[1])


def test_exports_load_into_rdflib_with_the_stores_counts(seed_store, workdir):
    quads = count(seed_store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    triples = count(
        seed_store,
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }",
    )
    graphs = count(seed_store, "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert quads > triples > 1000 and graphs == 5  # four articles and the ontology
    for fmt, rdflib_format, graph_aware in [
        ("ttl", "turtle", False),
        ("nt", "nt", False),
        ("nq", "nquads", True),
        ("trig", "trig", True),
        ("jsonld", "json-ld", True),
    ]:
        path = workdir / f"seed.{fmt}"
        govkg("--store", seed_store, "export", "--format", fmt, "-o", path)
        if graph_aware:
            ds = rdflib.Dataset()
            ds.parse(path, format=rdflib_format)
            # Every non-empty graph, the default one included: the named graphs only.
            named = [g for g in ds.graphs() if len(g) > 0]
            assert len(named) == graphs, fmt
            assert sum(len(g) for g in named) == quads, fmt
        else:
            g = rdflib.Graph()
            g.parse(path, format=rdflib_format)
            assert len(g) == triples, fmt


def test_one_article_exports_its_graph(seed_store, workdir):
    iri = "https://w3id.org/govkg/graph/article/seed_page-2"
    n = count(seed_store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
    path = workdir / "one.jsonld"
    govkg("--store", seed_store, "export", "--format", "jsonld", "--graph", "seed_page-2", "-o", path)
    ds = rdflib.Dataset()
    ds.parse(path, format="json-ld")
    assert len(ds.graph(rdflib.URIRef(iri))) == n


def test_network_exports_load_into_networkx_with_the_stores_counts(seed_store, workdir):
    import csv

    import networkx as nx

    # Every relation the graph view draws an edge for is a distinct (subject, relation, object)
    # of the store: count the people's roles at events the store states.
    chairs = count(
        seed_store,
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?o WHERE { GRAPH ?g { ?s gov:chairs ?o } } }",
    )
    attends = count(
        seed_store,
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?o WHERE { GRAPH ?g { ?s gov:attends ?o } } }",
    )
    present = count(
        seed_store,
        "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH ?g { ?p gov:chairs|gov:attends ?m } }",
    )
    assert chairs > 0 and attends > chairs and present > 10
    graphs = {}
    for fmt, read in [("graphml", nx.read_graphml), ("gexf", lambda p: nx.read_gexf(p, version="1.3"))]:
        path = workdir / f"seed.{fmt}"
        govkg("--store", seed_store, "export", "--format", fmt, "-o", path)
        g = read(path)
        graphs[fmt] = g
        assert g.is_directed(), fmt
        kinds = [d.get("kind") for _, _, d in g.edges(data=True)]
        assert kinds.count("chairs") == chairs, fmt
        assert kinds.count("attends") == attends, fmt
        at_events = {u for u, _, d in g.edges(data=True) if d.get("kind") in ("chairs", "attends")}
        assert len(at_events) == present, fmt
        assert all(g.nodes[u]["type"] == "person" for u in at_events), fmt
        # Every edge has its evidence; nodes are the store's IRIs.
        assert all(d.get("evidence") for _, _, d in g.edges(data=True) if d.get("kind") == "chairs"), fmt
        assert all(n.startswith("https://w3id.org/govkg/") for n in g.nodes), fmt
    a, b = graphs["graphml"], graphs["gexf"]
    assert a.number_of_nodes() == b.number_of_nodes()
    assert a.number_of_edges() == b.number_of_edges()

    # The co-attendance network: the same pairs and weights as the CSV edge list.
    csv_out = govkg("--store", seed_store, "graph", "co-attend", "--format", "csv").stdout
    rows = list(csv.DictReader(csv_out.splitlines()))
    assert len(rows) > 10
    want = {frozenset((r["a_iri"], r["b_iri"])): int(r["shared"]) for r in rows}
    for fmt, read in [("graphml", nx.read_graphml), ("gexf", lambda p: nx.read_gexf(p, version="1.3"))]:
        path = workdir / f"co.{fmt}"
        out = govkg("--store", seed_store, "graph", "co-attend", "--format", fmt).stdout
        path.write_text(out, encoding="utf-8")
        g = read(path)
        assert not g.is_directed(), fmt
        got = {frozenset((u, v)): int(d["weight"]) for u, v, d in g.edges(data=True)}
        assert got == want, fmt
