//! Experience and education checks: the years and degree a posting asks for, the years and
//! degree a résumé shows, and how they compare.

use super::tunables::{DEGREE_SHORT_FACTOR, OVERQUALIFIED_FACTOR, YEARS_FLOOR, YEAR_SHORT_COST};
use crate::model::{
    DateEnd, Degree, FactCheck, Part, Posting, PostingAsks, Resume, ResumeFacts, SectionKind,
    YearMonth,
};
use regex::Regex;
use std::sync::LazyLock;

static YEARS_PATTERNS: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let patterns = [
        // 5年以上, 5 年及以上, 3-5年, 3~5 年, 5+年
        r"([0-9]{1,2})\s*(?:[-~～–到至]\s*[0-9]{1,2}\s*)?\+?\s*年[^，。；;,、]{0,16}?(?:工作|开发|研发|运维|相关|从业|经验)",
        r"([0-9]{1,2})\s*(?:[-~～–到至]\s*[0-9]{1,2}\s*)?年及?以上",
        // 5+ years, 3-5 years, at least 3 years, minimum of 4 years, 3 or more years
        r"(?i)([0-9]{1,2})\s*\+\s*(?:years?|yrs?)",
        // 15 years+ (the plus after the unit)
        r"(?i)([0-9]{1,2})\s*(?:years?|yrs?)\s*\+",
        r"(?i)([0-9]{1,2})\s*(?:-|–|to)\s*[0-9]{1,2}\s*(?:years?|yrs?)",
        r"(?i)(?:at\s+least\s+|minimum\s+(?:of\s+)?|min\.?\s+)([0-9]{1,2})\s*(?:years?|yrs?)",
        r"(?i)([0-9]{1,2})\s+or\s+more\s+(?:years?|yrs?)",
        // 5 years or more of Java
        r"(?i)([0-9]{1,2})\s+(?:years?|yrs?)\s+or\s+more\b",
        // 5 years of relevant PR, media, or corporate communications experience; 7 years
        // broad-based regulatory and corporate investigations experience
        r"(?i)([0-9]{1,2})\s+(?:years?|yrs?)\s+(?:of\s+)?(?:[A-Za-z/&-]+,?\s+){0,8}?(?:experience|exp\b)",
    ];
    // Each pattern on its own, not a `RegexSet` first: a set reports its matches through an
    // engine that tracks every pattern at once, slower on these short lines than each
    // pattern's own search (which skips ahead to its literal, 年 or a digit).
    patterns
        .iter()
        .map(|p| Regex::new(p).expect("years pattern"))
        .collect()
});

/// Words that name each degree, in either language (checked against lowercased text).
const DEGREE_WORDS: &[(Degree, &[&str])] = &[
    (
        Degree::Doctorate,
        &["博士", "phd", "ph.d", "doctorate", "doctoral"],
    ),
    (
        Degree::Master,
        &[
            "硕士",
            "研究生",
            "master's",
            "masters",
            "master of",
            "m.s.",
            "msc",
            "mba",
        ],
    ),
    (
        Degree::Bachelor,
        &[
            "本科",
            "学士",
            "bachelor",
            "b.s.",
            "b.sc",
            "bsc",
            "b.a.",
            "undergraduate degree",
            "college degree",
            "four-year degree",
        ],
    ),
    (
        Degree::Associate,
        &["大专", "专科", "associate degree", "associate's"],
    ),
];

/// All degree words in one automaton, so a line is scanned once.
static DEGREE_AC: LazyLock<(aho_corasick::AhoCorasick, Vec<Degree>)> = LazyLock::new(|| {
    let (words, degrees): (Vec<&str>, Vec<Degree>) = DEGREE_WORDS
        .iter()
        .flat_map(|(d, ws)| ws.iter().map(move |w| (*w, *d)))
        .unzip();
    let ac = aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .expect("degree words");
    (ac, degrees)
});

/// The degrees [`DEGREE_WORDS`] name in `text`, each English word a word of its own: "mba"
/// inside "imbalance", "Mumbai" or "combat", "bsc" inside "obscure" and "masters" inside
/// "webmasters" name no degree. An abbreviation ends its word too (a plural `s` allowed:
/// "MBAs", "PhDs"), where a longer word may go on ("bachelor's", "doctoral").
fn degree_words(text: &str) -> impl Iterator<Item = Degree> + '_ {
    let (ac, degrees) = &*DEGREE_AC;
    let b = text.as_bytes();
    let alnum = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    ac.find_iter(text).filter_map(move |m| {
        let (s, e) = (m.start(), m.end());
        if b[s].is_ascii_alphabetic() && s > 0 && alnum(s - 1) {
            return None;
        }
        let abbreviation = e - s <= 3 && b[s..e].iter().all(u8::is_ascii_alphabetic);
        if abbreviation && alnum(e) {
            let plural = b[e].eq_ignore_ascii_case(&b's') && !alnum(e + 1);
            if !plural {
                return None;
            }
        }
        Some(degrees[m.pattern().as_usize()])
    })
}

/// Degrees written as capital abbreviations: `BS`, and `BA` or `MS` where they read as
/// degrees (`BA/BS`, `BS/MS`, `MS in Statistics`, `BA degree`); alone, `BA` is often a
/// business analyst and `MS` Microsoft. Case matters, so these are not among
/// [`DEGREE_WORDS`]. A cheap byte search: most lines hold no capital B or M.
fn abbreviated_degrees(text: &str) -> impl Iterator<Item = Degree> + '_ {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'B', b'M', b).filter_map(move |i| {
        let second = *b.get(i + 1)?;
        let bounded = |j: usize| b.get(j).is_none_or(|c| !c.is_ascii_alphanumeric());
        // Two ASCII letters (`B站` is no degree), a word of their own.
        if !matches!(second, b'S' | b'A')
            || (i > 0 && b[i - 1].is_ascii_alphanumeric())
            || !bounded(i + 2)
        {
            return None;
        }
        let after = text[i + 2..].trim_start();
        let paired = (i > 0 && b[i - 1] == b'/') || after.starts_with('/');
        let named = ["in ", "degree", "or "]
            .iter()
            .any(|w| after.starts_with(w));
        match (b[i], second) {
            (b'B', b'S') => Some(Degree::Bachelor),
            (b'B', b'A') if paired || named => Some(Degree::Bachelor),
            (b'M', b'S') if paired || named => Some(Degree::Master),
            _ => None,
        }
    })
}

/// The degrees named in `text`, lowest first.
pub fn degrees_in(text: &str) -> Vec<Degree> {
    let mut out: Vec<Degree> = degree_words(text)
        .chain(abbreviated_degrees(text))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The lowest and highest degree named in `text`, without collecting them all: this runs
/// on every requirement line of every posting in a batch.
pub fn degree_bounds(text: &str) -> Option<(Degree, Degree)> {
    degree_words(text)
        .chain(abbreviated_degrees(text))
        .fold(None, |b, d| match b {
            None => Some((d, d)),
            Some((lo, hi)) => Some((lo.min(d), hi.max(d))),
        })
}

/// The minimum years a line asks for, if it asks.
pub fn years_in(text: &str) -> Option<u32> {
    // Every pattern names the years (年, year, yr): most lines are ruled out by one scan.
    if !names_years(text) {
        return None;
    }
    // Numbers written otherwise are read as digits: full-width (１０年以上, 5＋ years), in
    // words (ten years, Five (5) years), in Chinese numerals (五年以上, 十年; only a line with
    // 年 is looked at).
    let plain = plain_numbers(text);
    let text = plain.as_deref().unwrap_or(text);
    let digits;
    let text = match arabic_years(text) {
        Some(t) => {
            digits = t;
            digits.as_str()
        }
        None => text,
    };
    // Every pattern needs a number: most lines are ruled out before any regex runs.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // Every statement of years: where it is and the number it asks.
    let mut asks: Vec<(std::ops::Range<usize>, u32)> = YEARS_PATTERNS
        .iter()
        .flat_map(|p| p.captures_iter(text))
        .filter_map(|c| {
            let y = c.get(1)?.as_str().parse::<u32>().ok()?;
            Some((c.get(0)?.range(), y))
        })
        .filter(|(r, y)| (1..=30).contains(y) && !crate::parse::text::is_age(&text[r.end..]))
        .collect();
    // Statements that overlap are one ask read by several patterns: "3-4 years of
    // experience" is a range and asks its lower bound.
    asks.sort_by_key(|(r, _)| (r.start, r.end));
    let mut merged: Vec<(std::ops::Range<usize>, u32)> = Vec::new();
    for (r, y) in asks {
        match merged.last_mut() {
            Some((last, low)) if r.start < last.end => {
                last.end = last.end.max(r.end);
                *low = (*low).min(y);
            }
            _ => merged.push((r, y)),
        }
    }
    // Separate asks in one line are an overall requirement and a part of it ("7+ years in
    // development, with at least 3 in mobile", 五年以上运维经验，其中三年以上Hadoop经验): the
    // line asks the larger. Asks offered as a choice ("1+ years as an engineer or 2+ as an
    // analyst", 硕士5年…或本科7年…) ask the lower: either one meets it.
    let mut it = merged.into_iter();
    let (mut prev_end, mut asked) = it.next().map(|(r, y)| (r.end, y))?;
    for (r, y) in it {
        let between = &text[prev_end..r.start];
        asked = if offers_a_choice(between) {
            asked.min(y)
        } else {
            asked.max(y)
        };
        prev_end = r.end;
    }
    Some(asked)
}

/// Whether the text between two asks joins them as a choice: it ends with "or" or 或 right
/// before the second ("… or 2+ years as an analyst", "…，或3年以上…"). An "or" further back
/// joins words inside the first ask ("5+ years of backend or infrastructure work, with…").
fn offers_a_choice(between: &str) -> bool {
    let end = between.trim_end_matches(|c: char| c.is_whitespace() || ",，".contains(c));
    end.ends_with('或')
        || end
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("or"))
}

/// Whether `text` has 年, or "year" or "yr" in any case: a word every years pattern needs.
fn names_years(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'y', b'Y', b).any(|i| {
        let rest = &b[i + 1..];
        rest.first().is_some_and(|c| c.eq_ignore_ascii_case(&b'r'))
            || rest
                .get(..3)
                .is_some_and(|c| c.eq_ignore_ascii_case(b"ear"))
    }) || text.contains('年')
}

/// `text` with full-width digits and signs in ASCII (１０年以上, 5＋ years) and each count of
/// years written in English words as digits ("ten years", "Five (5) years", "two+ yrs"), or
/// `None` when it has neither.
fn plain_numbers(text: &str) -> Option<String> {
    static WORDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)(?:\s*\(\s*[0-9]{1,2}\s*\))?(\s*\+?\s*(?:or\s+more\s+)?(?:years?|yrs?)\b)",
        )
        .expect("number words pattern")
    });
    // Full-width forms are U+FF01…U+FF5E, three bytes from 0xEF 0xBC or 0xEF 0xBD.
    let wide = text.as_bytes().windows(2).any(|w| w == [0xEF, 0xBC]);
    let folded = if wide {
        std::borrow::Cow::Owned(
            text.chars()
                .map(|c| match c {
                    '０'..='９' | '＋' | '－' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                    _ => c,
                })
                .collect::<String>(),
        )
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let words = WORDS.replace_all(&folded, |c: &regex::Captures<'_>| {
        // The words the pattern takes, each with its number.
        const NUMBERS: [(&str, u32); 14] = [
            ("one", 1),
            ("two", 2),
            ("three", 3),
            ("four", 4),
            ("five", 5),
            ("six", 6),
            ("seven", 7),
            ("eight", 8),
            ("nine", 9),
            ("ten", 10),
            ("eleven", 11),
            ("twelve", 12),
            ("fifteen", 15),
            ("twenty", 20),
        ];
        let n = NUMBERS
            .iter()
            .find(|(w, _)| c[1].eq_ignore_ascii_case(w))
            .map_or(0, |&(_, n)| n);
        format!("{n}{}", &c[2])
    });
    match words {
        std::borrow::Cow::Owned(t) => Some(t),
        std::borrow::Cow::Borrowed(_) => wide.then(|| folded.into_owned()),
    }
}

/// `text` with each count of years in Chinese numerals (五年, 三年, 两年, 十年, 十五年) written in
/// digits, or `None` when it has none.
fn arabic_years(text: &str) -> Option<String> {
    if !text.contains('年') {
        return None;
    }
    let digit = |c: char| {
        "零一二三四五六七八九"
            .find(c)
            .map(|i| i / 3)
            .or((c == '两').then_some(2))
    };
    let mut out = String::new();
    let mut copied = 0;
    for (at, _) in text.match_indices('年') {
        // The numeral: one digit, or 十 with a digit before and/or after it.
        let before: Vec<(usize, char)> = text[..at].char_indices().rev().take(3).collect();
        let mut value = None;
        let mut start = at;
        for n in 1..=before.len() {
            let chars: String = before[..n].iter().rev().map(|&(_, c)| c).collect();
            let v = match chars.chars().collect::<Vec<_>>()[..] {
                ['十'] => Some(10),
                [d] => digit(d),
                ['十', u] => digit(u).map(|u| 10 + u),
                [t, '十'] => digit(t).map(|t| 10 * t),
                [t, '十', u] => digit(t).zip(digit(u)).map(|(t, u)| 10 * t + u),
                _ => None,
            };
            if let Some(v) = v.filter(|&v| v > 0) {
                value = Some(v);
                start = before[n - 1].0;
            }
        }
        if let Some(v) = value {
            out.push_str(&text[copied..start]);
            out.push_str(&v.to_string());
            copied = at;
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// Reads the years and degree a posting asks for.
pub fn asks(posting: &Posting) -> PostingAsks {
    let mut a = PostingAsks::default();
    for l in &posting.lines {
        match l.part {
            Part::Requirements | Part::Other => {
                if let Some(y) = years_in(&l.text) {
                    a.years = Some(a.years.map_or(y, |x: u32| x.max(y)));
                }
                if let Some((d, _)) = degree_bounds(&l.text) {
                    a.degree = Some(a.degree.map_or(d, |x: Degree| x.min(d)));
                }
            }
            Part::Nice => {
                if let Some((_, d)) = degree_bounds(&l.text) {
                    a.preferred_degree = Some(d);
                }
            }
            _ => {}
        }
    }
    // A job board's header fields (51job's `经验：5-7年工作经验 | 学历：本科`, others'
    // `经验：3-5年`) say in its own boxes what the body often does not repeat: they fill in
    // what the body leaves unsaid, never lower or raise what it says. Both fields are read
    // for both asks, as scrapes shift them (`经验：本科 | 学历：`).
    let field = |k: &str| posting.meta.get(k).map_or("", |v| v.trim());
    let (experience, education) = (field("experience"), field("education"));
    if a.years.is_none() {
        // The field's label says what a bare span of years is.
        a.years = [experience, education]
            .iter()
            .filter(|v| !v.is_empty())
            .find_map(|v| years_in(v).or_else(|| years_in(&format!("{v}工作经验"))));
    }
    if a.degree.is_none() {
        a.degree = [experience, education]
            .iter()
            .filter_map(|v| degree_bounds(v))
            .map(|(lo, _)| lo)
            .min();
    }
    if a.preferred_degree.is_some() && a.preferred_degree <= a.degree {
        a.preferred_degree = None;
    }
    a.entry_level = posting.title.as_deref().is_some_and(is_entry_level);
    a.occupations = posting
        .title
        .as_deref()
        .map(super::occupation::occupations_of)
        .unwrap_or_default();
    a
}

/// Whether a title names an internship, a trainee or a new-graduate role ("Software
/// Engineer Intern", "Graduate Program", "数据分析师实习生", "管培生", "2025 校招").
/// English words are matched whole: "Internal Audit" is not an internship.
pub fn is_entry_level(title: &str) -> bool {
    const HAN: &[&str] = &[
        "实习",
        "管培",
        "培训生",
        "校招",
        "应届",
        "毕业生",
        "校园招聘",
    ];
    const WORDS: &[&str] = &[
        "intern",
        "interns",
        "internship",
        "internships",
        "trainee",
        "trainees",
        "apprentice",
        "apprenticeship",
        "graduate",
        "graduates",
    ];
    HAN.iter().any(|h| title.contains(h))
        || title
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| WORDS.iter().any(|x| w.eq_ignore_ascii_case(x)))
        || title.to_ascii_lowercase().contains("new grad")
}

/// A résumé with several years of experience against an internship or graduate role: a
/// recruiter passes it over, however well the skills match.
pub fn check_level(has: f32) -> FactCheck {
    FactCheck {
        meets: false,
        detail: format!("an internship or graduate role; you have {has:.1} years"),
        factor: OVERQUALIFIED_FACTOR,
        over: true,
    }
}

/// Months since year 0 (a date without a month counts as January).
pub(crate) fn months(d: YearMonth) -> i32 {
    d.year as i32 * 12 + d.month.map_or(0, |m| m as i32 - 1)
}

/// Total months covered by `spans`, overlaps merged.
fn merged_months(mut spans: Vec<(i32, i32)>) -> i32 {
    spans.sort();
    let mut total = 0;
    let mut cur: Option<(i32, i32)> = None;
    for (s, e) in spans {
        match cur {
            Some((cs, ce)) if s <= ce => cur = Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                total += ce - cs;
                cur = Some((s, e));
            }
            None => cur = Some((s, e)),
        }
    }
    if let Some((cs, ce)) = cur {
        total += ce - cs;
    }
    total
}

/// Reads the years of experience and highest degree of a résumé, counting "present" as
/// `as_of`.
pub fn facts(resume: &Resume, as_of: YearMonth) -> ResumeFacts {
    let (mut work, mut intern) = (Vec::new(), Vec::new());
    let mut degree: Option<Degree> = None;
    for s in &resume.sections {
        let heading = s.heading.to_lowercase();
        let internship_section = heading.contains("实习") || heading.contains("intern");
        for e in &s.entries {
            match s.kind {
                SectionKind::Experience => {
                    let (Some(start), Some(end)) = (e.start, e.end) else {
                        continue;
                    };
                    let end = match end {
                        DateEnd::Present => as_of,
                        DateEnd::Date(d) => d,
                    };
                    // An end month counts in full: 2019.02 – 2020.03 is 14 months.
                    let span = (months(start), months(end) + 1);
                    if span.1 <= span.0 {
                        continue;
                    }
                    let title = [&e.title, &e.organisation]
                        .into_iter()
                        .flatten()
                        .any(|t| t.to_lowercase().contains("intern") || t.contains("实习"));
                    if internship_section || title {
                        intern.push(span);
                    } else {
                        work.push(span);
                    }
                }
                SectionKind::Education => {
                    let text = [&e.organisation, &e.title]
                        .into_iter()
                        .flatten()
                        .map(String::as_str)
                        .chain(e.notes.iter().map(String::as_str))
                        .collect::<Vec<_>>()
                        .join(" ");
                    if let Some(&d) = degrees_in(&text).last() {
                        degree = degree.max(Some(d));
                    }
                }
                _ => {}
            }
        }
    }
    let round1 = |m: i32| (m as f32 / 12.0 * 10.0).round() / 10.0;
    ResumeFacts {
        years: round1(merged_months(work)),
        internship_years: round1(merged_months(intern)),
        degree,
        occupations: super::occupation::occupations(resume),
    }
}

/// Experience: short by `d` years costs 10% per year, at most 30%.
pub fn check_years(asked: u32, has: f32) -> FactCheck {
    let short = asked as f32 - has;
    if short <= 0.0 {
        FactCheck {
            meets: true,
            detail: format!("{has:.1} years, asks {asked}+"),
            factor: 1.0,
            over: false,
        }
    } else {
        FactCheck {
            meets: false,
            detail: format!("{has:.1} years, asks {asked}+: short by {short:.1} years"),
            factor: (1.0 - YEAR_SHORT_COST * short).max(YEARS_FLOOR),
            over: false,
        }
    }
}

/// Education: a degree below the required one costs 15%.
pub fn check_degree(asked: Degree, has: Option<Degree>) -> FactCheck {
    let label = |d: Degree| match d {
        Degree::Associate => "associate",
        Degree::Bachelor => "bachelor's",
        Degree::Master => "master's",
        Degree::Doctorate => "doctorate",
    };
    match has {
        Some(h) if h >= asked => FactCheck {
            meets: true,
            detail: format!("{} or higher asked, has {}", label(asked), label(h)),
            factor: 1.0,
            over: false,
        },
        Some(h) => FactCheck {
            meets: false,
            detail: format!("{} asked, has {}", label(asked), label(h)),
            factor: DEGREE_SHORT_FACTOR,
            over: false,
        },
        None => FactCheck {
            meets: false,
            detail: format!("{} asked, no degree found in the résumé", label(asked)),
            factor: DEGREE_SHORT_FACTOR,
            over: false,
        },
    }
}

/// The current month (UTC): what "present" in a résumé's dates stands for, unless the
/// caller fixes another month.
pub fn current_month() -> YearMonth {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    YearMonth {
        year: year as u16,
        month: Some(month as u8),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn entry_level_titles_are_internships_and_graduate_roles_only() {
        for t in [
            "Software Engineer Intern (Mobile)",
            "Business Internship 2018",
            "Graduate Program: Data",
            "数据分析师实习生",
            "物业系统-大数据管培生",
            "供应链管理培训生",
            "2025 校招 后端开发",
        ] {
            assert!(super::is_entry_level(t), "{t}");
        }
        for t in [
            "Senior Technology Auditor, Internal Audit",
            "Operations Manager, International",
            "Junior/ Middle level DevOps Engineer",
            "高级Java开发工程师",
        ] {
            assert!(!super::is_entry_level(t), "{t}");
        }
    }

    use super::*;
    use crate::parse::posting;

    #[test]
    fn only_lines_naming_years_are_read_for_them() {
        // The prefilter lets every spelling the patterns take through, in any case.
        assert_eq!(years_in("5+ YEARS of Go"), Some(5));
        assert_eq!(years_in("3-5 Yrs experience"), Some(3));
        assert_eq!(years_in("At least 4 yr. in SRE"), Some(4));
        assert!(names_years("十年以上") && names_years("a YEAR") && names_years("2 yrs"));
        // A line with numbers but no years is ruled out before any pattern runs.
        assert!(!names_years("p99 latency under 200 ms, 99.9% uptime"));
        assert!(!names_years("Ready to ship"));
        // An overall ask and a part of it: the line asks the overall one.
        assert_eq!(
            years_in("A bachelor’s degree with 7+ years’ experience in application development, with at least 3 years’ experience in mobile applications"),
            Some(7)
        );
        assert_eq!(years_in("3+ years of Python and 2+ years of Go"), Some(3));
        for (line, years) in [
            ("5 years or more of Java development experience.", 5),
            (
                "5 years of relevant PR, media, or corporate communications experience.",
                5,
            ),
            (
                "7 years broad-based regulatory and corporate investigations experience.",
                7,
            ),
            (
                "5 years of related Contract Manufacturing or Business Operations experience.",
                5,
            ),
        ] {
            assert_eq!(years_in(line), Some(years), "{line}");
        }
        // A choice between asks: either meets it.
        assert_eq!(
            years_in("1+ years security engineer experience or 2+ years as a Security Analyst"),
            Some(1)
        );
        assert_eq!(
            years_in("8+ years required, or 5+ years with an advanced degree"),
            Some(5)
        );
        assert_eq!(years_in("5年以上开发经验，或3年以上Go开发经验"), Some(3));
        // An "or" inside the first ask is no choice between asks.
        assert_eq!(
            years_in("5+ years of backend or infrastructure work, with at least 2 years of Go"),
            Some(5)
        );
        assert_eq!(
            years_in("五年以上运维或开发工作经验，其中三年大数据或数据仓库经验"),
            Some(5)
        );
        // A range "or more" asks its lower bound.
        assert_eq!(
            years_in("工作3-5年及以上，在大型平台至少2年以上工作经验"),
            Some(3)
        );
    }

    #[test]
    fn years_in_both_languages() {
        assert_eq!(years_in("5年以上运维或SRE相关工作经验"), Some(5));
        assert_eq!(years_in("3-5年Java开发经验"), Some(3));
        assert_eq!(years_in("本科及以上学历，3 年以上后端开发经验"), Some(3));
        assert_eq!(years_in("5+ years of backend experience"), Some(5));
        assert_eq!(
            years_in("At least 3 years of experience with Kubernetes"),
            Some(3)
        );
        assert_eq!(
            years_in("3-4 years of experience in software engineering"),
            Some(3)
        );
        assert_eq!(years_in("Minimum of 4 years in SRE"), Some(4));
        assert_eq!(years_in("Founded in 2016, 800 people"), None);
        assert_eq!(years_in("401(k) with 4% match"), None);
        assert_eq!(
            years_in("五年以上大数据运维经验，其中三年以上Hadoop经验"),
            Some(5)
        );
        assert_eq!(years_in("三年及以上Java开发经验"), Some(3));
        // Full-width digits and signs, and numbers in words.
        assert_eq!(years_in("１０年以上Java开发经验"), Some(10));
        assert_eq!(years_in("10＋ years of backend experience"), Some(10));
        assert_eq!(years_in("ten years of experience with Kafka"), Some(10));
        assert_eq!(
            years_in("Five (5) years of professional experience"),
            Some(5)
        );
        assert_eq!(years_in("at least ten (10) years in software"), Some(10));
        assert_eq!(years_in("Two+ years building APIs"), Some(2));
        assert_eq!(years_in("one of the ten best places to work"), None);
        assert_eq!(years_in("十年以上软件开发经验"), Some(10));
        assert_eq!(years_in("两年以上工作经验"), Some(2));
        assert_eq!(years_in("十五年以上从业经验"), Some(15));
        assert_eq!(years_in("每一年都有新的挑战"), None);
        // An age is not experience asked: "products that are 20+ years old".
        assert_eq!(years_in("legacy products that are 20+ years old"), None);
        assert_eq!(years_in("a 10-15 years-old codebase"), None);
        assert_eq!(years_in("5+ years oldest-first queues"), Some(5));
        // Abbreviated and with the plus after the unit.
        assert_eq!(years_in("10+ yrs of Go"), Some(10));
        assert_eq!(years_in("5 yrs exp. min"), Some(5));
        assert_eq!(years_in("15 years+ of Go"), Some(15));
        assert_eq!(years_in("3 years expected on site"), None);
    }

    #[test]
    fn degree_abbreviations_in_capitals() {
        assert_eq!(
            degrees_in("BA/BS degree in a related field"),
            [Degree::Bachelor]
        );
        assert_eq!(
            degrees_in("BS/MS in Computer Science"),
            [Degree::Bachelor, Degree::Master]
        );
        assert_eq!(degrees_in("MS in Statistics required"), [Degree::Master]);
        assert_eq!(degrees_in("BS degree or equivalent"), [Degree::Bachelor]);
        // Alone, BA and MS name other things; inside words they are letters.
        assert!(degrees_in("Work with the BA and QA teams on MS SQL Server").is_empty());
        assert!(degrees_in("JOBS, ABS, EMS and BSD").is_empty());
        assert!(degrees_in("熟悉B站内容生态，MA 和 M站").is_empty());
        assert_eq!(degrees_in("本科BS学位"), [Degree::Bachelor]);
    }

    #[test]
    fn degrees_in_both_languages() {
        assert_eq!(
            degrees_in("统招本科及以上学历，硕士优先"),
            [Degree::Bachelor, Degree::Master]
        );
        assert_eq!(
            degrees_in("Bachelor's degree in Computer Science"),
            [Degree::Bachelor]
        );
        assert_eq!(degrees_in("PhD in machine learning"), [Degree::Doctorate]);
        assert!(degrees_in("Masterful communicator").is_empty());
        // Degree words inside other words name none.
        for none in [
            "Work from our Mumbai office",
            "Handle imbalance data",
            "Help us combat these attempts",
            "Embark on a journey as our ambassador",
            "Obscure bugs, webmasters, MSCI indexes",
        ] {
            assert!(degrees_in(none).is_empty(), "{none}");
        }
        for (text, d) in [
            ("An MBA or equivalent", Degree::Master),
            ("MBAs welcome", Degree::Master),
            ("PhDs in physics", Degree::Doctorate),
            ("MSc in Statistics", Degree::Master),
            ("(BSc) Computer Science", Degree::Bachelor),
            ("Bachelors in CS", Degree::Bachelor),
        ] {
            assert_eq!(degrees_in(text), [d], "{text}");
        }
    }

    #[test]
    fn asks_reads_requirements_and_nice_to_have() {
        let p = posting::parse("SRE\n\n任职要求：\n1. 本科及以上学历，5年以上运维经验；\n2. 3年以上K8s经验\n加分项：\n- 硕士学历\n福利：\n- 10年老店\n");
        let a = asks(&p);
        assert_eq!(a.years, Some(5));
        assert_eq!(a.degree, Some(Degree::Bachelor));
        assert_eq!(a.preferred_degree, Some(Degree::Master));
    }

    #[test]
    fn a_job_boards_header_fields_ask_like_requirement_lines() {
        let asked = |text: &str| {
            let a = asks(&posting::parse(text));
            (a.years, a.degree)
        };
        let body = "\n\n岗位职责：\n1、负责后台开发\n任职要求：\n1、熟悉Java\n";
        assert_eq!(
            asked(&format!("Java开发工程师\n\n公司：某公司 | 地区：上海 | 经验：5-7年工作经验 | 学历：本科 | 发布：2019-09-12{body}")),
            (Some(5), Some(Degree::Bachelor))
        );
        // A bare span of years, and fields a scrape shifted.
        assert_eq!(
            asked(&format!(
                "Java开发工程师\n\n公司：某公司 | 经验：3-5年 | 学历：硕士{body}"
            )),
            (Some(3), Some(Degree::Master))
        );
        assert_eq!(
            asked(&format!(
                "Java开发工程师\n\n公司：某公司 | 经验：本科 | 学历： {body}"
            )),
            (None, Some(Degree::Bachelor))
        );
        // The body's own asks stand: the header fills in only what it leaves unsaid.
        assert_eq!(
            asked("Java开发工程师\n\n公司：某公司 | 经验：3-4年工作经验 | 学历：大专\n\n任职要求：\n1、硕士及以上学历，5年以上Java经验\n"),
            (Some(5), Some(Degree::Master))
        );
        assert_eq!(
            asked("Java开发工程师\n\n公司：某公司 | 经验：8年工作经验 | 学历：本科\n\n任职要求：\n1、熟悉Java\n2、硕士学历\n"),
            (Some(8), Some(Degree::Master))
        );
        // Empty or unreadable fields ask nothing.
        assert_eq!(
            asked(&format!(
                "技术开发岗\n\n公司：某公司 | 经验：无工作经验 | 学历： {body}"
            )),
            (None, None)
        );
    }

    #[test]
    fn experience_merges_overlaps_and_sets_internships_apart() {
        let text = "工作经历\n\n- A 公司\n工程师\n2019 年 2 月 - 2020 年 3 月\n - 做事\n- B 公司\n工程师\n2020 年 1 月 - 2020 年 12 月\n - 做事\n\n实习经历\n\n- C\n实习生\n2018 年 7 月 - 2018 年 9 月\n - 做事\n\n教育背景\n\n- 硕士 - 某大学\n2016 年 9 月 - 2019 年 1 月\n";
        let r = crate::parse::text::parse(text);
        let h = facts(
            &r,
            YearMonth {
                year: 2026,
                month: Some(11),
            },
        );
        // Feb 2019 – Dec 2020 merged: 23 months.
        assert_eq!(h.years, 1.9);
        assert_eq!(h.internship_years, 0.3);
        assert_eq!(h.degree, Some(Degree::Master));
    }

    #[test]
    fn verdicts() {
        assert!(check_years(5, 7.3).meets);
        let c = check_years(5, 3.0);
        assert!(!c.meets && (c.factor - 0.8).abs() < 1e-6);
        assert_eq!(check_years(10, 1.0).factor, 0.7);
        assert!(check_degree(Degree::Bachelor, Some(Degree::Master)).meets);
        assert_eq!(
            check_degree(Degree::Master, Some(Degree::Bachelor)).factor,
            0.85
        );
    }

    #[test]
    fn current_month_is_a_real_month() {
        let d = current_month();
        assert!(d.year >= 2024 && (1..=12).contains(&d.month.unwrap()));
    }
}
