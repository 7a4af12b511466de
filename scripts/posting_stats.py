#!/usr/bin/env python3
"""How jdfit reads real postings: counts over a dump from `examples/dump_postings.rs`.

  cargo run --release --example dump_postings -- DIR... > /tmp/dump.jsonl
  python3 scripts/posting_stats.py /tmp/dump.jsonl [-v]

Reports postings with no requirement line (requirements, duties or nice-to-have), the share
with at least one must-have line, and lines read as requirements that this script's own
vocabulary (independent of jdfit's) calls benefits, equal-opportunity text, applying or salary.
"""
import json, re, sys

REQ = {"requirements", "duties", "nice", "other"}
CHECKS = {
    "benefit": r"health insurance|medical, dental|dental(,| and) vision|401\(?k\)?|paid time off|\bPTO\b|parental leave|"
               r"wellness|stipend|stock options|equity package|五险一金|六险一金|带薪|年假|补充医疗|节日福利|"
               r"下午茶|团建|餐补|房补|年终奖|弹性工作",
    "equal-opportunity": r"equal opportunity|equal employment|without regard to|sexual orientation|"
                         r"gender identity|national origin|protected veteran|reasonable accommodation|"
                         r"E-Verify|affirmative action",
    "apply": r"click to apply|apply now|to apply,|encourage (you|applicants)[^.]* to (also )?apply|apply if|"
             r"apply to the role|send (us )?your (resume|cv)|简历投递|投递简历|请发送简历|"
             r"申请方式|联系方式|\bHR\b.*@|<email>",
    "salary": r"\$\s?\d[\d,]*(k|K)?\s*(/\s?yr|per year|-|–)|salary range|薪资[:：]|\d+-\d+[kK]|万/月|千/月|元/月",
}
PATS = {k: re.compile(v, re.I) for k, v in CHECKS.items()}


def main():
    path = sys.argv[1]
    verbose = "-v" in sys.argv
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    no_req, no_must, flagged = [], [], {k: [] for k in CHECKS}
    for r in rows:
        parts = [l["part"] for l in r["lines"]]
        if not any(p in ("requirements", "duties", "nice") for p in parts):
            no_req.append(r["file"])
        if "requirements" not in parts:
            no_must.append(r["file"])
        for l in r["lines"]:
            if l["part"] not in REQ:
                continue
            for k, pat in PATS.items():
                if pat.search(l["text"]):
                    flagged[k].append((r["file"], l["part"], l["text"][:140]))
    n = len(rows)
    print(f"postings {n}")
    print(f"no requirement line (requirements/duties/nice): {len(no_req)}")
    print(f"with a must-have line: {n - len(no_must)} ({(n - len(no_must)) / n:.1%})")
    for k, v in flagged.items():
        print(f"{k} lines read as requirements: {len(v)} (in {len({f for f, _, _ in v})} postings)")
    if verbose:
        print("\n# no requirement line")
        for f in no_req:
            print(" ", f)
        print("\n# no must-have line")
        for f in no_must:
            print(" ", f)
        for k, v in flagged.items():
            print(f"\n# {k}")
            for f, p, t in v:
                print(f"  [{p}] {f.split('/')[-1][:40]}: {t}")


if __name__ == "__main__":
    main()
