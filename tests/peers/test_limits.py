"""`govkg serve`'s guards, seen by an ordinary HTTP client: a read-only server refuses updates
with 403 and the store stays as it was; a query running past --timeout is stopped with 503
and says so; malformed SPARQL gets 400 with the parser's message; the server serves on."""

import urllib.error
import urllib.parse
import urllib.request

from conftest import start_govkg


def request(url, data=None, headers=None):
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def query(base, q, accept="text/csv"):
    return request(base + "/query?" + urllib.parse.urlencode({"query": q}), headers={"Accept": accept})


def quads(base):
    status, body = query(base, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert status == 200, body
    return int(body.splitlines()[1])


def test_read_only_timeout_and_errors(seed_store):
    p, base = start_govkg(seed_store, "--timeout", "1")
    try:
        before = quads(base)
        status, body = request(
            base + "/update",
            data=b"INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }",
            headers={"Content-Type": "application/sparql-update"},
        )
        assert status == 403 and "read-only" in body, body
        status, _ = request(
            base + "/query",
            data=urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        assert status == 403
        assert quads(base) == before

        status, body = query(base, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        assert status == 503 and "timed out" in body, (status, body)

        status, body = query(base, "SELEKT * WHERE { ?s ?p ?o }")
        assert status == 400 and body.startswith("invalid SPARQL query: error at 1:1"), body

        assert quads(base) == before  # still serving
    finally:
        p.stop()
