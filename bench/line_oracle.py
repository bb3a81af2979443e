#!/usr/bin/env python3
"""The best any line-deleting cleaner can score on a set of text dumps.

An oracle that knows the gold walks each dump's lines (twice) and deletes a
line whenever that raises the document's F1 under the shared scorer's gold
mode (4-gram shingles). The corpus F1 of what is left, 2PR/(P+R) of the
mean precision and recall as score.py computes it, is the ceiling of a
cleaner that keeps or drops whole lines, as webclean does on text.

  bench/line_oracle.py DUMP_DIR [GOLD_DIR]   (GOLD_DIR defaults to DUMP_DIR)
  e.g. bench/line_oracle.py ../shared/corpus/wcxb-dev-post   (about 6 min on 2 cores)
"""
import glob
import multiprocessing
import os
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.environ.get("SHARED", os.path.join(HERE, "..", "..", "shared")) + "/eval")
import score  # noqa: E402  (the shared scorer, found beside the project)


def precision_recall(gold, lines, keep):
    kept = "\n".join(line for line, k in zip(lines, keep) if k)
    tp, fp, fn = score.shingle_matching(gold, kept)
    return score.doc_precision(tp, fp, fn), score.doc_recall(tp, fp, fn)


def best_deletion(paths):
    dump_path, gold_path = paths
    gold = open(gold_path, encoding="utf-8").read()
    lines = open(dump_path, encoding="utf-8").read().split("\n")
    keep = [True] * len(lines)
    p, r = precision_recall(gold, lines, keep)
    for _ in range(2):
        for i, line in enumerate(lines):
            if not keep[i] or not line.strip():
                continue
            keep[i] = False
            p2, r2 = precision_recall(gold, lines, keep)
            if score.f1(p2, r2) > score.f1(p, r):
                p, r = p2, r2
            else:
                keep[i] = True
    return p, r


def main():
    dump_dir = sys.argv[1]
    gold_dir = sys.argv[2] if len(sys.argv) > 2 else dump_dir
    pairs = []
    for dump in sorted(glob.glob(os.path.join(dump_dir, "*.txt"))):
        if dump.endswith(".gold.txt"):
            continue
        gold = os.path.join(gold_dir, os.path.basename(dump)[:-4] + ".gold.txt")
        if os.path.exists(gold):
            pairs.append((dump, gold))
    with multiprocessing.Pool() as pool:
        scores = pool.map(best_deletion, pairs, chunksize=4)
    precision = statistics.mean(p for p, _ in scores)
    recall = statistics.mean(r for _, r in scores)
    print(f"line oracle F1 {score.f1(precision, recall):.4f} P {precision:.4f} "
          f"R {recall:.4f} docs {len(scores)}")


if __name__ == "__main__":
    main()
