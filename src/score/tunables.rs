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
/// Share of a term's weight that a bullet earns when the role line of its job names the term
/// and the bullet does not: the job a bullet belongs to (高级工程师、后端、Java) shows some of
/// what the bullet was about, less than the bullet saying it. Only for bullets without group
/// headings, which are their nearer context.
pub const CONTEXT_CREDIT: f32 = 0.5;
/// A bullet from a job whose title names the posting's title (a "Backend Engineer, Java"
/// job's bullets for a "Senior Java Engineer" posting) counts up to this much more: a
/// recruiter reads the job a line was written in before the line. The share of the title's
/// weight the job's title names scales it, so a job named like the posting counts twice.
pub const JOB_TITLE_BOOST: f32 = 1.0;
/// Credit for a posting term found through a narrower concept in the résumé (Langfuse
/// proves most of "LLM observability").
pub const NARROWER_CREDIT: f32 = 0.7;
/// How many levels of narrower concepts answer a posting term (LLM API → large language
/// model → generative AI), each level at [`NARROWER_CREDIT`] of the one above.
pub const MAX_NARROWER_DEPTH: usize = 3;
/// Credit for a posting term whose broader concept is in the résumé (Kubernetes shows a
/// little of Helm).
pub const BROADER_CREDIT: f32 = 0.2;
/// Credit for a posting term whose sibling (a concept under the same broader one) is in the
/// résumé: RocketMQ shows a little of Kafka, Android of iOS.
pub const SIBLING_CREDIT: f32 = 0.2;
/// Credit for a Chinese compound posting term the résumé writes as its two words
/// ("系统优化" from 系统 and 优化): the words are there, perhaps not together.
pub const COMPOUND_CREDIT: f32 = 0.5;
/// A requirement line is covered when at least this share of its weight is.
pub const COVERED_SHARE: f32 = 0.6;

/// Experience: each year short of what a posting asks costs this share of the score…
pub const YEAR_SHORT_COST: f32 = 0.1;
/// …down to this factor at most.
pub const YEARS_FLOOR: f32 = 0.7;
/// An internship or graduate role against a résumé with at least this many years…
pub const ENTRY_LEVEL_YEARS: f32 = 3.0;
/// …multiplies the score by this: the skills may match, the role is not for this person.
pub const OVERQUALIFIED_FACTOR: f32 = 0.6;
/// A posting whose title names an occupation none of the résumé's jobs was in (a product
/// manager's post for an engineer, a sales post for a nurse) multiplies the score by this: a
/// recruiter sets it aside before reading the skills, which a shared domain or tool can
/// make look close.
pub const OCCUPATION_FACTOR: f32 = 0.5;
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

/// Evidence: points for a term in a work bullet (scaled by the job's recency)…
pub const LEAF_POINTS: f32 = 1.0;
/// …and the points at which a term is proven to 63% (`1 − e^(−points / DEPTH_SCALE)`): one
/// bullet is a mention (0.39), it takes two to show the skill (0.63), four to make it a
/// strength (0.86).
pub const DEPTH_SCALE: f32 = 2.0;
/// …in a group heading over work bullets ("AiInfra: LLM infrastructure"): a claim about
/// the bullets under it, half a proof.
pub const GROUP_POINTS: f32 = 0.5;
/// …in a job's title or role line ("Senior backend engineer, Java"): what the job was.
pub const ROLE_POINTS: f32 = 1.5;
/// …in a job's notes.
pub const NOTE_POINTS: f32 = 1.0;
/// …anywhere else (skills lists, summary, education): claimed, not shown at work.
pub const CLAIM_POINTS: f32 = 0.4;
/// Recency: a job that ended within this many years counts fully…
pub const RECENT_YEARS: f32 = 3.0;
/// …then loses this share per year…
pub const RECENCY_LOSS_PER_YEAR: f32 = 0.1;
/// …down to this floor (old experience is still experience).
pub const RECENCY_FLOOR: f32 = 0.4;
/// A job with no dates counts this much.
pub const UNDATED_RECENCY: f32 = 0.6;

/// Fit: how much a plain word (outside the lexicon) counts against a skill. Plain words
/// name a domain now and then ("点播", "payments") but are mostly prose ("tradeoffs",
/// "mindset"), and a résumé's bullets are written in other words.
pub const PLAIN_FIT_FACTOR: f32 = 0.3;
/// Fit: weight added to the denominator, about two or three skills' worth, so a posting
/// naming one or two skills cannot be a strong fit through them alone.
pub const FIT_PRIOR: f32 = 1.0;
/// Fit: the summed distinctiveness² × depth of the proven terms at which a role uses about
/// two thirds of what a résumé is about (`1 − e^(−1)`): about five distinctive skills proven
/// deeply, or a dozen common ones.
pub const STRENGTHS_SCALE: f32 = 4.0;
