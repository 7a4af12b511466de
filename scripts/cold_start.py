#!/usr/bin/env python3
"""Cold start of `jdfit match`, as a ratio to building jieba's dictionary.

Alternates, R times: `Jieba::new()` timed inside a process (examples/startup.rs --jieba), and
whole `jdfit match` processes (wall clock, from fork to exit) on a résumé with an English and
with a Chinese posting. Prints the medians and each match median as a ratio to the
`Jieba::new()` median of the same run.

    cargo build --release --examples && python3 scripts/cold_start.py [--runs 11]
        [--resume ../shared/seed/resume-zh.txt] [--binary target/release/jdfit ...]
"""

import argparse
import os
import statistics
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def wall(cmd):
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - t) * 1e3


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--resume", default=os.path.join(ROOT, "corpus/resume-zh.txt"))
    ap.add_argument("--en", default=os.path.join(ROOT, "jobs/en/en-07-mlops-engineer.txt"))
    ap.add_argument("--zh", default=os.path.join(ROOT, "jobs/zh/zh-01-senior-sre.txt"))
    ap.add_argument("--binary", action="append", help="jdfit binaries to time (default: target/release/jdfit)")
    a = ap.parse_args()
    binaries = a.binary or [os.path.join(ROOT, "target/release/jdfit")]
    startup = os.path.join(ROOT, "target/release/examples/startup")
    jieba, times = [], {}
    for _ in range(a.runs):
        out = subprocess.run([startup, "--jieba"], check=True, capture_output=True, text=True)
        jieba.append(float(out.stdout))
        for b in binaries:
            for lang in ("en", "zh"):
                posting = a.en if lang == "en" else a.zh
                times.setdefault((b, lang), []).append(
                    wall([b, "match", "--resume", a.resume, posting]))
    j = statistics.median(jieba)
    print(f"Jieba::new() in-process: median {j:.1f} ms of {a.runs}")
    for (b, lang), ts in times.items():
        m = statistics.median(ts)
        print(f"{b} match, {lang} posting: median {m:.1f} ms (whole process), ratio {m / j:.2f}")


if __name__ == "__main__":
    main()
