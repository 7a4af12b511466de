//! A job posting as read: its title, header fields, and body lines with the part each
//! belongs to; and a posting record as it comes from a file or an export row.

use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The part of a posting a line belongs to. Parts weigh differently in scoring (see
/// `score::tunables::part_weight`); company, benefits and process text never counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// The job title.
    Title,
    /// Requirements: must-haves.
    Requirements,
    /// Responsibilities and the role description.
    Duties,
    /// Body text that is neither a heading's part nor recognisably anything else.
    Other,
    /// Nice-to-have and "preferred" lines.
    Nice,
    /// The company blurb: what the employer does, its mission and history.
    Company,
    /// Benefits, perks and compensation.
    Benefits,
    /// Process and legal text: how to apply, salary, equal-opportunity and privacy notices,
    /// links.
    Process,
}

impl Part {
    /// Every part, in display order.
    pub const ALL: [Part; 8] = [
        Part::Title,
        Part::Requirements,
        Part::Duties,
        Part::Nice,
        Part::Other,
        Part::Company,
        Part::Benefits,
        Part::Process,
    ];

    /// The part's name as serialised and shown.
    pub fn name(self) -> &'static str {
        match self {
            Part::Title => "title",
            Part::Requirements => "requirements",
            Part::Duties => "duties",
            Part::Other => "other",
            Part::Nice => "nice",
            Part::Company => "company",
            Part::Benefits => "benefits",
            Part::Process => "process",
        }
    }

    /// Whether lines of this part state what the job asks (must-haves, duties, nice-to-haves,
    /// or unplaced body text), as opposed to text about the employer, perks or process.
    pub fn is_requirement(self) -> bool {
        matches!(
            self,
            Part::Requirements | Part::Duties | Part::Nice | Part::Other
        )
    }
}

/// One line of a posting body with the part it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostingLine {
    /// Which part.
    pub part: Part,
    /// The text, list markers removed.
    pub text: String,
    /// 1-based line number in the source.
    pub line: usize,
}

/// A parsed posting.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Posting {
    /// Title (first line), when the text has one.
    pub title: Option<String>,
    /// Header fields: `company`, `location`, `url` and any others given.
    pub meta: BTreeMap<String, String>,
    /// Body lines with their parts.
    pub lines: Vec<PostingLine>,
}

impl Posting {
    /// A display title: the title, with the company when known.
    pub fn display_title(&self) -> String {
        let t = self
            .title
            .clone()
            .unwrap_or_else(|| "(untitled posting)".into());
        match self.meta.get("company") {
            Some(c) if !c.is_empty() => format!("{t} — {c}"),
            _ => t,
        }
    }
}

/// One posting read from a source.
#[derive(Debug, Clone, PartialEq)]
pub struct PostingRecord {
    /// Input order, from 0: breaks ties so output never depends on thread timing.
    pub seq: u64,
    /// Where it came from: a file path, or `FILE:LINE` for a JSONL or CSV row.
    pub source: String,
    /// Identifier, where given.
    pub id: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Company.
    pub company: Option<String>,
    /// Location.
    pub location: Option<String>,
    /// Link.
    pub url: Option<String>,
    /// The text to score.
    pub text: String,
    /// Whether `text` starts with a title line and header lines (posting files) or is a body
    /// only (export rows).
    pub has_title_line: bool,
    /// Other fields of a JSONL or CSV row, passed through to JSON output.
    pub extra: Map<String, Value>,
}

impl PostingRecord {
    /// Fills title, company, location and url from the posting text where the source gave none.
    pub fn fill_from(&mut self, p: &Posting) {
        if self.title.is_none() {
            self.title = p.title.clone();
        }
        for (k, slot) in [
            ("company", &mut self.company),
            ("location", &mut self.location),
            ("url", &mut self.url),
        ] {
            if slot.is_none() {
                *slot = p.meta.get(k).cloned();
            }
        }
    }
}
