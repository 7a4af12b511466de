//! A ranked batch of postings: one row per posting, and what happened in the run.

use super::{FitBand, Posting};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{Map, Value};

/// Scores are shown with one decimal; ranking uses the unrounded value.
/// How many duplicate ids a row lists (the count is always whole).
pub const DUPLICATES_LISTED: usize = 20;

fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn one_decimal<S: Serializer>(score: &f32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f32((score * 10.0).round() / 10.0)
}

/// One ranked posting. It reads back from its own JSON (a batch too large for memory keeps
/// sorted runs of rows in temporary files), but for the fields JSON does not carry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchRow {
    /// 1-based rank, best first.
    pub rank: usize,
    /// Overall score 0–100, unrounded: rows are ranked by it and renderers round it.
    #[serde(serialize_with = "one_decimal")]
    pub score: f32,
    /// The same score unrounded, in JSON and JSONL only: rows scored apart (shards of one
    /// export on several machines) merge into exactly the order one run gives by it and their
    /// input order.
    pub score_exact: f32,
    /// What the score means.
    pub fit: FitBand,
    /// Coverage 0–100: the weighted share of the posting's terms the résumé shows at all.
    #[serde(serialize_with = "one_decimal")]
    pub coverage: f32,
    /// File path, or `FILE:LINE` for a JSONL or CSV row.
    pub source: String,
    /// Identifier from the export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Company.
    pub company: Option<String>,
    /// Location.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Leading covered terms.
    pub matched: Vec<String>,
    /// Leading missing terms.
    pub missing: Vec<String>,
    /// How many terms are covered in all (`matched` lists the leading ones).
    pub matched_count: usize,
    /// How many terms are missing in all (`missing` lists the leading ones).
    pub missing_count: usize,
    /// Meets the years of experience asked (absent when the posting asks none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experience: Option<bool>,
    /// Meets the degree asked (absent when the posting asks none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education: Option<bool>,
    /// The résumé's jobs were in the occupation the title names (absent when the title or
    /// the résumé names none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occupation: Option<bool>,
    /// False when no requirement was found in the posting (the score is then 0).
    pub requirements_found: bool,
    /// How many later postings had the same text (normalised: case and spacing aside): they
    /// are merged into this row, scored once and reported once.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub duplicates: usize,
    /// Their ids (their sources when they have none), in input order, at most
    /// [`DUPLICATES_LISTED`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duplicate_ids: Vec<String>,
    /// Other fields of the export row, passed through.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub fields: Map<String, Value>,
    /// Input order (ties).
    #[serde(skip)]
    pub seq: u64,
    /// The parsed posting, kept only for rows that will be tailored (parsed once, while
    /// scoring).
    #[serde(skip)]
    pub posting: Option<Posting>,
}

/// What happened in a run.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BatchSummary {
    /// Postings scored.
    pub scored: u64,
    /// Rows skipped as malformed (or unreadable files).
    pub skipped: u64,
    /// Postings merged into an earlier one with the same text (not scored again).
    pub duplicates: u64,
    /// Rows in the output.
    pub kept: usize,
    /// Input bytes read.
    pub bytes: u64,
}
