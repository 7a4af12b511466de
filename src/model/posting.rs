//! A job posting as read: its title, header fields, and body lines with the part each
//! belongs to; and a posting record as it comes from a file or an export row.

use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The part of a posting a line belongs to. Parts weigh differently in scoring (see `score::tunables::part_weight`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// The job title.
    Title,
    /// Requirements: must-haves.
    Requirements,
    /// Responsibilities and the role description.
    Duties,
    /// Text before any recognised heading.
    Other,
    /// Nice-to-have and "preferred" lines.
    Nice,
    /// Company blurb.
    About,
    /// Benefits and perks.
    Benefits,
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
