//! Posting terms: a posting analysed once into weighted terms (by part, distinctiveness and
//! repetition), with each body line's terms kept so requirement lines need no second pass.

use super::background::Background;
use super::tunables::{
    part_weight, req_kind, HARD_SKILL_IDF, MAX_TERMS, MIN_IDF, MIN_WEIGHT, PLAIN_FIT_FACTOR,
    PLAIN_WORD_FACTOR, REPEAT_DAMPING,
};
use crate::analyze::{Analyzer, InstanceId, TokenKind, TokenRef};
use crate::model::{Part, Posting, ReqKind};
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// A weighted term of a posting.
#[derive(Debug, Clone, PartialEq)]
pub struct PostingTerm {
    /// The analyzed term (what is matched).
    pub key: String,
    /// The term as first written in the posting.
    pub term: String,
    /// Weight: part weight × distinctiveness, damped term frequency.
    pub weight: f32,
    /// The kind of the heaviest part it appears in.
    pub kind: ReqKind,
    /// What sort of term it is: a skill a résumé can prove, a plain word, or a soft skill.
    pub class: TermClass,
    /// Whether every mention is one of several alternatives ("MySQL, TiDB or MongoDB",
    /// "熟悉 Redis、Memcache 等其中一种"): then it is not a gap when another one is proven.
    pub alternative_only: bool,
    /// Named by the title's role ("Java" in "Senior Java Engineer (Payments)"; not by the
    /// bracketed team): what the job is.
    pub in_title: bool,
}

/// What sort of term a posting term is, for how much it says about fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TermClass {
    /// A skill, tool, language, domain or certificate of the lexicon: what a résumé proves.
    Skill,
    /// A word outside the lexicon: may name a domain ("点播", "payments"), often is prose.
    Plain,
    /// A soft skill, a degree or a foundation (data structures, operating systems): every
    /// candidate claims the first, the second is checked against the résumé's facts, the
    /// third is assumed of every engineer and tested in interviews, not shown in bullets.
    Soft,
}

/// The kept terms of one body line, each once, in the order they first appear.
#[derive(Debug, Clone, PartialEq)]
pub struct LineTerms {
    /// Index of the line in [`Posting::lines`].
    pub line: usize,
    /// The line's requirement kind.
    pub kind: ReqKind,
    /// (index into [`AnalyzedPosting::terms`], byte range of the term as written in the line).
    pub terms: Vec<(usize, Range<usize>)>,
}

/// A posting analysed once: its weighted terms, heaviest first, and (when asked for) the
/// terms of each body line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnalyzedPosting {
    /// Weighted terms, heaviest first; ties by first appearance.
    pub terms: Vec<PostingTerm>,
    /// Per body line that is a requirement, duty or nice-to-have and has kept terms.
    pub lines: Vec<LineTerms>,
    /// Whether any kept term comes from the body (not the title alone): a posting whose
    /// requirements cannot be found is not scored from its title.
    pub has_requirements: bool,
    /// The skill terms of each clause that offers alternatives (indexes into `terms`), in
    /// every mode: fit needs them for batch rows too.
    pub alternatives: Vec<Vec<usize>>,
}

/// Whether to keep each line's terms: needed for a full report, not for a batch row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// Keep them.
    Keep,
    /// Only the posting's terms.
    Skip,
}

/// Analyses and weighs `posting` in one pass over its text.
pub fn analyze_posting(
    posting: &Posting,
    analyzer: &Analyzer,
    bg: &Background,
    lines: Lines,
) -> AnalyzedPosting {
    TERM_IDS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut ids) => {
            let owner = (analyzer.instance(), bg.instance());
            if ids.names.len() >= TERM_IDS_SIZE || ids.owner != Some(owner) {
                *ids = TermIds {
                    owner: Some(owner),
                    tag: TermIds::new_tag(),
                    ..TermIds::default()
                };
            }
            analyze_in(posting, analyzer, bg, lines, &mut ids)
        }
        // Already in use on this thread (scoring from inside a scorer): a private table.
        Err(_) => analyze_in(posting, analyzer, bg, lines, &mut TermIds::default()),
    })
}

/// Distinct terms seen on this thread before the id table starts over.
const TERM_IDS_SIZE: usize = 500_000;

thread_local! {
    /// Term text → dense id. While a posting is scored its terms are keyed by id, so no term
    /// string is allocated per posting: only the kept terms' keys are, at the end.
    static TERM_IDS: std::cell::RefCell<TermIds> = std::cell::RefCell::new(TermIds::default());
}

/// A per-thread term interner, with what the analyzer and background say of each term.
#[derive(Default)]
struct TermIds {
    ids: HashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
    /// Per id: the token kind it was weighed as, its base weight and class, kept because
    /// they depend on the term and its kind alone (batch meets most terms in many postings).
    traits: Vec<Option<(TokenKind, f32, TermClass)>>,
    /// The analyzer and background the traits come from (`None`: a private table).
    owner: Option<(InstanceId, InstanceId)>,
    /// This table's mark on the ids it memoises in tokens ([`TokenRef::memo`]), unique in
    /// the process; 0: it memoises none.
    tag: u32,
}

impl TermIds {
    /// A tag no other table has had.
    fn new_tag() -> u32 {
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    }

    /// The id of `tok`'s term, from its memo when this table left one there.
    fn id_of(&mut self, tok: &TokenRef<'_>) -> u32 {
        match tok.memo.filter(|_| self.tag != 0) {
            Some(memo) => {
                let v = memo.get();
                if (v >> 32) as u32 == self.tag {
                    return v as u32;
                }
                let id = self.id(tok.text);
                memo.set(u64::from(self.tag) << 32 | u64::from(id));
                id
            }
            None => self.id(tok.text),
        }
    }

    fn id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(term.into(), id);
        self.names.push(term.into());
        self.traits.push(None);
        id
    }

    /// The base weight and class of term `id`, a token of `kind`.
    fn traits(
        &mut self,
        id: u32,
        analyzer: &Analyzer,
        bg: &Background,
        tok: &TokenRef<'_>,
    ) -> (f32, TermClass) {
        match self.traits[id as usize] {
            Some((kind, base, class)) if kind == tok.kind => (base, class),
            _ => {
                let base = base_weight(analyzer, bg, tok.text, tok.kind);
                let class = class_of(analyzer, tok.text, tok.kind);
                self.traits[id as usize] = Some((tok.kind, base, class));
                (base, class)
            }
        }
    }
}

/// One term while a posting is read.
struct Acc<'p> {
    /// The term as written, borrowed from the posting until it is kept.
    term: &'p str,
    best: f32,
    kind: ReqKind,
    count: u32,
    first: usize,
    /// Distinctiveness² × kind factor; 0 for boilerplate.
    base: f32,
    /// Seen in a body line (not only the title).
    body: bool,
    class: TermClass,
    /// Seen only in lines that offer alternatives.
    alternative_only: bool,
    /// Named by the title's role.
    in_title: bool,
}

/// The distinctiveness part of a term's weight, from the term alone.
fn base_weight(analyzer: &Analyzer, bg: &Background, text: &str, kind: TokenKind) -> f32 {
    let mut idf = bg.idf(text);
    if kind != TokenKind::Term && analyzer.is_generic(text) {
        // A seniority or title word, a requirement's phrasing or general vocabulary.
        return 0.0;
    }
    if kind == TokenKind::Term && analyzer.is_hard_skill(text) {
        // A known skill or tool is worth matching even when common in postings.
        idf = idf.max(HARD_SKILL_IDF);
    }
    let factor = if kind == TokenKind::Term {
        1.0
    } else {
        PLAIN_WORD_FACTOR
    };
    // Squared, so words found in many postings fade fast.
    if idf < MIN_IDF {
        0.0
    } else {
        idf * idf * factor
    }
}

/// What sort of term a token is.
fn class_of(analyzer: &Analyzer, text: &str, kind: TokenKind) -> TermClass {
    if kind != TokenKind::Term {
        return TermClass::Plain;
    }
    match analyzer.concept(text).map(|c| c.category.as_str()) {
        Some("soft" | "degree" | "foundation") => TermClass::Soft,
        Some(_) => TermClass::Skill,
        None => TermClass::Plain,
    }
}

/// A title's role and its bracketed team or business line ("资深后台研发工程师（风控引擎）",
/// "Senior Backend Engineer (Operational Risk team)").
pub(crate) fn split_title(t: &str) -> (&str, &str) {
    // A bracket the title opens with qualifies the role ("(Senior) Backend Engineer", "(766)
    // AI Engineer"): the team is a bracket after the role.
    let lead = if t.trim_start().starts_with(['(', '（']) {
        t.char_indices()
            .find(|&(_, c)| c == ')' || c == '）')
            .map_or(0, |(j, c)| j + c.len_utf8())
    } else {
        0
    };
    match t[lead..].find(['(', '（']) {
        Some(i) => (&t[..lead + i], &t[lead + i..]),
        None => (t, ""),
    }
}

/// Phrasings that make skills alternatives of each other ("or", 之一 / 一种 / 任意 / 或; 等
/// when a kind of skill follows it: see [`alternative_clauses`]), then the places where a clause ends (an alternative never reaches
/// past them: "Python, and PyTorch or similar" offers no choice of Python).
const ALTERNATIVE_CUES: &[&str] = &[
    " or ", "一种", "之一", "任意", "任一", "其一", "其中", "或", "等",
];
/// The cues after which a clause lists examples of what stands before them ("NoSQL
/// databases such as DynamoDB or MongoDB", "高性能引擎核心模块研发，如搜索引擎、规则引擎"): the
/// examples are the alternatives, what they exemplify is asked for. A cue opening with a
/// `，` ends the clause before it too.
const EXAMPLE_CUES: &[&str] = &[
    "such as",
    "e.g.",
    "for example",
    "one of",
    "any of",
    "例如",
    "比如",
    "诸如",
    "譬如",
    "，如",
    "、如",
    "（如",
    "(如",
];
const CLAUSE_ENDS: &[&str] = &[
    "；",
    ";",
    "。",
    "，",
    "、及",
    "及",
    "以及",
    "和",
    "并",
    ". ",
    " and ",
    ": ",
    "：",
    "(",
    ")",
    "（",
    "）",
    // "，如果" / "，如有" (if), "，如何" (how), "，如下" (as follows) end a clause and give no
    // examples.
    "，如果",
    "，如有",
    "，如能",
    "，如何",
    "，如下",
];

static ALTERNATIVES: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(
                ALTERNATIVE_CUES
                    .iter()
                    .chain(EXAMPLE_CUES)
                    .chain(CLAUSE_ENDS),
            )
            .expect("static patterns build")
    });

/// The clauses of `text` that offer their skills as alternatives, as byte ranges.
///
/// A list closed by 等 ("etc.") offers a choice only when a kind of skill follows it
/// (`names_skill` says): in "熟悉Kafka、RocketMQ等消息队列" the tools are examples of the
/// message queues asked for, and the choice is the examples alone; in
/// "熟练掌握Hive、Spark、Flink、MySQL等相关组件" nothing but "related components" follows,
/// and each tool is asked for, as a recruiter reads a stack.
fn alternative_clauses(text: &str, names_skill: impl Fn(&str) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut cue) = (0usize, false);
    // The span of a 等 seen in the clause, when it is the clause's only cue.
    let mut deng: Option<Range<usize>> = None;
    let examples = ALTERNATIVE_CUES.len()..ALTERNATIVE_CUES.len() + EXAMPLE_CUES.len();
    let mut close = |start: usize, end: usize, cue: bool, deng: &Option<Range<usize>>| match deng {
        Some(d) if !cue && names_skill(&text[d.end..end]) => out.push(start..d.start),
        Some(_) if !cue => {}
        _ if cue => out.push(start..end),
        _ => {}
    };
    for m in ALTERNATIVES.find_iter(text) {
        let p = m.pattern().as_usize();
        if p < ALTERNATIVE_CUES.len() {
            if &text[m.range()] == "等" {
                deng.get_or_insert(m.range());
            } else {
                cue = true;
            }
            continue;
        }
        // A clause ends here; after an example cue, the examples' clause begins.
        close(start, m.start(), cue, &deng);
        start = m.end();
        cue = examples.contains(&p);
        deng = None;
    }
    close(start, text.len(), cue, &deng);
    out
}

/// Whether only a slash (with spaces around it, or none) stands between byte `end` of `text`
/// and byte `start`.
fn slash_between(text: &str, end: usize, start: usize) -> bool {
    text.get(end..start)
        .is_some_and(|gap| matches!(gap.trim_matches(' '), "/" | "／"))
}

/// Whether two skill terms are of one kind, so that a slash between them offers a choice:
/// concepts with the same kind, their first broader concept (MySQL and PostgreSQL are
/// relational databases), or two concepts of the lexicon's `language` category without one
/// ("Java/Go", "Shell/Perl/Python"). A concept and its broader one are no choice
/// ("Python/Django" asks for Django on Python). The `language` category also holds markup,
/// query and spoken languages, which the lexicon does not set apart: "HTML/CSS" reads as a
/// choice too.
fn one_kind(analyzer: &Analyzer, a: &str, b: &str) -> bool {
    let kind = |t: &str| {
        analyzer.broader(t).or_else(|| {
            analyzer
                .concept(t)
                .filter(|c| c.category == "language")
                .map(|_| "language")
        })
    };
    kind(a).is_some_and(|k| Some(k) == kind(b))
}

/// The company's name as a posting's analysis checks each token against it: its terms, and
/// the stems words derived from it begin with ("Mozillians", "Googlers", "Datavanters": a
/// word of four letters or more, less a final vowel).
struct CompanyName {
    terms: rustc_hash::FxHashSet<String>,
    stems: Vec<String>,
}

impl CompanyName {
    fn new(terms: rustc_hash::FxHashSet<String>) -> CompanyName {
        let stems = terms
            .iter()
            .filter(|c| c.bytes().all(|b| b.is_ascii_alphabetic()))
            .map(|c| c.trim_end_matches(['a', 'e', 'i', 'o', 'u', 'y']))
            .filter(|stem| stem.len() >= 4)
            .map(str::to_string)
            .collect();
        CompanyName { terms, stems }
    }

    /// Whether `token` is the company's name or a word derived from it. Checked for every
    /// token of a posting: most postings name no company, and then nothing is looked up.
    fn names(&self, token: &str, kind: TokenKind) -> bool {
        !self.terms.is_empty()
            && (self.terms.contains(token)
                || (kind == TokenKind::Word
                    && self.stems.iter().any(|s| token.starts_with(s.as_str()))))
    }
}

/// Term ids of one line with where each first appears.
type Occurrences = Vec<(u32, Range<usize>)>;

/// Picks the specialised pass: batch (no per-line terms) runs without the line bookkeeping.
fn analyze_in(
    posting: &Posting,
    analyzer: &Analyzer,
    bg: &Background,
    lines: Lines,
    ids: &mut TermIds,
) -> AnalyzedPosting {
    match lines {
        Lines::Keep => analyze_with::<true>(posting, analyzer, bg, ids),
        Lines::Skip => analyze_with::<false>(posting, analyzer, bg, ids),
    }
}

fn analyze_with<const LINES: bool>(
    posting: &Posting,
    analyzer: &Analyzer,
    bg: &Background,
    ids: &mut TermIds,
) -> AnalyzedPosting {
    let mut acc: HashMap<u32, Acc<'_>> = HashMap::with_capacity_and_hasher(256, Default::default());
    // Per body line: its index, kind and first occurrences of each term id.
    let mut per_line: Vec<(usize, ReqKind, Occurrences)> = Vec::new();
    let title = posting.title.iter().flat_map(|t| {
        let (role, team) = split_title(t);
        [
            (None, Part::Title, role, false),
            (None, Part::Title, team, true),
        ]
    });
    let body = posting
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| (Some(i), l.part, l.text.as_str(), false));
    // The company's own name is never one of its requirements, except as a skill a
    // must-have line asks for.
    let company = posting
        .meta
        .get("company")
        .map(|c| analyzer.term_set(c))
        .unwrap_or_default();
    let company = CompanyName::new(company);
    let mut order = 0usize;
    // Skill term ids of each clause that offers alternatives.
    let mut alt_groups: Vec<Vec<u32>> = Vec::new();
    // A line's skills outside such clauses (see below), kept across lines.
    let mut mentions: Vec<(u32, bool)> = Vec::new();
    for (line, part, text, team) in title.chain(body) {
        let Some(kind) = req_kind(part) else {
            continue;
        };
        // The clauses that offer alternatives (body lines only), found when the line's first
        // skill is met: only skills can be alternatives, and most lines name none.
        let mut clauses: Option<Vec<Range<usize>>> = None;
        // Skill term ids of each clause that offers alternatives.
        let mut alt_ids: Vec<Vec<u32>> = Vec::new();
        // Skills outside such clauses, in order, each with whether only a slash stands
        // between it and the one before ("Java/Go", "AWS / GCP / Azure", "掌握JAVA/Python"):
        // runs of them may offer a choice. And where the last such skill ended.
        mentions.clear();
        let mut last_skill: Option<usize> = None;
        let mut seen: Occurrences = Vec::new();
        // The subjects a degree is asked in are its field, read with the education, not
        // skills to prove (body lines only).
        let fields = match line {
            Some(_) => super::study::field_of_study(text),
            None => Vec::new(),
        };
        analyzer.for_each_token(text, &mut |tok| {
            // A lone Han character is a fragment or a particle far more often than a skill.
            if tok.kind == TokenKind::Han && tok.text.chars().count() == 1 {
                return;
            }
            if fields.iter().any(|f| f.contains(&tok.start)) {
                return;
            }
            // Unless a requirement asks for it as a skill: Redis asking for "deep experience
            // with Redis" asks for its own product, which a résumé may have or lack.
            if company.names(tok.text, tok.kind)
                && !(line.is_some()
                    && kind == ReqKind::Must
                    && tok.kind == TokenKind::Term
                    && analyzer.is_hard_skill(tok.text))
            {
                return;
            }
            order += 1;
            let id = ids.id_of(&tok);
            // Looked up first: most tokens repeat a term already seen.
            let e = match acc.get_mut(&id) {
                Some(e) => e,
                None => {
                    let (base, class) = ids.traits(id, analyzer, bg, &tok);
                    acc.entry(id).or_insert(Acc {
                        term: &text[tok.start..tok.end],
                        best: 0.0,
                        kind,
                        count: 0,
                        first: order,
                        base,
                        body: false,
                        class,
                        alternative_only: true,
                        in_title: false,
                    })
                }
            };
            if e.base == 0.0 {
                return;
            }
            // A title's team or business line weighs as a duty, but for a skill it names
            // ("Senior Engineer (Generative AI)"): the team is where the role sits, not
            // what it is.
            let (part, kind) = if team && e.class != TermClass::Skill {
                (Part::Duties, ReqKind::Duty)
            } else {
                (part, kind)
            };
            let w = part_weight(part) * e.base;
            e.count += 1;
            e.body |= line.is_some();
            // A skill in the team's brackets names the job as the title does ("Backend
            // Engineer (Node.js)"), as it weighs as the title.
            e.in_title |= line.is_none() && (!team || e.class == TermClass::Skill);
            let clause = if e.class == TermClass::Skill {
                let clauses = clauses.get_or_insert_with(|| match line {
                    Some(_) => alternative_clauses(text, |after| analyzer.names_hard_skill(after)),
                    None => Vec::new(),
                });
                alt_ids.resize(clauses.len(), Vec::new());
                clauses.iter().position(|c| c.contains(&tok.start))
            } else {
                None
            };
            match clause {
                Some(c) => {
                    if !alt_ids[c].contains(&id) {
                        alt_ids[c].push(id);
                    }
                }
                // Whether it is offered as a choice is known once the line is read.
                None if e.class == TermClass::Skill && line.is_some() => {
                    let joined = last_skill.is_some_and(|end| slash_between(text, end, tok.start));
                    mentions.push((id, joined));
                    last_skill = Some(tok.end);
                }
                None => e.alternative_only = false,
            }
            if w > e.best {
                e.best = w;
                e.kind = kind;
            }
            if LINES && line.is_some() && !seen.iter().any(|(s, _)| *s == id) {
                seen.push((id, tok.start..tok.end));
            }
        });
        if let (Some(i), false) = (line, seen.is_empty()) {
            per_line.push((i, kind, seen));
        }
        // A slash offers a choice between skills of one kind ("MySQL/PostgreSQL", "Java/Go");
        // between skills of different kinds ("Docker/Kubernetes", "MySQL/Redis") it lists a
        // stack, each asked for.
        let mut k = 0;
        while k < mentions.len() {
            let end = k + 1 + mentions[k + 1..].iter().take_while(|m| m.1).count();
            let mut run: Vec<u32> = Vec::new();
            if end - k >= 2 {
                for &(id, _) in &mentions[k..end] {
                    if !run.contains(&id) {
                        run.push(id);
                    }
                }
            }
            let choice = run.len() >= 2
                && run.iter().enumerate().all(|(i, &a)| {
                    run[i + 1..].iter().all(|&b| {
                        one_kind(analyzer, &ids.names[a as usize], &ids.names[b as usize])
                    })
                });
            if choice {
                alt_groups.push(run);
            } else {
                for (id, _) in &mentions[k..end] {
                    if let Some(e) = acc.get_mut(id) {
                        e.alternative_only = false;
                    }
                }
            }
            k = end;
        }
        for ids in alt_ids {
            // One skill alone is no choice: it is simply asked for.
            if ids.len() >= 2 {
                alt_groups.push(ids);
            } else if let Some(e) = ids.first().and_then(|id| acc.get_mut(id)) {
                e.alternative_only = false;
            }
        }
    }
    // Rank first, then allocate the display text of the kept terms only.
    let mut kept: Vec<(usize, f32, u32, Acc<'_>)> = acc
        .into_iter()
        .map(|(key, a)| {
            let weight = a.best * (1.0 + REPEAT_DAMPING * (a.count as f32).ln());
            (a.first, weight, key, a)
        })
        .filter(|(_, w, _, _)| *w >= MIN_WEIGHT)
        .collect();
    // Only the heaviest MAX_TERMS are kept: select them, then sort those alone. `first` is
    // unique, so the order is total and the unstable algorithms are deterministic.
    let heavier = |a: &(usize, f32, u32, Acc<'_>), b: &(usize, f32, u32, Acc<'_>)| {
        b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
    };
    if kept.len() > MAX_TERMS {
        // A long posting keeps the terms that count most where terms are counted (the fit
        // and the bullet query take plain words and soft skills at PLAIN_FIT_FACTOR), so
        // "Docker, Kubernetes" under a bonus heading outlasts prose such as "raise" or
        // "topic" rather than being cut for it.
        let counted = |k: &(usize, f32, u32, Acc<'_>)| match k.3.class {
            TermClass::Skill => k.1,
            TermClass::Plain | TermClass::Soft => k.1 * PLAIN_FIT_FACTOR,
        };
        kept.select_nth_unstable_by(MAX_TERMS, |a, b| {
            counted(b).total_cmp(&counted(a)).then(a.0.cmp(&b.0))
        });
        kept.truncate(MAX_TERMS);
    }
    kept.sort_unstable_by(heavier);
    let has_requirements = kept.iter().any(|k| k.3.body);
    let index_of: HashMap<u32, usize> = if LINES || !alt_groups.is_empty() {
        kept.iter().enumerate().map(|(i, k)| (k.2, i)).collect()
    } else {
        HashMap::default()
    };
    let alternatives = alt_groups
        .into_iter()
        .map(|ids| {
            ids.iter()
                .filter_map(|id| index_of.get(id).copied())
                .collect::<Vec<_>>()
        })
        .filter(|g| g.len() >= 2)
        .collect();
    let terms = kept
        .into_iter()
        .map(|(_, weight, id, a)| PostingTerm {
            // `str::to_owned`: `to_string` on the `Box<str>` would go through `Display`.
            key: ids.names[id as usize].as_ref().to_owned(),
            term: a.term.to_string(),
            weight,
            kind: a.kind,
            class: a.class,
            alternative_only: a.alternative_only,
            in_title: a.in_title,
        })
        .collect();
    let lines = per_line
        .into_iter()
        .filter_map(|(line, kind, seen)| {
            let terms: Vec<(usize, Range<usize>)> = seen
                .into_iter()
                .filter_map(|(id, r)| index_of.get(&id).map(|&i| (i, r)))
                .collect();
            (!terms.is_empty()).then_some(LineTerms { line, kind, terms })
        })
        .collect();
    AnalyzedPosting {
        terms,
        lines,
        has_requirements,
        alternatives,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::posting;

    fn bg() -> Background {
        let mut bg = Background::default();
        (bg.n_en, bg.n_zh) = (10, 10);
        bg.df.insert("experi".into(), (10, 0));
        bg
    }

    #[test]
    fn a_memoised_id_is_read_only_by_the_table_that_left_it() {
        // A slot per word, as the word cache keeps them.
        let (rust, go, python) = Default::default();
        let tok = |text| TokenRef {
            text,
            start: 0,
            end: 0,
            kind: TokenKind::Word,
            memo: Some(match text {
                "rust" => &rust,
                "go" => &go,
                _ => &python,
            }),
        };
        let mut first = TermIds {
            tag: TermIds::new_tag(),
            ..TermIds::default()
        };
        assert_eq!(first.id_of(&tok("rust")), 0);
        assert_eq!(first.id_of(&tok("go")), 1);
        // The slot now holds go's id, for `first` only.
        assert_eq!(go.get() as u32, 1);
        assert_eq!(first.id_of(&tok("rust")), 0);
        let mut second = TermIds {
            tag: TermIds::new_tag(),
            ..TermIds::default()
        };
        // Another table numbers its own terms, whatever the slot holds.
        assert_eq!(second.id_of(&tok("go")), 0);
        assert_eq!(second.id_of(&tok("go")), 0);
        // A private table (tag 0) neither reads nor writes slots.
        let mut private = TermIds::default();
        assert_eq!(private.id_of(&tok("python")), 0);
        assert_eq!(python.get(), 0);
        assert_eq!(go.get() >> 32, u64::from(second.tag));
        assert_eq!(first.id_of(&tok("go")), 1);
        assert_eq!(first.names.len(), 2);
    }

    #[test]
    fn alternatives_are_the_clauses_that_offer_a_choice() {
        let clauses = |t: &str| -> Vec<String> {
            alternative_clauses(t, |after| Analyzer::shared().names_hard_skill(after))
                .into_iter()
                .map(|r| t[r].trim().to_string())
                .collect()
        };
        assert_eq!(
            clauses("Strong Python skills and familiarity with PyTorch or similar frameworks."),
            ["familiarity with PyTorch or similar frameworks."]
        );
        assert_eq!(
            clauses("熟练使用mysql、tidb、mongodb等数据库的一种及以上；熟悉Netty"),
            ["熟练使用mysql、tidb、mongodb等数据库的一种"]
        );
        assert_eq!(
            clauses("Experience with AWS, GCP, or Azure"),
            ["Experience with AWS, GCP, or Azure"]
        );
        assert!(clauses("Hands-on experience with Docker and Kubernetes").is_empty());
        // Examples are the choice, not what they are examples of: NoSQL is asked for.
        assert_eq!(
            clauses("Familiarity with NoSQL document databases such as DynamoDB or MongoDB"),
            ["DynamoDB or MongoDB"]
        );
        assert_eq!(clauses("A cloud provider (e.g. AWS, GCP)"), ["AWS, GCP"]);
        assert_eq!(
            clauses("精通Java或C++编程，负责过高性能引擎核心模块研发，如搜索引擎、规则引擎等"),
            ["精通Java或C++编程", "搜索引擎、规则引擎等"]
        );
        assert!(clauses("熟悉Redis，如果有Kafka经验更好").is_empty());
        // A list closed by 等 is a choice of examples when a kind of skill follows, the
        // kind itself asked for; a stack when nothing does.
        assert_eq!(
            clauses("熟悉Kafka、RocketMQ等消息队列，熟悉Redis"),
            ["熟悉Kafka、RocketMQ"]
        );
        assert!(clauses("熟练掌握Hive、Spark、Flink、MySQL等相关组件，熟悉Python开发").is_empty());
        assert_eq!(
            clauses("熟练使用mysql、tidb、mongodb等数据库的一种"),
            ["熟练使用mysql、tidb、mongodb等数据库的一种"]
        );
        assert!(clauses("3年以上Java开发经验，如有Python、Go项目经验请注明").is_empty());
    }

    #[test]
    fn a_slash_offers_a_choice_only_between_skills_of_one_kind() {
        let a = Analyzer::shared();
        assert!(slash_between("Java/Go", 4, 5));
        assert!(slash_between("MySQL / PostgreSQL", 5, 8));
        assert!(slash_between("Java／Go", 4, 7));
        assert!(!slash_between("Java, Go", 4, 6));
        assert!(!slash_between("Java/ and Go", 4, 10));
        assert!(one_kind(&a, "mysql", "postgresql"));
        assert!(one_kind(&a, "aws", "gcp"));
        assert!(one_kind(&a, "java", "go"));
        assert!(!one_kind(&a, "python", "django") && !one_kind(&a, "django", "python"));
        assert!(!one_kind(&a, "prometheus", "nginx"));
        assert!(!one_kind(&a, "mysql", "redis"));
        assert!(!one_kind(&a, "java", "mysql"));
    }

    #[test]
    fn a_titles_bracketed_team_weighs_as_a_duty_but_a_skill_it_names_as_the_title() {
        let a = Analyzer::shared();
        let kind_and_weight = |text: &str, key: &str| {
            let p = posting::parse(text);
            let terms = analyze_posting(&p, &a, &bg(), Lines::Skip).terms;
            let t = terms.iter().find(|t| t.key == key).unwrap();
            (t.kind, t.weight)
        };
        let body = "\n\nRequirements\n- Go and Kafka\n";
        let (team, team_w) = kind_and_weight(&format!("Backend Engineer (Billing){body}"), "bill");
        let (role, role_w) = kind_and_weight(&format!("Billing Backend Engineer{body}"), "bill");
        assert_eq!((team, role), (ReqKind::Duty, ReqKind::Must));
        assert!(team_w < role_w, "{team_w} vs {role_w}");
        let (skill, skill_w) = kind_and_weight(&format!("Backend Engineer (Kafka){body}"), "kafka");
        let (_, plain_w) = kind_and_weight(&format!("Kafka Backend Engineer{body}"), "kafka");
        assert_eq!(skill, ReqKind::Must);
        assert_eq!(skill_w, plain_w);
    }

    #[test]
    fn a_long_posting_keeps_its_skills_before_its_prose() {
        // More distinct words than MAX_TERMS: rare made-up prose words in the must-haves, each
        // heavier than a common skill in the bonus list, and Docker and Kubernetes there.
        let prose: Vec<String> = (0..MAX_TERMS + 20)
            .map(|i| {
                format!(
                    "zq{}vex",
                    char::from(b'a' + (i % 26) as u8)
                        .to_string()
                        .repeat(1 + i / 26)
                )
            })
            .collect();
        let text = format!(
            "Platform Engineer\n\nRequirements\n- {}\n\nBonus\n- Docker, Kubernetes\n",
            prose.join(" ")
        );
        let a = Analyzer::shared();
        let terms = analyze_posting(&posting::parse(&text), &a, &bg(), Lines::Skip).terms;
        assert_eq!(terms.len(), MAX_TERMS);
        let plain_max = terms
            .iter()
            .filter(|t| t.class == TermClass::Plain)
            .map(|t| t.weight)
            .fold(0f32, f32::max);
        for key in ["docker", "kubernetes"] {
            let t = terms.iter().find(|t| t.key == key);
            assert!(t.is_some(), "{key} cut for prose");
            // It stays although lighter than the prose, which counts at PLAIN_FIT_FACTOR.
            assert!(t.unwrap().weight < plain_max);
        }
    }

    #[test]
    fn a_bracket_opening_the_title_qualifies_the_role_and_is_no_team() {
        assert_eq!(
            split_title("(Senior) Backend Engineer, Fintech"),
            ("(Senior) Backend Engineer, Fintech", "")
        );
        assert_eq!(
            split_title("（资深）后台开发工程师（风控）"),
            ("（资深）后台开发工程师", "（风控）")
        );
        assert_eq!(
            split_title("Backend Engineer (Billing)"),
            ("Backend Engineer ", "(Billing)")
        );
    }

    #[test]
    fn only_the_titles_role_names_what_the_job_is() {
        let a = Analyzer::shared();
        let p = posting::parse(
            "Senior Java Engineer (Billing)\n\nRequirements\n- Kafka, and billing systems\n",
        );
        let terms = analyze_posting(&p, &a, &bg(), Lines::Skip).terms;
        let in_title = |key: &str| terms.iter().find(|t| t.key == key).unwrap().in_title;
        assert!(in_title("java"));
        // The team is where the role sits; a body-only skill is asked, not the job's name.
        assert!(!in_title("bill"));
        assert!(!in_title("kafka"));
        // A skill in the brackets names the job, as it weighs as the title.
        let p = posting::parse("Senior Backend Engineer (Node.js)\n\nRequirements\n- APIs\n");
        let terms = analyze_posting(&p, &a, &bg(), Lines::Skip).terms;
        assert!(
            terms.iter().any(|t| t.term == "Node.js" && t.in_title),
            "{terms:?}"
        );
    }

    #[test]
    fn benefits_and_boilerplate_never_weigh() {
        let a = Analyzer::shared();
        let p = posting::parse("SRE\n\nRequirements\n- Kafka and experience\n\nBenefits\n- 五险一金, equal opportunity\n");
        let terms = analyze_posting(&p, &a, &bg(), Lines::Skip).terms;
        let keys: Vec<&str> = terms.iter().map(|t| t.key.as_str()).collect();
        assert!(keys.contains(&"kafka"), "{keys:?}");
        assert!(!keys.contains(&"experi"), "{keys:?}");
        assert!(!keys.iter().any(|k| k.contains("五险")), "{keys:?}");
        assert!(!keys.contains(&"opportun"), "{keys:?}");
    }

    #[test]
    fn line_terms_are_the_kept_terms_of_each_line_once() {
        let a = Analyzer::shared();
        let p = posting::parse("SRE\n\nRequirements\n- Kafka, Kafka and Go experience\n- experience\n\nBenefits\n- Kafka swag\n");
        let ap = analyze_posting(&p, &a, &bg(), Lines::Keep);
        // One line with terms (the second has only boilerplate; benefits never count).
        assert_eq!(ap.lines.len(), 1, "{:?}", ap.lines);
        let l = &ap.lines[0];
        assert_eq!((l.line, l.kind), (0, ReqKind::Must));
        let text = &p.lines[0].text;
        let written: Vec<&str> = l.terms.iter().map(|(_, r)| &text[r.clone()]).collect();
        assert_eq!(written, ["Kafka", "Go"]);
        assert_eq!(ap.terms[l.terms[0].0].key, "kafka");
        // Skipping lines gives the same terms.
        assert_eq!(analyze_posting(&p, &a, &bg(), Lines::Skip).terms, ap.terms);
    }

    #[test]
    fn term_weights_follow_the_background_in_use() {
        // The per-thread table keeps each term's weight between postings; a posting weighed
        // against another background must not get the first one's weights.
        let a = Analyzer::shared();
        let p = posting::parse("SRE\n\nRequirements\n- Kafka and Terraform\n");
        let weight = |bg: &Background| {
            let terms = analyze_posting(&p, &a, bg, Lines::Skip).terms;
            terms
                .iter()
                .find(|t| t.key == "kafka")
                .map_or(0.0, |t| t.weight)
        };
        let rare = weight(&bg());
        let mut common = bg();
        common.df.insert("kafka".into(), (10, 10));
        let everywhere = weight(&common);
        assert!(rare > 0.0, "{rare}");
        assert!(everywhere < rare, "{everywhere} vs {rare}");
        // And back again: the first background's weight, not the second's.
        assert_eq!(weight(&bg()), rare);
    }
}
