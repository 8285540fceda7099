//! JSON Lines: one article per line, `{"id", "text" | "body", "title", "published" | "date",
//! "url", "source"}`. A malformed record is reported with its line number and the other
//! records are still read.

use std::io::BufRead;

use serde::Deserialize;
use serde_json::Value;

use crate::article::{Article, InputError};
use crate::dates::normalize_date;

fn field<'a>(v: &'a Value, names: &[&str]) -> Option<&'a str> {
    names.iter().find_map(|n| v.get(*n).and_then(Value::as_str)).map(str::trim).filter(|s| !s.is_empty())
}

/// One record to an article. `fallback_id` is used when the record has no id.
pub fn record(v: &Value, location: &str, fallback_id: &str) -> Result<Article, String> {
    if !v.is_object() {
        return Err("a record must be a JSON object".into());
    }
    if is_document(v) {
        let document = kg_model::Document::deserialize(v).map_err(|e| format!("not a contract document: {e}"))?;
        return Ok(Article::extracted(document, location, field(v, &["url"]).map(str::to_string)));
    }
    // A record without a body but with a title is a headline-only item (Reuters "BRIEF").
    let body = field(v, &["text", "body"]).or_else(|| field(v, &["title", "headline"])).ok_or("no \"text\", \"body\" or \"title\"")?;
    let id = match v.get("id").or_else(|| v.get("newid")) {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => fallback_id.to_string(),
    };
    let title = field(v, &["title", "headline"]).map(str::to_string);
    let published = field(v, &["published", "date", "datePublished"]).and_then(normalize_date);
    let url = field(v, &["url"]).map(str::to_string);
    let source = field(v, &["source"]).map(|s| format!("{location} ({s})")).unwrap_or_else(|| location.to_string());
    // The headline goes first (relations stated in headlines count), unless it is in
    // capitals only, as wire headlines often are: every word would look like a name.
    let shouting = |t: &str| t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase);
    let text = match &title {
        Some(t) if !body.starts_with(t.as_str()) && !shouting(t) => format!("{t}\n\n{body}"),
        _ => body.to_string(),
    };
    Ok(Article { id, source, text, title, published, url, extracted: None })
}

/// True for a record that is an extraction already: a contract document, with its
/// `entities` and `relations` (and no text to extract).
fn is_document(v: &Value) -> bool {
    v.get("entities").is_some_and(Value::is_array)
        && v.get("relations").is_some_and(Value::is_array)
        && field(v, &["text", "body"]).is_none()
}

/// The articles of a `.json` file: JSON Lines when its first line is a whole JSON object
/// (Spark's JSON output), else one JSON value: `{"documents": [...]}` as `kg extract
/// --format json` prints it, an array of records, or one record.
pub fn json_file(text: &str, path: &str, stem: &str) -> Vec<Result<Article, InputError>> {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if serde_json::from_str::<Value>(first).is_ok_and(|v| v.is_object()) {
        return records(std::io::Cursor::new(text.as_bytes().to_vec()), path.to_string(), stem.to_string(), false).collect();
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return vec![Err(InputError::new(path, format!("not JSON: {e}")))],
    };
    let items: Vec<&Value> = match &value {
        Value::Object(o) => match o.get("documents") {
            Some(Value::Array(docs)) => docs.iter().collect(),
            _ => vec![&value],
        },
        Value::Array(items) => items.iter().collect(),
        _ => return vec![Err(InputError::new(path, "expected a JSON object or array"))],
    };
    let many = items.len() > 1;
    items
        .into_iter()
        .enumerate()
        .map(|(n, v)| {
            let location = if many { format!("{path} (item {})", n + 1) } else { path.to_string() };
            let fallback = if many { format!("{stem}-{}", n + 1) } else { stem.to_string() };
            record(v, &location, &fallback).map_err(|m| InputError::in_record(&location, m))
        })
        .collect()
}

/// The records of a JSON Lines stream, read one line at a time.
pub fn records(
    reader: impl BufRead + Send + 'static,
    path: String,
    stem: String,
    lossy: bool,
) -> impl Iterator<Item = Result<Article, InputError>> + Send {
    reader.split(b'\n').enumerate().filter_map(move |(n, line)| {
        let line_no = n + 1;
        let location = format!("{path}:{line_no}");
        let bytes = match line {
            Ok(b) => b,
            Err(e) => return Some(Err(InputError::new(&path, e.to_string()))),
        };
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) if lossy => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            Err(e) => {
                return Some(Err(InputError::new(&location, format!("invalid UTF-8 at byte {} of the line", e.utf8_error().valid_up_to()))))
            }
        };
        if text.trim().is_empty() {
            return None;
        }
        let parsed = serde_json::from_str::<Value>(&text)
            .map_err(|e| format!("not JSON: {e}"))
            .and_then(|v| record(&v, &location, &format!("{stem}-{line_no}")));
        Some(parsed.map_err(|m| InputError::in_record(&location, m)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_and_reports_bad_lines() {
        let data = concat!(
            "{\"id\": \"a1\", \"title\": \"Peru and Chile meet\", \"text\": \"Peru met Chile.\", \"published\": \"2024-05-01\"}\n",
            "{not json}\n",
            "\n",
            "{\"newid\": 7, \"body\": \"Kenya criticized Ethiopia.\", \"date\": \"26-FEB-1987 15:01:01.79\"}\n",
            "{\"id\": \"x\"}\n"
        );
        let recs: Vec<_> = records(data.as_bytes(), "f.jsonl".into(), "f".into(), false).collect();
        assert_eq!(recs.len(), 4);
        let a = recs[0].as_ref().expect("first record");
        assert_eq!((a.id.as_str(), a.published.as_deref()), ("a1", Some("2024-05-01")));
        assert_eq!(a.text, "Peru and Chile meet\n\nPeru met Chile.");
        let e = recs[1].as_ref().expect_err("bad line");
        assert!(e.to_string().starts_with("f.jsonl:2: not JSON"), "{e}");
        let b = recs[2].as_ref().expect("reuters-style record");
        assert_eq!((b.id.as_str(), b.published.as_deref()), ("7", Some("1987-02-26")));
        assert!(recs[3].as_ref().expect_err("no text").to_string().contains("f.jsonl:5"));
    }

    const DOCUMENT: &str =
        r#"{"id": "d1", "published": "2024-05-01", "entities": [{"id": "e1", "label": "Peru", "type": "Country"}], "relations": []}"#;

    fn ids(articles: &[Result<Article, InputError>]) -> Vec<String> {
        articles.iter().map(|a| a.as_ref().map(|a| a.id.clone()).unwrap_or_else(|e| e.to_string())).collect()
    }

    #[test]
    fn a_contract_document_is_an_extraction_not_an_article() {
        let v: Value = serde_json::from_str(DOCUMENT).expect("JSON");
        let a = record(&v, "docs.json:1", "docs-1").expect("document");
        assert_eq!((a.id.as_str(), a.text.as_str(), a.published.as_deref()), ("d1", "", Some("2024-05-01")));
        assert_eq!(a.extracted.as_ref().map(|d| d.entities[0].label.as_str()), Some("Peru"));
        let bad: Value = serde_json::from_str(r#"{"id": "d2", "entities": [{"id": "e1"}], "relations": []}"#).expect("JSON");
        assert!(record(&bad, "x", "y").is_err_and(|e| e.starts_with("not a contract document: missing field `label`")));
    }

    #[test]
    fn json_files_are_json_lines_or_one_value() {
        // Spark's JSON output: one object per line.
        let lines = format!("{DOCUMENT}\n{{\"id\": \"a\", \"text\": \"Peru met Chile.\"}}\n");
        assert_eq!(ids(&json_file(&lines, "part.json", "part")), ["d1", "a"]);
        // What `kg extract --format json` prints, indented.
        let extraction = format!("{{\n  \"documents\": [\n    {DOCUMENT},\n    {DOCUMENT}\n  ]\n}}\n");
        let read = json_file(&extraction, "x.json", "x");
        assert_eq!(ids(&read), ["d1", "d1"]);
        assert!(read.iter().all(|a| a.as_ref().is_ok_and(|a| a.extracted.is_some())));
        // An array of records, one record, and something else.
        assert_eq!(ids(&json_file("[\n{\"text\": \"a\"},\n{\"text\": \"b\"}]", "r.json", "r")), ["r-1", "r-2"]);
        assert_eq!(ids(&json_file("{\n\"text\": \"a\"}", "one.json", "one")), ["one"]);
        assert_eq!(ids(&json_file("[1,", "bad.json", "bad"))[0].split(':').next(), Some("bad.json"));
    }
}
