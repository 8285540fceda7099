//! Reading articles: files, directories (recursively, in sorted order) and standard input.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// One article to extract.
pub struct Article {
    /// Document id: the file stem, or `stdin`.
    pub id: String,
    /// Where it came from.
    pub source: String,
    /// The text.
    pub text: String,
}

/// File extensions read as plain text.
const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md"];

/// What a walk over the inputs found.
#[derive(Default)]
pub struct Inputs {
    /// Files to read, in order.
    pub files: Vec<PathBuf>,
    /// Files skipped (not text), with the reason.
    pub skipped: Vec<(PathBuf, String)>,
    /// True when `-` (standard input) was given.
    pub stdin: bool,
}

/// Expands files and directories into the list of article files.
pub fn collect(paths: &[PathBuf]) -> Result<Inputs> {
    let mut inputs = Inputs::default();
    let mut seen = HashSet::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.stdin = true;
            continue;
        }
        let meta = std::fs::metadata(p).with_context(|| format!("{}", p.display()))?;
        if meta.is_dir() {
            walk(p, &mut inputs, &mut seen)?;
        } else {
            inputs.files.push(p.clone());
        }
    }
    Ok(inputs)
}

fn walk(dir: &Path, inputs: &mut Inputs, seen: &mut HashSet<PathBuf>) -> Result<()> {
    let canonical = dir.canonicalize().with_context(|| format!("{}", dir.display()))?;
    if !seen.insert(canonical) {
        return Ok(()); // a symlink loop or a directory given twice
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot read directory", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, inputs, seen)?;
        } else if p.extension().and_then(|e| e.to_str()).is_some_and(|e| TEXT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())) {
            inputs.files.push(p);
        } else {
            inputs.skipped.push((p, "not a text file (.txt, .text, .md)".into()));
        }
    }
    Ok(())
}

/// Reads one article file as UTF-8.
pub fn read_file(path: &Path) -> Result<Article> {
    let bytes = std::fs::read(path).with_context(|| format!("{}", path.display()))?;
    let text = decode(bytes).with_context(|| format!("{}", path.display()))?;
    let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("document").to_string();
    Ok(Article { id, source: path.display().to_string(), text })
}

/// Reads standard input as one article with id `stdin`.
pub fn read_stdin() -> Result<Article> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).context("standard input")?;
    let text = decode(bytes).context("standard input")?;
    Ok(Article { id: "stdin".into(), source: "-".into(), text })
}

fn decode(bytes: Vec<u8>) -> Result<String> {
    if bytes.iter().take(8000).any(|b| *b == 0) {
        bail!("binary file (contains NUL bytes), not text");
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(s)),
        Err(e) => bail!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_invalid_utf8_offset() {
        let err = decode(vec![b'a', b'b', 0xff, b'c']).expect_err("invalid UTF-8");
        assert_eq!(err.to_string(), "invalid UTF-8 at byte 2");
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
