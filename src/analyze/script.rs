//! Script detection: which characters are Han, and whether a text is mostly Chinese. The
//! analyzer segments by script, and scoring reads each term's IDF against its own language.

/// Whether `c` is a Han ideograph (CJK unified ideographs and extensions, compatibility ideographs).
pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF | 0x2A700..=0x2EBEF | 0x30000..=0x3134F)
}

/// Whether a text is mostly Chinese (by Han characters against Latin letters).
pub fn is_chinese(text: &str) -> bool {
    let (mut han, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if is_han(c) {
            han += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    han * 2 > latin
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_and_mostly_chinese() {
        assert!(is_han('云') && !is_han('a') && !is_han('，'));
        assert!(is_chinese("负责K8s集群运维"));
        assert!(!is_chinese("Kubernetes operations, 运维"));
    }
}
