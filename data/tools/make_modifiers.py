#!/usr/bin/env python3
"""Derive data/modifiers.txt from jieba's dictionary: words that are not names of things.

Source: jieba 0.42.1 (PyPI, MIT licence), file jieba/dict.txt (`word freq tag` lines).

govkg uses the list to see that the words before a meeting's head word do not name a meeting
(`确保大会顺利召开`, `召开重大会议`, `以视频会议形式`): when every word between where the name
starts and its head is a verb, adjective, adverb, pronoun, numeral, preposition, conjunction or
particle, the head stands alone and refers to the article's meeting.

Method: entries of Han characters only, all in GB 2312 (simplified), seen at least MIN_FREQ
times; one character long and tagged p, r, c, d or u (以, 该, 和, 都), or a frequent verb (要, 是), or two to four long and
tagged v, vd, a, ad, d, r, p, c, m, u or q. Nouns, verbal nouns (vn: 工作, 分组) and place and
time words are left out: they name meetings (`工作会议`).

Usage:
    python3 data/tools/make_modifiers.py path/to/jieba/dict.txt > data/modifiers.txt
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_vocabulary import entries, print_word_list  # noqa: E402

MIN_FREQ = 100
ONE = {"p", "r", "c", "d", "u"}
# One-character verbs (要, 是, 把) only when frequent: rarer ones are parts of nouns.
ONE_VERB_FREQ = 1000
MORE = {"v", "vd", "a", "ad", "d", "r", "p", "c", "m", "u", "q"}


def main(path):
    words = []
    for word, freq, tag in entries(path):
        if freq < MIN_FREQ:
            continue
        n = len(word)
        one = tag in ONE or (tag == "v" and freq >= ONE_VERB_FREQ)
        if (n == 1 and one) or (2 <= n <= 4 and tag in MORE):
            words.append(word)
    print_word_list(
        [
            "Words that name no thing: verbs, adjectives, adverbs, pronouns, numerals, prepositions,",
            "conjunctions and particles, to see that a meeting's head stands alone (确保|大会, 重大|会议).",
        ],
        words,
        "make_modifiers.py",
    )


if __name__ == "__main__":
    main(sys.argv[1])
