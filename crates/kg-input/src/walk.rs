//! Expanding the paths given on the command line into input files.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::article::InputError;
use crate::open::Kind;

/// What a walk over the inputs found.
#[derive(Debug, Default)]
pub struct Inputs {
    /// Files to read, in order.
    pub files: Vec<PathBuf>,
    /// Files skipped (not articles), with the reason.
    pub skipped: Vec<(PathBuf, String)>,
    /// True when `-` (standard input) was given.
    pub stdin: bool,
}

/// Expands files and directories (recursively, sorted, following each directory once
/// so symlink loops end) into the list of article files. Files named explicitly are
/// read whatever their extension; in directories only known kinds are.
pub fn collect(paths: &[PathBuf]) -> Result<Inputs, InputError> {
    let mut inputs = Inputs::default();
    let mut seen = HashSet::new();
    for p in paths {
        if p.as_os_str() == "-" {
            inputs.stdin = true;
            continue;
        }
        let meta = std::fs::metadata(p).map_err(|e| InputError::new(p.display().to_string(), e.to_string()))?;
        if meta.is_dir() {
            walk(p, &mut inputs, &mut seen)?;
        } else {
            inputs.files.push(p.clone());
        }
    }
    Ok(inputs)
}

/// Walks `dir` depth first, entries sorted by name (walkdir), each directory once (by its
/// canonical path: a symlink back to an ancestor or to a directory already walked is
/// left out, so loops end).
fn walk(dir: &Path, inputs: &mut Inputs, seen: &mut HashSet<PathBuf>) -> Result<(), InputError> {
    let entries = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        // Hidden files and folders, and the markers of Hadoop and Spark (`_SUCCESS`,
        // `.part-….crc`, `_temporary/`), are no articles: left out silently.
        .filter_entry(|e| {
            let hidden = e.depth() > 0 && e.file_name().to_str().is_some_and(|n| n.starts_with('.') || n.starts_with('_'));
            !hidden && (!e.file_type().is_dir() || e.path().canonicalize().is_ok_and(|c| seen.insert(c)))
        });
    for entry in entries {
        // A symlink back to an ancestor: walkdir reports the loop before the filter sees it.
        if entry.as_ref().is_err_and(|e| e.loop_ancestor().is_some()) {
            continue;
        }
        let entry = entry.map_err(|e| {
            let location = e.path().unwrap_or(dir).display().to_string();
            InputError::new(location, format!("cannot read directory: {}", e.io_error().map_or(e.to_string(), |io| io.to_string())))
        })?;
        if entry.file_type().is_dir() {
            continue;
        }
        let p = entry.into_path();
        if Kind::of(&p).is_some() {
            inputs.files.push(p);
        } else {
            inputs.skipped.push((p, "not an article file (.txt, .md, .html, .jsonl, .json)".into()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_directories_sorted_and_survives_symlink_loops() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
        std::fs::write(dir.path().join("b.txt"), "b").expect("write");
        std::fs::write(dir.path().join("sub/a.html"), "<p>a</p>").expect("write");
        std::fs::write(dir.path().join("image.png"), [0u8, 1]).expect("write");
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).expect("symlink");
        let inputs = collect(&[dir.path().to_path_buf()]).expect("collect");
        let names: Vec<String> =
            inputs.files.iter().map(|p| p.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default()).collect();
        assert_eq!(names, vec!["b.txt", "a.html"]);
        assert_eq!(inputs.skipped.len(), 1);
    }

    #[test]
    fn leaves_out_hidden_files_and_spark_markers_silently() {
        let dir = tempfile::tempdir().expect("tempdir");
        for folder in [".git", "_temporary"] {
            std::fs::create_dir(dir.path().join(folder)).expect("mkdir");
            std::fs::write(dir.path().join(folder).join("x.txt"), "x").expect("write");
        }
        for name in ["_SUCCESS", ".part-00000.json.crc", "part-00000.json"] {
            std::fs::write(dir.path().join(name), "{}").expect("write");
        }
        let inputs = collect(&[dir.path().to_path_buf()]).expect("collect");
        assert_eq!(inputs.files, vec![dir.path().join("part-00000.json")]);
        assert!(inputs.skipped.is_empty());
    }
}
