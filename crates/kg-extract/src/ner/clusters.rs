//! Distributional word clusters for the taggers' features: words that occur in
//! similar contexts of unlabelled news share a cluster, so a name never seen in the
//! labelled data still looks like the names it resembles. The table is built by
//! `kg_train::clusters` (`kg train`); this module reads it.

use crate::hashing::{hash_str, HashMap64};

/// Word to cluster numbers (one per granularity).
#[derive(Debug, Default, Clone)]
pub struct WordClusters {
    /// Word hash → index into `ids` and `words`.
    by_word: HashMap64<u32>,
    ids: Vec<[u16; 3]>,
    words: Vec<String>,
}

impl WordClusters {
    /// The shipped clusters.
    pub fn embedded() -> Result<WordClusters, String> {
        WordClusters::from_tsv(crate::data_files::CLUSTERS_TSV).map_err(|e| format!("data/models/clusters.tsv: {e}"))
    }

    /// Reads the TSV written by [`to_tsv`] (`word`, then one cluster number per granularity).
    pub fn from_tsv(text: &str) -> Result<WordClusters, String> {
        let mut by_word = HashMap64::default();
        let mut ids = Vec::new();
        let mut words = Vec::new();
        for (k, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let number = |i: usize| cols.get(i).and_then(|c| c.parse::<u16>().ok());
            match (number(1), number(2), number(3)) {
                (Some(a), Some(b), Some(c)) if cols.len() == 4 => {
                    by_word.insert(hash_str(cols[0]), words.len() as u32);
                    ids.push([a, b, c]);
                    words.push(cols[0].to_string());
                }
                _ => return Err(format!("line {}: expected `word<TAB>n<TAB>n<TAB>n`", k + 1)),
            }
        }
        Ok(WordClusters { by_word, ids, words })
    }

    /// The clusters of a word (by the hash of the word as written, else of its lower-case form).
    pub fn of(&self, word: u64, lower: u64) -> Option<[u16; 3]> {
        self.by_word.get(&word).or_else(|| self.by_word.get(&lower)).map(|&k| self.ids[k as usize])
    }

    /// The index of a word (by the hash of the word as written) in the vocabulary, so that
    /// callers can keep per-word data in a vector beside it.
    pub fn index(&self, word: u64) -> Option<usize> {
        self.by_word.get(&word).map(|&k| k as usize)
    }

    /// The clusters of the word at `index`.
    pub fn at(&self, index: usize) -> [u16; 3] {
        self.ids[index]
    }

    /// The words with clusters, most frequent first.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }

    /// Number of words with clusters.
    pub fn len(&self) -> usize {
        self.by_word.len()
    }

    /// True when there are no clusters.
    pub fn is_empty(&self) -> bool {
        self.by_word.is_empty()
    }
}
