//! How each kind of input file becomes articles: by extension, lazily, in bounded memory.

use std::io::Read;
use std::path::Path;

use crate::article::{Article, InputError};
use crate::decode::{decode, is_binary};
use crate::{html, jsonl};

/// The kinds of input file, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `.txt`, `.text`, `.md`, `.markdown`.
    Text,
    /// `.html`, `.htm`, `.xhtml`.
    Html,
    /// `.jsonl`, `.ndjson`.
    JsonLines,
    /// `.json`: JSON Lines (Spark's JSON output), or one JSON value (`kg extract`'s output,
    /// an array of records).
    Json,
}

impl Kind {
    /// The kind of a file, or None for files that are not articles.
    pub fn of(path: &Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" | "md" | "markdown" => Some(Kind::Text),
            "html" | "htm" | "xhtml" => Some(Kind::Html),
            "jsonl" | "ndjson" => Some(Kind::JsonLines),
            "json" => Some(Kind::Json),
            _ => None,
        }
    }
}

fn stem(path: &Path) -> String {
    path.file_stem().and_then(|s| s.to_str()).unwrap_or("document").to_string()
}

/// How inputs are read.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// Replace invalid UTF-8 with U+FFFD (and warn) instead of refusing the file.
    pub lossy: bool,
}

/// Text files larger than this are read in parts of about this size, each its own
/// document (`STEM.part-N`), so memory stays bounded whatever the file's size.
pub const PART_BYTES: usize = 1 << 20;
/// HTML pages larger than this are refused: a page must be parsed whole.
pub const MAX_HTML_BYTES: u64 = 64 << 20;

/// The articles of one input file, read lazily: memory is bounded by one record or one part.
pub struct Articles {
    inner: Box<dyn Iterator<Item = Result<Article, InputError>> + Send>,
    /// Warnings about the file as a whole (invalid UTF-8 replaced, …), to show once.
    pub warnings: Vec<String>,
}

impl Iterator for Articles {
    type Item = Result<Article, InputError>;
    fn next(&mut self) -> Option<Self::Item> {
        self.inner.next()
    }
}

/// Opens a file as articles: one for an HTML page, one per line for JSON Lines, one
/// (or one per part, for large files) for text. The outer error is about the whole file;
/// inner errors about single records or parts, which do not stop the others.
pub fn open_path(path: &Path, options: ReadOptions) -> Result<Articles, InputError> {
    let location = path.display().to_string();
    let io = |e: std::io::Error| InputError::new(&location, e.to_string());
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() == 0 {
        return Err(InputError { skip: true, ..InputError::new(&location, "empty file") });
    }
    let kind = Kind::of(path).unwrap_or(Kind::Text);
    let file = std::fs::File::open(path).map_err(io)?;
    let mut head = Vec::new();
    Read::read_to_end(&mut Read::take(&file, 8000), &mut head).map_err(io)?;
    if is_binary(&head) {
        return Err(InputError { skip: true, ..InputError::new(&location, "binary file (contains NUL bytes), not text") });
    }
    let file = std::fs::File::open(path).map_err(io)?;
    match kind {
        Kind::JsonLines => Ok(Articles {
            inner: Box::new(jsonl::records(std::io::BufReader::new(file), location, stem(path), options.lossy)),
            warnings: Vec::new(),
        }),
        Kind::Json => {
            let (text, warnings) =
                decode_with(std::fs::read(path).map_err(io)?, options.lossy, 0).map_err(|m| InputError::new(&location, m))?;
            Ok(Articles { inner: Box::new(jsonl::json_file(&text, &location, &stem(path)).into_iter()), warnings })
        }
        Kind::Html => {
            if meta.len() > MAX_HTML_BYTES {
                return Err(InputError::new(
                    &location,
                    format!("HTML page of {} bytes is larger than {MAX_HTML_BYTES}: save its text as .txt instead", meta.len()),
                ));
            }
            let bytes = std::fs::read(path).map_err(io)?;
            let (text, warnings) = decode_with(bytes, options.lossy, 0).map_err(|m| InputError::new(&location, m))?;
            Ok(Articles { inner: Box::new(std::iter::once(Ok(html::article(&stem(path), &location, &text)))), warnings })
        }
        Kind::Text => {
            let parts = meta.len() as usize > PART_BYTES;
            let reader = crate::parts::TextParts::new(std::io::BufReader::new(file), PART_BYTES);
            let (stem, lossy) = (stem(path), options.lossy);
            let inner = reader.enumerate().map(move |(n, part)| {
                let (bytes, offset) = part.map_err(|e| InputError::new(&location, e.to_string()))?;
                let (text, _) = decode_with(bytes, lossy, offset).map_err(|m| InputError::new(&location, m))?;
                let id = if parts { format!("{stem}.part-{}", n + 1) } else { stem.clone() };
                let source = if parts { format!("{location} (part {})", n + 1) } else { location.clone() };
                Ok(Article::plain(&id, &source, text))
            });
            let warnings = if parts {
                vec![format!("{}: {} bytes, read in parts of about {PART_BYTES} bytes, one document each", path.display(), meta.len())]
            } else {
                Vec::new()
            };
            Ok(Articles { inner: Box::new(inner), warnings })
        }
    }
}

/// Decodes UTF-8; `offset` is where `bytes` start in the file, for the error message.
/// Lossy decoding replaces invalid sequences and says so in the warnings.
fn decode_with(bytes: Vec<u8>, lossy: bool, offset: usize) -> Result<(String, Vec<String>), String> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s), Vec::new())),
        Err(e) if lossy => {
            let at = offset + e.utf8_error().valid_up_to();
            Ok((String::from_utf8_lossy(e.as_bytes()).into_owned(), vec![format!("invalid UTF-8 from byte {at} replaced (--lossy)")]))
        }
        Err(e) => Err(format!("invalid UTF-8 at byte {} (use --lossy to replace it)", offset + e.utf8_error().valid_up_to())),
    }
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
