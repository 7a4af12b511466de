//! How a posting was read: every body line with the part it was given, that part's weight and
//! the terms taken from it, so a person can see why a posting scores the way it does. Weights
//! here are rounded for display.

use super::posting::Part;
use serde::Serialize;
use std::collections::BTreeMap;

/// A posting as the scorer reads it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostingReading {
    /// Where it came from: a file path, or `<stdin>`.
    pub source: String,
    /// The title line and its terms, when the text has one.
    pub title: Option<TitleReading>,
    /// Header fields: `company`, `location`, `url` and any others given.
    pub meta: BTreeMap<String, String>,
    /// Body lines per part, in [`Part::ALL`] order (the title excluded), zero counts included.
    pub parts: Vec<PartCount>,
    /// Body lines of a requirement part ([`Part::is_requirement`]) with at least one term that
    /// counts. Zero means the score rests on the title alone.
    pub requirement_lines: usize,
    /// Every body line, in posting order.
    pub lines: Vec<LineReading>,
}

/// The title and the terms taken from it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TitleReading {
    /// The title as written.
    pub text: String,
    /// The title's part weight.
    pub weight: f32,
    /// The weight of its bracketed team or business line ("（风控引擎）"), when it has one:
    /// a duty's, but for a skill named there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<TeamReading>,
    /// Its terms that count, each once, in the order they appear.
    pub terms: Vec<TermReading>,
}

/// A title's bracketed team or business line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamReading {
    /// The bracketed text, brackets included.
    pub text: String,
    /// Its part weight for words other than skills (a skill weighs as the title).
    pub weight: f32,
}

/// How many body lines a part got.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartCount {
    /// The part.
    pub part: Part,
    /// Its weight in scoring.
    pub weight: f32,
    /// Body lines given this part.
    pub lines: usize,
}

/// One body line as read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineReading {
    /// 1-based line number in the source (segments of one source line share it).
    pub line: usize,
    /// The part it was given.
    pub part: Part,
    /// The part's weight in scoring.
    pub weight: f32,
    /// The text, list markers removed.
    pub text: String,
    /// Its terms that count, each once, in the order they appear.
    pub terms: Vec<TermReading>,
}

/// A term taken from a line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermReading {
    /// As written in the line.
    pub term: String,
    /// The analyzed form (what is matched).
    pub key: String,
    /// The term's weight in the posting (from the heaviest part it appears in, repetition
    /// included).
    pub weight: f32,
    /// Byte offset of the term's start in the line's text.
    pub start: usize,
    /// Byte offset of the term's end in the line's text.
    pub end: usize,
}
