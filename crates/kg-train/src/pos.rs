//! Part-of-speech tagging (Penn Treebank tags): a greedy averaged perceptron that
//! reads left to right, using the two tags already assigned, the words around, affixes,
//! shapes and word clusters. Frequent words that always take one tag in the training
//! data skip the model (the tag dictionary), which halves the work on running text.

use std::collections::HashMap;

use std::path::Path;

use kg_extract::hashing::{feature, feature2, hash_str, HashMap64};
use kg_extract::ner::clusters::WordClusters;
use kg_extract::ner::perceptron::{LinearModel, ModelError};
use kg_extract::text::word_info::WordInfo;

use crate::conll::TaggedDocument;
use crate::ner_training::shuffle;
use crate::perceptron::Trainer;

/// Words seen at least this often with one tag in at least this share of cases go into the tag dictionary.
const TAGDICT_MIN_COUNT: u32 = 20;
const TAGDICT_MIN_SHARE: f64 = 0.99;

/// The part-of-speech tagger.
#[derive(Debug)]
pub struct PosTagger {
    model: LinearModel,
    tagdict: HashMap64<u16>,
    clusters: WordClusters,
}

fn features(words: &[WordInfo], clusters: &[Option<[u16; 3]>], i: usize, prev: u64, prev2: u64, out: &mut Vec<u64>) {
    out.clear();
    let edge = hash_str("<S>");
    let lower = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 || j as usize >= words.len() {
            edge
        } else {
            words[j as usize].lower
        }
    };
    let suffix = |k: isize| -> u64 {
        let j = i as isize + k;
        if j < 0 || j as usize >= words.len() {
            edge
        } else {
            words[j as usize].suffixes[2]
        }
    };
    let w = &words[i];
    out.push(feature(0, 0));
    out.push(feature(1, w.lower));
    out.push(feature(2, w.suffixes[2]));
    out.push(feature(3, w.suffixes[1]));
    out.push(feature(4, w.prefixes[0]));
    out.push(feature(5, prev));
    out.push(feature(6, prev2));
    out.push(feature2(7, prev, prev2));
    out.push(feature2(8, prev, w.lower));
    out.push(feature(9, lower(-1)));
    out.push(feature(10, suffix(-1)));
    out.push(feature(11, lower(1)));
    out.push(feature(12, suffix(1)));
    out.push(feature(13, lower(-2)));
    out.push(feature(14, lower(2)));
    out.push(feature(15, w.shape));
    out.push(feature2(16, w.flags as u64, (i == 0) as u64));
    if let Some(c) = clusters[i] {
        out.push(feature(17, c[1] as u64));
        out.push(feature(18, c[2] as u64));
    }
}

fn views(words: &[impl AsRef<str>], clusters: &WordClusters) -> (Vec<WordInfo>, Vec<Option<[u16; 3]>>) {
    let mut buf = String::new();
    let infos: Vec<WordInfo> = words.iter().map(|w| WordInfo::new(w.as_ref(), &mut buf)).collect();
    let found = infos.iter().map(|w| clusters.of(w.word, w.lower)).collect();
    (infos, found)
}

impl PosTagger {
    /// The model and tag dictionary in `dir` (`pos.bin`, `pos-tagdict.tsv`: `data/models`)
    /// with the word clusters it was trained with. Extraction does not use the tagger, so
    /// it is read from disk rather than carried in the binary.
    pub fn load(dir: &Path, clusters: WordClusters) -> Result<PosTagger, ModelError> {
        let read = |name: &str| std::fs::read(dir.join(name)).map_err(|e| ModelError(format!("{}: {e}", dir.join(name).display())));
        let model = LinearModel::from_bytes(&read("pos.bin")?)?;
        let tagdict_text = String::from_utf8(read("pos-tagdict.tsv")?).map_err(|e| ModelError(format!("pos-tagdict.tsv: {e}")))?;
        let tagdict = read_tagdict(&tagdict_text, &model)?;
        Ok(PosTagger { model, tagdict, clusters })
    }

    /// A tagger from its parts.
    pub fn new(model: LinearModel, tagdict: HashMap64<u16>, clusters: WordClusters) -> PosTagger {
        PosTagger { model, tagdict, clusters }
    }

    /// The tag names, in index order.
    pub fn tags(&self) -> &[String] {
        self.model.labels()
    }

    /// Tags one sentence, returning indices into [`PosTagger::tags`].
    pub fn tag(&self, words: &[impl AsRef<str>]) -> Vec<u16> {
        let (infos, clusters) = views(words, &self.clusters);
        let mut out = Vec::with_capacity(words.len());
        let mut feats = Vec::new();
        let mut scores = vec![0i32; self.model.n_labels()];
        let start = hash_str("<START>");
        for i in 0..infos.len() {
            let tag = if let Some(&t) = self.tagdict.get(&infos[i].word) {
                t
            } else {
                let prev = if i > 0 { out[i - 1] as u64 } else { start };
                let prev2 = if i > 1 { out[i - 2] as u64 } else { start };
                features(&infos, &clusters, i, prev, prev2, &mut feats);
                scores.iter_mut().for_each(|s| *s = 0);
                self.model.add_scores(&feats, &mut scores);
                (0..scores.len()).max_by_key(|&k| (scores[k], std::cmp::Reverse(k))).unwrap_or(0) as u16
            };
            out.push(tag);
        }
        out
    }
}

/// Reads a tag dictionary (`word<TAB>tag`) against the model's tag names.
pub fn read_tagdict(text: &str, model: &LinearModel) -> Result<HashMap64<u16>, ModelError> {
    let mut out = HashMap64::default();
    for (k, line) in text.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.is_empty()) {
        let (word, tag) = line.split_once('\t').ok_or_else(|| ModelError(format!("tag dictionary line {}: no tab", k + 1)))?;
        let t = model
            .labels()
            .iter()
            .position(|l| l == tag)
            .ok_or_else(|| ModelError(format!("tag dictionary line {}: unknown tag {tag:?}", k + 1)))?;
        out.insert(hash_str(word), t as u16);
    }
    Ok(out)
}

/// A trained tagger: the model and the tag dictionary as `(word, tag)` rows.
pub struct TrainedPos {
    /// The model.
    pub model: LinearModel,
    /// The tag dictionary, sorted by word.
    pub tagdict: Vec<(String, String)>,
}

/// A training sentence: word views, clusters, gold tags, word hashes.
type PreparedSentence = (Vec<WordInfo>, Vec<Option<[u16; 3]>>, Vec<u16>, Vec<u64>);

/// Trains the tagger on the POS column of `docs` for `epochs` passes (deterministic for a seed).
pub fn train(docs: &[TaggedDocument], clusters: &WordClusters, epochs: usize, bits: u32, seed: u64) -> TrainedPos {
    let mut tag_names: Vec<String> = docs.iter().flat_map(|d| d.sentences.iter().flat_map(|s| s.pos.iter().cloned())).collect();
    tag_names.sort();
    tag_names.dedup();
    let index: HashMap<&str, u16> = tag_names.iter().enumerate().map(|(i, t)| (t.as_str(), i as u16)).collect();
    let mut counts: HashMap<&str, HashMap<&str, u32>> = HashMap::new();
    for s in docs.iter().flat_map(|d| &d.sentences) {
        for (w, t) in s.words.iter().zip(&s.pos) {
            *counts.entry(w).or_default().entry(t).or_default() += 1;
        }
    }
    let mut tagdict: Vec<(String, String)> = counts
        .iter()
        .filter_map(|(w, tags)| {
            let total: u32 = tags.values().sum();
            let (best, n) = tags.iter().max_by_key(|(t, n)| (**n, std::cmp::Reverse(**t)))?;
            (total >= TAGDICT_MIN_COUNT && *n as f64 / total as f64 >= TAGDICT_MIN_SHARE).then(|| (w.to_string(), best.to_string()))
        })
        .collect();
    tagdict.sort();
    let dict: HashMap64<u16> = tagdict.iter().map(|(w, t)| (hash_str(w), index[t.as_str()])).collect();
    let sentences: Vec<PreparedSentence> = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .filter(|s| s.pos.len() == s.words.len())
        .map(|s| {
            let (infos, found) = views(&s.words, clusters);
            let words = s.words.iter().map(|w| hash_str(w)).collect();
            (infos, found, s.pos.iter().map(|t| index[t.as_str()]).collect(), words)
        })
        .collect();
    let n_tags = tag_names.len();
    let mut trainer = Trainer::new(tag_names.clone(), bits, false);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut seed = seed.max(1);
    let mut feats = Vec::new();
    let mut scores = vec![0f32; n_tags];
    let start = hash_str("<START>");
    for _ in 0..epochs {
        shuffle(&mut order, &mut seed);
        for &k in &order {
            let (infos, found, gold, words) = &sentences[k];
            let mut assigned: Vec<u16> = Vec::with_capacity(gold.len());
            for i in 0..gold.len() {
                if let Some(&t) = dict.get(&words[i]) {
                    assigned.push(t);
                    continue;
                }
                let prev = if i > 0 { assigned[i - 1] as u64 } else { start };
                let prev2 = if i > 1 { assigned[i - 2] as u64 } else { start };
                features(infos, found, i, prev, prev2, &mut feats);
                scores.iter_mut().for_each(|s| *s = 0.0);
                trainer.add_scores(&feats, &mut scores);
                let guess = (0..scores.len()).max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a))).unwrap_or(0) as u16;
                if guess != gold[i] {
                    trainer.update(&feats, gold[i] as usize, 1.0);
                    trainer.update(&feats, guess as usize, -1.0);
                }
                trainer.tick();
                // Train on the tagger's own history, as it runs.
                assigned.push(guess);
            }
        }
    }
    TrainedPos { model: trainer.finish(), tagdict }
}

/// Writes a tag dictionary as TSV.
pub fn tagdict_tsv(rows: &[(String, String)]) -> String {
    let mut out = String::from("# word\ttag: words that take one tag in the training data (built by `kg train`)\n");
    for (w, t) in rows {
        out.push_str(&format!("{w}\t{t}\n"));
    }
    out
}
