#!/usr/bin/env bash
# Checks govkg data against ontology/shapes.ttl with pyshacl (ontology mixed in, RDFS inference),
# one named graph (one article) at a time.
#
#   .ci/shacl.sh FILE...   every graph of each N-Quads (.nq) or TriG (.trig) file must conform
#   .ci/shacl.sh           the fixtures: tests/data/*.nq must conform, and each file of
#                          tests/data/shacl-broken/ must not, which shows the check can fail
#
# The fixtures are written by the unit test store::tests::seed_fixtures_are_current.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! python3 -c 'import pyshacl' 2>/dev/null; then
    pip install --quiet pyshacl
fi

check() {
    python3 .ci/shacl_graphs.py ontology/shapes.ttl ontology/govkg.ttl "$@"
}

if [ "$#" -gt 0 ]; then
    check "$@"
    exit
fi

status=0
for file in tests/data/*.nq; do
    check "$file" || status=1
done
for file in tests/data/shacl-broken/*; do
    if check --quiet "$file"; then
        echo "$file conforms, but it was broken on purpose: the shapes miss what it breaks" >&2
        status=1
    else
        echo "$file: does not conform, as intended"
    fi
done
exit "$status"
