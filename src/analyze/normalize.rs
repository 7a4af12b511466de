//! Width normalisation with an offset map back to the original text, so tokens can point at
//! (and highlight) the text the user wrote.

use std::borrow::Cow;

/// Maps a full-width ASCII variant (U+FF01–U+FF5E) or the ideographic space to its
/// half-width form.
fn half_width(c: char) -> Option<char> {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0),
        0x3000 => Some(' '),
        _ => None,
    }
}

/// Text with full-width characters folded, and what it takes to map its byte offsets back to
/// the original's.
#[derive(Debug)]
pub struct Normalized<'a> {
    /// The folded text (borrowed when nothing changed).
    pub text: Cow<'a, str>,
    /// Folded byte offsets of the folded characters, ascending. Every fold turns 3 bytes
    /// (U+3000, U+FF01–U+FF5E) into 1, so an offset moves back by 2 per fold before it.
    folds: Vec<usize>,
}

impl<'a> Normalized<'a> {
    /// Folds `src`.
    pub fn new(src: &'a str) -> Normalized<'a> {
        // Full-width forms are U+FF01–FF5E (lead byte 0xEF) and U+3000 (0xE3): a byte scan
        // rules most text out before any decoding.
        // Only a character starting at one of those bytes is looked at.
        let folds_any = memchr::memchr2_iter(0xEF, 0xE3, src.as_bytes())
            .any(|i| src[i..].chars().next().and_then(half_width).is_some());
        if !folds_any {
            return Normalized {
                text: Cow::Borrowed(src),
                folds: Vec::new(),
            };
        }
        let mut text = String::with_capacity(src.len());
        let mut folds = Vec::new();
        for c in src.chars() {
            match half_width(c) {
                Some(h) => {
                    folds.push(text.len());
                    text.push(h);
                }
                None => text.push(c),
            }
        }
        Normalized {
            text: Cow::Owned(text),
            folds,
        }
    }

    /// The original byte offset of folded byte offset `i`.
    pub fn original(&self, i: usize) -> usize {
        i + 2 * self.folds.partition_point(|&f| f < i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_maps_offsets() {
        let src = "ＡＢ　Ｃ＋＋和K8s";
        let n = Normalized::new(src);
        assert_eq!(n.text, "AB C++和K8s");
        let k = n.text.find("K8s").unwrap();
        assert_eq!(&src[n.original(k)..n.original(k + 3)], "K8s");
        let c = n.text.find("C++").unwrap();
        assert_eq!(&src[n.original(c)..n.original(c + 3)], "Ｃ＋＋");
        assert!(matches!(Normalized::new("plain").text, Cow::Borrowed(_)));
    }
}
