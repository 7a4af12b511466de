//! Text made safe to show on a terminal: file names and export fields can hold escape
//! sequences (ESC, OSC), newlines or bidirectional overrides that would retitle, recolour or
//! garble the user's terminal, or make one line look like two.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal raw: control characters (C0, DEL, C1) and the
/// bidirectional embedding, override and isolate characters. (Text read from files drops
/// them too, but tab and newline.)
pub(crate) fn unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every control character and bidirectional override written as a visible escape
/// (`\n`, `\t`, `\r`, `\x1b`, `\u{9b}`, `\u{202e}`); borrowed when there is none.
pub fn printable(s: &str) -> Cow<'_, str> {
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if unsafe_char(c) && (c as u32) < 0x80 => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if unsafe_char(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_made_visible() {
        assert!(matches!(printable("jobs/岗位 a.txt"), Cow::Borrowed(_)));
        assert_eq!(
            printable("a\u{1b}]0;owned\u{7}b\nc\u{9b}2J\u{202e}d\u{7f}"),
            "a\\x1b]0;owned\\x07b\\nc\\u{9b}2J\\u{202e}d\\x7f"
        );
    }
}
