"""`govkg push` into a real oxigraph server on loopback: the external store then answers
SPARQL with the same facts as govkg, holds as many quads, and a second push sends nothing."""

from pathlib import Path

from SPARQLWrapper import JSON, SPARQLWrapper

from conftest import govkg

FACTS = """
PREFIX gov: <https://w3id.org/govkg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?name ?meeting WHERE {
  GRAPH ?g { ?p gov:chairs ?meeting }
  GRAPH ?h { ?p skos:prefLabel ?name }
}"""
QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def select(endpoint, query):
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(JSON)
    data = client.query().convert()
    return {tuple(b[v]["value"] for v in data["head"]["vars"]) for b in data["results"]["bindings"]}


def test_push_copies_the_store_and_resumes(seed_store, oxigraph_server, workdir):
    state = Path(str(seed_store) + ".push-state.tsv")
    proc = govkg("--store", seed_store, "push", "--endpoint", oxigraph_server + "/store")
    assert "pushed 5 graphs" in proc.stderr, proc.stderr
    assert len(state.read_text().splitlines()) == 5
    theirs = select(oxigraph_server + "/query", FACTS)
    ours = {tuple(line.split(",")) for line in govkg(
        "--store", seed_store, "query", FACTS, "--format", "csv").stdout.splitlines()[1:]}
    assert theirs == ours and {n for n, _ in theirs} == {"林武", "韦韬"}, (theirs, ours)
    quads = int(govkg("--store", seed_store, "query", QUADS, "--format", "csv").stdout.splitlines()[1])
    assert select(oxigraph_server + "/query", QUADS) == {(str(quads),)}

    # Nothing changed: nothing sent.
    proc = govkg("--store", seed_store, "push", "--endpoint", oxigraph_server + "/store")
    assert "pushed 0 graphs" in proc.stderr and "5 were there already" in proc.stderr, proc.stderr
    # As if the last graph's request had failed: only it is sent again, and replaces, not adds.
    lines = state.read_text().splitlines()
    state.write_text("\n".join(lines[:-1]) + "\n")
    proc = govkg("--store", seed_store, "push", "--endpoint", oxigraph_server + "/store")
    assert "pushed 1 graphs" in proc.stderr and "4 were there already" in proc.stderr, proc.stderr
    assert select(oxigraph_server + "/query", QUADS) == {(str(quads),)}

    # The same through SPARQL Update, into a fresh record: batches, same result.
    proc = govkg("--store", seed_store, "push", "--protocol", "update", "--batch-size", "500",
                 "--state", workdir / "update-state.tsv", "--endpoint", oxigraph_server + "/update")
    assert "pushed 5 graphs" in proc.stderr, proc.stderr
    assert select(oxigraph_server + "/query", QUADS) == {(str(quads),)}


def test_a_refused_push_shows_status_and_body_and_fails(seed_store, oxigraph_server, workdir):
    # oxigraph's Update endpoint refuses a Graph Store PUT.
    proc = govkg("--store", seed_store, "push", "--state", workdir / "s.tsv",
                 "--endpoint", oxigraph_server + "/nowhere", check=False)
    assert proc.returncode == 1
    assert "HTTP 404" in proc.stderr and "refused request 1" in proc.stderr, proc.stderr
    assert "run the same command again to resume" in proc.stderr
