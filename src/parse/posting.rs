//! Job postings: a title line, optional `key: value` header lines (English or Chinese keys),
//! then a body split into parts by English and Chinese cues.

use super::markup::strip_emphasis;
use super::text::split_markers;
use crate::model::{Part, Posting, PostingLine};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

const DUTIES: &[&str] = &[
    "responsibilities",
    "key responsibilities",
    "what you'll do",
    "what you will do",
    "what you’ll do",
    "what you'll be doing",
    "what you will be doing",
    "the role",
    "your role",
    "about the role",
    "role overview",
    "duties",
    "job description",
    "your impact",
    "the job",
    "in this role you will",
    "your mission",
    "day to day",
    "工作职责",
    "岗位职责",
    "职位描述",
    "职责描述",
    "工作内容",
    "岗位描述",
    "主要职责",
    "你将负责",
    "职位职责",
    "岗位内容",
    "职责",
];
const REQUIREMENTS: &[&str] = &[
    "requirements",
    "qualifications",
    "minimum qualifications",
    "basic qualifications",
    "what we're looking for",
    "what we are looking for",
    "what we’re looking for",
    "about you",
    "who you are",
    "must have",
    "must-haves",
    "must haves",
    "required skills",
    "you have",
    "you bring",
    "what you bring",
    "what you'll need",
    "what you need",
    "skills and experience",
    "requirements & qualifications",
    "your profile",
    "任职要求",
    "职位要求",
    "岗位要求",
    "任职资格",
    "任职条件",
    "我们希望你",
    "你需要",
    "岗位条件",
    "技能要求",
    "职位需求",
    "要求",
];
const NICE: &[&str] = &[
    "nice to have",
    "nice-to-have",
    "nice to haves",
    "nice-to-haves",
    "bonus points",
    "bonus",
    "preferred qualifications",
    "preferred",
    "pluses",
    "plus",
    "extra credit",
    "good to have",
    "加分项",
    "加分",
    "优先",
    "优先考虑",
    "优先条件",
    "加分条件",
];
const BENEFITS: &[&str] = &[
    "benefits",
    "perks",
    "perks & benefits",
    "perks and benefits",
    "what we offer",
    "compensation",
    "compensation & benefits",
    "why join us",
    "why you'll love it here",
    "福利",
    "福利待遇",
    "我们提供",
    "薪资福利",
    "员工福利",
    "待遇",
    "薪酬福利",
    "你将获得",
];
const ABOUT: &[&str] = &[
    "about us",
    "about the company",
    "who we are",
    "company",
    "our mission",
    "the company",
    "our story",
    "about the team",
    "the team",
    "公司介绍",
    "关于我们",
    "公司简介",
    "团队介绍",
    "关于公司",
    "部门介绍",
    "企业介绍",
];

/// Lines longer than this (in bytes) are never headings.
const MAX_HEADING_BYTES: usize = 64;

/// Header keys recognised under the title, mapped to canonical names.
fn header_key(k: &str) -> Option<&'static str> {
    Some(match k.trim().to_lowercase().as_str() {
        "company" | "employer" | "公司" | "公司名称" => "company",
        "location" | "city" | "地点" | "地区" | "工作地点" | "城市" | "base" => {
            "location"
        }
        "url" | "link" | "链接" | "网址" => "url",
        "source" | "来源" => "source",
        "date" | "posted" | "发布" | "发布时间" => "date",
        "type" | "类型" | "employment" => "type",
        "salary" | "薪资" | "薪酬" => "salary",
        "team" | "department" | "部门" | "团队" => "team",
        "experience" | "经验" => "experience",
        "education" | "学历" => "education",
        "id" => "id",
        _ => return None,
    })
}

/// Parses a `key: value` header line (several pairs may be joined by ` | `).
fn header_pairs(line: &str) -> Option<Vec<(&'static str, String)>> {
    let mut out = Vec::new();
    for part in line.split(" | ") {
        let i = part.find([':', '：'])?;
        let key = header_key(&part[..i])?;
        let sep = part[i..].chars().next()?.len_utf8();
        out.push((key, part[i + sep..].trim().to_string()));
    }
    (!out.is_empty()).then_some(out)
}

fn normalise_heading(s: &str) -> String {
    let t = strip_emphasis(s.trim().trim_start_matches('#').trim());
    let t = t
        .trim_matches(|c: char| "【】[]「」：:".contains(c) || c.is_whitespace())
        .trim_start_matches(|c: char| "一二三四五六七八九十、.".contains(c))
        .trim();
    if t.bytes().any(|b| b.is_ascii_uppercase()) {
        t.to_lowercase()
    } else {
        t.to_string()
    }
}

/// If `line` is a section heading, the part it opens.
pub fn heading_part(line: &str) -> Option<Part> {
    // A heading has at most 40 characters once decorations are trimmed: longer lines are
    // rejected before any allocation (this runs on every line of every posting).
    if line.len() > MAX_HEADING_BYTES {
        return None;
    }
    // Cheap reject before any allocation: a heading starts (after decorations) with the
    // first character of some cue.
    let first = line
        .trim_start_matches(|c: char| {
            c.is_whitespace() || "#*_【[「一二三四五六七八九十、.".contains(c)
        })
        .chars()
        .next()?;
    if !CUE_FIRST_CHARS.contains(&first.to_ascii_lowercase()) {
        return None;
    }
    let h = normalise_heading(line);
    if h.is_empty() || h.chars().count() > 40 {
        return None;
    }
    if let Some(&part) = CUES.get(h.as_str()) {
        return Some(part);
    }
    // "About Fieldguide", "More about Fieldguide".
    let about = h.strip_prefix("more ").unwrap_or(&h);
    if about.starts_with("about ")
        && !about.ends_with(['.', '。'])
        && about.split_whitespace().count() <= 4
    {
        return Some(Part::Company);
    }
    // "Requirements & skills", "福利待遇和发展": a cue of four or more characters, then a little.
    PREFIX_CUES
        .iter()
        .find(|(c, _)| h.len() <= c.len() + 14 && h.starts_with(c))
        .map(|&(_, part)| part)
}

/// Every cue by its exact text, the first table listing a cue winning.
static CUES: LazyLock<FxHashMap<&'static str, Part>> = LazyLock::new(|| {
    let mut m = FxHashMap::default();
    for (cues, part) in cue_tables() {
        for c in cues {
            m.entry(*c).or_insert(part);
        }
    }
    m
});

/// The first characters of all cues (and of "about" / "more about").
static CUE_FIRST_CHARS: LazyLock<rustc_hash::FxHashSet<char>> = LazyLock::new(|| {
    let mut set: rustc_hash::FxHashSet<char> =
        CUES.keys().filter_map(|c| c.chars().next()).collect();
    set.extend(['a', 'm']);
    set
});

/// Cues long enough to be matched as a prefix, in table order.
static PREFIX_CUES: LazyLock<Vec<(&'static str, Part)>> = LazyLock::new(|| {
    cue_tables()
        .into_iter()
        .flat_map(|(cues, part)| cues.iter().map(move |c| (*c, part)))
        .filter(|(c, _)| c.chars().count() >= 4)
        .collect()
});

fn cue_tables() -> [(&'static [&'static str], Part); 5] {
    [
        (NICE, Part::Nice),
        (BENEFITS, Part::Benefits),
        (REQUIREMENTS, Part::Requirements),
        (DUTIES, Part::Duties),
        (ABOUT, Part::Company),
    ]
}

/// Splits a line at an inline cue followed by a colon (`…等。任职要求：1）熟悉…`), so the
/// text after it lands in the right part.
fn split_inline_cue(line: &str) -> Vec<(Option<Part>, &str)> {
    let mut out = Vec::new();
    let mut rest = line;
    let mut pending: Option<Part> = None;
    'outer: loop {
        for (i, c) in rest.char_indices() {
            if c != ':' && c != '：' {
                continue;
            }
            // Take the cue as the run of text before the colon back to punctuation/space.
            let before = &rest[..i];
            let start = before
                .char_indices()
                .rev()
                .find(|&(_, ch)| "。；;，,、 \t)）".contains(ch))
                .map_or(0, |(j, ch)| j + ch.len_utf8());
            let cue = &before[start..];
            if cue.is_empty() {
                continue;
            }
            if let Some(part) = heading_part(cue) {
                let head = rest[..start].trim();
                if !head.is_empty() || pending.is_some() {
                    out.push((pending.take(), head));
                }
                pending = Some(part);
                rest = &rest[i + c.len_utf8()..];
                continue 'outer;
            }
        }
        break;
    }
    out.push((pending, rest.trim()));
    out
}

fn inline_nice(text: &str) -> bool {
    if text.contains("优先") || text.contains("加分") {
        return true;
    }
    let lower = if text.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(text.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    [
        "a plus",
        "nice to have",
        "nice-to-have",
        "preferred",
        "bonus",
    ]
    .iter()
    .any(|k| lower.contains(k))
}

/// Parses a posting from text whose first line is its title. Never fails: any text is some
/// posting.
pub fn parse(text: &str) -> Posting {
    parse_with(text, true)
}

/// Parses a posting body without a title line (job-board exports keep the title in its own
/// field), with `title` and header fields given by the caller.
pub fn parse_body(title: Option<String>, text: &str) -> Posting {
    let mut p = parse_with(text, false);
    p.title = title;
    p
}

fn parse_with(text: &str, has_title: bool) -> Posting {
    let mut p = Posting::default();
    let all: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < all.len() && all[i].trim().is_empty() {
        i += 1;
    }
    if let Some(first) = all.get(i).filter(|_| has_title) {
        let t = strip_emphasis(first.trim().trim_start_matches('#').trim());
        if t.chars().count() <= 120 && heading_part(&t).is_none() && header_pairs(&t).is_none() {
            p.title = Some(t);
            i += 1;
        }
    }
    // Header lines directly under the title (blank lines allowed between them).
    let mut j = i;
    while j < all.len() {
        let t = all[j].trim();
        if t.is_empty() {
            j += 1;
            continue;
        }
        match header_pairs(t) {
            Some(pairs) => {
                for (k, v) in pairs {
                    p.meta.entry(k.to_string()).or_insert(v);
                }
                j += 1;
                i = j;
            }
            None => break,
        }
    }
    let mut part = Part::Other;
    for (n, raw) in all.iter().enumerate().skip(i) {
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        if let Some(h) = heading_part(t) {
            part = h;
            continue;
        }
        // Most lines have no colon, so no inline cue: skip the split for them.
        let segments = if t.contains(':') || t.contains('：') {
            split_inline_cue(t)
        } else {
            vec![(None, t)]
        };
        for (cue, seg) in segments {
            if let Some(c) = cue {
                part = c;
            }
            let seg = match split_markers(seg) {
                Some((_, _, rest)) => rest,
                None => seg,
            };
            let seg = strip_emphasis(seg);
            if seg.is_empty() {
                continue;
            }
            let line_part = if part == Part::Requirements && inline_nice(&seg) {
                Part::Nice
            } else {
                part
            };
            p.lines.push(PostingLine {
                part: line_part,
                text: seg,
                line: n + 1,
            });
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_sections() {
        let p = parse("Senior SRE\ncompany: Acme\nlocation: Remote\n\nAbout us\nWe build things.\n\nWhat you'll do:\n- Run Kubernetes\n\nRequirements\n- 5+ years of Linux\n- Go experience is a plus\n\nBenefits\n- 401(k)\n");
        assert_eq!(p.title.as_deref(), Some("Senior SRE"));
        assert_eq!(p.meta["company"], "Acme");
        let parts: Vec<_> = p.lines.iter().map(|l| (l.part, l.text.as_str())).collect();
        assert_eq!(
            parts,
            [
                (Part::Company, "We build things."),
                (Part::Duties, "Run Kubernetes"),
                (Part::Requirements, "5+ years of Linux"),
                (Part::Nice, "Go experience is a plus"),
                (Part::Benefits, "401(k)"),
            ]
        );
    }

    #[test]
    fn chinese_sections_and_inline_cues() {
        let p = parse("高级SRE开发工程师\n\n公司：哔哩哔哩 | 地点：上海 | 类型：全职\n\n工作职责：\n1、分析系统瓶颈；\n【任职要求】\n1. 熟悉K8s\n2. 有SRE实践者优先\n福利待遇：五险一金\n");
        assert_eq!(p.meta["company"], "哔哩哔哩");
        assert_eq!(p.meta["location"], "上海");
        let parts: Vec<_> = p.lines.iter().map(|l| (l.part, l.text.as_str())).collect();
        assert_eq!(
            parts,
            [
                (Part::Duties, "分析系统瓶颈；"),
                (Part::Requirements, "熟悉K8s"),
                (Part::Nice, "有SRE实践者优先"),
                (Part::Benefits, "五险一金"),
            ]
        );
        let p = parse("大数据开发\n\n1） 负责大数据收集；2） 负责建模。任职要求：1） 熟悉Java；");
        assert_eq!(p.lines[0].part, Part::Other);
        assert_eq!(p.lines[1].part, Part::Requirements);
        assert_eq!(p.lines[1].text, "熟悉Java；");
    }
}
