//! DOCX: a tailored résumé as a Word document (docx-rs), in a clean default style: the name
//! as the title, sections as Heading 1, entries as Heading 2 with their title, place and
//! dates, bullets as real Word bullet lists with their nesting.

use crate::error::{Error, Result};
use crate::model::{link_pieces, Bullet, Link, Resume};
use docx_rs::{
    AbstractNumbering, Docx, IndentLevel, Level, LevelJc, LevelText, LineSpacing, NumberFormat,
    Numbering, NumberingId, Paragraph, Run, RunFonts, SpecialIndentType, Start, Style, StyleType,
};

/// The bullet numbering this document defines (docx-rs reserves id 1 for its default list).
const BULLETS: usize = 2;
/// Nesting levels given their own indent and glyph; deeper bullets use the last.
const LEVELS: usize = 4;

/// Half-points, as Word measures font sizes.
const BODY_SIZE: usize = 21;

fn fonts() -> RunFonts {
    // Latin text in Calibri, Chinese in a font every Office install has.
    RunFonts::new()
        .ascii("Calibri")
        .hi_ansi("Calibri")
        .east_asia("Microsoft YaHei")
}

/// `text` for a Word run: without the characters XML 1.0 forbids (C0 controls but tab,
/// U+FFFE, U+FFFF), which a JSON Resume string may carry as escapes and which would make the
/// document unreadable, and with line breaks as spaces (docx-rs drops them, which would join
/// two words). The words stay verbatim.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' => Some(' '),
            '\t' => Some(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => None,
            c => Some(c),
        })
        .collect()
}

fn run(text: &str) -> Run {
    // A tab is Word's own element (`<w:tab/>`); inside `<w:t>` Word would show a space.
    let text = xml_text(text);
    let mut r = Run::new();
    for (i, piece) in text.split('\t').enumerate() {
        if i > 0 {
            r = r.add_tab();
        }
        if !piece.is_empty() {
            r = r.add_text(piece);
        }
    }
    r.fonts(fonts()).size(BODY_SIZE)
}

/// `p` with `text` linked to `url` as a `HYPERLINK` field, which Word and LibreOffice follow
/// as they follow a hyperlink element. A field needs no relationship entry: docx-rs numbers
/// those from a process-wide counter and writes them in hash order, which would make the
/// same résumé give different bytes from run to run.
fn linked(p: Paragraph, text: Run, url: &str) -> Paragraph {
    use docx_rs::{FieldCharType, InstrText};
    // A quote would end the field's argument (a URL carries it percent-encoded), and docx-rs
    // writes a field instruction as it is given, so XML's own characters are escaped here.
    let target = xml_text(url)
        .replace('"', "%22")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    p.add_run(Run::new().add_field_char(FieldCharType::Begin, false))
        .add_run(
            Run::new().add_instr_text(InstrText::Unsupported(format!(" HYPERLINK \"{target}\" "))),
        )
        .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
        .add_run(text.color("1F4E79"))
        .add_run(Run::new().add_field_char(FieldCharType::End, false))
}

/// `p` with `text` as runs made by `styled`, the words the source linked linked again.
fn linked_runs(
    mut p: Paragraph,
    text: &str,
    links: &[Link],
    styled: impl Fn(&str) -> Run,
) -> Paragraph {
    for (piece, url) in link_pieces(text, links) {
        p = match url {
            Some(u) => linked(p, styled(piece), u),
            None => p.add_run(styled(piece)),
        };
    }
    p
}

fn styles(doc: Docx) -> Docx {
    doc.add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .size(40)
            .bold()
            .fonts(fonts()),
    )
    .add_style(
        Style::new("Heading1", StyleType::Paragraph)
            .name("Heading 1")
            .size(26)
            .bold()
            .color("1F3864")
            .fonts(fonts()),
    )
    .add_style(
        Style::new("Heading2", StyleType::Paragraph)
            .name("Heading 2")
            .size(22)
            .bold()
            .fonts(fonts()),
    )
}

fn numbering(doc: Docx) -> Docx {
    let mut abs = AbstractNumbering::new(BULLETS);
    for level in 0..LEVELS {
        let glyph = if level % 2 == 0 { "•" } else { "◦" };
        abs = abs.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new("bullet"),
                LevelText::new(glyph),
                LevelJc::new("left"),
            )
            .indent(
                Some(360 * (level as i32 + 1)),
                Some(SpecialIndentType::Hanging(240)),
                None,
                None,
            ),
        );
    }
    doc.add_abstract_numbering(abs)
        .add_numbering(Numbering::new(BULLETS, BULLETS))
}

fn spaced(p: Paragraph, before: u32, after: u32) -> Paragraph {
    p.line_spacing(LineSpacing::new().before(before).after(after))
}

fn bullets(mut doc: Docx, items: &[Bullet], depth: usize) -> Docx {
    for b in items {
        let styled = |text: &str| {
            if b.children.is_empty() {
                run(text)
            } else {
                run(text).bold()
            }
        };
        let p = linked_runs(Paragraph::new(), &b.text, &b.links, styled);
        doc = doc.add_paragraph(spaced(
            p.numbering(
                NumberingId::new(BULLETS),
                IndentLevel::new(depth.min(LEVELS - 1)),
            ),
            0,
            40,
        ));
        doc = bullets(doc, &b.children, depth + 1);
    }
    doc
}

/// Renders `r` as the bytes of a .docx file.
pub fn resume(r: &Resume) -> Result<Vec<u8>> {
    let mut doc = numbering(styles(Docx::new()));
    if let Some(n) = &r.basics.name {
        doc = doc.add_paragraph(spaced(
            Paragraph::new()
                .add_run(Run::new().add_text(xml_text(n)))
                .style("Title"),
            0,
            60,
        ));
    }
    for l in super::resume::contact_lines(r) {
        let p = linked_runs(Paragraph::new(), &l, &r.basics.links, |t| {
            run(t).color("595959")
        });
        doc = doc.add_paragraph(spaced(p, 0, 20));
    }
    if let Some(s) = &r.basics.summary {
        doc = doc.add_paragraph(spaced(Paragraph::new().add_run(run(s)), 120, 0));
    }
    for s in &r.sections {
        doc = doc.add_paragraph(spaced(
            Paragraph::new()
                .add_run(Run::new().add_text(xml_text(&s.heading)))
                .style("Heading1")
                .keep_next(true),
            240,
            80,
        ));
        for e in &s.entries {
            if let Some(o) = &e.organisation {
                let name = Run::new().add_text(xml_text(o));
                let p = match &e.url {
                    Some(url) => linked(Paragraph::new(), name, url),
                    None => Paragraph::new().add_run(name),
                };
                doc = doc.add_paragraph(spaced(p.style("Heading2").keep_next(true), 120, 0));
            }
            let place: Vec<&str> = [&e.title, &e.location, &e.dates]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            if !place.is_empty() {
                doc = doc.add_paragraph(spaced(
                    Paragraph::new()
                        .add_run(run(&place.join(" · ")).italic().color("404040"))
                        .keep_next(!e.bullets.is_empty()),
                    0,
                    40,
                ));
            }
            for n in &e.notes {
                let p = linked_runs(Paragraph::new(), n, &e.links, run);
                doc = doc.add_paragraph(spaced(p, 0, 40));
            }
            doc = bullets(doc, &e.bullets, 0);
        }
    }
    let mut buf = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut buf)
        .map_err(|e| Error::Render(format!("cannot write DOCX: {e}")))?;
    Ok(buf.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_zip_with_the_text() {
        let mut r = crate::parse::markdown::parse(
            "# Ada\n\n## Work\n\n### ACME\nEngineer\n\n- Built <things> & more\n  - nested 中文\n",
        );
        r.basics.name = Some("Ada \u{1}Lovelace\u{FFFF}".into());
        let bytes = resume(&r).unwrap();
        assert_eq!(&bytes[..2], b"PK");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        assert!(xml.contains("Built &lt;things&gt; &amp; more"), "{xml}");
        assert!(xml.contains("nested 中文"));
        assert!(xml.contains("w:numId"));
        assert!(xml.contains("Ada Lovelace") && !xml.contains('\u{1}'));
    }

    #[test]
    fn a_tab_is_words_own_element() {
        let mut r = crate::parse::markdown::parse("# Ada\n\n## Work\n\n### ACME\n\n- Go\n");
        r.sections[0].entries[0].bullets[0].text = "Go\tand Rust".into();
        let bytes = resume(&r).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        assert!(!xml.contains('\t'), "{xml}");
        let tab = xml.find("<w:tab").unwrap();
        assert!(
            xml.find(">Go<").unwrap() < tab && tab < xml.find(">and Rust<").unwrap(),
            "{xml}"
        );
    }

    #[test]
    fn an_entry_link_is_a_hyperlink_field_around_its_organisation() {
        let r = crate::parse::markdown::parse(
            "# Ada\n\n## Work\n\n### Engineer [51NB](https://www.u51.com/a?b=1&c=\"2\")\n\n- Built things\n",
        );
        let bytes = resume(&r).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        let field = xml.find(r#"HYPERLINK "https://www.u51.com/a?b=1&amp;c=%222%22" "#);
        let name = xml.find(">51NB<");
        assert!(field.is_some() && name.is_some() && field < name, "{xml}");
        assert!(xml.contains("w:fldCharType=\"end\""));
        // The same bytes every time, and the organisation reads back without the link.
        assert_eq!(resume(&r).unwrap(), bytes);
        let back = crate::parse::docx::to_text(std::path::Path::new("x.docx"), &bytes);
        assert!(back.unwrap().0.contains("51NB"));
    }
}
