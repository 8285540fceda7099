//! A transport-independent view of HTTP requests and responses, so the handlers can be
//! tested (and fuzzed) without sockets.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// An HTTP request.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Method in upper case.
    pub method: String,
    /// Path without the query string, percent-decoded.
    pub path: String,
    /// Query-string parameters, decoded, in order.
    pub query: Vec<(String, String)>,
    /// Headers (names in lower case).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Request {
    /// Builds a request from a method, a URL path with query string, headers and body.
    pub fn new(method: &str, url: &str, headers: Vec<(String, String)>, body: Vec<u8>) -> Request {
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        Request {
            method: method.to_ascii_uppercase(),
            path: percent_decode(path),
            query: parse_form(query),
            headers: headers.into_iter().map(|(k, v)| (k.to_ascii_lowercase(), v)).collect(),
            body,
        }
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The first query-string parameter of this name.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// The media type of the body, without parameters.
    pub fn content_type(&self) -> String {
        self.header("content-type").unwrap_or("").split(';').next().unwrap_or("").trim().to_ascii_lowercase()
    }
}

/// An HTTP response.
#[derive(Debug, Clone)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Headers.
    pub headers: Vec<(String, String)>,
    /// Body.
    pub body: Vec<u8>,
}

impl Response {
    /// A response with a body of the given media type.
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Response {
        Response { status, headers: vec![("Content-Type".into(), content_type.into())], body: body.into() }
    }

    /// A plain-text error.
    pub fn error(status: u16, message: &str) -> Response {
        Response::new(status, "text/plain; charset=utf-8", format!("{message}\n"))
    }

    /// Adds a header.
    pub fn with_header(mut self, name: &str, value: &str) -> Response {
        self.headers.push((name.into(), value.into()));
        self
    }
}

/// What a query parameter keeps as it is: letters, digits and `-._~` (RFC 3986's unreserved
/// characters); everything else is percent-encoded.
const QUERY_PARAM: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Decodes the `%XX` escapes of a path (forms: [`parse_form`]); invalid escapes stay as they
/// are, invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

/// Parses `application/x-www-form-urlencoded` text.
pub fn parse_form(s: &str) -> Vec<(String, String)> {
    form_urlencoded::parse(s.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

/// Percent-encodes a string for a URL query parameter.
pub fn encode_param(s: &str) -> String {
    utf8_percent_encode(s, QUERY_PARAM).to_string()
}

/// The media types an `Accept` header asks for, best first (q-values respected, order kept on ties).
pub fn accepted(accept: Option<&str>) -> Vec<String> {
    let mut items: Vec<(f32, usize, String)> = accept
        .unwrap_or("")
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut pieces = part.split(';');
            let media = pieces.next()?.trim().to_ascii_lowercase();
            if media.is_empty() {
                return None;
            }
            let q = pieces.filter_map(|p| p.trim().strip_prefix("q=")).find_map(|q| q.parse::<f32>().ok()).unwrap_or(1.0);
            Some((q, i, media))
        })
        .collect();
    items.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    items.into_iter().filter(|(q, _, _)| *q > 0.0).map(|(_, _, m)| m).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_forms_and_paths() {
        assert_eq!(parse_form("query=SELECT+*+%7B%7D&x"), vec![("query".into(), "SELECT * {}".into()), ("x".into(), String::new())]);
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%E2%82%AC"), "€");
        assert_eq!(percent_decode("%ZZ"), "%ZZ");
    }

    #[test]
    fn accept_headers_by_quality() {
        assert_eq!(accepted(Some("text/csv;q=0.5, application/sparql-results+json")), vec!["application/sparql-results+json", "text/csv"]);
        assert!(accepted(None).is_empty());
    }
}
