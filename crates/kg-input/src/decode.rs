//! Bytes to text: strict UTF-8 with the offset of the first bad byte, binary refused.

/// True for data that is not text: NUL bytes in the first 8,000.
pub fn is_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8000).any(|b| *b == 0)
}

/// Decodes UTF-8, dropping a byte-order mark. Refuses data with NUL bytes (binary).
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if is_binary(&bytes) {
        return Err("binary file (contains NUL bytes), not text".into());
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s)),
        Err(e) => Err(format!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_invalid_utf8_offset() {
        assert_eq!(decode(vec![b'a', b'b', 0xff, b'c']).expect_err("invalid"), "invalid UTF-8 at byte 2");
    }

    #[test]
    fn rejects_binary() {
        assert!(decode(vec![1, 0, 2]).is_err());
    }

    #[test]
    fn strips_byte_order_mark() {
        assert_eq!(decode("\u{feff}Hi".as_bytes().to_vec()).expect("text"), "Hi");
    }
}
