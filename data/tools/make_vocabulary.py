#!/usr/bin/env python3
"""Derive data/vocabulary.txt from jieba's dictionary: frequent two-character words.

Source: jieba 0.42.1 (PyPI, MIT licence), file jieba/dict.txt (`word freq tag` lines).

govkg uses the list to see word boundaries around a name that has no title or verb
beside it: in `中国队的苗立杰年纪…` neither `苗立`, `立杰` nor `杰年` is a word, while in
`作家肖乾` the surname-looking 家 ends the word 作家, and in `段新建` the 建 starts 新建.
Unlike common_words.txt, it holds words of every kind (place words such as 华北 too),
but no person names (tags nr, nrfg, nrt are left out).

Method: two-character entries of Han characters only, all in GB 2312 (simplified), not
tagged nr/nrfg/nrt, the SIZE most frequent (ties in code-point order).

Usage:
    python3 data/tools/make_vocabulary.py path/to/jieba/dict.txt > data/vocabulary.txt
"""
import sys

SIZE = 40000
NAME_TAGS = ("nr", "nrfg", "nrt")
# Entries jieba tags wrongly, with the tag they have in news text: as person names (nr), the
# genre's words for congratulations (祝贺 "congratulate", 贺信 "letter of congratulations",
# 贺词 "congratulatory speech") and 高达 ("as high as"); as a place (ns), 普京 (Putin, the
# foreign head of state Chinese news names most), which the list made a word no title could
# make a name; as a noun (n), the pronoun 大家 ("everyone"), which then began meeting names
# (大家要认真落实|中央外事工作会议).
RETAGGED = {"祝贺": "v", "贺信": "n", "贺词": "n", "高达": "v", "普京": "nr", "大家": "r"}


def gb2312(word):
    try:
        word.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def han(word):
    return all("\u4e00" <= c <= "\u9fff" for c in word)


def entries(path):
    """The (word, frequency, tag) entries of jieba's dict.txt written in simplified Han
    characters (GB 2312), shared by the tools that derive lexicons from it; the tags of
    RETAGGED corrected."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 3:
                continue
            word, freq, tag = parts[0], int(parts[1]), parts[2]
            if han(word) and gb2312(word):
                yield word, freq, RETAGGED.get(word, tag)


def print_word_list(purpose, words, tool):
    """Print a derived word list: the `purpose` comment lines, the format and source lines
    the lists ordered by code point share, then `words` sorted and without repeats."""
    for line in purpose:
        print("# " + line)
    print("# Format: one word per line, in code-point order.")
    print(f"# Source: jieba 0.42.1 dictionary (MIT licence); see data/tools/{tool}.")
    for w in sorted(set(words)):
        print(w)


def main(path):
    rows = []
    for word, freq, tag in entries(path):
        if len(word) == 2 and tag not in NAME_TAGS:
            rows.append((-freq, word))
    rows.sort()
    out = sys.stdout
    out.write("# Frequent two-character words of every kind but person names, to see word\n")
    out.write("# boundaries around an untitled name candidate (作家|肖乾, 段|新建).\n")
    out.write("# Format: one word per line, by decreasing corpus frequency.\n")
    out.write("# Source: jieba 0.42.1 dictionary (MIT licence), entries not tagged nr, nrfg,\n")
    out.write("#   nrt; see data/tools/make_vocabulary.py.\n")
    out.write("# Licence: derived data under the project's licence (jieba is MIT).\n")
    for _, word in rows[:SIZE]:
        out.write(word + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
