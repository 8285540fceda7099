//! What the taggers know of a single word, hashed once: the word, its lower-case
//! form, its shape ("Xx-Xx", "d.d"), prefixes and suffixes, and spelling flags.

use crate::hashing::hash_str;

/// The first letter is upper case and the word has lower-case letters.
pub const TITLE_CASE: u8 = 1;
/// Two or more letters, all upper case.
pub const ALL_CAPS: u8 = 2;
/// Contains a digit.
pub const HAS_DIGIT: u8 = 4;
/// No letter or digit at all.
pub const PUNCTUATION: u8 = 8;
/// Starts with a lower-case letter.
pub const LOWER_START: u8 = 16;
/// Contains a hyphen.
pub const HAS_HYPHEN: u8 = 32;
/// Contains a period.
pub const HAS_PERIOD: u8 = 64;

/// Hashed views of one word.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordInfo {
    /// The word as written.
    pub word: u64,
    /// The word in lower case.
    pub lower: u64,
    /// Character classes with runs collapsed: `Xx`, `X.X.`, `d,d`, `x-Xx`.
    pub shape: u64,
    /// Lower-case prefixes of 1 to 4 characters (the word itself when shorter).
    pub prefixes: [u64; 4],
    /// Lower-case suffixes of 1 to 4 characters.
    pub suffixes: [u64; 4],
    /// Length bucket: 1, 2, 3, 4, 5–6, 7–9, 10+.
    pub length: u8,
    /// Spelling flags (`TITLE_CASE`, `ALL_CAPS`, …).
    pub flags: u8,
}

impl WordInfo {
    /// Computes the views of `word`; `lower` is a scratch buffer that ends holding the lower-case form.
    pub fn new(word: &str, lower: &mut String) -> WordInfo {
        lower.clear();
        // The collapsed shape, at most 16 classes (longer shapes are rare and alike).
        let mut shape = [0u8; 16];
        let mut shape_len = 0;
        let (mut letters, mut uppers, mut len) = (0usize, 0usize, 0usize);
        let mut flags = 0u8;
        let mut last_class = 0u8;
        for (i, c) in word.chars().enumerate() {
            len += 1;
            let class = if c.is_uppercase() {
                letters += 1;
                uppers += 1;
                b'X'
            } else if c.is_alphabetic() {
                letters += 1;
                if i == 0 {
                    flags |= LOWER_START;
                }
                b'x'
            } else if c.is_numeric() {
                flags |= HAS_DIGIT;
                b'd'
            } else {
                match c {
                    '-' => flags |= HAS_HYPHEN,
                    '.' => flags |= HAS_PERIOD,
                    _ => {}
                }
                if c.is_ascii() {
                    c as u8
                } else {
                    b'?'
                }
            };
            if class != last_class && shape_len < shape.len() {
                shape[shape_len] = class;
                shape_len += 1;
                last_class = class;
            }
            if c.is_ascii() {
                lower.push(c.to_ascii_lowercase());
            } else {
                lower.extend(c.to_lowercase());
            }
        }
        if letters == 0 && flags & HAS_DIGIT == 0 {
            flags |= PUNCTUATION;
        }
        if letters >= 2 && uppers == letters {
            flags |= ALL_CAPS;
        } else if word.chars().next().is_some_and(char::is_uppercase) && uppers < letters {
            flags |= TITLE_CASE;
        }
        let mut prefixes = [0u64; 4];
        let mut suffixes = [0u64; 4];
        // Byte offsets after the first 1..4 characters and before the last 1..4.
        let mut heads = [lower.len(); 4];
        for (k, (i, _)) in lower.char_indices().skip(1).take(4).enumerate() {
            heads[k] = i;
        }
        let mut tails = [0usize; 4];
        for (k, (i, _)) in lower.char_indices().rev().take(4).enumerate() {
            tails[k] = i;
        }
        for k in 0..4 {
            prefixes[k] = hash_str(&lower[..heads[k]]);
            suffixes[k] = hash_str(&lower[tails[k]..]);
        }
        let length = match len {
            0..=4 => len as u8,
            5..=6 => 5,
            7..=9 => 6,
            _ => 7,
        };
        let shape = std::str::from_utf8(&shape[..shape_len]).map(hash_str).unwrap_or(0);
        WordInfo { word: hash_str(word), lower: hash_str(lower), shape, prefixes, suffixes, length, flags }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_flags() {
        let mut buf = String::new();
        let a = WordInfo::new("Zelenskiy", &mut buf);
        assert_eq!(buf, "zelenskiy");
        assert_eq!(a.flags & TITLE_CASE, TITLE_CASE);
        let b = WordInfo::new("Kovalenko", &mut buf);
        assert_eq!(a.shape, b.shape, "both Xx");
        assert_eq!((a.suffixes[0], b.suffixes[2]), (hash_str("y"), hash_str("nko")));
        let c = WordInfo::new("NATO", &mut buf);
        assert_eq!(c.flags & ALL_CAPS, ALL_CAPS);
        assert_ne!(c.shape, a.shape);
        let d = WordInfo::new("1996-08-22", &mut buf);
        assert_eq!(d.flags & (HAS_DIGIT | HAS_HYPHEN), HAS_DIGIT | HAS_HYPHEN);
        assert_eq!(WordInfo::new(",", &mut buf).flags & PUNCTUATION, PUNCTUATION);
        let e = WordInfo::new("é", &mut buf);
        assert_eq!(e.prefixes[3], hash_str("é"));
    }
}
