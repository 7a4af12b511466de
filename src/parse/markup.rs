//! Markup left in text by the tools that produced it (Markdown emphasis), removed before parsing.

/// Removes leftover Markdown emphasis (`**bold**`, `__bold__`, a line wrapped in `*…*`) and
/// trims. Text inside the markers is kept as written.
pub fn strip_emphasis(s: &str) -> String {
    // A byte scan: decoding every char to look for two ASCII markers is far slower.
    if !s.bytes().any(|b| b == b'*' || b == b'_') {
        return s.trim().to_string();
    }
    let mut t = s.replace("**", "").replace("__", "");
    let trimmed = t.trim();
    if trimmed.len() > 2
        && ((trimmed.starts_with('*') && trimmed.ends_with('*'))
            || (trimmed.starts_with('_') && trimmed.ends_with('_')))
    {
        t = trimmed[1..trimmed.len() - 1].to_string();
    }
    t.trim().to_string()
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
    }
}
