#!/usr/bin/env python3
"""Scores govkg on gold-annotated sets: each file scored on its own with score.py, the counts
summed over the files, as the dev set's README asks.

Usage: score_dev.py GOVKG_BIN SCORE_PY GOLD_DIR [--show]
GOLD_DIR holds NAME.jsonl (the articles) beside NAME.gold.json (their annotation).
"""
import json, os, subprocess, sys, tempfile

def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)

def main(bin_, score, gold_dir, show):
    total = {}
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith(".gold.json"):
            continue
        stem = name[: -len(".gold.json")]
        text = os.path.join(gold_dir, stem + ".jsonl")
        with tempfile.NamedTemporaryFile("w+", suffix=".jsonl") as out:
            subprocess.run([bin_, "extract", text, "--format", "jsonl", "-q"], stdout=out, check=True)
            out.flush()
            gold = os.path.join(gold_dir, name)
            if show:
                subprocess.run([sys.executable, score, gold, out.name])
            res = json.loads(subprocess.run([sys.executable, score, gold, out.name, "--json"],
                                            capture_output=True, text=True, check=True).stdout.splitlines()[0])
        for k, v in res.items():
            t = total.setdefault(k, [0, 0, 0])
            t[0] += v["tp"]; t[1] += v["fp"]; t[2] += v["fn"]
    print(f"{'':14} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for k, (tp, fp, fn) in total.items():
        p, r, f = prf(tp, fp, fn)
        print(f"{k:14} {tp:>4} {fp:>4} {fn:>4} {p:>6.3f} {r:>6.3f} {f:>6.3f}")

if __name__ == "__main__":
    a = [x for x in sys.argv[1:] if not x.startswith("--")]
    main(a[0], a[1], a[2], "--show" in sys.argv)
