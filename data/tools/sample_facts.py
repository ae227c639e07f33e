#!/usr/bin/env python3
"""Draws distinct facts at random from a govkg JSON Lines extraction, for judging by eye.

Usage: sample_facts.py EXTRACTION.jsonl [--n 30] [--seed 11] [--predicates chairs,attends]
Prints one fact a line: number, subject, predicate, object (entity labels), the article's
headline and the evidence sentence. The same file, seed and n give the same sample.
"""
import json, random, sys

def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default

def main():
    path = sys.argv[1]
    n, seed = int(arg("--n", "30")), int(arg("--seed", "11"))
    preds = set(arg("--predicates", "chairs,attends").split(","))
    rows = [json.loads(l) for l in open(path, encoding="utf-8")]
    label = {r["id"]: r["label"] for r in rows if r["kind"] == "entity"}
    title = {r["id"]: r["title"] for r in rows if r["kind"] == "article"}
    seen, facts = set(), []
    for r in rows:
        if r["kind"] != "fact" or r["predicate"] not in preds:
            continue
        key = (r["subject"], r["predicate"], r["object"])
        if key not in seen:
            seen.add(key)
            facts.append(r)
    random.seed(seed)
    for i, f in enumerate(random.sample(facts, min(n, len(facts))), 1):
        print(f"{i}\t{label.get(f['subject'])}\t{f['predicate']}\t{label.get(f['object'])}"
              f"\t| headline: {title.get(f['article'])} | sentence: {f['evidence']}")

if __name__ == "__main__":
    main()
