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

/// Invisible format characters that text copied from web pages carries inside words: the
/// soft hyphen, zero-width space, non-joiner and joiner, direction marks and embeddings, the
/// word joiner and the zero-width no-break space. `Kube\u{200b}rnetes` is Kubernetes to a
/// reader, so the analyzer drops them rather than cut a word at them.
fn invisible(c: char) -> bool {
    matches!(c as u32, 0xAD | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060 | 0x2066..=0x2069 | 0xFEFF)
}

/// A radical written for the character it stands for: PDFs and pages made from them carry
/// Kangxi radicals (U+2F00–U+2FD5) and the simplified radicals of the supplement where the
/// text means the ideograph (`⽹络编程` is 网络编程, `编码⻛格` 编码风格), as their fonts draw
/// both alike. Kangxi radicals by their compatibility mapping; the supplement's simplified
/// radicals that are characters of their own by the ideograph they are drawn as.
fn ideograph(c: char) -> Option<char> {
    match c as u32 {
        0x2F00..=0x2FD5 => {
            let mut one = None;
            unicode_normalization::char::decompose_compatible(c, |d| one = Some(d));
            one.filter(|&d| d != c)
        }
        0x2E80..=0x2EFF => Some(match c {
            '⻅' => '见',
            '⻉' => '贝',
            '⻋' => '车',
            '⻓' => '长',
            '⻔' => '门',
            '⻙' => '韦',
            '⻚' => '页',
            '⻛' => '风',
            '⻜' => '飞',
            '⻢' => '马',
            '⻥' => '鱼',
            '⻦' => '鸟',
            '⻧' => '卤',
            '⻪' => '黾',
            '⻬' => '齐',
            '⻮' => '齿',
            '⻰' => '龙',
            '⻳' => '龟',
            _ => return None,
        }),
        _ => None,
    }
}

/// A circled digit (① to ⑨) as the digit: a list marker (`①负责…`) or a phone number written
/// in them to slip past a job board's filter (`①④⑦④…`). (⑩ and up stand for two digits, and
/// a fold here is one character for one: they stay as written.)
fn circled_digit(c: char) -> Option<char> {
    ('①'..='⑨')
        .contains(&c)
        .then(|| char::from(b'1' + (c as u32 - '①' as u32) as u8))
}

/// What a character becomes: `None` when it is kept as it is.
fn folded(c: char) -> Option<Option<char>> {
    if invisible(c) {
        Some(None)
    } else {
        half_width(c)
            .or_else(|| ideograph(c))
            .or_else(|| circled_digit(c))
            .map(Some)
    }
}

/// Text with full-width characters folded and invisible format characters dropped, and what
/// it takes to map its byte offsets back to the original's.
#[derive(Debug)]
pub struct Normalized<'a> {
    /// The folded text (borrowed when nothing changed).
    pub text: Cow<'a, str>,
    /// `(at, shift)`, ascending: from folded byte offset `at` on, an offset is `shift` bytes
    /// further on in the original (the bytes a fold or a drop took out before it).
    shifts: Vec<(usize, usize)>,
}

impl<'a> Normalized<'a> {
    /// Folds `src`.
    pub fn new(src: &'a str) -> Normalized<'a> {
        // Full-width forms are U+FF01–FF5E (lead byte 0xEF) and U+3000 (0xE3), the invisible
        // characters lead with 0xE2, 0xEF or 0xC2: a byte scan rules most text out before
        // any decoding. Only a character starting at one of those bytes is looked at.
        let b = src.as_bytes();
        let looked_at = |i: usize| src[i..].chars().next().and_then(folded).is_some();
        let folds_any = memchr::memchr3_iter(0xEF, 0xE3, 0xE2, b).any(looked_at)
            || memchr::memchr_iter(0xC2, b).any(looked_at);
        if !folds_any {
            return Normalized {
                text: Cow::Borrowed(src),
                shifts: Vec::new(),
            };
        }
        let mut text = String::with_capacity(src.len());
        let mut shifts = Vec::new();
        let mut shift = 0;
        for c in src.chars() {
            match folded(c) {
                Some(Some(h)) => {
                    text.push(h);
                    // The folded character ends one byte on; what follows it moves.
                    shift += c.len_utf8() - h.len_utf8();
                    shifts.push((text.len(), shift));
                }
                Some(None) => {
                    shift += c.len_utf8();
                    shifts.push((text.len(), shift));
                }
                None => text.push(c),
            }
        }
        Normalized {
            text: Cow::Owned(text),
            shifts,
        }
    }

    /// The original byte offset of folded byte offset `i` (past any invisible characters
    /// dropped just before it).
    pub fn original(&self, i: usize) -> usize {
        match self.shifts.partition_point(|&(at, _)| at <= i) {
            0 => i,
            k => i + self.shifts[k - 1].1,
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
        assert!(matches!(
            Normalized::new("“quoted” – 中文、标点").text,
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn radicals_read_as_the_ideographs_they_stand_for() {
        // As a PDF's text layer gives them: Kangxi and simplified supplement radicals.
        let src = "熟悉⽹络编程，良好的编码⻛格，常⻅协议";
        let n = Normalized::new(src);
        assert_eq!(n.text, "熟悉网络编程,良好的编码风格,常见协议");
        let w = n.text.find("网络").unwrap();
        assert_eq!(&src[n.original(w)..n.original(w + "网络".len())], "⽹络");
        // A supplement radical that is no character of its own stays.
        assert_eq!(Normalized::new("⻈").text, "⻈");
    }

    #[test]
    fn circled_digits_read_as_digits() {
        let n = Normalized::new("拨打①④⑦④零⑤ ⑩");
        assert_eq!(n.text, "拨打1474零5 ⑩");
        // Offsets map back past the three-byte circled digits.
        assert_eq!(n.original(n.text.find('零').unwrap()), "拨打①④⑦④".len());
    }

    #[test]
    fn drops_invisible_characters_inside_words() {
        let src = "Kube\u{200b}rnetes, Ka\u{200d}fka, Ja\u{ad}va and ＧＯ\u{feff}";
        let n = Normalized::new(src);
        assert_eq!(n.text, "Kubernetes, Kafka, Java and GO");
        let k = n.text.find("Kafka").unwrap();
        assert_eq!(&src[n.original(k)..n.original(k + 5)], "Ka\u{200d}fka");
        let g = n.text.find("GO").unwrap();
        // An end takes in the invisible characters right after it: nothing a reader sees.
        assert_eq!(&src[n.original(g)..n.original(g + 2)], "ＧＯ\u{feff}");
        let a = n.text.find("and").unwrap();
        assert_eq!(&src[n.original(a)..n.original(a + 3)], "and");
        assert_eq!(n.original(n.text.len()), src.len());
    }
}
