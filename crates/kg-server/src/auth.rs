//! Writes need a writable server and its bearer token, compared in constant time.

use crate::http::{Request, Response};
use crate::State;

/// Compares two byte strings in time that depends only on their lengths.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Ok when the request may write; otherwise the response to send.
pub fn check_write(state: &State, req: &Request) -> Result<(), Response> {
    let Some(expected) = &state.write_token else {
        return Err(Response::error(403, "this server is read-only (start it with --writable and a token to allow writes)"));
    };
    let given = req.header("authorization").and_then(|h| h.strip_prefix("Bearer ")).unwrap_or("");
    if constant_time_eq(given.trim().as_bytes(), expected.as_bytes()) {
        Ok(())
    } else {
        Err(Response::error(401, "a valid bearer token is required to write").with_header("WWW-Authenticate", "Bearer"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_tokens() {
        assert!(constant_time_eq(b"secret", b"secret"));
        assert!(!constant_time_eq(b"secret", b"secreT"));
        assert!(!constant_time_eq(b"secret", b"secret2"));
    }
}
