//! Résumés as files: Markdown in jdfit's convention, plain text, JSON, and the dispatch to
//! JSON Resume, HTML and DOCX.

use super::{docx, html, jsonresume, Highlights, ResumeFormat};
use crate::error::Result;
use crate::model::{link_pieces, Bullet, Entry, Link, Resume};
use std::fmt::Write;

/// Renders a résumé as the bytes of a file in `format`; `hl` highlights the posting's
/// matched terms (HTML only).
pub fn resume_file(r: &Resume, format: ResumeFormat, hl: Option<&Highlights>) -> Result<Vec<u8>> {
    Ok(match format {
        ResumeFormat::Md => markdown(r).into_bytes(),
        ResumeFormat::Json => {
            (serde_json::to_string_pretty(r).expect("résumé serialises") + "\n").into_bytes()
        }
        ResumeFormat::Txt => text(r).into_bytes(),
        ResumeFormat::Jsonresume => (serde_json::to_string_pretty(&jsonresume::document(r))
            .expect("JSON serialises")
            + "\n")
            .into_bytes(),
        ResumeFormat::Html => html::resume(r, hl).into_bytes(),
        ResumeFormat::Docx => docx::resume(r)?,
    })
}

pub(super) fn contact_lines(r: &Resume) -> Vec<String> {
    let b = &r.basics;
    if !b.lines.is_empty() {
        // A headline read apart from the contact lines (Markdown's `## Android Engineer`
        // above them) heads them, so that no output loses it.
        let label = b
            .label
            .as_ref()
            .filter(|l| !b.lines.iter().any(|x| x.contains(l.as_str())));
        // So does a place read beside them (a LinkedIn PDF sets it under the headline).
        let place = b
            .location
            .as_ref()
            .filter(|l| !b.lines.iter().any(|x| x.contains(l.as_str())));
        return label
            .into_iter()
            .chain(&b.lines)
            .chain(place)
            .cloned()
            .collect();
    }
    // Profiles (JSON Resume's) by their sites' names, which the outputs that carry links link.
    let parts: Vec<&str> = [&b.label, &b.email, &b.phone, &b.url, &b.location]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .chain(b.links.iter().map(|l| l.text.as_str()))
        .collect();
    if parts.is_empty() {
        Vec::new()
    } else {
        vec![parts.join(" | ")]
    }
}

pub(super) fn entry_lines(e: &Entry) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(t) = &e.title {
        out.push(t.clone());
    }
    match (&e.location, &e.dates) {
        (Some(l), Some(d)) => out.push(format!("{l} | {d}")),
        (Some(l), None) => out.push(l.clone()),
        (None, Some(d)) => out.push(d.clone()),
        (None, None) => {}
    }
    out.extend(e.notes.iter().cloned());
    out
}

/// `text` with the source's links on its words written back as Markdown links, escaped so
/// that it reads back as itself.
fn md_linked(text: &str, links: &[Link]) -> String {
    let mut out = String::with_capacity(text.len());
    for (piece, url) in link_pieces(text, links) {
        let start = out.is_empty();
        match url {
            Some(u) => {
                out.push('[');
                md_escape_into(&mut out, piece, false);
                let _ = write!(out, "]({u})");
            }
            None => md_escape_into(&mut out, piece, start),
        }
    }
    out
}

/// `text` as Markdown that reads back as the same text: a bullet of a plain-text or JSON
/// résumé may hold what Markdown reads as markup (`2**30`, `__init__`, `# of users`,
/// `> 99.9%`, `&amp;`, `[draft]`), which would change or vanish when the file is read again.
fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    md_escape_into(&mut out, text, true);
    out
}

/// `text` escaped for a heading line: a final run of `#` would read as the heading's
/// closing sequence and vanish (`Tools #`).
fn md_heading(text: &str) -> String {
    let mut out = md_escape(text);
    if out.ends_with('#') {
        let at = out.trim_end_matches('#').len();
        out.insert(at, '\\');
    }
    out
}

/// Writes `text` escaped to `out`. `line_start`: the text opens a line (after a list
/// marker or a heading's `#`), where `#`, `>`, `-`, `+`, `1.` and the like open blocks. A
/// line break inside the text is written as a space: in Markdown it would start new
/// structure (a heading, a list) that the résumé never had.
fn md_escape_into(out: &mut String, text: &str, line_start: bool) {
    let chars: Vec<char> = text
        .chars()
        .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c })
        .collect();
    // At a line's start, leading spaces (a line break turned into one, say) would let a
    // `#` or `-` after them open a block, and four of them open code: they are left out.
    let chars: Vec<char> = if line_start {
        let lead = chars.iter().take_while(|c| matches!(c, ' ' | '\t')).count();
        chars[lead..].to_vec()
    } else {
        chars
    };
    let blank_or =
        |c: Option<char>, also: char| c.is_none_or(|n| n == ' ' || n == '\t' || n == also);
    // The whole text is `mark`s and spaces: a thematic break (`---`, three or more) or a
    // setext underline (`=`, one is enough).
    let only = |mark: char| chars.iter().all(|&c| c == mark || c == ' ' || c == '\t');
    let rule = |mark: char| only(mark) && chars.iter().filter(|&&c| c == mark).count() >= 3;
    let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\\' => next.is_none_or(|n| n.is_ascii_punctuation()),
            '*' | '`' | '[' | ']' => true,
            // Inside a word (`snake_case`) an underscore is never emphasis.
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            '&' => entity_at(&chars[i + 1..]),
            '#' | '>' if line_start && i == 0 => true,
            '-' | '+' if line_start && i == 0 => blank_or(next, c) || rule(c),
            // A line of `=` under a line of text makes it a heading, even one `=`.
            '=' if line_start && i == 0 => only('='),
            // `~~` is strikethrough where Markdown has it (GitHub's), and a fence at a line's
            // start.
            '~' => next == Some('~') || prev == Some('~'),
            '.' | ')' if line_start && i == digits && (1..=9).contains(&digits) => {
                blank_or(next, ' ')
            }
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Whether `rest` (what follows a `&`) makes it an entity reference: `amp;`, `#38;`, `#x26;`.
fn entity_at(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take(32)
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

fn bullets_md(out: &mut String, bullets: &[Bullet], depth: usize) {
    for b in bullets {
        let _ = writeln!(
            out,
            "{}- {}",
            "  ".repeat(depth),
            md_linked(&b.text, &b.links)
        );
        bullets_md(out, &b.children, depth + 1);
    }
}

/// Markdown: `#` name, contact lines, `##` sections, `###` entries, a title line, a
/// `location | dates` line, notes, nested `-` bullets.
pub fn markdown(r: &Resume) -> String {
    let mut out = String::new();
    if let Some(n) = &r.basics.name {
        let _ = writeln!(out, "# {}\n", md_heading(n));
    }
    let contact: Vec<String> = contact_lines(r)
        .iter()
        .map(|l| md_linked(l, &r.basics.links))
        .collect();
    if !contact.is_empty() {
        let _ = writeln!(out, "{}\n", contact.join("  \n"));
    }
    if let Some(s) = &r.basics.summary {
        let _ = writeln!(out, "{}\n", md_escape(s));
    }
    for s in &r.sections {
        let _ = writeln!(out, "## {}\n", md_heading(&s.heading));
        for e in &s.entries {
            match (&e.organisation, &e.url) {
                // The link kept as the heading's: it reads back as the entry's.
                (Some(o), Some(u)) => {
                    let mut linked = String::from("[");
                    md_escape_into(&mut linked, o, false);
                    let _ = writeln!(out, "### {linked}]({u})");
                }
                (Some(o), None) => {
                    let _ = writeln!(out, "### {}", md_heading(o));
                }
                _ => {}
            }
            let mut lines: Vec<String> = entry_lines(e).iter().map(|l| md_escape(l)).collect();
            // The notes, last, with their links.
            let notes = lines.len() - e.notes.len();
            for (line, note) in lines[notes..].iter_mut().zip(&e.notes) {
                *line = md_linked(note, &e.links);
            }
            if !lines.is_empty() {
                let _ = writeln!(out, "{}", lines.join("\n"));
            }
            if e.organisation.is_some() || !lines.is_empty() {
                out.push('\n');
            }
            if !e.bullets.is_empty() {
                bullets_md(&mut out, &e.bullets, 0);
                out.push('\n');
            }
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn bullets_txt(out: &mut String, bullets: &[Bullet], depth: usize) {
    for b in bullets {
        let mark = if depth.is_multiple_of(2) {
            '•'
        } else {
            '◦'
        };
        // A line break inside a bullet would read as a line of its own.
        let text = b.text.replace(['\r', '\n'], " ");
        let _ = writeln!(out, "{}{mark} {text}", "  ".repeat(depth + 1));
        bullets_txt(out, &b.children, depth + 1);
    }
}

/// Plain text with `•` bullets, indented by level.
pub fn text(r: &Resume) -> String {
    let mut out = String::new();
    if let Some(n) = &r.basics.name {
        let _ = writeln!(out, "{n}");
    }
    // Plain text carries no links: a contact link's address follows its words ("LinkedIn
    // (https://…)"), or a printed "LinkedIn | GitHub" would lead nowhere.
    for l in contact_lines(r) {
        for (piece, url) in link_pieces(&l, &r.basics.links) {
            match url {
                Some(u) if u != piece => {
                    let _ = write!(out, "{piece} ({u})");
                }
                _ => out.push_str(piece),
            }
        }
        out.push('\n');
    }
    if let Some(s) = &r.basics.summary {
        let _ = writeln!(out, "\n{s}");
    }
    for s in &r.sections {
        let _ = writeln!(out, "\n{}\n", s.heading);
        for (i, e) in s.entries.iter().enumerate() {
            // Entries apart, as text résumés set them: the reader takes the line after a
            // blank one for the next entry's header, where it would otherwise read the
            // bullet above it as the next organisation.
            if i > 0 {
                out.push('\n');
            }
            if let Some(o) = &e.organisation {
                let _ = writeln!(out, "{o}");
            }
            // An entry with no title line (a degree named in its header): its notes before
            // the place and dates, which end its header lines as text résumés set them;
            // after the dates, a note (`保研; 北京市优干`) read as the next entry's header.
            // Under a title, notes (a job's summary) follow the dates, where a sentence
            // before them had read as the organisation.
            let lines = entry_lines(e);
            let (head, notes) = lines.split_at(lines.len() - e.notes.len());
            let ordered: Vec<&String> = if e.title.is_none() {
                notes.iter().chain(head).collect()
            } else {
                lines.iter().collect()
            };
            for l in ordered {
                let _ = writeln!(out, "{l}");
            }
            bullets_txt(&mut out, &e.bullets, 0);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::markdown;

    #[test]
    fn markdown_round_trips() {
        let md = "# Alex\n\nalex@example.com | Portland\n\n## Experience\n\n### Engineer, Acme\nLead\nRemote | Mar 2021 – Present\n\n- Led work\n  - Adopted by five teams\n- Cut LCP\n\n## Skills\n\n- React";
        let r = markdown::parse(md);
        let out = markdown(&r);
        assert_eq!(markdown::parse(&out), r);
        assert_eq!(out, format!("{md}\n"));
    }

    /// Every bullet's text, in order.
    fn texts(r: &Resume) -> Vec<String> {
        r.all_bullets().iter().map(|b| b.text.clone()).collect()
    }

    #[test]
    fn markdown_output_escapes_what_markdown_would_read_as_markup() {
        // Bullets of a plain-text résumé that Markdown reads as a heading, a quote, a rule,
        // emphasis, code, an entity, a link or a nested list.
        let bullets = [
            "# of Kafka consumers grew 3x",
            "> 99.9% uptime for Kubernetes",
            "---",
            "Go <b>bold</b> &amp; Kafka, R&D",
            "[draft](http://x) and ![img](y.png)",
            "code: `a` and ``b``",
            "2**30 字节 的 src/**/*.rs 以及 __init__ 和 a*b*c, snake_case",
            "1. Redis migration",
            "+ one more, ~~~ and C:\\path\\to\\",
            "~~struck~~ and ~5 ms, a ~ b",
            "=== and 2019) and 10% <5ms",
        ];
        // JSON Resume keeps highlights as they are written.
        let doc = serde_json::json!({
            "basics": {"name": "Sam"},
            "work": [{"name": "Acme", "startDate": "2019-01", "highlights": bullets}]
        });
        let r = crate::parse::jsonresume::parse(std::path::Path::new("r.json"), &doc.to_string())
            .unwrap();
        assert_eq!(texts(&r), bullets, "the fixture reads as these bullets");
        let md = markdown(&r);
        assert!(md.contains("- \\# of Kafka"), "{md}");
        // GitHub's Markdown strikes `~~…~~` through; a lone `~` is left as it is.
        assert!(md.contains("\\~\\~struck\\~\\~ and ~5 ms, a ~ b"), "{md}");
        assert_eq!(texts(&markdown::parse(&md)), bullets, "{md}");
    }

    #[test]
    fn an_awards_day_reads_back_from_markdown() {
        // JSON Resume dates an award with one day; Markdown writes it on its own line.
        let doc = serde_json::json!({
            "basics": {"name": "Sam"},
            "work": [{"name": "Acme", "startDate": "2019-01", "highlights": ["Built Go services"]}],
            "awards": [{"title": "Best Engineer", "date": "2021-11-01", "awarder": "Acme"}]
        });
        let r = crate::parse::jsonresume::parse(std::path::Path::new("r.json"), &doc.to_string())
            .unwrap();
        let back = markdown::parse(&markdown(&r));
        assert_eq!(entries(&back), entries(&r));
        assert_eq!(entries(&back)[1].2.as_deref(), Some("2021-11-01"));
    }

    /// The document XML of `r` written as DOCX.
    fn docx_xml(r: &Resume) -> String {
        let docx = resume_file(r, ResumeFormat::Docx, None).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
            .unwrap();
        xml
    }

    /// An entry's organisation, title, dates and bullets.
    type EntryRead = (Option<String>, Option<String>, Option<String>, Vec<String>);

    /// Every entry's [`EntryRead`] and place, in order.
    fn placed(r: &Resume) -> Vec<(EntryRead, Option<String>)> {
        let places = r
            .sections
            .iter()
            .flat_map(|s| &s.entries)
            .map(|e| e.location.clone());
        entries(r).into_iter().zip(places).collect()
    }

    /// Every entry's [`EntryRead`], in order.
    fn entries(r: &Resume) -> Vec<EntryRead> {
        let leaf_texts = |bs: &[Bullet]| bs.iter().map(|b| b.text.clone()).collect::<Vec<_>>();
        r.sections
            .iter()
            .flat_map(|s| &s.entries)
            .map(|e| {
                let (o, t, d) = (e.organisation.clone(), e.title.clone(), e.dates.clone());
                (o, t, d, leaf_texts(&e.bullets))
            })
            .collect()
    }

    #[test]
    fn organisations_holding_separators_read_back_whole_from_markdown_text_and_html() {
        // An organisation written with ` — `, ` | ` or a comma, as JSON Resume and Word
        // résumés hold them: read back from jdfit's own Markdown and text, each had been
        // split into an organisation and a title, the real title lost or made a note.
        let jobs = [
            (
                "Engineers Without Borders — Portland Chapter",
                "Volunteer Engineer",
            ),
            ("Acme | Labs", "Senior Engineer"),
            ("Initech, Inc.", "Staff Software Engineer"),
            ("字节跳动 — 抖音", "高级工程师"),
            ("Globex", "Platform Engineer"),
        ];
        let work: Vec<serde_json::Value> = (0..)
            .zip(jobs)
            .map(|(i, (name, position))| {
                serde_json::json!({"name": name, "position": position,
                    "location": (i % 2 == 1).then_some("Berlin, Germany"),
                    "startDate": format!("{}-01", 2010 + 2 * i),
                    "endDate": format!("{}-12", 2011 + 2 * i),
                    "highlights": [format!("Shipped release {i}")]})
            })
            .collect();
        let doc = serde_json::json!({"basics": {"name": "Sam"}, "work": work});
        let r = crate::parse::jsonresume::parse(std::path::Path::new("r.json"), &doc.to_string())
            .unwrap();
        let want = entries(&r);
        assert_eq!(want.len(), jobs.len());
        for (got, (org, title)) in want.iter().zip(jobs) {
            assert_eq!(
                (got.0.as_deref(), got.1.as_deref()),
                (Some(org), Some(title))
            );
        }
        let md = markdown(&r);
        assert_eq!(entries(&markdown::parse(&md)), want, "{md}");
        let txt = text(&r);
        assert_eq!(entries(&crate::parse::text::parse(&txt)), want, "{txt}");
        // A saved page: the entry's name, place and dates had read as one line beside its
        // title (`Acme | LabsBerlin, Germany · 2012-01 – 2013-12`, the title the next
        // entry's name).
        let page = html::resume(&r, None);
        let (page_md, _) = crate::parse::html::resume_text(&page);
        assert_eq!(placed(&markdown::parse(&page_md)), placed(&r), "{page_md}");
        assert_eq!(placed(&r)[1].1.as_deref(), Some("Berlin, Germany"));
    }

    /// A degree's note (`保研; 北京市优干`) written after its dates had read back from text as
    /// the next degree's header, every school after it shifted by one.
    #[test]
    fn education_notes_read_back_from_text_under_their_own_degree() {
        let md = "# 魏\n\n## 教育背景\n\n### 硕士 - 北京航空航天大学\n中国, 北京 | 2016 年 9 月 - 2019 年 1 月\n保研; 北京市优干\n\n### 本科 - 北京航空航天大学\n中国, 北京 | 2012 年 9 月 - 2016 年 6 月\n北京市三好; GPA 3.7\n\n## 工作经历\n\n### 阿里云\n高级工程师\n2019 年 3 月 - 2022 年 6 月\n\n- 负责流量调度";
        let r = markdown::parse(md);
        let txt = text(&r);
        let back = crate::parse::text::parse(&txt);
        let read = |r: &Resume| {
            r.sections[0]
                .entries
                .iter()
                .map(|e| (e.organisation.clone(), e.dates.clone(), e.notes.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(read(&back), read(&r), "{txt}");
        assert_eq!(read(&r)[1].2, ["北京市三好; GPA 3.7"]);
        assert_eq!(entries(&back)[2..], entries(&r)[2..], "{txt}");
    }

    #[test]
    fn lines_other_than_bullets_never_become_structure() {
        // A line break or spaces before `##`, a lone `=` under a title, a heading ending
        // with `#`: each had read back as a section or a heading of its own.
        let doc = serde_json::json!({
            "basics": {"name": "Sam", "summary": "\n# X"},
            "work": [{"name": "Tools #", "position": "\n## Awards", "summary": "=",
                      "startDate": "2020-01", "highlights": ["Go"]}]
        });
        let r = crate::parse::jsonresume::parse(std::path::Path::new("r.json"), &doc.to_string())
            .unwrap();
        let md = markdown(&r);
        let back = markdown::parse(&md);
        assert_eq!(back.sections.len(), r.sections.len(), "{md}");
        assert_eq!(texts(&back), ["Go"], "{md}");
        let e = &back.sections[0].entries[0];
        assert_eq!(e.organisation.as_deref(), Some("Tools #"), "{md}");
        assert_eq!(e.title.as_deref(), Some("## Awards"), "{md}");
    }

    #[test]
    fn a_line_break_inside_a_bullet_never_becomes_structure() {
        let json = r#"{"basics":{"name":"N"},"work":[{"name":"A","startDate":"2020-01","highlights":["Go and Kubernetes\n## Awards\n- Nobel Prize in Kafka","Multi\nline Redis"]}]}"#;
        let r = crate::parse::jsonresume::parse(std::path::Path::new("r.json"), json).unwrap();
        for out in [markdown(&r), text(&r)] {
            assert!(!out.contains("\n## Awards"), "{out}");
            assert!(!out.contains("\n- Nobel"), "{out}");
        }
        let back = markdown::parse(&markdown(&r));
        assert_eq!(back.sections.len(), 1);
        assert_eq!(
            texts(&back),
            [
                "Go and Kubernetes ## Awards - Nobel Prize in Kafka",
                "Multi line Redis"
            ]
        );
    }

    #[test]
    fn links_on_words_of_bullets_and_notes_are_kept_in_outputs_that_carry_links() {
        let md = "# Cai\n\n## Education\n\n[Zhejiang University](http://www.zju.example), Electronic Engineering (exchange term)\n\n## Skills\n\n- Libraries: [Glide](https://github.com/bumptech/glide) and [Gson](https://github.com/google/gson), not [a note](#)\n";
        let r = markdown::parse(md);
        let b = &r.sections[1].entries[0].bullets[0];
        // The text stays verbatim; the links ride beside it.
        assert_eq!(b.text, "Libraries: Glide and Gson, not a note");
        assert_eq!(b.links.len(), 2);
        let out = markdown(&r);
        assert!(
            out.contains("- Libraries: [Glide](https://github.com/bumptech/glide) and [Gson](https://github.com/google/gson), not a note\n"),
            "{out}"
        );
        assert!(
            out.contains("[Zhejiang University](http://www.zju.example), Electronic Engineering"),
            "{out}"
        );
        assert_eq!(markdown::parse(&out), r);
        let mut ranges = std::collections::HashMap::new();
        ranges.insert(b.id.clone(), vec![0..9, 11..16]);
        let hl = Highlights::new(ranges);
        let html =
            String::from_utf8(resume_file(&r, ResumeFormat::Html, Some(&hl)).unwrap()).unwrap();
        assert!(
            html.contains("<mark>Libraries</mark>: <a href=\"https://github.com/bumptech/glide\"><mark>Glide</mark></a> and <a href=\"https://github.com/google/gson\">Gson</a>, not a note"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"http://www.zju.example\">Zhejiang University</a>, Electronic")
        );
        let xml = docx_xml(&r);
        for url in [
            "https://github.com/bumptech/glide",
            "https://github.com/google/gson",
            "http://www.zju.example",
        ] {
            assert!(xml.contains(&format!("HYPERLINK \"{url}\"")), "{url}");
        }
    }

    #[test]
    fn contact_links_are_kept_in_outputs_that_carry_links() {
        let md = "# Dana\n\nsite.example | [LinkedIn](https://www.linkedin.com/in/dana) | [GitHub](https://github.com/dana)\n\n## Experience\n\n- Built Go services\n";
        let r = markdown::parse(md);
        assert_eq!(r.basics.lines, ["site.example | LinkedIn | GitHub"]);
        assert_eq!(r.basics.links.len(), 2);
        let out = markdown(&r);
        assert!(
            out.contains("site.example | [LinkedIn](https://www.linkedin.com/in/dana) | [GitHub](https://github.com/dana)\n"),
            "{out}"
        );
        assert_eq!(markdown::parse(&out), r);
        let html = String::from_utf8(resume_file(&r, ResumeFormat::Html, None).unwrap()).unwrap();
        assert!(
            html.contains("<a href=\"https://github.com/dana\">GitHub</a>"),
            "{html}"
        );
        // Plain text gives the addresses after their words.
        assert!(
            text(&r).contains("site.example | LinkedIn (https://www.linkedin.com/in/dana) | GitHub (https://github.com/dana)\n"),
            "{}",
            text(&r)
        );
        let xml = docx_xml(&r);
        assert!(xml.contains("HYPERLINK \"https://www.linkedin.com/in/dana\""));
        let json =
            String::from_utf8(resume_file(&r, ResumeFormat::Jsonresume, None).unwrap()).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["basics"]["profiles"][1]["network"], "GitHub");
        assert_eq!(v["basics"]["profiles"][1]["url"], "https://github.com/dana");
    }

    #[test]
    fn json_resume_profiles_are_linked_contact_words() {
        let doc = serde_json::json!({
            "basics": {"name": "Sam", "email": "sam@example.com", "profiles": [
                {"network": "GitHub", "username": "sam", "url": "https://github.com/sam"},
                {"network": "Twitter", "username": "sam"}
            ]},
            "work": [{"name": "Acme", "startDate": "2019-01", "highlights": ["Built Go services"]}]
        });
        let r = crate::parse::jsonresume::parse(std::path::Path::new("r.json"), &doc.to_string())
            .unwrap();
        // A profile without an address links nothing.
        assert_eq!(r.basics.links.len(), 1);
        let out = markdown(&r);
        assert!(
            out.contains("sam@example.com | [GitHub](https://github.com/sam)\n"),
            "{out}"
        );
        assert_eq!(markdown::parse(&out).basics.links, r.basics.links);
    }

    #[test]
    fn entry_links_are_kept_in_outputs_that_carry_links() {
        let md = "# Cai\n\n## Experience\n\n### **Android Engineer** [51NB](https://www.u51.com)\n\n*March 2018 - Present*\n\n- Built the logger\n";
        let r = markdown::parse(md);
        let out = markdown(&r);
        assert!(
            out.contains("### [51NB](https://www.u51.com)\nAndroid Engineer\n"),
            "{out}"
        );
        assert_eq!(markdown::parse(&out), r);
        let html = String::from_utf8(resume_file(&r, ResumeFormat::Html, None).unwrap()).unwrap();
        assert!(
            html.contains("<a href=\"https://www.u51.com\">51NB</a>"),
            "{html}"
        );
        let json =
            String::from_utf8(resume_file(&r, ResumeFormat::Jsonresume, None).unwrap()).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["work"][0]["url"], "https://www.u51.com");
        assert_eq!(v["work"][0]["name"], "51NB");
        assert_eq!(v["work"][0]["position"], "Android Engineer");
    }

    #[test]
    fn a_place_read_beside_the_contact_lines_is_kept() {
        // A LinkedIn PDF sets the place under the headline, apart from the contact lines.
        let mut r =
            markdown::parse("# Jane\n\njane@example.com\n\n## Experience\n\n- Ran the fleet\n");
        r.basics.location = Some("San Francisco Bay Area".into());
        for out in [markdown(&r), text(&r)] {
            assert!(out.contains("San Francisco Bay Area"), "{out}");
        }
        // A place the lines hold already is not written twice.
        let r = markdown::parse(
            "# Jane\n\njane@example.com | Portland, OR\n\n## Experience\n\n- Ran the fleet\n",
        );
        assert_eq!(r.basics.location.as_deref(), Some("Portland, OR"));
        assert_eq!(markdown(&r).matches("Portland, OR").count(), 1);
    }

    #[test]
    fn a_headline_above_contact_lines_is_kept() {
        let md = "# Cai\n\n## Android Engineer\n\n- Phone: +86 138-0000-1234\n- Blog: http://blankj.com\n\n## Experience\n\n- Built the logger\n";
        let r = markdown::parse(md);
        assert_eq!(r.basics.label.as_deref(), Some("Android Engineer"));
        let out = markdown(&r);
        assert!(
            out.starts_with("# Cai\n\nAndroid Engineer  \nPhone:"),
            "{out}"
        );
        assert!(text(&r).contains("Android Engineer\nPhone:"));
    }
}
