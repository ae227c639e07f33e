#!/usr/bin/env python3
"""Derive data/clause_verbs.txt from jieba's dictionary: verbs no organisation's name holds.

Source: jieba 0.42.1 (PyPI, MIT licence), file jieba/dict.txt (`word freq tag` lines).

govkg uses the list to see where the name of a school, a hospital or a company starts when
the words before its suffix are read back from it: a verb between a place and the suffix
makes the words a clause (`该市|开办|…学校`, `…|接连发生|…医院`), and the name starts after
it. Verbs that organisation names do hold (`中国扶贫基金会`, `世界卫生组织`, `国家开发银行`)
are left out: a verb is kept only if it is inside no organisation name jieba lists (tag nt),
no body of data/bodies.tsv and no suffix of data/org_suffixes.tsv.

Method: entries of Han characters only, all in GB 2312 (simplified), tagged v, two to four
characters long, seen at least MIN_FREQ times, and not inside any such name.

Usage:
    python3 data/tools/make_clause_verbs.py path/to/jieba/dict.txt data > data/clause_verbs.txt
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_vocabulary import entries, print_word_list  # noqa: E402

MIN_FREQ = 100


def first_column(path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield line.split("\t")[0].strip()


def main(dict_path, data_dir):
    rows = list(entries(dict_path))
    names = [w for w, _, tag in rows if tag == "nt"]
    names += first_column(os.path.join(data_dir, "bodies.tsv"))
    names += first_column(os.path.join(data_dir, "org_suffixes.tsv"))
    verbs = {w for w, freq, tag in rows if tag == "v" and 2 <= len(w) <= 4 and freq >= MIN_FREQ}
    kept = [w for w in verbs if not any(w in n for n in names)]
    print_word_list(
        [
            "Verbs no organisation's name holds, to see where a school's, a hospital's or a",
            "company's name starts (该市|开办|…学校).",
        ],
        kept,
        "make_clause_verbs.py",
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
