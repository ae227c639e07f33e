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
