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
        BatchFormat::Table => table(rows, None),
    }
}

/// A column of the batch table whose width depends on the terminal's.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Col {
    Title,
    Company,
    Matched,
    Missing,
    Source,
}

impl Col {
    /// The narrowest a column is shown, and its width when there is room.
    fn widths(self) -> (usize, usize) {
        match self {
            Col::Title => (16, 34),
            Col::Company => (10, 18),
            Col::Matched => (18, 30),
            Col::Missing => (18, 30),
            Col::Source => (12, 40),
        }
    }

    fn header(self) -> &'static str {
        match self {
            Col::Title => "title",
            Col::Company => "company",
            Col::Matched => "matched",
            Col::Missing => "missing",
            Col::Source => "source",
        }
    }
}

/// Rank, score and coverage with their separators: `{:>4}  {:>5}  {:>4}`.
const FIXED: usize = 17;

/// The columns shown and their widths in `width` terminal columns (`None`: no limit, every
/// column at its full width and the source uncut). A narrow terminal drops the source, then
/// the missing terms, then the matched terms, then the company, before any column goes
/// below its narrowest; the room left is shared in proportion to what each column lacks.
fn layout(width: Option<usize>) -> Vec<(Col, usize)> {
    use Col::*;
    let all = [Title, Company, Matched, Missing, Source];
    let Some(width) = width else {
        return all.iter().map(|&c| (c, c.widths().1)).collect();
    };
    let room = width.saturating_sub(FIXED);
    let cost = |cols: &[Col]| cols.iter().map(|c| c.widths().0 + 2).sum::<usize>();
    let n = (1..=all.len())
        .rev()
        .find(|&n| cost(&all[..n]) <= room)
        .unwrap_or(1);
    let cols = &all[..n];
    let mut extra = room.saturating_sub(cost(cols));
    let lack: usize = cols.iter().map(|c| c.widths().1 - c.widths().0).sum();
    let mut out: Vec<(Col, usize)> = cols
        .iter()
        .map(|&c| {
            let (min, max) = c.widths();
            let share = (extra.min(lack) * (max - min)) / lack.max(1);
            (c, min + share)
        })
        .collect();
    extra -= out.iter().map(|(c, w)| w - c.widths().0).sum::<usize>();
    // What rounding left, and any room beyond every column's full width, goes to the last
    // column (the source, a path, is the one that can use it).
    if let Some(last) = out.last_mut() {
        last.1 += extra;
    }
    out
}

/// The batch table, fitted to `width` terminal columns when given (titles and term lists cut
/// with an ellipsis or a count, as `ls` and `cargo tree` fit theirs), else at full width.
pub fn table(rows: &[BatchRow], width: Option<usize>) -> String {
    let cols = layout(width);
    let last = cols.len() - 1;
    let cell = |i: usize, col: Col, w: usize, text: &str| -> String {
        let s = match (col, width) {
            // No limit: the source as it is, unpadded.
            (Col::Source, None) => return text.to_string(),
            (Col::Source, Some(_)) => fit_left(text, w),
            _ => fit(text, w),
        };
        if i == last {
            s.trim_end().to_string()
        } else {
            s
        }
    };
    let mut out = format!("{:>4}  {:>5}  {:>4}", "rank", "score", "cov");
    for (i, &(c, w)) in cols.iter().enumerate() {
        out.push_str("  ");
        out.push_str(&cell(i, c, w, c.header()));
    }
    out.push('\n');
    for r in rows {
        let _ = write!(out, "{:>4}  {:>5.1}  {:>3.0}%", r.rank, r.score, r.coverage);
        for (i, &(c, w)) in cols.iter().enumerate() {
            let text = match c {
                Col::Title => r.title.as_deref().unwrap_or("-").to_string(),
                Col::Company => r.company.as_deref().unwrap_or("-").to_string(),
                Col::Matched if !r.requirements_found => "(no requirements found)".into(),
                Col::Matched => fit_terms(&r.matched, r.matched_count, w),
                Col::Missing => fit_terms(&r.missing, r.missing_count, w),
                Col::Source => {
                    let reposts = match r.duplicates {
                        0 => String::new(),
                        1 => " (+1 repost)".to_string(),
                        n => format!(" (+{n} reposts)"),
                    };
                    format!("{}{reposts}", printable(&r.source))
                }
            };
            out.push_str("  ");
            out.push_str(&cell(i, c, w, &text));
        }
        out.push('\n');
    }
    out
}

/// Pads or cuts `s` to `width` columns, keeping its end (a path's file name, a repost count):
/// `…/en/deven_001.txt`.
fn fit_left(s: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if s.width() <= width {
        return fit(s, width);
    }
    let mut kept = Vec::new();
    let mut w = 1;
    for c in s.chars().rev() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width {
            break;
        }
        kept.push(if c.is_control() { ' ' } else { c });
        w += cw;
    }
    let mut out: String = "…".into();
    out.extend(kept.into_iter().rev());
    out.push_str(&" ".repeat(width.saturating_sub(w)));
    out
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
