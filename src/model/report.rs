//! What a match produces: the report a person reads (or a program parses), with its parts.
//! Numbers here are rounded for display; scoring and tailoring work on unrounded figures.

use serde::Serialize;

/// The kind of requirement a term or line expresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ReqKind {
    /// Must-have: requirements and the title.
    Must,
    /// Duties and unlabelled text.
    Duty,
    /// Nice-to-have.
    Nice,
}

/// What a headline score means, in words a person can act on.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum FitBand {
    /// 25 and above: most of the role's skills are proven and it uses several of the
    /// résumé's strengths. Apply.
    Strong,
    /// 15 to 25: adjacent work; some of it transfers.
    Partial,
    /// Below 15: little in common.
    Weak,
}

impl FitBand {
    /// Scores from this up are a strong fit.
    pub const STRONG: f32 = 25.0;
    /// Scores from this up (below [`FitBand::STRONG`]) are a partial fit.
    pub const PARTIAL: f32 = 15.0;

    /// The band of a headline score (0–100).
    pub fn of(score: f32) -> FitBand {
        if score >= Self::STRONG {
            FitBand::Strong
        } else if score >= Self::PARTIAL {
            FitBand::Partial
        } else {
            FitBand::Weak
        }
    }

    /// "strong fit", "partial fit", "weak fit".
    pub fn label(self) -> &'static str {
        match self {
            FitBand::Strong => "strong fit",
            FitBand::Partial => "partial fit",
            FitBand::Weak => "weak fit",
        }
    }
}

/// How much of a posting term the résumé covers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Credit {
    /// 1 when the term itself is in the résumé, less through a related concept, 0 if absent.
    pub value: f32,
    /// The related concept that earned partial credit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}

/// A posting's score and its leading matched and missing terms (as written in the posting).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuickScore {
    /// Overall score 0–100, as in [`MatchReport::score`].
    pub score: f32,
    /// Coverage 0–100, as in [`MatchReport::coverage`].
    pub coverage: f32,
    /// Covered terms, must-have first, heaviest first.
    pub matched: Vec<String>,
    /// Missing terms, must-have first, heaviest first.
    pub missing: Vec<String>,
    /// How many terms are covered in all (`matched` lists the leading ones).
    pub matched_count: usize,
    /// How many terms are missing in all (`missing` lists the leading ones).
    pub missing_count: usize,
    /// Whether the résumé meets the years asked (when the posting asks).
    pub experience: Option<bool>,
    /// Whether the résumé meets the degree asked (when the posting asks).
    pub education: Option<bool>,
    /// Whether the résumé's jobs were in the occupation the title names (when both name one).
    pub occupation: Option<bool>,
    /// False when no requirement, duty or nice-to-have term was found in the body: the score
    /// is then 0, never a score from the title alone.
    pub requirements_found: bool,
}

/// One term's share of a bullet's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermContribution {
    /// As written in the posting.
    pub term: String,
    /// The analyzed form.
    pub key: String,
    /// Requirement kind.
    pub kind: ReqKind,
    /// The term's weight in the posting.
    pub weight: f32,
    /// Its BM25 contribution to this bullet (after the section prior and job-title factor).
    pub contribution: f32,
}

/// Why a bullet scored what it scored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BulletExplanation {
    /// Bullet id.
    pub id: String,
    /// Verbatim text.
    pub text: String,
    /// Section prior applied (1 in experience and projects).
    pub prior: f32,
    /// Job-title factor applied: above 1 when the role line of the bullet's job names the
    /// posting's title.
    pub job: f32,
    /// The bullet's score: the sum of the contributions.
    pub score: f32,
    /// Contributions, largest first.
    pub terms: Vec<TermContribution>,
}

/// One posting term in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermReport {
    /// As written in the posting.
    pub term: String,
    /// The analyzed form.
    pub key: String,
    /// Weight.
    pub weight: f32,
    /// Requirement kind.
    pub kind: ReqKind,
    /// How much of it the résumé covers: 1, less through a related concept, 0 when missing.
    pub credit: f32,
    /// The related concept in the résumé that earned partial credit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// Ids of the bullets that contain it (or the related concept), best first (at most three).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bullets: Vec<String>,
}

/// Whether a requirement line is covered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Most of its weight is covered.
    Covered,
    /// Some of it is covered.
    Partial,
    /// None of it is covered.
    Missing,
}

/// One line of the posting's requirements, duties or nice-to-haves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequirementReport {
    /// Kind.
    pub kind: ReqKind,
    /// Line number in the posting.
    pub line: usize,
    /// The text as written.
    pub text: String,
    /// Verdict.
    pub verdict: Verdict,
    /// The unit's weight: the summed weights of its terms (the part weight is in each).
    pub weight: f32,
    /// Weighted share of the line's terms the résumé covers, 0–1.
    pub coverage: f32,
    /// Terms covered, fully or in part, as written in the line.
    pub matched: Vec<String>,
    /// The terms of `matched` credited only in part, through a related concept in the résumé,
    /// in the same order (empty when every covered term is in the résumé itself).
    pub partial: Vec<PartialTerm>,
    /// Terms not covered.
    pub missing: Vec<String>,
    /// Bullets that prove it, best first (at most three).
    pub bullets: Vec<String>,
    /// How many bullets prove it in all (`bullets` lists the best ones).
    pub bullet_count: usize,
}

impl RequirementReport {
    /// The partial credit of a covered term of this line (as written in `matched`), `None`
    /// when the résumé has the term itself.
    pub fn partial_credit(&self, term: &str) -> Option<&PartialTerm> {
        self.partial.iter().find(|p| p.term == term)
    }
}

/// A covered term of a requirement line that the résumé shows only through a related concept
/// (`Redis` through `cache`), so it earns part of its weight.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartialTerm {
    /// As written in the line.
    pub term: String,
    /// The credit earned, between 0 and 1 (as in [`TermReport::credit`]).
    pub credit: f32,
    /// The related concept in the résumé that earned it.
    pub via: String,
}

/// A bullet's relevance to the posting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BulletReport {
    /// Bullet id.
    pub id: String,
    /// Verbatim text.
    pub text: String,
    /// BM25 score with weighted terms (0 when nothing matched).
    pub score: f32,
    /// Posting terms this bullet contains, heaviest first.
    pub matched_terms: Vec<String>,
    /// Posting terms that a bullet above it names (the group heading or statement it
    /// details) and it does not, heaviest first: they count for it in full, as its context.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_terms: Vec<String>,
    /// Posting terms that the role line of the bullet's job names and the bullet does not,
    /// heaviest first: they count for the bullet at part of their weight.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub role_terms: Vec<String>,
    /// Posting terms the bullet does not name but answers through a related concept it
    /// does name (reliability through high availability), heaviest first: they count at
    /// their credit.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_terms: Vec<PartialTerm>,
}

/// Summary of the posting a report is about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PostingInfo {
    /// Where it was read from.
    pub source: String,
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Header fields (company, location, url…).
    pub meta: std::collections::BTreeMap<String, String>,
}

/// The answer to "how well does my résumé fit this posting?".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchReport {
    /// The posting.
    pub posting: PostingInfo,
    /// Headline fit 0–100: how well the résumé proves what the posting is about (its
    /// skills weighed by part and distinctiveness, each by how deeply the résumé proves it,
    /// the title as the role's core), times the experience and education factors.
    pub score: f32,
    /// What the score means: strong, partial or weak fit.
    pub fit: FitBand,
    /// Coverage 0–100: the weighted share of the posting's terms the résumé shows at all.
    pub coverage: f32,
    /// False when no requirement, duty or nice-to-have term was found in the posting's body:
    /// the score is then 0 rather than a score from the title alone.
    pub requirements_found: bool,
    /// Covered terms, must-have first, heaviest first.
    pub matched: Vec<TermReport>,
    /// Missing terms, must-have first, heaviest first.
    pub missing: Vec<TermReport>,
    /// Requirement lines with verdicts, must-have first.
    pub requirements: Vec<RequirementReport>,
    /// Every résumé bullet, best first.
    pub bullets: Vec<BulletReport>,
    /// What the posting asks in years and degree.
    pub asks: PostingAsks,
    /// What the résumé shows in years and degree.
    pub has: ResumeFacts,
    /// Experience verdict, when the posting asks for years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub experience: Option<FactCheck>,
    /// Education verdict, when the posting asks for a degree.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education: Option<FactCheck>,
    /// Occupation verdict, when the posting's title and the résumé's jobs both name one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occupation: Option<FactCheck>,
    /// How the bullet index was obtained.
    pub index: IndexStatus,
}

/// How the index in use came to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum IndexStatus {
    /// Built in RAM for this run.
    Memory,
    /// A persisted index was opened and reused.
    Reused,
    /// A persisted index was (re)built for this run.
    Built,
}

/// Academic degrees, ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Degree {
    /// 大专 / associate.
    Associate,
    /// 本科 / Bachelor's.
    Bachelor,
    /// 硕士 / Master's.
    Master,
    /// 博士 / PhD.
    Doctorate,
}

/// The occupation a job title names (see `score::occupation`): a recruiter's first sort
/// of applicants, before any skill is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Occupation {
    /// Software, data, infrastructure, test and hardware engineering; development; architecture.
    Engineering,
    /// Product management.
    Product,
    /// Content, user, campaign and business operations (运营).
    Operations,
    /// Data, business and research analysis.
    Analysis,
    /// Visual, product, industrial and UX design.
    Design,
    /// Sales, marketing, business development, partnerships.
    SalesMarketing,
    /// Recruiting, HR, training.
    People,
    /// Nursing.
    Nursing,
    /// Teaching and tutoring.
    Teaching,
    /// Accounting, audit, treasury, finance.
    Finance,
    /// Law.
    Legal,
}

impl Occupation {
    /// The occupation in a phrase: "product management".
    pub fn label(self) -> &'static str {
        match self {
            Occupation::Engineering => "engineering",
            Occupation::Product => "product management",
            Occupation::Operations => "operations",
            Occupation::Analysis => "analysis",
            Occupation::Design => "design",
            Occupation::SalesMarketing => "sales and marketing",
            Occupation::People => "recruiting and HR",
            Occupation::Nursing => "nursing",
            Occupation::Teaching => "teaching",
            Occupation::Finance => "finance and accounting",
            Occupation::Legal => "legal",
        }
    }
}

/// What a posting asks for.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PostingAsks {
    /// Minimum years of experience, from its requirement lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<u32>,
    /// The required degree (the lowest named in a requirement line).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub degree: Option<Degree>,
    /// A preferred higher degree (named in a nice-to-have line).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred_degree: Option<Degree>,
    /// An internship, trainee or new-graduate role (from its title).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub entry_level: bool,
    /// The occupations its title names (one; several for a hybrid title), when it names any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub occupations: Vec<Occupation>,
}

/// What a résumé shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ResumeFacts {
    /// Years of professional experience (internships apart, overlaps merged), one decimal.
    pub years: f32,
    /// Years of internships.
    pub internship_years: f32,
    /// The highest degree in the education section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub degree: Option<Degree>,
    /// The occupations its job titles and headline name, each once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub occupations: Vec<Occupation>,
}

/// The verdict on experience or education.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactCheck {
    /// Whether the résumé meets what the posting asks.
    pub meets: bool,
    /// Human-readable, e.g. `7.3 years, asks 5+` or `short by 2.0 years`.
    pub detail: String,
    /// Multiplier applied to the overall score (1 when met).
    pub factor: f32,
    /// The résumé is well above what the posting is for (years of experience against an
    /// internship or a graduate role): `meets` is false, but not for want of anything.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub over: bool,
}

#[cfg(test)]
mod fit_band_tests {
    use super::FitBand;

    #[test]
    fn bands_start_at_their_thresholds() {
        assert_eq!(FitBand::of(FitBand::STRONG), FitBand::Strong);
        assert_eq!(FitBand::of(FitBand::STRONG - 0.1), FitBand::Partial);
        assert_eq!(FitBand::of(FitBand::PARTIAL), FitBand::Partial);
        assert_eq!(FitBand::of(FitBand::PARTIAL - 0.1), FitBand::Weak);
        assert_eq!(FitBand::of(0.0).label(), "weak fit");
    }
}
