//! Progress of long runs: a bar on a terminal (documents, words per second, ETA),
//! plain log lines every few seconds otherwise.

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

/// Reports progress over a known number of input files.
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    last_log: Instant,
    documents: u64,
    words: u64,
}

impl Progress {
    /// Starts reporting over `files` input files.
    pub fn new(files: u64) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(files);
            let style = ProgressStyle::with_template("{bar:30} {pos}/{len} files  {msg}  eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        let now = Instant::now();
        Progress { bar, started: now, last_log: now, documents: 0, words: 0 }
    }

    /// Counts one extracted document of `words` words.
    pub fn document(&mut self, words: usize) {
        self.documents += 1;
        self.words += words as u64;
        let rate = self.words as f64 / self.started.elapsed().as_secs_f64().max(1e-9);
        match &self.bar {
            Some(bar) => bar.set_message(format!("{} documents, {:.0} words/s", self.documents, rate)),
            None if self.last_log.elapsed() >= Duration::from_secs(5) => {
                self.last_log = Instant::now();
                eprintln!("kg: {} documents, {} words, {:.0} words/s", self.documents, self.words, rate);
            }
            None => {}
        }
    }

    /// Counts one finished input file.
    pub fn file_done(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Prints a warning without breaking the bar.
    pub fn warn(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.println(format!("kg: warning: {message}")),
            None => eprintln!("kg: warning: {message}"),
        }
    }

    /// Words extracted so far.
    pub fn words(&self) -> u64 {
        self.words
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
