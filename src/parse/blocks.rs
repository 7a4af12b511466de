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
    let has_title = blocks.iter().any(|b| b.kind == Kind::Title);
    let mut out = String::new();
    let mut in_list = false;
    let mut named = false;
    for (i, b) in blocks.iter().enumerate() {
        if !markdown {
            let line = match b.kind {
                Kind::Item(l) => format!("{}- {}", "  ".repeat(l), b.text.replace('\n', " ")),
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
                let rank = ranks.iter().position(|&r| r == l).unwrap_or(0).min(2);
                out.push_str(&format!("{} {}\n\n", "#".repeat(rank + 2), one_line()));
            }
            _ => {
                for line in b.text.split('\n') {
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
}
