//! What was read from a résumé, for a person to check before trusting a score: the name and
//! contact details, each section with its entries and bullets (ids included), and warnings
//! about what looks missing or misread. `jdfit resume` prints it; the web page shows it after
//! an upload.

use super::resume::{Basics, Bullet, Entry, Resume, SectionKind};
use serde::Serialize;

/// A résumé as read, with what a person should check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResumeView {
    /// Where it came from: a file path or an uploaded file's name.
    pub source: String,
    /// The format it was read as (`text`, `markdown`, `json`), after any conversion of a
    /// document (DOCX, HTML) into text.
    pub format: String,
    /// Name and contact details.
    pub basics: Basics,
    /// Sections in document order.
    pub sections: Vec<SectionView>,
    /// Leaf bullets in the whole résumé (the ones scored and tailored).
    pub bullets: usize,
    /// What looks missing or misread, most important first.
    pub warnings: Vec<ResumeWarning>,
}

/// One section as read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionView {
    /// The heading as written.
    pub heading: String,
    /// The kind guessed from it.
    pub kind: SectionKind,
    /// Leaf bullets in the section.
    pub bullets: usize,
    /// Entries in document order.
    pub entries: Vec<EntryView>,
}

/// One entry as read: the entry as the model holds it (organisation, title, location, dates,
/// link, notes, bullet tree with ids), and its date range as understood.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryView {
    /// The entry.
    #[serde(flatten)]
    pub entry: Entry,
    /// The date range as understood (`2021-03 – present`), when its start could be read: a
    /// range written but not understood does not count towards years of experience.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
}

/// What a warning is about, for programs that act on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// The text looks like a job posting rather than a résumé.
    LooksLikePosting,
    /// No name was found.
    NoName,
    /// No e-mail, phone or link was found.
    NoContact,
    /// Work entries have no dates (years of experience cannot be counted).
    NoDates,
    /// A section or entry looks read wrongly.
    Misread,
    /// How the file was read (bullets taken from plain lines, say).
    Reading,
}

/// One thing a person should check, in one sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResumeWarning {
    /// What it is about.
    pub kind: WarningKind,
    /// The sentence.
    pub message: String,
}

impl ResumeView {
    /// The view of `resume`, read from `source` as `format`, with `warnings`.
    pub fn new(
        resume: &Resume,
        source: &str,
        format: &str,
        warnings: Vec<ResumeWarning>,
    ) -> ResumeView {
        let sections: Vec<SectionView> = resume
            .sections
            .iter()
            .map(|s| SectionView {
                heading: s.heading.clone(),
                kind: s.kind,
                bullets: s
                    .entries
                    .iter()
                    .flat_map(|e| &e.bullets)
                    .map(leaf_count)
                    .sum(),
                entries: s
                    .entries
                    .iter()
                    .map(|e| EntryView {
                        entry: e.clone(),
                        period: e.start.map(|start| match e.end {
                            Some(super::DateEnd::Date(end)) => format!("{start} – {end}"),
                            Some(super::DateEnd::Present) => format!("{start} – present"),
                            None => format!("{start}"),
                        }),
                    })
                    .collect(),
            })
            .collect();
        ResumeView {
            source: source.to_string(),
            format: format.to_string(),
            basics: resume.basics.clone(),
            bullets: sections.iter().map(|s| s.bullets).sum(),
            sections,
            warnings,
        }
    }
}

/// Leaves under (and including) `b`.
fn leaf_count(b: &Bullet) -> usize {
    let mut n = 0;
    b.walk(&mut |x| {
        if !x.is_group() {
            n += 1;
        }
    });
    n
}
