//! HTML: a tailored résumé as one self-contained, printable page with the posting's matched
//! terms highlighted, and the match report as a page. Inline CSS only, no external request;
//! everything from a résumé or a posting is escaped.

use crate::model::{Bullet, Resume};
use crate::model::{MatchReport, ReqKind, TermReport, Verdict};
use html_escape::{encode_double_quoted_attribute as attr, encode_text as esc};
use std::collections::HashMap;
use std::fmt::Write;
use std::ops::Range;

/// What to highlight in each bullet: byte ranges of its text, by bullet id (found when the
/// résumé was analysed, so rendering analyses nothing).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlights {
    ranges: HashMap<String, Vec<Range<usize>>>,
}

impl Highlights {
    /// Highlights from byte ranges per bullet id, in order and not overlapping.
    pub fn new(ranges: HashMap<String, Vec<Range<usize>>>) -> Highlights {
        Highlights { ranges }
    }

    /// `text` escaped, with highlighted ranges in `<mark>`.
    pub fn marked(&self, id: &str, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 32);
        marked_into(&mut out, text, self.of(id), 0..text.len());
        out
    }

    fn of(&self, id: &str) -> &[Range<usize>] {
        self.ranges.get(id).map_or(&[][..], Vec::as_slice)
    }
}

/// `text[span]` escaped into `out`, with the parts of `marks` inside `span` in `<mark>`.
fn marked_into(out: &mut String, text: &str, marks: &[Range<usize>], span: Range<usize>) {
    let mut pos = span.start;
    for r in marks {
        let (s, e) = (r.start.max(span.start), r.end.min(span.end));
        if e > text.len() {
            break;
        }
        if s >= e || s < pos || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        out.push_str(&esc(&text[pos..s]));
        let _ = write!(out, "<mark>{}</mark>", esc(&text[s..e]));
        pos = e;
    }
    out.push_str(&esc(&text[pos..span.end]));
}

/// `text` escaped, the words the source linked linked again.
fn push_linked(out: &mut String, text: &str, links: &[crate::model::Link]) {
    for (piece, url) in crate::model::link_pieces(text, links) {
        match url {
            Some(u) => {
                let _ = write!(out, "<a href=\"{}\">{}</a>", attr(u), esc(piece));
            }
            None => out.push_str(&esc(piece)),
        }
    }
}

/// A bullet's text as HTML: escaped, its highlights in `<mark>`, its links as links.
fn bullet_text(b: &Bullet, hl: Option<&Highlights>) -> String {
    let marks = hl.map_or(&[][..], |h| h.of(&b.id));
    let mut out = String::with_capacity(b.text.len() + 32);
    let mut pos = 0;
    for (r, url) in b.link_spans() {
        marked_into(&mut out, &b.text, marks, pos..r.start);
        let _ = write!(out, "<a href=\"{}\">", attr(url));
        marked_into(&mut out, &b.text, marks, r.clone());
        out.push_str("</a>");
        pos = r.end;
    }
    marked_into(&mut out, &b.text, marks, pos..b.text.len());
    out
}

const RESUME_CSS: &str = r#"
:root{--ink:#1d232b;--muted:#5b6673;--rule:#d9dee4;--mark:#fff0a8}
*{box-sizing:border-box}
body{margin:0;background:#f3f5f7;color:var(--ink);font:15px/1.55 -apple-system,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans","DejaVu Sans","Liberation Sans",Arial,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
main{max-width:820px;margin:24px auto;background:#fff;padding:40px 48px;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:26px;margin:0 0 4px}
.contact{color:var(--muted);margin:0 0 4px}
.summary{margin:12px 0 0}
h2{font-size:15px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);border-bottom:1px solid var(--rule);padding-bottom:4px;margin:26px 0 10px}
.entry{margin:0 0 14px;break-inside:avoid}
.entry-head{display:flex;justify-content:space-between;gap:16px;flex-wrap:wrap;margin:0;font-size:inherit;font-weight:inherit}
.entry-head .sep{display:none}
.org{font-weight:600}
.when{color:var(--muted);white-space:nowrap}
.title{font-style:italic}
.note{color:var(--muted);margin:2px 0}
ul{margin:6px 0 0;padding-left:20px}
li{margin:3px 0}
li.group>span{font-weight:600}
mark{background:var(--mark);color:inherit;padding:0 1px;border-radius:2px}
@media print{
 @page{margin:14mm 15mm}
 body{background:#fff;font-size:10.5pt}
 main{max-width:none;margin:0;padding:0;box-shadow:none}
 h2{margin-top:14pt}
 mark{background:none;padding:0}
 .entry{break-inside:avoid}
}
"#;

fn bullets_html(out: &mut String, bullets: &[Bullet], hl: Option<&Highlights>) {
    if bullets.is_empty() {
        return;
    }
    out.push_str("<ul>");
    for b in bullets {
        let text = bullet_text(b, hl);
        if b.children.is_empty() {
            let _ = write!(out, "<li id=\"{}\">{text}</li>", attr(&b.id));
        } else {
            let _ = write!(out, "<li class=\"group\"><span>{text}</span>");
            bullets_html(out, &b.children, hl);
            out.push_str("</li>");
        }
    }
    out.push_str("</ul>");
}

/// A tailored résumé as one self-contained HTML page; `hl` highlights matched terms on
/// screen (not on paper: a printed résumé goes to a recruiter).
pub fn resume(r: &Resume, hl: Option<&Highlights>) -> String {
    let title = r.basics.name.as_deref().unwrap_or("Résumé");
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{}</title><style>{RESUME_CSS}</style></head><body><main>",
        if crate::analyze::script::is_chinese(&r.all_text().join(" ")) { "zh" } else { "en" },
        esc(title)
    );
    if let Some(n) = &r.basics.name {
        let _ = write!(out, "<h1>{}</h1>", esc(n));
    }
    for l in super::resume::contact_lines(r) {
        out.push_str("<p class=\"contact\">");
        push_linked(&mut out, &l, &r.basics.links);
        out.push_str("</p>");
    }
    if let Some(s) = &r.basics.summary {
        let _ = write!(out, "<p class=\"summary\">{}</p>", esc(s));
    }
    for s in &r.sections {
        let _ = write!(out, "<section><h2>{}</h2>", esc(&s.heading));
        for e in &s.entries {
            out.push_str("<div class=\"entry\">");
            let when = match (&e.location, &e.dates) {
                (Some(l), Some(d)) => Some(format!("{l} · {d}")),
                (l, d) => l.clone().or_else(|| d.clone()),
            };
            if e.organisation.is_some() || when.is_some() {
                // A heading, as the entry's is: a saved page read back (`jdfit resume
                // cv.html`) takes it for the entry's header, the title line under it, where
                // a `div` read as a line beside the title. The hidden ` | ` keeps the name
                // apart from the place and dates there (`阿里云 | 中国, 杭州 · 2020 年 8 月 -
                // …`); the layout sets them apart by itself.
                out.push_str("<h3 class=\"entry-head\">");
                let org = esc(e.organisation.as_deref().unwrap_or("")).into_owned();
                match e.url.as_deref().filter(|u| {
                    let u = u.to_ascii_lowercase();
                    u.starts_with("https://") || u.starts_with("http://")
                }) {
                    // Web links only: a `javascript:` address is not written as one.
                    Some(u) => {
                        let _ = write!(
                            out,
                            "<span class=\"org\"><a href=\"{}\">{org}</a></span>",
                            attr(u)
                        );
                    }
                    None => {
                        let _ = write!(out, "<span class=\"org\">{org}</span>");
                    }
                }
                if let Some(w) = when {
                    let _ = write!(
                        out,
                        "<span class=\"sep\"> | </span><span class=\"when\">{}</span>",
                        esc(&w)
                    );
                }
                out.push_str("</h3>");
            }
            if let Some(t) = &e.title {
                let _ = write!(out, "<div class=\"title\">{}</div>", esc(t));
            }
            for n in &e.notes {
                out.push_str("<p class=\"note\">");
                push_linked(&mut out, n, &e.links);
                out.push_str("</p>");
            }
            bullets_html(&mut out, &e.bullets, hl);
            out.push_str("</div>");
        }
        out.push_str("</section>");
    }
    out.push_str("</main></body></html>\n");
    out
}

const REPORT_CSS: &str = r#"
:root{--ink:#1d232b;--muted:#5b6673;--rule:#e3e7eb;--ok:#1f7a4d;--okbg:#e3f4ea;--part:#94610b;--partbg:#fdf1d8;--miss:#b42318;--missbg:#fde7e5}
*{box-sizing:border-box}
body{margin:0;background:#f3f5f7;color:var(--ink);font:15px/1.5 -apple-system,"Segoe UI",Roboto,"Helvetica Neue","Noto Sans","DejaVu Sans","Liberation Sans",Arial,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
main{max-width:900px;margin:24px auto;background:#fff;padding:32px 40px;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:22px;margin:0}
.sub{color:var(--muted);margin:2px 0 18px}
.score{display:flex;align-items:baseline;gap:8px;margin:0 0 16px}
.score b{font-size:44px;line-height:1}
.score span{color:var(--muted)}
h2{font-size:14px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);border-bottom:1px solid var(--rule);padding-bottom:4px;margin:24px 0 10px}
.checks{list-style:none;padding:0;margin:0}
.checks li{display:flex;gap:10px;padding:6px 0;border-bottom:1px solid var(--rule)}
.icon{width:22px;flex:none;text-align:center;font-weight:700}
.covered .icon{color:var(--ok)}.partial .icon{color:var(--part)}.missing .icon{color:var(--miss)}
.tag{font-size:11px;text-transform:uppercase;color:var(--muted);border:1px solid var(--rule);border-radius:3px;padding:0 4px;margin-right:6px}
.chips{display:flex;flex-wrap:wrap;gap:6px;margin:4px 0}
.chip{font-size:13px;border-radius:12px;padding:1px 10px;background:var(--okbg);color:var(--ok)}
.chip.miss{background:var(--missbg);color:var(--miss)}
.chip.part{background:var(--partbg);color:var(--part);border:1px dashed var(--part)}
.verdict{margin:2px 0}.verdict.ok::before{content:"✓ ";color:var(--ok)}.verdict.no::before{content:"✗ ";color:var(--miss)}
.evidence li{margin:4px 0}.evidence small{color:var(--muted)}
@media print{body{background:#fff}main{margin:0;box-shadow:none;padding:0}li{break-inside:avoid}}
"#;

/// A chip for a covered term credited only in part through the related concept `via`:
/// amber, written `Redis (~cache)`, with a title naming the concept (after `title`, if any).
fn partial_chip(out: &mut String, term: &str, credit: f32, via: &str, title: &str) {
    let _ = write!(
        out,
        "<span class=\"chip part\" title=\"{}partial credit {credit:.2} through {}\">{} (~{})</span>",
        attr(title),
        attr(via),
        esc(term),
        esc(via)
    );
}

fn chips(out: &mut String, terms: &[TermReport], class: &str) {
    out.push_str("<div class=\"chips\">");
    for t in terms {
        let title = format!("weight {:.2}", t.weight);
        match &t.via {
            Some(via) => partial_chip(out, &t.term, t.credit, via, &(title + " · ")),
            None => {
                let _ = write!(
                    out,
                    "<span class=\"chip{class}\" title=\"{title}\">{}</span>",
                    esc(&t.term)
                );
            }
        }
    }
    out.push_str("</div>");
}

/// A match report as one self-contained HTML page: score, requirement checklist, matched and
/// missing terms, evidence bullets, experience and education verdicts.
pub fn report(r: &MatchReport) -> String {
    let title = r.posting.title.as_deref().unwrap_or("(untitled posting)");
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>jdfit: {}</title><style>{REPORT_CSS}</style></head><body><main>",
        esc(title)
    );
    let _ = write!(out, "<h1>{}</h1>", esc(title));
    // The posting's file name, never its folders: a report is shared, and an absolute path
    // tells the reader the user's name and folder layout.
    let file = std::path::Path::new(&r.posting.source)
        .file_name()
        .map_or(r.posting.source.as_str(), |n| n.to_str().unwrap_or(""));
    let sub: Vec<&str> = ["company", "location"]
        .iter()
        .filter_map(|k| r.posting.meta.get(*k).map(String::as_str))
        .chain(std::iter::once(file).filter(|f| !f.is_empty()))
        .collect();
    let _ = write!(out, "<p class=\"sub\">{}</p>", esc(&sub.join(" · ")));
    let _ = write!(
        out,
        "<div class=\"score\"><b id=\"score\">{:.0}</b><span>/ 100 · {} · covers {:.0}% of the posting's terms</span></div>",
        r.score,
        r.fit.label(),
        r.coverage
    );
    if !r.requirements_found {
        let _ = write!(
            out,
            "<p class=\"verdict no\">{}</p>",
            esc(super::report::NO_REQUIREMENTS)
        );
    }
    for c in [&r.experience, &r.education, &r.occupation]
        .into_iter()
        .flatten()
    {
        let _ = write!(
            out,
            "<p class=\"verdict {}\">{}</p>",
            if c.meets { "ok" } else { "no" },
            esc(&c.detail)
        );
    }
    out.push_str("<h2>Requirements</h2><ul class=\"checks\">");
    for q in &r.requirements {
        let (class, icon) = match q.verdict {
            Verdict::Covered => ("covered", "✓"),
            Verdict::Partial => ("partial", "◐"),
            Verdict::Missing => ("missing", "✗"),
        };
        let kind = match q.kind {
            ReqKind::Must => "must",
            ReqKind::Duty => "duty",
            ReqKind::Nice => "nice",
        };
        let _ = write!(
            out,
            "<li class=\"req {class}\"><span class=\"icon\">{icon}</span><div><span class=\"tag\">{kind}</span>{}",
            esc(&q.text)
        );
        if !q.matched.is_empty() || !q.missing.is_empty() {
            out.push_str("<div class=\"chips\">");
            for m in &q.matched {
                match q.partial_credit(m) {
                    Some(p) => partial_chip(&mut out, m, p.credit, &p.via, ""),
                    None => {
                        let _ = write!(out, "<span class=\"chip\">{}</span>", esc(m));
                    }
                }
            }
            for m in &q.missing {
                let _ = write!(out, "<span class=\"chip miss\">{}</span>", esc(m));
            }
            out.push_str("</div>");
        }
        out.push_str("</div></li>");
    }
    out.push_str("</ul><h2>Matched terms</h2>");
    chips(&mut out, &r.matched, "");
    out.push_str("<h2>Missing terms</h2>");
    chips(&mut out, &r.missing, " miss");
    out.push_str("<h2>Evidence</h2><ol class=\"evidence\">");
    for b in &r.bullets {
        let _ = write!(out, "<li>{} <small>{:.2}", esc(&b.text), b.score);
        if !b.matched_terms.is_empty() {
            let _ = write!(out, " · {}", esc(&b.matched_terms.join(", ")));
        }
        if !b.group_terms.is_empty() {
            let _ = write!(out, " · above it: {}", esc(&b.group_terms.join(", ")));
        }
        if !b.role_terms.is_empty() {
            let _ = write!(out, " · in its role: {}", esc(&b.role_terms.join(", ")));
        }
        if !b.related_terms.is_empty() {
            out.push_str(" · related: ");
            for t in &b.related_terms {
                partial_chip(&mut out, &t.term, t.credit, &t.via, "");
            }
        }
        out.push_str("</small></li>");
    }
    out.push_str("</ol></main></body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_use_offsets_and_escape() {
        let text = "用 K8s <b>& Kubernetes";
        let h = Highlights::new([("b1".to_string(), vec![4..7, 13..23])].into());
        assert_eq!(
            h.marked("b1", text),
            "用 <mark>K8s</mark> &lt;b&gt;&amp; <mark>Kubernetes</mark>"
        );
        assert_eq!(h.marked("other", "a<b"), "a&lt;b");
    }

    /// The chips of the requirement line and of the matched terms.
    fn chips_of(page: &str) -> (&str, &str) {
        let line = page.split("<li class=\"req").nth(1).unwrap();
        let matched = page.split("<h2>Matched terms</h2>").nth(1).unwrap();
        let matched = &matched[..matched.find("<h2>").unwrap()];
        (&line[..line.find("</li>").unwrap()], matched)
    }

    #[test]
    fn partially_credited_term_is_a_partial_chip_naming_its_concept() {
        let page = report(&crate::render::report::tests::sample_report(0, 1));
        let (line, matched) = chips_of(&page);
        assert!(
            line.contains("<span class=\"chip part\" title=\"partial credit 0.20 through cache\">Redis (~cache)</span>"),
            "{line}"
        );
        assert!(
            matched.contains("<span class=\"chip part\" title=\"weight 1.00 · partial credit 0.20 through cache\">Redis (~cache)</span>"),
            "{matched}"
        );
        // Full credit stays a plain (green) chip; missing stays missing.
        assert!(line.contains("<span class=\"chip\">MySQL</span>"), "{line}");
        assert!(matched.contains("<span class=\"chip\" title=\"weight 1.00\">MySQL</span>"));
        assert!(
            line.contains("<span class=\"chip miss\">PostgreSQL</span>"),
            "{line}"
        );
        assert!(REPORT_CSS.contains(".chip.part{"));
        // A bullet's term earned through a related concept is a partial chip in the evidence.
        let evidence = page.split("<h2>Evidence</h2>").nth(1).unwrap();
        assert!(
            evidence.contains(" · related: <span class=\"chip part\" title=\"partial credit 0.20 through cache\">Redis (~cache)</span>"),
            "{evidence}"
        );
    }

    #[test]
    fn report_shows_the_posting_file_name_never_its_folders() {
        let mut r = crate::render::report::tests::sample_report(0, 1);
        r.posting.source = "/home/wei/private/jobs/acme-sre.txt".into();
        let page = report(&r);
        assert!(page.contains("acme-sre.txt"), "the file name is shown");
        assert!(!page.contains("/home/wei"), "no folders of the user's");
        r.posting.source = "<stdin>".into();
        assert!(report(&r).contains("&lt;stdin&gt;"));
    }

    #[test]
    fn latin_fonts_come_before_cjk_ones() {
        // A CJK font first sets English punctuation full width on Linux ("we’ re").
        for css in [
            REPORT_CSS,
            RESUME_CSS,
            include_str!("../../assets/index.html"),
        ] {
            let stack = css.split("Arial").next().unwrap();
            for cjk in ["PingFang", "YaHei", "CJK", "Hiragino"] {
                assert!(!stack.contains(cjk), "{cjk} listed before the Latin fonts");
            }
            assert!(css.contains("\"DejaVu Sans\",\"Liberation Sans\",Arial"));
        }
    }
}
