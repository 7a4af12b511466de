//! Posting layouts that put several items on one line: 51job's whole posting on one line
//! with items after `§` or `1、2、3、` and inline headings (`岗位职责：…任职要求：…`), and long
//! prose paragraphs that mix a company blurb with the role. Each line is cut into pieces
//! so every item gets its own part.

use super::headings::{inline_cue, Heading};

/// Paragraphs longer than this (bytes) are cut into sentences.
const LONG_PARAGRAPH: usize = 240;
/// Chinese text longer than this (bytes, about 27 characters) is cut at `；` and `。`.
const LONG_ZH: usize = 80;

/// The pieces of one line, each with the inline heading that opens it, if any.
pub fn pieces(line: &str) -> Vec<(Option<Heading>, &str)> {
    // Which cuts can apply (fast byte scans): most lines need none.
    // `【…】` inside a line may be an inline heading too.
    let colon = line.contains(':') || line.contains('：') || line.contains('】');
    let digit = line.bytes().any(|b| b.is_ascii_digit());
    let section = line.contains('§');
    let ascii = line.is_ascii();
    if !colon && !digit && !section {
        // No inline heading, no list number: only long text is cut.
        if line.len() <= LONG_ZH || (ascii && line.len() <= LONG_PARAGRAPH) {
            return vec![(None, line)];
        }
        return split_long(line, ascii)
            .into_iter()
            .map(|p| (None, p))
            .collect();
    }
    let mut out = Vec::new();
    for chunk in line.split('§') {
        for (cue, seg) in split_inline_cue(chunk) {
            let mut first = true;
            for item in split_items(seg) {
                let cue = if first { cue } else { None };
                first = false;
                out.push((cue, item));
            }
            if first && cue.is_some() {
                // A heading with nothing after it on this line.
                out.push((cue, ""));
            }
        }
    }
    out
}

/// Splits at an inline cue followed by a colon (`…等。任职要求：1）熟悉…`) or, in Chinese,
/// directly by a list number (`应聘资格要求1.编程…`), so the text after it lands in the right
/// part.
fn split_inline_cue(line: &str) -> Vec<(Option<Heading>, &str)> {
    let mut out = Vec::new();
    let mut rest = line;
    let mut pending: Option<Heading> = None;
    // Only Chinese text puts a heading directly before a list number.
    let han_numbers = !line.is_ascii();
    'outer: loop {
        let candidates = rest.char_indices().filter(|&(i, c)| {
            c == ':'
                || c == '：'
                || c == '】'
                || (han_numbers
                    && c.is_ascii_digit()
                    && rest[..i]
                        .chars()
                        .next_back()
                        .is_some_and(crate::analyze::script::is_han))
        });
        for (i, c) in candidates {
            let colon = c == ':' || c == '：' || c == '】';
            let before = &rest[..i];
            // `【任职要求】` inside a line: the cue is the bracketed text. Otherwise the cue is
            // the run of text before the colon back to punctuation or a space.
            let (start, cue) = if c == '】' {
                let Some(open) = before.rfind('【') else {
                    continue;
                };
                // A colon right after the bracket belongs to the heading.
                (open, &before[open + '【'.len_utf8()..])
            } else {
                let start = before
                    .char_indices()
                    .rev()
                    .find(|&(_, ch)| "。；;，,、 \t)）§！!】".contains(ch))
                    .map_or(0, |(j, ch)| j + ch.len_utf8());
                (start, &before[start..])
            };
            if cue.is_empty() {
                continue;
            }
            if let Some(h) = inline_cue(cue) {
                let head = rest[..start].trim();
                if !head.is_empty() || pending.is_some() {
                    out.push((pending.take(), head));
                }
                pending = Some(h);
                rest = if colon {
                    rest[i + c.len_utf8()..].trim_start_matches([':', '：'])
                } else {
                    &rest[i..]
                };
                continue 'outer;
            }
        }
        break;
    }
    out.push((pending, rest.trim()));
    out
}

/// Cuts a segment into items: at list numbers in the middle of the text (`；2、`, ` 3.`,
/// `（4）`), then long Chinese text at `；`/`。` and long prose at sentence ends.
fn split_items(seg: &str) -> Vec<&str> {
    let mut items = Vec::new();
    for numbered in split_numbers(seg) {
        if numbered.len() <= LONG_ZH {
            items.push(numbered);
        } else {
            items.extend(split_long(numbered, numbered.is_ascii()));
        }
    }
    items.retain(|s| !s.trim().is_empty());
    items
}

/// Cuts long text: Chinese at `；`/`。`, English prose longer than a paragraph at sentence
/// ends. `ascii` says the text is all ASCII (then it holds no Chinese).
fn split_long(text: &str, ascii: bool) -> Vec<&str> {
    if !ascii && text.chars().any(crate::analyze::script::is_han) {
        let mut out = Vec::new();
        for part in split_keep(text, |c| matches!(c, '；' | '。' | ';')) {
            out.extend(split_han_dashes(part));
        }
        out
    } else if text.len() > LONG_PARAGRAPH {
        split_sentences(text)
    } else {
        vec![text]
    }
}

/// Splits at a dash between two Chinese characters (`负责研发-负责架构-…`: items run together
/// with dashes); dashes in `3-5年` or `K8s-based` stay.
fn split_han_dashes(s: &str) -> Vec<&str> {
    if !s.contains('-') {
        return vec![s];
    }
    let mut out = Vec::new();
    let mut from = 0;
    let mut prev: Option<char> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let han = crate::analyze::script::is_han;
        if c == '-' && prev.is_some_and(han) && next.is_some_and(han) {
            out.push(s[from..i].trim());
            from = i + 1;
        }
        prev = Some(c);
    }
    out.push(s[from..].trim());
    out.retain(|p| !p.is_empty());
    out
}

/// Byte offsets where a list number starts inside `s`: `2、`, `3.`, `4)`, `（5）`, `(6)`,
/// after a separator or a space, never at the very start.
fn number_starts(s: &str) -> Vec<usize> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    // Candidates: ASCII digits and opening parentheses (`（` is EF BC 88).
    let candidates = (1..b.len()).filter(|&i| {
        b[i].is_ascii_digit()
            || b[i] == b'('
            || (b[i] == 0xEF && b.get(i + 1) == Some(&0xBC) && b.get(i + 2) == Some(&0x88))
    });
    for i in candidates {
        // Only the first digit of a number can start one.
        if b[i - 1].is_ascii_digit() {
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            continue;
        };
        let prev = s[..i].chars().next_back().unwrap_or(' ');
        let separated = prev.is_whitespace() || "；;。，,：:！!?？)）".contains(prev);
        // 51job runs items together: `…本科及以上学历2、熟练使用Excel`. A number and `、`
        // right after a Chinese character still starts an item (years are `3年`, not `3、`).
        let run_on = crate::analyze::script::is_han(prev)
            && s[i..]
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with('、');
        if !(separated || run_on) {
            continue;
        }
        let rest = &s[i..];
        let (open, body) = match c {
            '（' | '(' => (c.len_utf8(), &rest[c.len_utf8()..]),
            _ => (0, rest),
        };
        let digits = body.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 2 {
            continue;
        }
        let after = &body[digits..];
        let Some(p) = after.chars().next() else {
            continue;
        };
        let closes = if open > 0 {
            matches!(p, '）' | ')')
        } else {
            matches!(p, '、' | '.' | '．' | ')' | '）')
        };
        // `3.5` is a number, not a list number.
        let next = after[p.len_utf8()..].chars().next();
        if closes && !next.is_some_and(|n| n.is_ascii_digit()) {
            out.push(i);
        }
    }
    out
}

/// Splits at list numbers when the segment holds at least two (one number alone is more
/// likely a figure in a sentence), or one after a leading number.
fn split_numbers(seg: &str) -> Vec<&str> {
    let starts = number_starts(seg);
    if starts.is_empty() || (starts.len() < 2 && super::split_markers(seg).is_none()) {
        return vec![seg];
    }
    let mut out = Vec::new();
    let mut from = 0;
    for s in starts {
        out.push(seg[from..s].trim());
        from = s;
    }
    out.push(seg[from..].trim());
    out.retain(|s| !s.is_empty());
    out
}

/// Splits after each character matching `sep`, keeping it with the text before.
fn split_keep(s: &str, sep: impl Fn(char) -> bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in s.char_indices() {
        if sep(c) {
            let end = i + c.len_utf8();
            out.push(s[from..end].trim());
            from = end;
        }
    }
    out.push(s[from..].trim());
    out.retain(|s| !s.is_empty());
    out
}

/// Splits prose at sentence ends: `. `, `! `, `? ` followed by a capital letter.
fn split_sentences(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    for i in 0..b.len().saturating_sub(2) {
        if matches!(b[i], b'.' | b'!' | b'?')
            && b[i + 1] == b' '
            && b[i + 2].is_ascii_uppercase()
            && i - from >= 20
        {
            out.push(s[from..=i].trim());
            from = i + 2;
        }
    }
    out.push(s[from..].trim());
    out.retain(|s| !s.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Part;

    fn texts(line: &str) -> Vec<(Option<Part>, &str)> {
        pieces(line)
            .into_iter()
            .map(|(h, t)| (h.map(|h| h.part), t))
            .collect()
    }

    #[test]
    fn one_line_51job_layout() {
        let line = "岗位职责：1、 负责数据平台规划；2、 参与需求调研；任职要求：1、本科以上学历；2、熟悉Hadoop";
        assert_eq!(
            texts(line),
            [
                (Some(Part::Duties), "1、 负责数据平台规划；"),
                (None, "2、 参与需求调研；"),
                (Some(Part::Requirements), "1、本科以上学历；"),
                (None, "2、熟悉Hadoop"),
            ]
        );
        let line = "岗位职责===========§ 负责平台架构的规划；§ 配合产品经理；任职要求：===========§ 精通Spark";
        let got = texts(line);
        assert_eq!(got[0].1, "岗位职责===========");
        assert_eq!(got[1], (None, "负责平台架构的规划；"));
        assert!(got.contains(&(Some(Part::Requirements), "===========")));
        assert_eq!(got.last().unwrap().1, "精通Spark");
        let line = "岗位职责从事后台开发；应聘资格要求1.掌握Java;2.了解MySQL";
        assert_eq!(
            texts(line),
            [
                (None, "岗位职责从事后台开发；"),
                (Some(Part::Requirements), "1.掌握Java;"),
                (None, "2.了解MySQL"),
            ]
        );
        assert_eq!(
            texts("具有良好的逻辑分析能力【薪资福利待遇】五险一金"),
            [
                (None, "具有良好的逻辑分析能力"),
                (Some(Part::Benefits), "五险一金"),
            ]
        );
        assert_eq!(
            texts("1、本科及以上学历2、熟练使用Excel3、有呼叫中心经验优先"),
            [
                (None, "1、本科及以上学历"),
                (None, "2、熟练使用Excel3、有呼叫中心经验优先")
            ]
        );
        assert_eq!(
            split_han_dashes("负责客户端研发-负责架构改进-熟悉3-5年K8s-based"),
            ["负责客户端研发", "负责架构改进", "熟悉3-5年K8s-based"]
        );
        // A figure after a verb is not a heading: "具有" is an item's phrasing.
        assert_eq!(
            texts("具有3年以上Go开发经验，熟悉Kafka"),
            [(None, "具有3年以上Go开发经验，熟悉Kafka")]
        );
    }

    #[test]
    fn figures_are_not_list_numbers_and_prose_splits_at_sentences() {
        assert_eq!(number_starts("版本 3.5 以上"), Vec::<usize>::new());
        let p = "Acme is a leading platform for small businesses around the world. You will build the ingestion pipeline in Go and Kafka, and own its reliability. We offer medical, dental and vision coverage for you and your family members.";
        let got = split_sentences(p);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[1].starts_with("You will build"));
    }
}
