//! Batch rankings: an aligned table for people, CSV, JSON lines or one JSON array.

use super::BatchFormat;
use crate::error::{Error, Result};
use crate::model::BatchRow;
use crate::printable::printable;
use std::borrow::Borrow;

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
    render_string(rows, format, None)
}

/// [`write`] into a string, for rows already in memory.
fn render_string(rows: &[BatchRow], format: BatchFormat, width: Option<usize>) -> String {
    let mut out = Vec::new();
    write(rows.iter().map(Ok), format, width, &mut out).expect("rows render into memory");
    String::from_utf8(out).expect("rendered rows are UTF-8")
}

/// The CSV header.
const CSV_HEADER: [&str; 17] = [
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
];

/// Writes batch rows to `out` as they come (a batch too large for memory is merged from
/// temporary files as it is written): JSON lines, one JSON array, CSV, or the table fitted to
/// `width` columns. Returns how many rows were written. A row that cannot be read ends the
/// output with its error; a write error is an [`Error::Io`] naming standard output.
pub fn write<R: Borrow<BatchRow>>(
    rows: impl Iterator<Item = Result<R>>,
    format: BatchFormat,
    width: Option<usize>,
    out: &mut dyn std::io::Write,
) -> Result<usize> {
    let io = |source| Error::Io {
        path: "standard output".into(),
        source,
    };
    let mut n = 0;
    match format {
        BatchFormat::Jsonl => {
            for r in rows {
                serde_json::to_writer(&mut *out, r?.borrow()).map_err(|e| io(e.into()))?;
                out.write_all(b"\n").map_err(io)?;
                n += 1;
            }
        }
        BatchFormat::Json => {
            // The layout of serde_json's pretty array, one row at a time.
            out.write_all(b"[").map_err(io)?;
            for r in rows {
                let row = serde_json::to_string_pretty(r?.borrow()).expect("rows serialise");
                let sep = if n == 0 { "\n  " } else { ",\n  " };
                out.write_all(sep.as_bytes()).map_err(io)?;
                out.write_all(row.replace('\n', "\n  ").as_bytes())
                    .map_err(io)?;
                n += 1;
            }
            out.write_all(if n == 0 { b"]\n" } else { b"\n]\n" })
                .map_err(io)?;
        }
        BatchFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            // Keep the kind of a write error (a closed pipe ends the output quietly).
            let csv_err = |e: csv::Error| {
                let kind = match e.kind() {
                    csv::ErrorKind::Io(e) => e.kind(),
                    _ => std::io::ErrorKind::Other,
                };
                io(std::io::Error::new(kind, e))
            };
            w.write_record(CSV_HEADER).map_err(csv_err)?;
            // No raw control bytes in a cell: export fields and file names are shown as
            // escapes. A text cell that a spreadsheet would run as a formula (`=HYPERLINK(…)`
            // in an export's title) gets a leading `'`, as OWASP advises for CSV.
            let text = |s: &str| inert(printable(s).into_owned());
            let cell = |s: &Option<String>| text(s.as_deref().unwrap_or(""));
            for r in rows {
                let r = r?;
                let r = r.borrow();
                w.write_record([
                    r.rank.to_string(),
                    format!("{:.1}", r.score),
                    cell(&r.title),
                    cell(&r.company),
                    cell(&r.location),
                    cell(&r.url),
                    cell(&r.id),
                    text(&r.matched.join("; ")),
                    text(&r.missing.join("; ")),
                    text(&r.source),
                    r.matched_count.to_string(),
                    r.missing_count.to_string(),
                    r.requirements_found.to_string(),
                    r.fit.label().trim_end_matches(" fit").to_string(),
                    format!("{:.1}", r.coverage),
                    r.duplicates.to_string(),
                    text(&r.duplicate_ids.join("; ")),
                ])
                .map_err(csv_err)?;
                n += 1;
            }
            w.flush().map_err(io)?;
        }
        BatchFormat::Table => {
            let table = Table::new(width);
            out.write_all(table.header().as_bytes()).map_err(io)?;
            for r in rows {
                out.write_all(table.row(r?.borrow()).as_bytes())
                    .map_err(io)?;
                n += 1;
            }
        }
    }
    Ok(n)
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
    render_string(rows, BatchFormat::Table, width)
}

/// The table's columns, laid out once, then written a line at a time.
struct Table {
    cols: Vec<(Col, usize)>,
    width: Option<usize>,
}

impl Table {
    fn new(width: Option<usize>) -> Table {
        Table {
            cols: layout(width),
            width,
        }
    }

    fn cell(&self, i: usize, col: Col, w: usize, text: &str) -> String {
        let last = i == self.cols.len() - 1;
        // The last column is never padded: its width, all the room a wide terminal leaves
        // (`COLUMNS=4294967295`), would otherwise be allocated as spaces, then trimmed.
        let w = if last {
            w.min(unicode_width::UnicodeWidthStr::width(text))
        } else {
            w
        };
        let s = match (col, self.width) {
            // No limit: the source as it is, unpadded.
            (Col::Source, None) => return text.to_string(),
            (Col::Source, Some(_)) => fit_left(text, w),
            _ => fit(text, w),
        };
        if last {
            s.trim_end().to_string()
        } else {
            s
        }
    }

    fn header(&self) -> String {
        let mut out = format!("{:>4}  {:>5}  {:>4}", "rank", "score", "cov");
        for (i, &(c, w)) in self.cols.iter().enumerate() {
            out.push_str("  ");
            out.push_str(&self.cell(i, c, w, c.header()));
        }
        out.push('\n');
        out
    }

    fn row(&self, r: &BatchRow) -> String {
        let mut out = format!("{:>4}  {:>5.1}  {:>3.0}%", r.rank, r.score, r.coverage);
        for (i, &(c, w)) in self.cols.iter().enumerate() {
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
            out.push_str(&self.cell(i, c, w, &text));
        }
        out.push('\n');
        out
    }
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

/// `cell` made inert for spreadsheets: one starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return is a formula to Excel, LibreOffice and Sheets, so it gets a leading `'`.
fn inert(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
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
