//! Rebuilding the shipped models from the public data sets: word clusters from
//! unlabelled news, then the part-of-speech tagger and the named-entity recogniser
//! from CoNLL-2003. Deterministic: the same data sets give byte-identical files.

use std::fs;
use std::path::{Path, PathBuf};

use kg_extract::lexicon::name_lists::NameLists;
use kg_extract::lexicon::Lexicon;
use kg_extract::ner::clusters::WordClusters;
use kg_extract::ner::perceptron::LinearModel;
use kg_extract::ner::Resources;
use kg_extract::text::tokens::tokenize;

use crate::clusters::{self, ClusterOptions};
use crate::conll::{self, TaggedDocument};
use crate::ner_training::{self, TrainOptions};
use crate::pos;

/// Training passes of the taggers and their feature-table sizes (log2 of buckets).
pub const NER_EPOCHS: usize = 8;
/// log2 of the NER model's feature buckets (17 labels: 17.8 MB).
pub const NER_BITS: u32 = 19;
/// Training passes of the part-of-speech tagger.
pub const POS_EPOCHS: usize = 6;
/// log2 of the POS model's feature buckets (45 tags: 5.9 MB).
pub const POS_BITS: u32 = 16;
const SEED: u64 = 7;
/// Shuffle seeds of the NER models whose mean is shipped: each reads the training
/// documents in another order, and the mean of their weights generalises better than any
/// one of them (parameter mixing, McDonald, Hall and Mann 2010).
pub const NER_SEEDS: [u64; 4] = [7, 11, 19, 23];

/// A training input that could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct TrainingError {
    /// The file.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
}

fn read(path: &Path) -> Result<String, TrainingError> {
    fs::read_to_string(path).map_err(|e| TrainingError { path: path.to_path_buf(), message: e.to_string() })
}

/// Reads a CoNLL file.
pub fn read_conll(path: &Path) -> Result<Vec<TaggedDocument>, TrainingError> {
    conll::parse(&read(path)?).map_err(|e| TrainingError { path: path.to_path_buf(), message: e.to_string() })
}

/// Lines of text fields of a JSON Lines file, tokenised.
fn jsonl_sentences(path: &Path, fields: &[&str], out: &mut Vec<Vec<String>>) -> Result<(), TrainingError> {
    for (k, line) in read(path)?.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| TrainingError { path: path.to_path_buf(), message: format!("line {}: {e}", k + 1) })?;
        for f in fields {
            for text_line in value[*f].as_str().unwrap_or_default().lines() {
                let words: Vec<String> = tokenize(text_line).into_iter().map(|t| t.norm).collect();
                if !words.is_empty() {
                    out.push(words);
                }
            }
        }
    }
    Ok(())
}

/// The files `kg train` writes, as bytes or text.
pub struct Models {
    /// `clusters.tsv`.
    pub clusters: String,
    /// `ner.bin`.
    pub ner: Vec<u8>,
    /// `pos.bin`.
    pub pos: Vec<u8>,
    /// `pos-tagdict.tsv`.
    pub tagdict: String,
}

/// Trains everything from `datasets` (the folder holding `conll2003/`, `news_reuters21578/`
/// and `news_wikinews_sample/`), reporting progress lines through `progress`. The NER
/// model is the mean of [`NER_SEEDS`]`.len()` models, trained two at a time.
pub fn train_all(datasets: &Path, mut progress: impl FnMut(String)) -> Result<Models, TrainingError> {
    let train = read_conll(&datasets.join("conll2003/eng.train"))?;
    let dev = read_conll(&datasets.join("conll2003/eng.testa"))?;
    let mut unlabelled = Vec::new();
    jsonl_sentences(&datasets.join("news_reuters21578/reuters21578.jsonl"), &["title", "body"], &mut unlabelled)?;
    jsonl_sentences(&datasets.join("news_wikinews_sample/wikinews_2019_2020.jsonl"), &["title", "text"], &mut unlabelled)?;
    unlabelled.extend(train.iter().flat_map(|d| d.sentences.iter().map(|s| s.words.clone())));
    let words: usize = unlabelled.iter().map(Vec::len).sum();
    progress(format!("clusters: {} sentences, {words} words of unlabelled text", unlabelled.len()));
    let rows = clusters::build(&unlabelled, &ClusterOptions::default());
    let clusters_tsv = clusters::to_tsv(&rows);
    let word_clusters = WordClusters::from_tsv(&clusters_tsv).map_err(|message| TrainingError { path: "clusters.tsv".into(), message })?;
    progress(format!("clusters: {} words in clusters", word_clusters.len()));

    let trained_pos = pos::train(&train, &word_clusters, POS_EPOCHS, POS_BITS, SEED);
    progress(format!("pos: {} tags, {} words in the tag dictionary", trained_pos.model.n_labels(), trained_pos.tagdict.len()));

    // The NER models learn from the training and development splits together (as the
    // published CoNLL-2003 systems do for their final figures); the passes were chosen on
    // the development split before it joined.
    let mut labelled = train;
    labelled.extend(dev);
    let lex = Lexicon::load();
    let resources = Resources { lists: NameLists::from_lexicon(&lex), clusters: word_clusters };
    let model = ner_training::train(&labelled, &resources, &TrainOptions { epochs: NER_EPOCHS, bits: NER_BITS, seeds: NER_SEEDS.to_vec() });
    progress(format!(
        "ner: mean of {} models ({NER_EPOCHS} passes over CoNLL-2003 train + dev, shuffle seeds {NER_SEEDS:?})",
        NER_SEEDS.len()
    ));
    Ok(Models {
        clusters: clusters_tsv,
        ner: model.to_bytes(),
        pos: trained_pos.model.to_bytes(),
        tagdict: pos::tagdict_tsv(&trained_pos.tagdict),
    })
}

/// Checks that the bytes of a model file read back (used before overwriting shipped files).
pub fn verify(bytes: &[u8]) -> Result<(), String> {
    LinearModel::from_bytes(bytes).map(|_| ()).map_err(|e| e.to_string())
}
