//! Paragraphs read from a document (DOCX, HTML) and the text they are parsed as: Markdown
//! when the document marks headings, plain text when it does not. Converting to the text the
//! existing parsers read keeps one parser per shape of résumé.

use crate::parse::InputFormat;

/// What a paragraph is, by its style (DOCX) or its tag (HTML).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The document title (the name, in a résumé).
    Title,
    /// A heading of outline level 1–9.
    Heading(u8),
    /// A list paragraph at nesting level 0…
    Item(usize),
    /// Any other paragraph.
    Body,
}

/// One paragraph of text with its kind.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Block {
    pub(crate) kind: Kind,
    pub(crate) text: String,
}

/// Whitespace tidied: tabs and runs of spaces as one space, line breaks kept, ends trimmed.
pub(crate) fn tidy(s: &str) -> String {
    s.split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A table row as blocks: a row of single-line cells (`姓名 | 张三`, `2019 – 2021 | 公司 |
/// 职位`) is one line, its cells joined by ` | `; a row with longer cells gives each cell's
/// paragraphs in turn.
pub(crate) fn emit_row(cells: Vec<Vec<Block>>, out: &mut Vec<Block>) {
    let simple = cells.iter().all(|c| {
        c.len() <= 1
            && c.iter()
                .all(|b| b.kind == Kind::Body && !b.text.contains('\n'))
    });
    if simple {
        let texts: Vec<String> = cells.into_iter().flatten().map(|b| b.text).collect();
        if !texts.is_empty() {
            out.push(Block {
                kind: Kind::Body,
                text: texts.join(" | "),
            });
        }
    } else {
        out.extend(cells.into_iter().flatten());
    }
}

/// Where a document's finished paragraphs go while tables are read: the body, or the cells
/// of the rows being read (tables nest), a row becoming lines by [`emit_row`] when it ends.
pub(crate) struct Sinks {
    sinks: Vec<Vec<Block>>,
    rows: Vec<Vec<Vec<Block>>>,
}

impl Sinks {
    pub(crate) fn new() -> Sinks {
        Sinks {
            sinks: vec![Vec::new()],
            rows: Vec::new(),
        }
    }

    /// A finished paragraph.
    pub(crate) fn push(&mut self, b: Block) {
        self.sinks.last_mut().expect("body").push(b);
    }

    pub(crate) fn start_table(&mut self) {
        self.rows.push(Vec::new());
    }

    pub(crate) fn end_table(&mut self) {
        self.rows.pop();
    }

    pub(crate) fn start_row(&mut self) {
        if let Some(row) = self.rows.last_mut() {
            row.clear();
        }
    }

    pub(crate) fn end_row(&mut self) {
        if let Some(row) = self.rows.last_mut() {
            let cells = std::mem::take(row);
            emit_row(cells, self.sinks.last_mut().expect("body"));
        }
    }

    pub(crate) fn start_cell(&mut self) {
        self.sinks.push(Vec::new());
    }

    pub(crate) fn end_cell(&mut self) {
        if self.sinks.len() > 1 {
            let cell = self.sinks.pop().expect("cell");
            match self.rows.last_mut() {
                Some(row) => row.push(cell),
                None => self.sinks.last_mut().expect("body").extend(cell),
            }
        }
    }

    /// The paragraphs in reading order; cells a truncated document left open are kept.
    pub(crate) fn finish(mut self) -> Vec<Block> {
        while self.sinks.len() > 1 {
            let cell = self.sinks.pop().expect("cell");
            self.sinks.last_mut().expect("body").extend(cell);
        }
        self.sinks.pop().unwrap_or_default()
    }
}

/// The text an XML entity or character reference stands for (`&amp;`, `&#x4E2D;`).
pub(crate) fn entity_text(
    r: &quick_xml::events::BytesRef<'_>,
) -> std::result::Result<String, quick_xml::Error> {
    Ok(match r.resolve_char_ref()? {
        Some(c) => c.to_string(),
        None => {
            let name = r.decode().map_err(quick_xml::Error::from)?;
            quick_xml::escape::resolve_predefined_entity(&name)
                .unwrap_or_default()
                .to_string()
        }
    })
}

/// `s` with the characters Markdown would read as markup escaped, so the parsed text is
/// exactly `s` (CommonMark unescapes any backslash-escaped ASCII punctuation).
pub(crate) fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    for (i, c) in s.char_indices() {
        let at_start = i == 0 && "#+-~=>|".contains(c);
        // `1.` and `1)` start an ordered list only before a space: `2019.07` stays.
        let after_number = i == digits
            && (1..=9).contains(&digits)
            && (c == '.' || c == ')')
            && s[i + 1..].chars().next().is_none_or(char::is_whitespace);
        if "\\`*_[]<>&".contains(c) || at_start || after_number {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The blocks as résumé text: Markdown (`#` name, `##`/`###`/`####` by heading rank,
/// indented `- ` items) when the document has headings, plain text otherwise (where the
/// text parser finds headings by their words) or when `plain` (a posting, whose reader
/// finds headings by their words too).
pub(crate) fn render(blocks: &[Block], plain: bool) -> (String, InputFormat) {
    let mut blocks = with_typed_markers(blocks);
    // Without a Title style, a first heading used nowhere else is the name (LibreOffice
    // writes an HTML `h1` as Heading 1).
    if let Some(Kind::Heading(l)) = blocks.first().map(|b| b.kind) {
        let alone = blocks.iter().filter(|b| b.kind == Kind::Heading(l)).count() == 1;
        if alone && !blocks.iter().any(|b| b.kind == Kind::Title) {
            blocks[0].kind = Kind::Title;
        }
    }
    let mut ranks: Vec<u8> = blocks
        .iter()
        .filter_map(|b| match b.kind {
            Kind::Heading(l) => Some(l),
            _ => None,
        })
        .collect();
    ranks.sort_unstable();
    ranks.dedup();
    let markdown = !plain && !ranks.is_empty();
    // Entry headings set in body type (bold at body size, as LibreOffice's and many Word
    // résumés are): with section headings only, a short line directly above a line with
    // dates heads an entry.
    let body_entries = markdown && ranks.len() == 1;
    let mut in_section = false;
    // Whether the last body line was made an entry heading.
    let mut headed = false;
    let has_title = blocks.iter().any(|b| b.kind == Kind::Title);
    let mut out = String::new();
    let mut in_list = false;
    let mut named = false;
    for (i, b) in blocks.iter().enumerate() {
        if !markdown {
            let line = match b.kind {
                Kind::Item(l) => format!("{}- {}", "  ".repeat(l), b.text.replace('\n', " ")),
                // A résumé's name, as the text parser reads a first line: set apart by
                // blank lines, a name in capitals ("JANE DOE") would read as a section
                // heading. A posting's title is set apart as a heading is.
                Kind::Title if !plain => b.text.replace('\n', " "),
                Kind::Heading(_) | Kind::Title => format!("\n{}\n", b.text.replace('\n', " ")),
                Kind::Body => b.text.clone(),
            };
            out.push_str(&line);
            out.push('\n');
            continue;
        }
        let one_line = || md_escape(&b.text.replace('\n', " "));
        // The name: the title, or without one the first paragraph before any heading.
        let name = !named
            && match b.kind {
                Kind::Title => true,
                Kind::Body => !has_title && i == 0,
                _ => false,
            };
        if let Kind::Item(l) = b.kind {
            if !in_list {
                out.push('\n');
            }
            in_list = true;
            headed = false;
            out.push_str(&format!("{}- {}\n", "  ".repeat(l), one_line()));
            continue;
        }
        if in_list {
            out.push('\n');
            in_list = false;
        }
        if name {
            named = true;
            out.push_str(&format!("# {}\n\n", one_line()));
            continue;
        }
        match b.kind {
            Kind::Heading(l) => {
                in_section = true;
                headed = false;
                let rank = ranks.iter().position(|&r| r == l).unwrap_or(0).min(2);
                out.push_str(&format!("{} {}\n\n", "#".repeat(rank + 2), one_line()));
            }
            _ => {
                let lines: Vec<&str> = b.text.split('\n').collect();
                for (k, line) in lines.iter().enumerate() {
                    let next = lines.get(k + 1).copied().or_else(|| {
                        blocks
                            .get(i + 1)
                            .filter(|n| n.kind == Kind::Body)
                            .and_then(|n| n.text.split('\n').next())
                    });
                    // A line with its dates that opens a list (`公司  职位 | 2019.03 - 至今`
                    // above the bullets), unless a line above already heads this entry.
                    let list_next = k + 1 == lines.len()
                        && blocks
                            .get(i + 1)
                            .is_some_and(|n| matches!(n.kind, Kind::Item(_)));
                    let heads = body_entries
                        && in_section
                        && (heads_entry(line, next)
                            || (!headed && list_next && heads_dated_entry(line)));
                    headed = heads;
                    if heads {
                        out.push_str("### ");
                    }
                    out.push_str(&md_escape(line));
                    out.push_str("\n\n");
                }
            }
        }
    }
    let format = if markdown {
        InputFormat::Markdown
    } else {
        InputFormat::Text
    };
    (out, format)
}

/// Whether a body line heads an entry: short, not a sentence, no dates of its own, and the
/// next line has dates ("Fernway Payments" over "Senior Backend Engineer · Austin, TX · Jan
/// 2019 – Present").
fn heads_entry(line: &str, next: Option<&str>) -> bool {
    let line = line.trim();
    !line.is_empty()
        && line.chars().count() <= 80
        && !line.ends_with(['.', '。', ':', '：', ';', '；'])
        && crate::parse::dates::find_range(line).is_none()
        && next.is_some_and(|n| crate::parse::dates::find_range(n).is_some())
}

/// Whether a body line is an entry's heading with its dates: short, not a sentence, some
/// text before a date range that ends the line.
fn heads_dated_entry(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= 80
        && !line.ends_with(['.', '。', ':', '：', ';', '；'])
        && crate::parse::dates::find_range(line).is_some_and(|r| {
            r.span.start > 0
                && line[r.span.end..]
                    .trim_matches(|c: char| c.is_whitespace() || "()（）".contains(c))
                    .is_empty()
        })
}

/// Body paragraphs that start with a typed list marker (`• `, `- `, `1、`) read as items:
/// many résumés type their bullets instead of using Word's numbering.
fn with_typed_markers(blocks: &[Block]) -> Vec<Block> {
    blocks
        .iter()
        .map(|b| match (b.kind, super::text::split_markers(&b.text)) {
            (Kind::Body, Some((_, _, rest))) if !rest.is_empty() && !b.text.contains('\n') => {
                Block {
                    kind: Kind::Item(0),
                    text: rest.to_string(),
                }
            }
            _ => b.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown() {
        assert_eq!(md_escape("1. a*b_c"), "1\\. a\\*b\\_c");
        assert_eq!(md_escape("# x"), "\\# x");
        assert_eq!(md_escape("C# and C++"), "C# and C++");
        assert_eq!(md_escape("2019.07"), "2019.07");
    }

    #[test]
    fn a_dated_line_over_a_list_heads_its_entry() {
        let b = |kind, text: &str| Block {
            kind,
            text: text.into(),
        };
        let blocks = [
            b(Kind::Title, "林思远"),
            b(Kind::Heading(1), "工作经历"),
            b(
                Kind::Body,
                "星河云计算有限公司 高级运维开发工程师 | 2019.03 - 至今",
            ),
            b(Kind::Item(0), "负责集群容量规划。"),
            b(Kind::Body, "Fernwood Analytics | Denver, CO"),
            b(Kind::Body, "Senior Backend Engineer | Jan 2019 – Present"),
            b(Kind::Item(0), "Led the platform team."),
        ];
        let (md, _) = render(&blocks, false);
        let heads: Vec<&str> = md.lines().filter(|l| l.starts_with("### ")).collect();
        // The second entry is headed by its company line, not again by its dated role line.
        assert_eq!(
            heads,
            [
                "### 星河云计算有限公司 高级运维开发工程师 | 2019.03 - 至今",
                "### Fernwood Analytics | Denver, CO"
            ]
        );
    }

    #[test]
    fn plain_text_for_postings() {
        let b = vec![
            Block {
                kind: Kind::Heading(2),
                text: "Requirements".into(),
            },
            Block {
                kind: Kind::Item(0),
                text: "5 years of Go".into(),
            },
        ];
        assert_eq!(
            render(&b, true),
            (
                "\nRequirements\n\n- 5 years of Go\n".to_string(),
                InputFormat::Text
            )
        );
    }

    #[test]
    fn body_type_entry_headings_become_entries() {
        let block = |kind, text: &str| Block {
            kind,
            text: text.into(),
        };
        let blocks = vec![
            block(Kind::Title, "Sam Lee"),
            block(Kind::Heading(1), "Experience"),
            block(Kind::Body, "Fernway Payments"),
            block(
                Kind::Body,
                "Senior Backend Engineer · Austin, TX · Jan 2019 – Present",
            ),
            block(
                Kind::Item(0),
                "Designed and built a Go payment-routing service.",
            ),
            // Organisation and dates in one paragraph, two lines.
            block(
                Kind::Body,
                "Tidewater Logistics\nShanghai · 2016.07 – 2018.12",
            ),
            block(Kind::Item(0), "Developed shipment-tracking APIs."),
            // A sentence above dates is not an entry.
            block(Kind::Body, "Worked on many things."),
            block(Kind::Body, "2014 – 2016"),
        ];
        let (md, format) = render(&blocks, false);
        assert_eq!(format, InputFormat::Markdown);
        assert!(md.contains("\n### Fernway Payments\n"), "{md}");
        assert!(md.contains("\n### Tidewater Logistics\n"), "{md}");
        assert!(!md.contains("### Worked"), "{md}");
        let r = crate::parse::markdown::parse(&md);
        let e = &r.sections[0].entries;
        assert_eq!(e[0].organisation.as_deref(), Some("Fernway Payments"));
        assert_eq!(e[0].title.as_deref(), Some("Senior Backend Engineer"));
        assert_eq!(e[0].location.as_deref(), Some("Austin, TX"));
        assert!(e[0].dates.is_some() && e[1].dates.is_some());
        // With entry headings of their own, body lines stay body lines.
        let mut ranked = blocks.clone();
        ranked[2].kind = Kind::Heading(2);
        let (md, _) = render(&ranked, false);
        assert!(!md.contains("### Tidewater"), "{md}");
    }
}
