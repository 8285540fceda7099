//! Building the distributional word clusters of the taggers' features (`kg train`).
//!
//! Each word of the vocabulary gets a sparse vector of positive pointwise mutual
//! information with its left and right neighbours (among the most frequent words),
//! and spherical k-means groups the vectors at three granularities. Everything is deterministic for the same input.

use std::collections::HashMap;

/// Settings of cluster building.
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// Words seen fewer times are left out.
    pub min_count: u32,
    /// How many of the most frequent words serve as contexts.
    pub contexts: usize,
    /// Rounds of k-means.
    pub rounds: usize,
    /// Cluster counts of the three granularities.
    pub granularities: [usize; 3],
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions { min_count: 4, contexts: 2000, rounds: 12, granularities: [64, 256, 1024] }
    }
}

/// Writes clusters as TSV, words in the order given.
pub fn to_tsv(rows: &[(String, [u16; 3])]) -> String {
    let mut out = String::from("# word\tcluster of 64\tcluster of 256\tcluster of 1024 (built by `kg train`)\n");
    for (w, c) in rows {
        out.push_str(&format!("{w}\t{}\t{}\t{}\n", c[0], c[1], c[2]));
    }
    out
}

/// Clusters the words of `sentences` (each a list of words).
pub fn build(sentences: &[Vec<String>], options: &ClusterOptions) -> Vec<(String, [u16; 3])> {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for s in sentences {
        for w in s {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, u32)> = counts.iter().filter(|(_, &c)| c >= options.min_count).map(|(w, c)| (*w, *c)).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let index: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, (w, _))| (*w, i)).collect();
    let n_ctx = options.contexts.min(vocab.len());
    // Context slots: left neighbour c is slot c, right neighbour c is slot n_ctx + c; the sentence edge is 2 n_ctx.
    let edge = 2 * n_ctx;
    let mut pairs: HashMap<(u32, u32), u32> = HashMap::new();
    let mut slot_totals = vec![0u64; edge + 1];
    let mut total = 0u64;
    for s in sentences {
        let ids: Vec<Option<usize>> = s.iter().map(|w| index.get(w.as_str()).copied()).collect();
        for (i, id) in ids.iter().enumerate() {
            let Some(w) = id else { continue };
            let left = if i == 0 { Some(edge) } else { ids[i - 1].filter(|&c| c < n_ctx) };
            let right = if i + 1 == ids.len() { Some(edge) } else { ids[i + 1].filter(|&c| c < n_ctx).map(|c| n_ctx + c) };
            for slot in [left, right].into_iter().flatten() {
                *pairs.entry((*w as u32, slot as u32)).or_default() += 1;
                slot_totals[slot] += 1;
                total += 1;
            }
        }
    }
    let dims = edge + 1;
    let mut word_totals = vec![0u64; vocab.len()];
    for (&(w, _), &c) in &pairs {
        word_totals[w as usize] += c as u64;
    }
    let mut vectors: Vec<Vec<(u32, f32)>> = vec![Vec::new(); vocab.len()];
    let mut sorted: Vec<(&(u32, u32), &u32)> = pairs.iter().collect();
    sorted.sort();
    for (&(w, slot), &c) in sorted {
        let pmi = ((c as f64 * total as f64) / (word_totals[w as usize] as f64 * slot_totals[slot as usize] as f64)).ln();
        if pmi > 0.0 {
            vectors[w as usize].push((slot, pmi as f32));
        }
    }
    for v in &mut vectors {
        let norm = v.iter().map(|(_, x)| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|(_, x)| *x /= norm);
        }
    }
    let assignments: Vec<Vec<u16>> =
        options.granularities.iter().map(|&k| kmeans(&vectors, dims, k.min(vocab.len()), options.rounds)).collect();
    vocab.iter().enumerate().map(|(i, (w, _))| (w.to_string(), [assignments[0][i], assignments[1][i], assignments[2][i]])).collect()
}

/// Spherical k-means over sparse unit vectors, seeded with words spread evenly over the
/// frequency ranking. Centroids are stored transposed (dimension-major) so that a word's
/// similarity to every centroid is a few dense, vectorisable row additions.
fn kmeans(vectors: &[Vec<(u32, f32)>], dims: usize, k: usize, rounds: usize) -> Vec<u16> {
    let n = vectors.len();
    if k == 0 {
        return vec![0; n];
    }
    let mut assign: Vec<u16> = vec![0; n];
    for c in 0..k {
        assign[c * n / k] = c as u16;
    }
    let mut seeded = vec![false; n];
    for c in 0..k {
        seeded[c * n / k] = true;
    }
    let mut centroids = vec![0f32; dims * k];
    // Round 0 uses the seeds alone as centroids.
    for (i, v) in vectors.iter().enumerate().filter(|(i, _)| seeded[*i]) {
        for &(slot, x) in v {
            centroids[slot as usize * k + assign[i] as usize] += x;
        }
    }
    let mut scores = vec![0f32; k];
    for _ in 0..rounds {
        for (i, v) in vectors.iter().enumerate() {
            scores.iter_mut().for_each(|s| *s = 0.0);
            for &(slot, x) in v {
                for (s, c) in scores.iter_mut().zip(&centroids[slot as usize * k..(slot as usize + 1) * k]) {
                    *s += x * c;
                }
            }
            let mut arg = 0;
            for c in 1..k {
                if scores[c] > scores[arg] {
                    arg = c;
                }
            }
            assign[i] = arg as u16;
        }
        centroids.iter_mut().for_each(|x| *x = 0.0);
        for (i, v) in vectors.iter().enumerate() {
            for &(slot, x) in v {
                centroids[slot as usize * k + assign[i] as usize] += x;
            }
        }
        let mut norms = vec![0f32; k];
        for row in centroids.chunks(k) {
            for (n, x) in norms.iter_mut().zip(row) {
                *n += x * x;
            }
        }
        for row in centroids.chunks_mut(k) {
            for (x, n) in row.iter_mut().zip(&norms) {
                if *n > 0.0 {
                    *x /= n.sqrt();
                }
            }
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;
    use kg_extract::ner::clusters::WordClusters;

    #[test]
    fn words_in_the_same_contexts_share_clusters() {
        let mut sentences = Vec::new();
        for name in ["Smith", "Jones", "Brown"] {
            for _ in 0..5 {
                sentences.push(vec!["Mr".to_string(), name.to_string(), "said".to_string()]);
            }
        }
        for place in ["Paris", "Rome", "Oslo"] {
            for _ in 0..5 {
                sentences.push(vec!["in".to_string(), place.to_string(), ".".to_string()]);
            }
        }
        let rows = build(&sentences, &ClusterOptions { min_count: 1, contexts: 10, rounds: 5, granularities: [3, 4, 5] });
        let of = |w: &str| rows.iter().find(|r| r.0 == w).map(|r| r.1[0]).expect("clustered");
        assert_eq!(of("Smith"), of("Jones"));
        assert_eq!(of("Paris"), of("Oslo"));
        assert_ne!(of("Smith"), of("Paris"));
        let back = WordClusters::from_tsv(&to_tsv(&rows)).expect("tsv");
        assert_eq!(back.len(), rows.len());
    }
}
