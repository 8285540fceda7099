//! An article, and the error that names the input a problem is in.

/// One article to extract, or one extracted already.
#[derive(Debug, Clone, PartialEq)]
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
    /// The document, when the input is an extraction already (a contract document, as
    /// `kg extract --format json` or the Spark job writes them): `text` is then empty.
    pub extracted: Option<Box<kg_model::Document>>,
}

impl Article {
    /// An article from plain text.
    pub fn plain(id: &str, source: &str, text: String) -> Article {
        Article { id: id.to_string(), source: source.to_string(), text, title: None, published: None, url: None, extracted: None }
    }

    /// An article extracted already: its document, read from `source`.
    pub fn extracted(document: kg_model::Document, source: &str, url: Option<String>) -> Article {
        Article {
            id: document.id.clone(),
            source: source.to_string(),
            text: String::new(),
            title: document.title.clone(),
            published: document.published.clone(),
            url,
            extracted: Some(Box::new(document)),
        }
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
    /// The file is not an article at all (binary, empty): callers skip it rather than stop.
    pub skip: bool,
    /// The problem is one JSON Lines record's: the other records are still read.
    pub record: bool,
}

impl InputError {
    /// An error at `location`.
    pub fn new(location: impl Into<String>, message: impl Into<String>) -> Self {
        InputError { location: location.into(), message: message.into(), skip: false, record: false }
    }

    /// An error in one record of a file, which does not stop the others.
    pub fn in_record(location: impl Into<String>, message: impl Into<String>) -> Self {
        InputError { record: true, ..InputError::new(location, message) }
    }
}
