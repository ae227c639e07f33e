"""Real SPARQL clients against `govkg serve`: SPARQLWrapper (JSON and XML results, a CONSTRUCT
as JSON-LD) and rdflib (SPARQLStore, and the Graph Store Protocol's GET of one article)."""

import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, JSONLD, XML, SPARQLWrapper

GOV = "https://w3id.org/govkg/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
WHO_CHAIRED = f"""
PREFIX gov: <{GOV}>
PREFIX skos: <{SKOS}>
SELECT DISTINCT ?name ?title WHERE {{
  ?chair gov:chairs ?meeting ; skos:prefLabel ?name .
  ?meeting skos:prefLabel ?title .
}}"""
CHAIRS = {("林武", "第五十八次"), ("韦韬", "第九十三次")}


def matches(rows):
    """(name, meeting) pairs of CHAIRS found in rows of (name, title)."""
    return {(n, m) for n, t in rows for (cn, m) in CHAIRS if n == cn and m in t}


def test_sparqlwrapper_gets_the_seed_chairs_in_json_and_xml(govkg_server):
    for fmt in (JSON, XML):
        client = SPARQLWrapper(govkg_server + "/query")
        client.setQuery(WHO_CHAIRED)
        client.setReturnFormat(fmt)
        result = client.query()
        if fmt == JSON:
            assert "sparql-results+json" in result.info()["content-type"]
            data = result.convert()
            rows = [(b["name"]["value"], b["title"]["value"]) for b in data["results"]["bindings"]]
        else:
            assert "sparql-results+xml" in result.info()["content-type"]
            doc = result.convert()
            rows = []
            for r in doc.getElementsByTagName("result"):
                values = {}
                for b in r.getElementsByTagName("binding"):
                    values[b.getAttribute("name")] = b.getElementsByTagName("literal")[0].firstChild.data
                rows.append((values["name"], values["title"]))
        assert matches(rows) == CHAIRS, (fmt, rows)
        assert {n for n, _ in rows} == {"林武", "韦韬"}, (fmt, rows)


def test_sparqlwrapper_post_and_construct_as_json_ld(govkg_server):
    client = SPARQLWrapper(govkg_server + "/query")
    client.setMethod("POST")
    client.setQuery(f"PREFIX gov: <{GOV}> CONSTRUCT {{ ?p gov:chairs ?m }} WHERE {{ ?p gov:chairs ?m }}")
    client.setReturnFormat(JSONLD)
    graph = client.query().convert()
    assert isinstance(graph, rdflib.Graph)
    chairs = {str(s).rsplit("/", 1)[1] for s, _, _ in graph.triples((None, rdflib.URIRef(GOV + "chairs"), None))}
    assert chairs == {"林武", "韦韬"}


def test_rdflib_sparql_store_and_graph_store_get(govkg_server):
    store = SPARQLStore(govkg_server + "/query", returnFormat="xml")
    rows = [(str(n), str(t)) for n, t in store.query(WHO_CHAIRED)]
    assert matches(rows) == CHAIRS, rows
    # One article's graph, as rdflib users fetch graphs: by URL, with content negotiation.
    article = "https://w3id.org/govkg/graph/article/seed_page-1"
    g = rdflib.Graph()
    g.parse(govkg_server + "/store?graph=" + article)
    assert len(g) > 100
    chairs = set(g.subjects(rdflib.URIRef(GOV + "chairs"), None))
    assert [str(c).rsplit("/", 1)[1] for c in chairs] == ["林武"]
