//! Batch rankings: an aligned table for people, CSV, JSON lines or one JSON array.

use super::BatchFormat;
use crate::model::BatchRow;
use crate::printable::printable;
use std::fmt::Write;

/// Pads or cuts `s` to `width` terminal columns (CJK characters take two).
fn fit(s: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let s: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let (mut out, mut w) = (String::new(), 0);
    if s.width() <= width {
        out.push_str(&s);
        w = s.width();
    } else {
        for c in s.chars() {
            let cw = c.width().unwrap_or(0);
            if w + cw + 1 > width {
                break;
            }
            out.push(c);
            w += cw;
        }
        out.push('…');
        w += 1;
    }
    out.push_str(&" ".repeat(width.saturating_sub(w)));
    out
}

/// The leading `terms` of a posting that has `total` of them, as many whole ones as fit in
/// `width` terminal columns, then how many were left out (`+3 more`), padded to `width`.
fn fit_terms(terms: &[String], total: usize, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    let more = |shown: usize| {
        let n = total.max(terms.len()) - shown;
        if n > 0 {
            format!(" +{n} more")
        } else {
            String::new()
        }
    };
    let mut shown = 0;
    let mut list = String::new();
    for (i, t) in terms.iter().enumerate() {
        let next = if i == 0 {
            t.clone()
        } else {
            format!("{list}, {t}")
        };
        if next.width() + more(i + 1).width() > width {
            break;
        }
        list = next;
        shown = i + 1;
    }
    if shown == 0 && !terms.is_empty() {
        // Not even the first term fits whole: cut it.
        let tail = more(1);
        list = fit(&terms[0], width.saturating_sub(tail.width()))
            .trim_end()
            .to_string();
        shown = 1;
    }
    fit(&(list + &more(shown)), width)
}

/// Renders batch rows.
pub fn batch(rows: &[BatchRow], format: BatchFormat) -> String {
    match format {
        BatchFormat::Json => serde_json::to_string_pretty(rows).expect("rows serialise") + "\n",
        BatchFormat::Jsonl => {
            let mut out = String::new();
            for r in rows {
                out.push_str(&serde_json::to_string(r).expect("row serialises"));
                out.push('\n');
            }
            out
        }
        BatchFormat::Csv => {
            let mut w = csv::Writer::from_writer(Vec::new());
            let _ = w.write_record([
                "rank",
                "score",
                "title",
                "company",
                "location",
                "url",
                "id",
                "matched",
                "missing",
                "source",
                "matched_count",
                "missing_count",
                "requirements_found",
                "fit",
                "coverage",
                "duplicates",
                "duplicate_ids",
            ]);
            // No raw control bytes in a cell: export fields and file names are shown as
            // escapes.
            let cell = |s: &Option<String>| printable(s.as_deref().unwrap_or("")).into_owned();
            for r in rows {
                let _ = w.write_record([
                    r.rank.to_string(),
                    format!("{:.1}", r.score),
                    cell(&r.title),
                    cell(&r.company),
                    cell(&r.location),
                    cell(&r.url),
                    cell(&r.id),
                    printable(&r.matched.join("; ")).into_owned(),
                    printable(&r.missing.join("; ")).into_owned(),
                    printable(&r.source).into_owned(),
                    r.matched_count.to_string(),
                    r.missing_count.to_string(),
                    r.requirements_found.to_string(),
                    r.fit.label().trim_end_matches(" fit").to_string(),
                    format!("{:.1}", r.coverage),
                    r.duplicates.to_string(),
                    printable(&r.duplicate_ids.join("; ")).into_owned(),
                ]);
            }
            String::from_utf8(w.into_inner().expect("in-memory CSV")).expect("CSV is UTF-8")
        }
        BatchFormat::Table => {
            let mut out = format!(
                "{:>4}  {:>5}  {:>4}  {}  {}  {}  {}  source\n",
                "rank",
                "score",
                "cov",
                fit("title", 34),
                fit("company", 18),
                fit("matched", 30),
                fit("missing", 30)
            );
            for r in rows {
                let _ = writeln!(
                    out,
                    "{:>4}  {:>5.1}  {:>3.0}%  {}  {}  {}  {}  {}{}",
                    r.rank,
                    r.score,
                    r.coverage,
                    fit(r.title.as_deref().unwrap_or("-"), 34),
                    fit(r.company.as_deref().unwrap_or("-"), 18),
                    if r.requirements_found {
                        fit_terms(&r.matched, r.matched_count, 30)
                    } else {
                        fit("(no requirements found)", 30)
                    },
                    fit_terms(&r.missing, r.missing_count, 30),
                    printable(&r.source),
                    match r.duplicates {
                        0 => String::new(),
                        1 => " (+1 repost)".to_string(),
                        n => format!(" (+{n} reposts)"),
                    }
                );
            }
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn terms(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_cut_term_cell_says_how_many_were_left_out() {
        let t = terms(&["Kubernetes", "Prometheus", "Grafana", "Terraform", "Python"]);
        // Five leading terms of 12: what fits whole, then the count of the rest.
        let cell = fit_terms(&t, 12, 32);
        assert_eq!(cell.trim_end(), "Kubernetes, Prometheus +10 more");
        assert_eq!(cell.width(), 32);
        assert_eq!(fit_terms(&t, 12, 30).trim_end(), "Kubernetes +11 more");
        // Everything fits: no count.
        assert_eq!(
            fit_terms(&t[..2], 2, 30).trim_end(),
            "Kubernetes, Prometheus"
        );
        // The row lists all there are, but not all fit.
        assert_eq!(
            fit_terms(&t, 5, 30).trim_end(),
            "Kubernetes, Prometheus +3 more"
        );
        // A first term too long for the cell is cut, and the rest still counted.
        let long = terms(&["a very long requirement term indeed", "b"]);
        let cell = fit_terms(&long, 4, 20);
        assert!(cell.ends_with("… +3 more"), "{cell}");
        assert_eq!(cell.width(), 20);
        assert_eq!(fit_terms(&[], 0, 10), " ".repeat(10));
    }
}
