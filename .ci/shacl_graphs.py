"""Validates each named graph of an N-Quads or TriG file against govkg's SHACL shapes.

govkg writes one named graph per article, and an article is the unit that must be consistent:
the same person may carry different labels in two articles, so the merged graph is not checked.
Usage: shacl_graphs.py SHAPES ONTOLOGY [--quiet] FILE...
Exit status: 0 when every graph conforms, 1 when one does not, 2 on a usage or read error.
"""

import sys

from pyshacl import validate
from rdflib import Dataset, Graph


def formats(path):
    if path.endswith(".nq"):
        return "nquads"
    if path.endswith(".trig"):
        return "trig"
    raise ValueError(f"{path}: expected a .nq or .trig file")


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    shapes_path, ontology_path, *rest = argv[1:]
    quiet = "--quiet" in rest
    files = [f for f in rest if f != "--quiet"]
    shapes = Graph().parse(shapes_path, format="turtle")
    ontology = Graph().parse(ontology_path, format="turtle")
    failed = 0
    for path in files:
        try:
            dataset = Dataset()
            dataset.parse(path, format=formats(path))
        except Exception as e:  # noqa: BLE001 - any parse failure is a read error for the caller
            print(f"{path}: cannot read: {e}", file=sys.stderr)
            return 2
        graphs = [g for g in dataset.graphs() if len(g) > 0]
        bad = 0
        for graph in sorted(graphs, key=lambda g: str(g.identifier)):
            data = Graph()
            for triple in graph:
                data.add(triple)
            conforms, _, report = validate(
                data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs"
            )
            if not conforms:
                bad += 1
                if not quiet:
                    print(f"{path}: graph <{graph.identifier}> does not conform:\n{report}")
        print(f"{path}: {len(graphs) - bad} of {len(graphs)} graphs conform")
        failed += bad
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
