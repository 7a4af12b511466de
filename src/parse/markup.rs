//! Markup left in text by the tools that produced it (Markdown emphasis), removed before parsing.

/// Removes leftover Markdown emphasis (`**bold**`, `__bold words__`, a line wrapped in
/// `*…*`) and trims. Text inside the markers is kept as written, and so is every marker that
/// is no emphasis: only a pair of runs that open and close around text is removed, never
/// `2**30` (between two ASCII letters or digits a `**` is an operator or a glob) nor a
/// Python name (`__slots__`: underscores mark emphasis only around words with a space
/// between them, as an identifier has none), so a bullet keeps its facts.
pub fn strip_emphasis(s: &str) -> String {
    // A byte scan: decoding every char to look for two ASCII markers is far slower.
    if !s.bytes().any(|b| b == b'*' || b == b'_') {
        return s.trim().to_string();
    }
    let mut t = without_pairs(s);
    let trimmed = t.trim();
    if trimmed.len() > 2
        && ((trimmed.starts_with('*') && trimmed.ends_with('*'))
            || (trimmed.starts_with('_') && trimmed.ends_with('_')))
        && !trimmed[1..trimmed.len() - 1].contains(['*', '_'])
    {
        t = trimmed[1..trimmed.len() - 1].to_string();
    }
    t.trim().to_string()
}

/// `s` without the `**` and `__` runs that pair up as emphasis.
fn without_pairs(s: &str) -> String {
    let b = s.as_bytes();
    let before = |i: usize| s[..i].chars().next_back();
    let after = |i: usize| s[i..].chars().next();
    let ascii_word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    // The runs, each with whether it may open and close emphasis.
    let mut runs: Vec<(usize, u8, bool, bool)> = Vec::new();
    let mut i = 0;
    while i + 1 < b.len() {
        let m = b[i];
        if (m == b'*' || m == b'_') && b[i + 1] == m {
            let (prev, next) = (before(i), after(i + 2));
            let (open, close) = if m == b'*' {
                let operator = ascii_word(prev) && ascii_word(next);
                (!operator && !space(next), !operator && !space(prev))
            } else {
                (!word(prev) && !space(next), !word(next) && !space(prev))
            };
            runs.push((i, m, open, close));
            i += 2;
        } else {
            i += 1;
        }
    }
    // Each closing run pairs with the nearest opening one of its marker before it.
    let mut cut = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for (k, &(at, m, can_open, can_close)) in runs.iter().enumerate() {
        // A pair encloses text: `****` and `******` are no emphasis of nothing.
        let pair = open
            .iter()
            .rposition(|&o| runs[o].1 == m)
            .filter(|&p| can_close && at > runs[open[p]].0 + 2);
        match pair {
            Some(p) => {
                let from = runs[open[p]].0;
                // Underscores wrap words with a space between them, never one name.
                if m == b'*' || s[from + 2..at].contains(char::is_whitespace) {
                    cut.push(from);
                    cut.push(at);
                }
                open.truncate(p);
            }
            None if can_open => open.push(k),
            None => {}
        }
    }
    cut.sort_unstable();
    let mut out = String::with_capacity(s.len());
    let mut from = 0;
    for at in cut {
        out.push_str(&s[from..at]);
        from = at + 2;
    }
    out.push_str(&s[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis() {
        assert_eq!(
            strip_emphasis("**流量调度中间件**: 在集团"),
            "流量调度中间件: 在集团"
        );
        assert_eq!(strip_emphasis("*2018/10 - 至今*"), "2018/10 - 至今");
        assert_eq!(strip_emphasis("3σ 离群点"), "3σ 离群点");
        assert_eq!(strip_emphasis("使用**Kafka**构建"), "使用Kafka构建");
        assert_eq!(
            strip_emphasis("__Senior Engineer__ at Acme"),
            "Senior Engineer at Acme"
        );
        assert_eq!(
            strip_emphasis("**Go**, **Rust** and SQL"),
            "Go, Rust and SQL"
        );
    }

    #[test]
    fn markers_that_are_no_emphasis_stay() {
        for kept in [
            "Tuned Redis maxmemory to 2**30 bytes and 2**20 keys.",
            "Implemented __slots__ and __eq__ in Python models.",
            "Globbed src/**/*.rs and a__b",
            "An unpaired ** run stays",
            "Rated 5 * 3 * 2",
            // Runs that enclose nothing (a proptest case): kept, not halved.
            "2019 年 2 月 - 至今******##",
            "x **** y",
        ] {
            assert_eq!(strip_emphasis(kept), kept);
        }
        assert_eq!(strip_emphasis("**Redis**: 2**30 keys"), "Redis: 2**30 keys");
    }
}
