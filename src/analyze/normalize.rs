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

/// Text with full-width characters folded, and a map from its byte offsets to the original's.
#[derive(Debug)]
pub struct Normalized<'a> {
    /// The folded text (borrowed when nothing changed).
    pub text: Cow<'a, str>,
    /// `map[i]` is the original byte offset of folded byte `i` (len = text.len() + 1);
    /// empty when the text is unchanged.
    map: Vec<usize>,
}

impl<'a> Normalized<'a> {
    /// Folds `src`.
    pub fn new(src: &'a str) -> Normalized<'a> {
        // Full-width forms are U+FF01–FF5E (lead byte 0xEF) and U+3000 (0xE3): a byte scan
        // rules most text out before any decoding.
        let candidate = src.bytes().any(|b| b == 0xEF || b == 0xE3);
        if !candidate || !src.chars().any(|c| half_width(c).is_some()) {
            return Normalized {
                text: Cow::Borrowed(src),
                map: Vec::new(),
            };
        }
        let mut text = String::with_capacity(src.len());
        let mut map = Vec::with_capacity(src.len() + 1);
        for (i, c) in src.char_indices() {
            let out = half_width(c).unwrap_or(c);
            for _ in 0..out.len_utf8() {
                map.push(i);
            }
            text.push(out);
        }
        map.push(src.len());
        Normalized {
            text: Cow::Owned(text),
            map,
        }
    }

    /// The original byte offset of folded byte offset `i`.
    pub fn original(&self, i: usize) -> usize {
        if self.map.is_empty() {
            i
        } else {
            self.map[i]
        }
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
