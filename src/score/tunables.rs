//! Every number that shapes a score, in one table, each with the reason it has its value.
//! Changing one changes results: measure with `eval/` and `../shared/eval` before and after.

use crate::model::{Part, ReqKind};

/// How much a term in each part of a posting counts toward the match: the title and the
/// must-haves most, company blurbs next to nothing, benefits nothing.
pub fn part_weight(part: Part) -> f32 {
    match part {
        Part::Title => 1.5,
        Part::Requirements => 1.0,
        Part::Duties => 0.7,
        Part::Other => 0.5,
        Part::Nice => 0.4,
        Part::Company | Part::Benefits | Part::Process => 0.0,
    }
}

/// The requirement kind of a part; `None` for parts that are not requirements at all.
pub fn req_kind(part: Part) -> Option<ReqKind> {
    match part {
        Part::Title | Part::Requirements => Some(ReqKind::Must),
        Part::Duties | Part::Other => Some(ReqKind::Duty),
        Part::Nice => Some(ReqKind::Nice),
        Part::Company | Part::Benefits | Part::Process => None,
    }
}

/// A term found in at most this share of background postings (one in a hundred) is as
/// distinctive as a term can be: its normalised IDF is 1. Normalising against a share, not
/// against the number of postings, keeps the cut-offs below meaning the same share of
/// postings whatever the background's size.
pub const RARE_SHARE: f32 = 0.01;
/// Terms whose normalised IDF is below this are boilerplate and never count: about half of
/// all postings use them.
pub const MIN_IDF: f32 = 0.15;
/// Known skills and tools from the lexicon count as at least this distinctive: as a term
/// about one posting in sixteen uses.
pub const HARD_SKILL_IDF: f32 = 0.6;
/// Words outside the lexicon count this much against lexicon concepts: requirements are
/// mostly skills, tools and domains, which the lexicon names in both languages, while plain
/// words are often general vocabulary ("构建", "文档", "crucial", "amounts") that a small
/// background corpus cannot tell from skills.
pub const PLAIN_WORD_FACTOR: f32 = 0.5;
/// How much repetition adds to a term's weight: `1 + REPEAT_DAMPING × ln(count)`, so a term
/// a posting repeats counts more, but ten mentions are not ten times one.
pub const REPEAT_DAMPING: f32 = 0.15;
/// Terms whose final weight is below this are dropped.
pub const MIN_WEIGHT: f32 = 0.02;
/// At most this many posting terms are kept (the heaviest).
pub const MAX_TERMS: usize = 100;

/// Multiplier on a bullet's BM25 score outside experience and project sections: a skills
/// list is dense in keywords but weak evidence.
pub const OTHER_SECTION_PRIOR: f32 = 0.5;
/// Credit for a posting term found through a narrower concept in the résumé (Langfuse
/// proves most of "LLM observability").
pub const NARROWER_CREDIT: f32 = 0.7;
/// Credit for a posting term whose broader concept is in the résumé (Kubernetes shows a
/// little of Helm).
pub const BROADER_CREDIT: f32 = 0.2;
/// A requirement line is covered when at least this share of its weight is.
pub const COVERED_SHARE: f32 = 0.6;

/// Experience: each year short of what a posting asks costs this share of the score…
pub const YEAR_SHORT_COST: f32 = 0.1;
/// …down to this factor at most.
pub const YEARS_FLOOR: f32 = 0.7;
/// A degree below the one asked (or none found) multiplies the score by this.
pub const DEGREE_SHORT_FACTOR: f32 = 0.85;

/// Tailoring: how much each kind of requirement counts when diversifying the selection.
pub fn unit_weight(kind: ReqKind) -> f32 {
    match kind {
        ReqKind::Must => 1.0,
        ReqKind::Duty => 0.6,
        ReqKind::Nice => 0.3,
    }
}
/// Tailoring: how much a requirement already proved by a chosen bullet still counts for the
/// next one.
pub const REPEAT_GAIN: f32 = 0.25;
/// Tailoring: the share of a bullet's value that depends on proving new requirements (the
/// rest is its relevance alone).
pub const DIVERSITY: f32 = 0.5;
