//! Large text files in parts: a reader that yields about `size` bytes at a time, cut at a
//! paragraph break, else a line break, else a space, so that no sentence (and no UTF-8
//! character) is split where the text allows it, and memory stays bounded.

use std::io::{BufRead, Read};

/// Parts of a text stream: (bytes, offset of the part in the stream).
pub struct TextParts<R: BufRead> {
    reader: R,
    size: usize,
    carry: Vec<u8>,
    offset: usize,
    done: bool,
}

impl<R: BufRead> TextParts<R> {
    /// Parts of about `size` bytes (at most twice that) from `reader`.
    pub fn new(reader: R, size: usize) -> Self {
        TextParts { reader, size: size.max(16), carry: Vec::new(), offset: 0, done: false }
    }
}

/// Where to cut `buf`, searching back from its end: after a blank line, a newline or a space.
fn cut_point(buf: &[u8], min: usize) -> Option<usize> {
    let window = &buf[min..];
    if let Some(p) = window.windows(2).rposition(|w| w == b"\n\n") {
        return Some(min + p + 2);
    }
    window.iter().rposition(|b| *b == b'\n').or_else(|| window.iter().rposition(|b| *b == b' ')).map(|p| min + p + 1)
}

/// A cut at or before `at` that does not split a UTF-8 character (text without any space).
fn char_boundary(buf: &[u8], at: usize) -> usize {
    let mut k = at.min(buf.len());
    while k > 0 && k < buf.len() && (buf[k] & 0b1100_0000) == 0b1000_0000 {
        k -= 1;
    }
    if k == 0 {
        at.min(buf.len())
    } else {
        k
    }
}

impl<R: BufRead> Iterator for TextParts<R> {
    type Item = std::io::Result<(Vec<u8>, usize)>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done && self.carry.is_empty() {
            return None;
        }
        let mut buf = std::mem::take(&mut self.carry);
        while !self.done && buf.len() < self.size * 2 {
            let want = self.size * 2 - buf.len();
            let before = buf.len();
            match (&mut self.reader).take(want as u64).read_to_end(&mut buf) {
                Ok(0) => self.done = true,
                Ok(_) if buf.len() >= self.size => break,
                Ok(_) => {}
                Err(e) => return Some(Err(e)),
            }
            if buf.len() == before {
                self.done = true;
            }
        }
        if buf.is_empty() {
            return None;
        }
        let end = if buf.len() <= self.size {
            buf.len()
        } else {
            cut_point(&buf, self.size / 2).unwrap_or_else(|| char_boundary(&buf, self.size))
        };
        self.carry = buf.split_off(end);
        let offset = self.offset;
        self.offset += buf.len();
        Some(Ok((buf, offset)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str, size: usize) -> Vec<String> {
        TextParts::new(text.as_bytes(), size).map(|p| String::from_utf8(p.expect("read").0).expect("UTF-8 kept whole")).collect()
    }

    #[test]
    fn cuts_at_paragraphs_then_lines_then_spaces_and_loses_nothing() {
        let text = "First paragraph here.\n\nSecond one is here.\n\nThird paragraph ends.";
        let p = parts(text, 24);
        assert_eq!(p.concat(), text);
        assert!(p.len() > 1 && p[0].ends_with("\n\n"), "{p:?}");
        let line = "word ".repeat(100);
        let p = parts(&line, 64);
        assert_eq!(p.concat(), line);
        assert!(p.iter().all(|x| x.len() <= 128 && x.ends_with(' ')), "{p:?}");
        let small = parts("short text", 1024);
        assert_eq!(small, vec!["short text"]);
    }

    #[test]
    fn never_splits_a_character() {
        let text = "é".repeat(500);
        for part in TextParts::new(text.as_bytes(), 33) {
            assert!(std::str::from_utf8(&part.expect("read").0).is_ok());
        }
        let p = TextParts::new(text.as_bytes(), 33).map(|x| x.expect("read").0).collect::<Vec<_>>();
        assert_eq!(p.concat(), text.as_bytes());
    }
}
