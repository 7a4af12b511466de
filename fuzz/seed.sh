#!/usr/bin/env bash
# Seeds each fuzz target's corpus from the repository's own résumés and postings.
set -euo pipefail
cd "$(dirname "$0")"
root=..
mk() { mkdir -p "corpus/$1"; }
mk text_resume; cp "$root"/corpus/resume-zh.txt "$root"/corpus/backend-en.txt corpus/text_resume/
mk markdown_resume; cp "$root"/corpus/resume-zh.md "$root"/corpus/frontend-en.md corpus/markdown_resume/
mk json_resume; cp "$root"/corpus/data-analyst-en.json corpus/json_resume/
for t in posting analyzer decode; do
  mk "$t"
  for f in "$root"/jobs/en/en-0[1-5]*.txt "$root"/jobs/zh/zh-0[1-5]*.txt; do cp "$f" "corpus/$t/"; done
done
python3 - <<'PY'
import json, pathlib, codecs
root = pathlib.Path("..")
jobs = sorted((root / "jobs").rglob("*.txt"))[:6]
rows = [json.dumps({"id": p.stem, "title": p.stem, "text": p.read_text()}, ensure_ascii=False) for p in jobs]
pathlib.Path("corpus/jsonl_rows/seed.jsonl").parent.mkdir(parents=True, exist_ok=True)
pathlib.Path("corpus/jsonl_rows/seed.jsonl").write_text("\n".join(rows + ["{bad", "[1]"]) + "\n")
import csv, io
buf = io.StringIO()
w = csv.writer(buf)
w.writerow(["id", "title", "company", "text"])
for p in jobs:
    w.writerow([p.stem, p.stem, "ACME", p.read_text()])
pathlib.Path("corpus/csv_rows").mkdir(parents=True, exist_ok=True)
pathlib.Path("corpus/csv_rows/seed.csv").write_text(buf.getvalue())
zh = (root / "jobs/zh/zh-01-senior-sre.txt").read_text()
pathlib.Path("corpus/decode/gbk.txt").write_bytes(zh.encode("gbk", errors="replace"))
pathlib.Path("corpus/decode/utf16.txt").write_bytes(codecs.BOM_UTF16_LE + zh.encode("utf-16-le"))
PY
echo "seeded: $(find corpus -type f | wc -l) files"
