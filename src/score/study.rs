//! The field of study a posting asks a degree in ("本科及以上计算机、统计学、数据库等相关专业",
//! "Bachelor's degree in Statistics, Mathematics or a related field"): the subjects named there
//! are the degree's field, which a recruiter reads with the education, not skills the
//! candidate must prove at work. A database bullet answers "熟悉 MySQL", not a 数据库 major.

use std::ops::Range;

/// Byte ranges of `text` that name a degree's field of study. Tokens inside them are not
/// terms of the posting.
pub(crate) fn field_of_study(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Searched with SIMD finders built once: this runs on every line of every posting in a
    // batch, and most lines have neither cue.
    if ZHUANYE.find(text.as_bytes()).is_some() {
        chinese_fields(text, &mut out);
    }
    english_fields(text, &mut out);
    out
}

/// The Chinese cue (专业, a major) and the English one (" in ", after a degree).
static ZHUANYE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("专业"));
static IN: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(" in "));

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
/// 专业知识, 专业化, 专业的服务 or 专业不限), and the clause before it, from its start or
/// after the degree it follows ("本科及以上计算机…").
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
        "度", "性", "不限", "面试",
    ];
    // Words of the education a line states besides the major: a bare "会计或财务管理专业，"
    // is a major on such a line.
    const EDUCATION: &[&str] = &[
        "学历", "本科", "大专", "硕士", "博士", "在校", "毕业", "学生",
    ];
    // A clause that asks for a skill or gives a duty is no list of majors ("熟悉推荐、广告
    // 相关算法…相关专业毕业" runs two asks together).
    const ASKS: &[&str] = &["熟悉", "掌握", "精通", "了解", "负责", "擅长", "经验"];
    // The degree or the heading the majors follow ("本科及以上计算机…", "专业要求计算机…").
    const LEADS: &[&str] = &["要求", "学历", "以上", "本科", "硕士", "博士", "大专"];
    for (p, _) in text.match_indices("专业") {
        let (before, after) = (&text[..p], &text[p + "专业".len()..]);
        if NOT_A_MAJOR.iter().any(|n| after.starts_with(n)) {
            continue;
        }
        let bare = after.is_empty() || after.starts_with(['，', ',', '；', ';', '。', '、']);
        if !(BEFORE.iter().any(|b| before.ends_with(b))
            || AFTER.iter().any(|a| after.starts_with(a))
            || (bare && EDUCATION.iter().any(|e| text.contains(e))))
        {
            continue;
        }
        let mut start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| is_zh_clause_end(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        if ASKS.iter().any(|a| before[start..].contains(a)) {
            continue;
        }
        if let Some(lead) = LEADS
            .iter()
            .filter_map(|l| before[start..].rfind(l).map(|i| start + i + l.len()))
            .max()
        {
            start = lead;
        }
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
    "mba",
    "postgraduate",
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

/// Whether the words before an " in " name a degree: "BS/MS in", "Bachelor's degree or
/// equivalent in", "degree program in", "Bachelor of Science in".
fn degree_before(before: &str) -> bool {
    let mut words = before.rsplit(char::is_whitespace).filter(|w| !w.is_empty());
    let Some(last) = words.next() else {
        return false;
    };
    if is_degree_word(last) {
        return true;
    }
    let last = last.trim_end_matches(')').to_ascii_lowercase();
    let earlier: Vec<&str> = words.take(4).collect();
    match last.as_str() {
        "equivalent" | "higher" | "above" | "program" | "programme" => {
            earlier.iter().any(|w| is_degree_word(w))
        }
        // "Bachelor of Science in", "Master of Arts in".
        _ => {
            earlier.len() >= 2
                && earlier[0].eq_ignore_ascii_case("of")
                && is_degree_word(earlier[1])
        }
    }
}

/// "degree in Statistics, Mathematics or a related field": from after the "in" to the end of
/// the field (a "related field" or "discipline" closes it, with the majors it lists in
/// brackets or after "such as"). Most lines have no degree before an "in", so nothing is
/// allocated until one does.
fn english_fields(text: &str, out: &mut Vec<Range<usize>>) {
    for p in IN.find_iter(text.as_bytes()) {
        if !degree_before(text[..p].trim_end()) {
            continue;
        }
        let start = p + " in ".len();
        let rest = text[start..].to_ascii_lowercase();
        let mut end = EN_ENDS
            .iter()
            .filter_map(|e| rest.find(e))
            .min()
            .unwrap_or(rest.len());
        // A second degree ends the field: "in Computer Science and/or a MBA", "in Finance or
        // a Postgraduate degree".
        if let Some(i) = word_starts(&rest[..end]).find(|&i| {
            let w = rest[i..end]
                .split(|c: char| c.is_whitespace() || c == ',')
                .next();
            w.is_some_and(|w| !w.ends_with(':') && is_degree_word(w))
        }) {
            end = i;
        }
        if rest[..end].ends_with('.') {
            end -= 1;
        }
        // "a related field", "a technical discipline": the field ends with that word, or
        // with the majors it lists after it ("a quantitative field (Statistics, Economics)",
        // "an analytical field such as Engineering or Statistics").
        let mut closed = None;
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
                if at_word_end && closed.is_none_or(|c| after < c) {
                    closed = Some(after);
                }
            }
        }
        if let Some(c) = closed {
            end = c;
            let tail = &rest[c..];
            let listed = if tail.starts_with(" (") {
                tail.find(')').map(|j| c + j + 1)
            } else if tail.starts_with(" such as ") || tail.starts_with(", such as ") {
                Some(
                    c + [";", ". ", "(", " or equivalent", ", or equivalent"]
                        .iter()
                        .filter_map(|e| tail.find(e))
                        .min()
                        .unwrap_or(tail.len()),
                )
            } else {
                None
            };
            if let Some(l) = listed {
                end = l;
            }
        }
        if end > 0 && text.is_char_boundary(start + end) {
            out.push(start..start + end);
        }
    }
}

/// Byte offsets where the words of `s` begin.
fn word_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.char_indices()
        .filter(move |&(i, c)| {
            !c.is_whitespace() && (i == 0 || s[..i].ends_with(char::is_whitespace))
        })
        .map(|(i, _)| i)
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
            ["计算机、统计学、数据库、机器学习等相关"]
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
        // A bare major on a line that states the education.
        assert_eq!(
            fields("本科以上学历，会计或财务管理专业，两年以上经验"),
            ["会计或财务管理"]
        );
        // The majors after the degree or heading they follow.
        assert_eq!(
            fields("一、学历要求全日制本科及以上学历二、专业要求计算机IT类、数学统计类等专业。"),
            ["计算机IT类、数学统计类等"]
        );
    }

    #[test]
    fn a_clause_that_asks_for_skills_is_no_major() {
        for t in [
            "熟悉推荐、广告相关算法计算机、数学、自动化相关专业毕业",
            "负责毕业班学员就业支持工作及专业面试的指导",
        ] {
            assert!(fields(t).is_empty(), "{t}: {:?}", fields(t));
        }
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
        // A second degree ends the field.
        assert_eq!(
            fields("Master's degree in Computer Science and/or a MBA."),
            ["Computer Science and/or a"]
        );
        assert_eq!(
            fields("Bachelor of Science in Nursing, or equivalent"),
            ["Nursing"]
        );
        // The majors a field lists after it belong to it.
        assert_eq!(
            fields(
                "BA/BS degree in a quantitative field (Statistics, Economics, etc.) or equivalent"
            ),
            ["a quantitative field (Statistics, Economics, etc.)"]
        );
        assert_eq!(
            fields("MS/PhD degree in an analytical field such as Engineering or Statistics, or equivalent practical experience."),
            ["an analytical field such as Engineering or Statistics"]
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
