//! An article and how each kind of file becomes articles.

use std::io::Read;
use std::path::Path;

use crate::decode::{decode, is_binary};
use crate::{html, jsonl};

/// One article to extract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Document id: the file stem, a JSON Lines record's id, or `stdin`.
    pub id: String,
    /// Where it came from: a path, `path:line` for JSON Lines, or `-`.
    pub source: String,
    /// The text to extract (headline first when the input has one).
    pub text: String,
    /// The headline, from metadata.
    pub title: Option<String>,
    /// Publication date (YYYY-MM-DD) from metadata.
    pub published: Option<String>,
    /// The article's URL, from metadata.
    pub url: Option<String>,
}

impl Article {
    /// An article from plain text.
    pub fn plain(id: &str, source: &str, text: String) -> Article {
        Article { id: id.to_string(), source: source.to_string(), text, title: None, published: None, url: None }
    }
}

/// A problem with one input, naming where it is.
#[derive(Debug, thiserror::Error)]
#[error("{location}: {message}")]
pub struct InputError {
    /// File (and line, for JSON Lines records).
    pub location: String,
    /// What is wrong.
    pub message: String,
    /// The file is not text at all (binary): callers skip it rather than stop.
    pub binary: bool,
}

impl InputError {
    /// An error at `location`.
    pub fn new(location: impl Into<String>, message: impl Into<String>) -> Self {
        InputError { location: location.into(), message: message.into(), binary: false }
    }
}

/// The kinds of input file, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `.txt`, `.text`, `.md`, `.markdown`.
    Text,
    /// `.html`, `.htm`, `.xhtml`.
    Html,
    /// `.jsonl`, `.ndjson`.
    JsonLines,
}

impl Kind {
    /// The kind of a file, or None for files that are not articles.
    pub fn of(path: &Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" | "md" | "markdown" => Some(Kind::Text),
            "html" | "htm" | "xhtml" => Some(Kind::Html),
            "jsonl" | "ndjson" => Some(Kind::JsonLines),
            _ => None,
        }
    }
}

fn stem(path: &Path) -> String {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("document").to_string()
}

/// Reads a file as articles: one for text and HTML, one per line for JSON Lines.
/// The outer error is about the whole file; inner errors about single JSON Lines records,
/// which do not stop the others.
pub fn read_path(path: &Path) -> Result<Vec<Result<Article, InputError>>, InputError> {
    let location = path.display().to_string();
    let kind = Kind::of(path).unwrap_or(Kind::Text);
    if kind == Kind::JsonLines {
        let file = std::fs::File::open(path).map_err(|e| InputError::new(&location, e.to_string()))?;
        return jsonl::read_records(std::io::BufReader::new(file), &location, &stem(path));
    }
    let bytes = std::fs::read(path).map_err(|e| InputError::new(&location, e.to_string()))?;
    let binary = is_binary(&bytes);
    let text = decode(bytes).map_err(|m| InputError { binary, ..InputError::new(&location, m) })?;
    Ok(vec![Ok(match kind {
        Kind::Html => html::article(&stem(path), &location, &text),
        _ => Article::plain(&stem(path), &location, text),
    })])
}

/// Reads standard input as one article with id `stdin` (HTML when it starts like HTML).
pub fn read_stdin() -> Result<Article, InputError> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).map_err(|e| InputError::new("standard input", e.to_string()))?;
    let text = decode(bytes).map_err(|m| InputError::new("standard input", m))?;
    if html::looks_like_html(&text) {
        Ok(html::article("stdin", "-", &text))
    } else {
        Ok(Article::plain("stdin", "-", text))
    }
}
