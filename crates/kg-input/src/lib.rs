//! Reading news articles for extraction: plain text and Markdown files, HTML pages
//! (main article text, title and date from the page's metadata), JSON Lines (one
//! article per line), directories (recursively) and standard input.
//!
//! Text must be UTF-8; a file that is not gets an error naming the byte offset.
//! Files of other kinds are reported as skipped, never silently dropped.

#![deny(missing_docs)]

pub mod article;
pub mod dates;
pub mod decode;
pub mod html;
pub mod jsonl;
pub mod open;
pub mod parts;
pub mod walk;

pub use article::{Article, InputError};
pub use open::{open_path, read_stdin, Articles, Kind, ReadOptions};
pub use walk::{collect, Inputs};
