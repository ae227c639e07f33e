#!/usr/bin/env python3
"""Derive data/connectives.txt from jieba's dictionary: the prepositions and conjunctions of two
characters (根据, 按照, 关于, 以及, 同时).

Source: jieba 0.42.1 (PyPI, MIT licence), file jieba/dict.txt (`word freq tag` lines).

govkg uses the list to see where the words before a post's title end: a post is written with
its body before its title (`国务院总理`), and a preposition or a conjunction before that is no
part of it (`根据|国务院总理李强的邀请`, `以及|省委书记`). One-character ones (向, 对, 与 …) are
in `CHAIN_STOPS` of src/extract/person.rs already.

Method: entries of two Han characters, all in GB 2312 (simplified), tagged p or c and seen at
least MIN_FREQ times.

Usage:
    python3 data/tools/make_connectives.py path/to/jieba/dict.txt > data/connectives.txt
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_vocabulary import entries, print_word_list  # noqa: E402

MIN_FREQ = 100


def main(path):
    words = [w for w, freq, tag in entries(path) if len(w) == 2 and tag in ("p", "c") and freq >= MIN_FREQ]
    print_word_list(
        [
            "Prepositions and conjunctions of two characters, to see where a post's words end on the left",
            "(根据|国务院总理, 以及|省委书记).",
        ],
        words,
        "make_connectives.py",
    )


if __name__ == "__main__":
    main(sys.argv[1])
