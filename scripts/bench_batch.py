#!/usr/bin/env python3
"""End-to-end batch benchmark.

Generates N varied postings (JSONL) from the project's own postings in jobs/, then times, side
by side and alternating, `jdfit batch` and raw jieba-rs segmentation of the same texts on the
same threads (examples/jieba_baseline.rs), each under /usr/bin/time -v. Prints medians of
wall time, postings/s, MB/s and peak RSS, and jdfit's throughput as a ratio to raw jieba.

    python3 scripts/bench_batch.py [N] [--runs R] [--threads T] [--top K] [--also OLD_BINARY]
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(cmd, env=None):
    """Runs cmd under /usr/bin/time -v; returns (wall seconds, peak RSS in MB)."""
    with tempfile.NamedTemporaryFile(mode="r", suffix=".time") as t:
        full = ["/usr/bin/time", "-v", "-o", t.name] + cmd
        subprocess.run(full, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        out = t.read()
    wall = re.search(r"Elapsed \(wall clock\) time .*: (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)", out)
    h, m, s = wall.groups()
    secs = int(h or 0) * 3600 + int(m) * 60 + float(s)
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", out).group(1))
    return secs, rss_kb / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=100_000, help="postings to generate")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--top", type=int, default=100)
    ap.add_argument("--resume", default="corpus/resume-zh.txt")
    ap.add_argument("--also", action="append", default=[], metavar="BIN",
                    help="another jdfit binary (an older build, say) timed in the same runs")
    args = ap.parse_args()
    os.chdir(ROOT)
    subprocess.run(
        ["cargo", "build", "--release", "--quiet", "--bin", "jdfit",
         "--example", "gen_postings", "--example", "jieba_baseline"],
        check=True,
    )
    out_dir = os.path.join("target", "bench")
    os.makedirs(out_dir, exist_ok=True)
    data = os.path.join(out_dir, f"postings-{args.n}.jsonl")
    if not os.path.exists(data):
        with open(data + ".tmp", "wb") as f:
            subprocess.run(["target/release/examples/gen_postings", str(args.n)], check=True, stdout=f)
        os.replace(data + ".tmp", data)
    mb = os.path.getsize(data) / 1e6
    env = dict(os.environ, JDFIT_INDEX_DIR=os.path.join(out_dir, "no-index"))
    def batch(binary):
        return [binary, "batch", "--resume", args.resume, data, "--top", str(args.top),
                "--quiet", "--format", "jsonl", "--threads", str(args.threads)]
    jieba = ["target/release/examples/jieba_baseline", data, str(args.threads)]
    results = {"jdfit": [], "jieba": []}
    for b in args.also:
        results[b] = []
    binaries = ["target/release/jdfit"] + args.also
    for run in range(args.runs):
        results["jieba"].append(timed(jieba))
        # Alternate the order between runs, so neither build always runs right after jieba.
        for b in binaries if run % 2 == 0 else binaries[::-1]:
            results["jdfit" if b == binaries[0] else b].append(timed(batch(b), env))
    print(f"{args.n} postings, {mb:.1f} MB, {args.threads} threads, {args.runs} runs (medians)")
    med = {}
    for name, runs in results.items():
        wall = statistics.median(r[0] for r in runs)
        rss = statistics.median(r[1] for r in runs)
        med[name] = wall
        print(f"  {name:<6} {wall:8.2f} s  {args.n / wall:10.0f} postings/s  {mb / wall:7.2f} MB/s  peak RSS {rss:7.1f} MB")
    print(f"  jdfit throughput / raw jieba segmentation = {med['jieba'] / med['jdfit']:.2f}")
    for b in args.also:
        print(f"  {b} throughput / raw jieba segmentation = {med['jieba'] / med[b]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
