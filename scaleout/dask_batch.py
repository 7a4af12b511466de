#!/usr/bin/env python3
"""Rank a JSONL export too large for one machine with jdfit, on Dask.

Each partition of the export (a file, or a block of one) is piped through an unchanged
`jdfit batch - --top K --format jsonl`; the driver merges the partitions' top K into the
global top K. The result is exactly what one `jdfit batch --top K` over the same files gives:
rows are ordered by their unrounded score (`score_exact`) and, on exact ties, by their
position in the input, which the driver numbers before partitioning (`_row`), and each row's
`source` and `rank` are given back as one run would have them.

Reposts (the same text under several ids) are merged by one run across all its input; a
partition sees only its own rows, so this recipe passes --keep-duplicates to every worker and
compares with a single run that does the same. Remove reposts first (for example with
`bag.distinct` on the normalised text) if the export has them.

Usage:
    python3 scaleout/dask_batch.py --resume cv.md --top 100 export-*.jsonl > top.jsonl
    python3 scaleout/dask_batch.py --resume cv.md --top 100 --blocksize 64MiB big.jsonl

Runs on Dask's local scheduler by default (processes on this machine); give
--scheduler ADDRESS to use a running dask.distributed cluster, where `jdfit` must be on every
worker's PATH (or named with --jdfit).
"""

import argparse
import json
import subprocess
import sys

import dask
import dask.bag as db


def number(bag):
    """Each line with its file, its 1-based line number in that file and its global row
    number: partitions come in file order and, within a file, in block order."""
    counts = bag.map_partitions(lambda lines: [sum(1 for _ in lines)]).compute()
    firsts = bag.map_partitions(lambda lines: [next(iter(lines), (None, None))[1]]).compute()
    starts, line_in_file, row = [], {}, 0
    for count, path in zip(counts, firsts):
        starts.append((row, line_in_file.get(path, 0)))
        row += count
        if path is not None:
            line_in_file[path] = line_in_file.get(path, 0) + count
    return starts


def run_partition(lines, start, args):
    """Pipes one partition through `jdfit batch` and returns its top rows."""
    row0, line0 = start
    records = []
    for i, (line, path) in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        try:
            rec = json.loads(text)
        except ValueError:
            rec = None
        if not isinstance(rec, dict):
            # jdfit reports a bad row on its own; keep it as it is.
            records.append(text)
            continue
        rec["_row"] = row0 + i
        rec["_source"] = f"{path}:{line0 + i + 1}"
        records.append(json.dumps(rec, ensure_ascii=False))
    if not records:
        return []
    cmd = [args.jdfit, "batch", "--resume", args.resume, "-", "--format", "jsonl",
           "--top", str(args.top), "--quiet", "--keep-duplicates"]
    if args.threads:
        cmd += ["--threads", str(args.threads)]
    out = subprocess.run(cmd, input="\n".join(records) + "\n", capture_output=True,
                         text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"jdfit failed on a partition: {out.stderr.strip()}")
    return [json.loads(l) for l in out.stdout.splitlines() if l.strip()]


def merge(rows, top):
    """The global top `top`: unrounded score, best first, then input order; each row's
    source and rank as one run over the whole input gives them."""
    rows.sort(key=lambda r: (-r["score_exact"], r["fields"]["_row"]))
    rows = rows[:top]
    for rank, r in enumerate(rows, 1):
        r["rank"] = rank
        fields = r["fields"]
        r["source"] = fields.pop("_source")
        del fields["_row"]
        if not fields:
            del r["fields"]
    return rows


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("inputs", nargs="+", help="JSONL files (globs as Dask reads them)")
    p.add_argument("--resume", "-r", required=True)
    p.add_argument("--top", type=int, required=True)
    p.add_argument("--jdfit", default="jdfit", help="the jdfit binary (default: on PATH)")
    p.add_argument("--blocksize", default=None,
                   help="split files into blocks of this size (default: one partition a file)")
    p.add_argument("--threads", type=int, default=0, help="jdfit --threads for each worker")
    p.add_argument("--scheduler", default=None, help="a dask.distributed scheduler address")
    args = p.parse_args()
    if args.top < 1:
        p.error("--top must be at least 1")
    if args.scheduler:
        from dask.distributed import Client  # only when asked: not needed locally
        config = {"scheduler": Client(args.scheduler)}
    else:
        config = {"scheduler": "processes"}
    with dask.config.set(config):
        bag = db.read_text(args.inputs, blocksize=args.blocksize, include_path=True)
        starts = number(bag)
        parts = bag.to_delayed()
        tops = [dask.delayed(run_partition)(part, start, args)
                for part, start in zip(parts, starts)]
        rows = [r for part in dask.compute(*tops) for r in part]
    out = sys.stdout
    for r in merge(rows, args.top):
        out.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
