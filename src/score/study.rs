//! The field of study a posting asks a degree in ("本科及以上计算机、统计学、数据库等相关专业",
//! "Bachelor's degree in Statistics, Mathematics or a related field"): the subjects named there
//! are the degree's field, which a recruiter reads with the education, not skills the
//! candidate must prove at work. A database bullet answers "熟悉 MySQL", not a 数据库 major.

use std::ops::Range;

/// Byte ranges of `text` that name a degree's field of study. Tokens inside them are not
/// terms of the posting.
pub(crate) fn field_of_study(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    if text.contains("专业") {
        chinese_fields(text, &mut out);
    }
    english_fields(text, &mut out);
    out
}

/// Where a Chinese clause ends: the field of study never reaches past one.
fn is_zh_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '；'
            | ';'
            | '。'
            | '：'
            | ':'
            | '（'
            | '('
            | '）'
            | ')'
            | '！'
            | '!'
            | '？'
            | '?'
            | '\n'
    )
}

/// "计算机、统计学等相关专业", "法律专业本科", "统计学相关专业优先": 专业 as a major (not
/// 专业知识, 专业化, 专业的服务 or 专业不限), and the clause before it up to its start.
fn chinese_fields(text: &str, out: &mut Vec<Range<usize>>) {
    const BEFORE: &[&str] = &["相关", "等", "类", "及"];
    const AFTER: &[&str] = &[
        "优先",
        "毕业",
        "本科",
        "背景",
        "学历",
        "大学",
        "硕士",
        "博士",
        "研究生",
        "出身",
        "学位",
    ];
    // 专业 as "professional" ("等专业知识", "专业技能", "专业化"), not a major.
    const NOT_A_MAJOR: &[&str] = &[
        "知识", "技能", "能力", "素养", "基础", "化", "的", "领域", "水平", "技术", "人士", "人才",
        "度", "性", "不限",
    ];
    for (p, _) in text.match_indices("专业") {
        let (before, after) = (&text[..p], &text[p + "专业".len()..]);
        if NOT_A_MAJOR.iter().any(|n| after.starts_with(n)) {
            continue;
        }
        if !(BEFORE.iter().any(|b| before.ends_with(b))
            || AFTER.iter().any(|a| after.starts_with(a)))
        {
            continue;
        }
        let start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| is_zh_clause_end(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        if start < p {
            out.push(start..p);
        }
    }
}

/// The words that name a degree, lowercase and without dots (`B.S.` is `bs`).
const DEGREE_WORDS: &[&str] = &[
    "degree",
    "degrees",
    "bachelor",
    "bachelors",
    "bachelor's",
    "master",
    "masters",
    "master's",
    "bs",
    "ba",
    "bsc",
    "ms",
    "msc",
    "ma",
    "phd",
    "doctorate",
    "diploma",
    "major",
    "majoring",
];

/// A word that names a degree, before the "in" that gives its field ("BS/MS in", "Bachelor's
/// degree in", "majoring in"). Checked at every " in " of a posting, so it allocates nothing.
fn is_degree_word(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '\'' && c != '.');
    let same = |part: &str, name: &str| {
        part.bytes()
            .filter(|&b| b != b'.')
            .map(|b| b.to_ascii_lowercase())
            .eq(name.bytes())
    };
    !word.is_empty()
        && word
            .split('/')
            .all(|part| DEGREE_WORDS.iter().any(|name| same(part, name)))
}

/// Where an English field of study ends: a sentence or clause end, or what follows the field
/// ("and 5+ years", "with a focus on"), found lowercase.
const EN_ENDS: &[&str] = &[
    ";",
    ". ",
    "(",
    " and ",
    " with ",
    " plus ",
    " or equivalent",
    ", or equivalent",
    " preferred",
    " required",
    " is ",
    " are ",
];

/// "degree in Statistics, Mathematics or a related field": from after the "in" to the end of
/// the field (a "related field" or "discipline" closes it). Most lines have no degree before an
/// "in", so nothing is allocated until one does.
fn english_fields(text: &str, out: &mut Vec<Range<usize>>) {
    for (p, _) in text.match_indices(" in ") {
        let before = text[..p].trim_end();
        let word = before.rsplit(char::is_whitespace).next().unwrap_or("");
        // "Bachelor's degree or equivalent in": the degree a few words back.
        let degree = is_degree_word(word)
            || (["equivalent", "equivalent)", "higher", "above"]
                .iter()
                .any(|w| word.eq_ignore_ascii_case(w))
                && before
                    .rsplit(char::is_whitespace)
                    .take(5)
                    .any(is_degree_word));
        if !degree {
            continue;
        }
        let start = p + " in ".len();
        let rest = text[start..].to_ascii_lowercase();
        let mut end = EN_ENDS
            .iter()
            .filter_map(|e| rest.find(e))
            .min()
            .unwrap_or(rest.len());
        if rest[..end].ends_with('.') {
            end -= 1;
        }
        // "a related field", "a technical discipline": the field ends with that word.
        for w in [
            "field",
            "fields",
            "discipline",
            "disciplines",
            "area",
            "areas",
        ] {
            if let Some(i) = rest[..end].find(w) {
                let after = i + w.len();
                let at_word_end = rest[after..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_ascii_alphanumeric());
                if at_word_end {
                    end = end.min(after);
                }
            }
        }
        if end > 0 && text.is_char_boundary(start + end) {
            out.push(start..start + end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(t: &str) -> Vec<&str> {
        field_of_study(t).into_iter().map(|r| t[r].trim()).collect()
    }

    #[test]
    fn a_chinese_major_is_the_clause_before_its_专业() {
        assert_eq!(
            fields("本科及以上计算机、统计学、数据库、机器学习等相关专业，5年以上数据相关工作；"),
            ["本科及以上计算机、统计学、数据库、机器学习等相关"]
        );
        assert_eq!(
            fields("1、财务及相关专业本科及本科以上学历"),
            ["1、财务及相关"]
        );
        assert_eq!(fields("法律专业本科及以上学历"), ["法律"]);
        assert_eq!(
            fields("职位要求：统计学、数学、计算机专业优先，熟悉SQL"),
            ["统计学、数学、计算机"]
        );
    }

    #[test]
    fn 专业_that_is_no_major_names_no_field() {
        for t in [
            "输出专业评测报告",
            "扎实的计算机专业基础（算法、数据结构）",
            "专业不限",
            "为客户提供专业的服务",
            "国际化、专业化的管理团队",
            "掌握操作系统、软件工程、设计模式、数据结构、数据库系统等专业知识",
        ] {
            assert!(fields(t).is_empty(), "{t}: {:?}", fields(t));
        }
    }

    #[test]
    fn an_english_field_runs_from_in_to_the_related_field() {
        assert_eq!(
            fields("Bachelor's degree in Statistics, Mathematics, or a related field, or equivalent experience"),
            ["Statistics, Mathematics, or a related field"]
        );
        assert_eq!(
            fields("BS/MS in Computer Science and 5+ years of experience with Python"),
            ["Computer Science"]
        );
        assert_eq!(
            fields("A degree (or equivalent) in Economics; SQL required"),
            ["Economics"]
        );
        assert_eq!(
            fields("Bachelor's degree or equivalent in Finance. Strong Excel skills"),
            ["Finance"]
        );
    }

    #[test]
    fn in_after_other_words_names_no_field() {
        for t in [
            "5+ years of experience in distributed systems",
            "Strong background in statistics and machine learning",
            "Fluency in Python",
        ] {
            assert!(fields(t).is_empty(), "{t}: {:?}", fields(t));
        }
    }

    proptest::proptest! {
        /// On any text built of the cues and what surrounds them, the ranges lie inside the
        /// text, on character boundaries, and nothing panics.
        #[test]
        fn ranges_are_slices_of_the_text(
            pieces in proptest::collection::vec(
                "(专业|相关|等|优先|知识|，|：|degree| in |BS/MS|Bachelor's|equivalent|related field|\\. |; |é|中|a| )",
                0..24,
            ),
        ) {
            let text: String = pieces.concat();
            for r in field_of_study(&text) {
                proptest::prop_assert!(r.start <= r.end && r.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            }
        }
    }
}
