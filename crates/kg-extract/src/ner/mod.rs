//! Named-entity recognition: a structured (Collins) averaged perceptron over hashed
//! features, decoded with Viterbi under BILOU constraints, trained on CoNLL-2003.
//!
//! Features: the word, its lower-case form and shape, prefixes and suffixes, the two
//! words either side, gazetteer classes around it ([`crate::lexicon::name_lists`]), and three
//! document-level cues: whether the word also appears in lower case (a common word
//! capitalised at a sentence start), whether it appears capitalised inside a sentence,
//! and the type it was given earlier in the same document. Training (`kg_train::ner_training`)
//! labels documents through [`DocumentView::decode_for_training`].

pub mod clusters;
pub mod perceptron;

use crate::hashing::{feature, feature2, hash_str, HashMap64, HashSet64};
use crate::lexicon::name_lists::NameLists;
use crate::ner::clusters::WordClusters;
use crate::ner::perceptron::{LinearModel, ModelError};
use crate::text::word_info::{WordInfo, ALL_CAPS, LOWER_START, TITLE_CASE};

/// Entity types of the recogniser, in CoNLL's names.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// Labels in BILOU encoding (begin, inside, last, unit): `O`, then the four of each type in [`TYPES`] order.
#[rustfmt::skip]
pub const LABELS: [&str; 17] = [
    "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG",
    "B-LOC", "I-LOC", "L-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC", "U-MISC",
];
/// The number of labels.
pub const N: usize = LABELS.len();
const BEGIN: usize = 0;
const INSIDE: usize = 1;
const LAST: usize = 2;
const UNIT: usize = 3;

/// Index of a label name.
pub fn label_index(label: &str) -> Option<usize> {
    LABELS.iter().position(|l| *l == label)
}

/// The entity type of a label (`None` for `O`).
pub fn label_type(label: usize) -> Option<&'static str> {
    (label > 0 && label < N).then(|| TYPES[(label - 1) / 4])
}

/// The part of an entity a label marks (`BEGIN`, `INSIDE`, `LAST`, `UNIT`); `None` for `O`.
fn part(label: usize) -> Option<usize> {
    (label > 0).then(|| (label - 1) % 4)
}

fn allowed(prev: Option<usize>, next: usize) -> bool {
    let open = prev.and_then(part).is_some_and(|p| p == BEGIN || p == INSIDE);
    match part(next) {
        // Inside and last continue an open entity of their type; everything else needs none open.
        Some(INSIDE) | Some(LAST) => open && label_type(prev.unwrap_or(0)) == label_type(next),
        _ => !open,
    }
}

/// IOB2 tags to BILOU label indices.
pub fn bilou(tags: &[String]) -> Vec<usize> {
    (0..tags.len())
        .map(|i| {
            let Some((bio, kind)) = tags[i].split_once('-') else { return 0 };
            let Some(t) = TYPES.iter().position(|k| *k == kind) else { return 0 };
            let continues = tags.get(i + 1).is_some_and(|n| n.strip_prefix("I-") == Some(kind));
            let part = match (bio, continues) {
                ("B", true) => BEGIN,
                ("B", false) => UNIT,
                (_, true) => INSIDE,
                (_, false) => LAST,
            };
            1 + 4 * t + part
        })
        .collect()
}

/// A model in training, as the decoder uses it: emission scores of features and label
/// transitions (`kg_train`'s averaged perceptron).
pub trait TrainingScorer {
    /// Adds the current weights of every feature to `out` (one score per label).
    fn add_scores(&self, features: &[u64], out: &mut [f32]);
    /// The current weight of the transition from `prev` (or the start) to `next`.
    fn transition(&self, prev: Option<usize>, next: usize) -> f32;
}

/// The best label sequence under BILOU constraints; `transition` scores a label after another
/// (or after the start).
fn viterbi(emissions: &[[f32; N]], transition: impl Fn(Option<usize>, usize) -> f32) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let mut trans = [[0f32; N]; N + 1];
    for (p, row) in trans.iter_mut().enumerate() {
        for (q, t) in row.iter_mut().enumerate() {
            let prev = (p < N).then_some(p);
            *t = if allowed(prev, q) { transition(prev, q) } else { f32::NEG_INFINITY };
        }
    }
    let mut score = [0f32; N];
    for q in 0..N {
        score[q] = trans[N][q] + emissions[0][q];
    }
    let mut back = vec![[0u8; N]; n];
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; N];
        for q in 0..N {
            let (mut best, mut arg) = (f32::NEG_INFINITY, 0);
            for p in 0..N {
                let s = score[p] + trans[p][q];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            next[q] = best + emissions[i][q];
            back[i][q] = arg as u8;
        }
        score = next;
    }
    let closes = |q: usize| !matches!(part(q), Some(BEGIN) | Some(INSIDE));
    let mut last = (0..N).filter(|&q| closes(q)).max_by(|&a, &b| score[a].total_cmp(&score[b])).unwrap_or(0);
    let mut out = vec![0; n];
    for i in (0..n).rev() {
        out[i] = last;
        last = back[i][last] as usize;
    }
    out
}

/// What the features use besides the words: gazetteers and word clusters.
#[derive(Debug, Default)]
pub struct Resources {
    /// Gazetteer phrases.
    pub lists: NameLists,
    /// Distributional word clusters.
    pub clusters: WordClusters,
}

/// The features of a word by itself: the word, its lower-case form and shape, affixes,
/// length and spelling, and its clusters. Their scores are the same wherever the word
/// stands, so the tagger keeps them for frequent words ([`NerTagger`]'s cache).
fn local_features(w: &WordInfo, cluster: Option<[u16; 3]>, out: &mut Vec<u64>) {
    out.clear();
    out.push(feature(0, 0));
    out.push(feature(1, w.word));
    out.push(feature(2, w.lower));
    out.push(feature(7, w.shape));
    for k in 0..4 {
        out.push(feature(12 + k as u32, w.prefixes[k]));
        out.push(feature(16 + k as u32, w.suffixes[k]));
    }
    out.push(feature2(24, w.length as u64, w.flags as u64));
    if let Some(c) = cluster {
        for (g, &id) in c.iter().enumerate() {
            out.push(feature(36 + g as u32, id as u64));
        }
        out.push(feature2(45, c[1] as u64, w.shape));
    }
}

/// Whether a word is written with capitals (title case or all capitals).
fn cased(w: &WordInfo) -> bool {
    w.flags & (TITLE_CASE | ALL_CAPS) != 0
}

/// How many words (and word clusters) beside a capitalised word's uses in a document
/// become its features.
const MAX_CONTEXTS: usize = 48;

/// The hash of an all-capitals word written in title case ("JAPAN" → "Japan"), the form
/// running text gives it and its clusters know.
fn title_case_hash(word: &str) -> u64 {
    let mut chars = word.chars();
    let mut out = String::with_capacity(word.len());
    if let Some(c) = chars.next() {
        out.push(c);
    }
    out.extend(chars.flat_map(char::to_lowercase));
    hash_str(&out)
}

/// What the features of one document need: every word's views and gazetteer marks,
/// and the document-level word sets.
pub struct DocumentView {
    sentences: Vec<SentenceView>,
    written_lower: HashSet64,
    capitalised_inside: HashSet64,
    /// For each capitalised word (by lower case), the words and clusters beside its uses in the document.
    contexts: HashMap64<(u32, u32)>,
    /// The context hashes `contexts` points into.
    context_hashes: Vec<u64>,
    section: u64,
}

struct SentenceView {
    words: Vec<WordInfo>,
    marks: Vec<u16>,
    clusters: Vec<Option<[u16; 3]>>,
    /// Each word's index in the cluster vocabulary (as written), where its word-local scores are cached.
    vocab: Vec<Option<usize>>,
    all_caps: bool,
}

impl DocumentView {
    /// The view of a document's sentences (each a list of words) with the resources' features.
    pub fn new<S: AsRef<str>>(sentences: &[Vec<S>], resources: &Resources) -> DocumentView {
        let mut buf = String::new();
        let mut written_lower = HashSet64::default();
        let mut capitalised_inside = HashSet64::default();
        // (capitalised word, context) in document order; grouped per word at the end.
        let mut pairs: Vec<(u64, u64)> = Vec::new();
        let mut views = Vec::with_capacity(sentences.len());
        for words in sentences {
            let infos: Vec<WordInfo> = words.iter().map(|w| WordInfo::new(w.as_ref(), &mut buf)).collect();
            let hashes: Vec<u64> = infos.iter().map(|w| w.lower).collect();
            let marks = resources.lists.mark(&hashes);
            let vocab: Vec<Option<usize>> = infos.iter().map(|w| resources.clusters.index(w.word)).collect();
            let clusters: Vec<Option<[u16; 3]>> = infos
                .iter()
                .zip(&vocab)
                .zip(words)
                .map(|((w, k), text)| {
                    k.map(|k| resources.clusters.at(k)).or_else(|| resources.clusters.of(w.lower, w.lower)).or_else(|| {
                        if w.flags & ALL_CAPS != 0 {
                            resources.clusters.of(title_case_hash(text.as_ref()), 0)
                        } else {
                            None
                        }
                    })
                })
                .collect();
            let letters = infos.iter().filter(|w| w.flags & (ALL_CAPS | TITLE_CASE | LOWER_START) != 0).count();
            let all_caps = letters >= 2 && infos.iter().all(|w| w.flags & (TITLE_CASE | LOWER_START) == 0);
            for (i, w) in infos.iter().enumerate() {
                if w.flags & LOWER_START != 0 {
                    written_lower.insert(w.lower);
                } else if i > 0 && !all_caps && w.flags & TITLE_CASE != 0 {
                    capitalised_inside.insert(w.lower);
                }
            }
            if !all_caps {
                for (i, w) in infos.iter().enumerate() {
                    if !cased(w) {
                        continue;
                    }
                    let left = if i > 0 { feature(0, infos[i - 1].lower) } else { 1 };
                    let right = infos.get(i + 1).map_or(2, |n| feature(1, n.lower));
                    // The neighbours' clusters (middle granularity) generalise the words.
                    let cluster_at = |j: usize| clusters.get(j).copied().flatten().map(|c| c[1] as u64);
                    let left_cluster = i.checked_sub(1).and_then(cluster_at).map(|c| feature(6, c));
                    let right_cluster = cluster_at(i + 1).map(|c| feature(7, c));
                    let cs = [Some(left), Some(right), left_cluster, right_cluster];
                    pairs.extend(cs.into_iter().flatten().map(|c| (w.lower, c)));
                }
            }
            views.push(SentenceView { words: infos, marks, clusters, vocab, all_caps });
        }
        // A section slug opening the document ("SOCCER -", "BASKETBALL -") sets the reading of
        // tables and bare names (clubs are organisations, not places).
        let section = match sentences.first() {
            Some(first) if first.len() > 2 && first[1].as_ref() == "-" => hash_str(&first[0].as_ref().to_lowercase()),
            _ => 0,
        };
        // Each word's first MAX_CONTEXTS distinct contexts, in document order (the sort is stable).
        pairs.sort_by_key(|&(word, _)| word);
        let mut contexts = HashMap64::default();
        let mut context_hashes = Vec::with_capacity(pairs.len());
        for group in pairs.chunk_by(|a, b| a.0 == b.0) {
            let start = context_hashes.len();
            for &(_, c) in group {
                if context_hashes.len() - start < MAX_CONTEXTS && !context_hashes[start..].contains(&c) {
                    context_hashes.push(c);
                }
            }
            contexts.insert(group[0].0, (start as u32, context_hashes.len() as u32));
        }
        DocumentView { sentences: views, written_lower, capitalised_inside, contexts, context_hashes, section }
    }

    /// The contexts of a capitalised word (by its lower-case hash) in this document.
    fn contexts_of(&self, word: u64) -> &[u64] {
        self.contexts.get(&word).map_or(&[], |&(start, end)| &self.context_hashes[start as usize..end as usize])
    }

    /// The features of word `i` of sentence `s` that depend on its context, given the types
    /// found so far in the document (the word's own are [`local_features`]).
    /// `with_document_contexts` adds the words beside the word's other uses (the decoder
    /// leaves them out and adds their summed scores, the same for every use: [`Self::context_scores`]).
    fn context_features(&self, s: usize, i: usize, history: &HashMap64<u8>, with_document_contexts: bool, out: &mut Vec<u64>) {
        out.clear();
        let sv = &self.sentences[s];
        let boundary = WordInfo { word: hash_str("<S>"), lower: hash_str("<S>"), shape: hash_str("<S>"), ..WordInfo::default() };
        let at = |k: isize| -> &WordInfo {
            let j = i as isize + k;
            if j < 0 || j as usize >= sv.words.len() {
                &boundary
            } else {
                &sv.words[j as usize]
            }
        };
        let mark = |k: isize| -> u16 {
            let j = i as isize + k;
            if j < 0 || j as usize >= sv.marks.len() {
                0
            } else {
                sv.marks[j as usize]
            }
        };
        let w = at(0);
        let first = (i == 0) as u64;
        let caps = sv.all_caps as u64;
        out.push(feature(3, at(-1).lower));
        out.push(feature(4, at(1).lower));
        out.push(feature(5, at(-2).lower));
        out.push(feature(6, at(2).lower));
        out.push(feature(8, at(-1).shape));
        out.push(feature(9, at(1).shape));
        out.push(feature2(10, at(-1).shape, w.shape));
        out.push(feature2(11, w.shape, at(1).shape));
        out.push(feature2(20, at(-1).lower, w.lower));
        out.push(feature2(21, w.lower, at(1).lower));
        out.push(feature2(49, at(-1).lower, w.shape));
        out.push(feature2(50, w.shape, at(1).lower));
        out.push(feature(51, at(-3).lower));
        out.push(feature(52, at(3).lower));
        out.push(feature2(22, first, w.shape));
        out.push(feature2(23, caps, w.shape));
        for (template, k) in [(25u32, 0isize), (27, -1), (28, 1)] {
            let m = mark(k);
            if m == 0 {
                continue;
            }
            for b in 0..16u64 {
                if m & (1 << b) != 0 {
                    out.push(feature(template, b));
                    if k == 0 {
                        out.push(feature2(26, b, w.flags as u64));
                    }
                }
            }
        }
        if cased(w) {
            let lower_too = self.written_lower.contains(&w.lower) as u64;
            let inside = self.capitalised_inside.contains(&w.lower) as u64;
            out.push(feature2(29, lower_too, w.flags as u64 | (first << 8)));
            out.push(feature2(30, inside, first | (caps << 1)));
            if with_document_contexts {
                out.extend(self.contexts_of(w.lower).iter().map(|&c| feature(55, c)));
            }
        }
        if let Some(&t) = history.get(&w.lower) {
            out.push(feature(31, t as u64));
            out.push(feature2(32, t as u64, w.shape));
        }
        out.push(feature(33, at(-1).word));
        out.push(feature(34, at(1).word));
        let cluster = |k: isize| -> Option<[u16; 3]> {
            let j = i as isize + k;
            if j < 0 || j as usize >= sv.clusters.len() {
                None
            } else {
                sv.clusters[j as usize]
            }
        };
        for (base, k) in [(39u32, -1isize), (42, 1)] {
            if let Some(c) = cluster(k) {
                for (g, &id) in c.iter().enumerate() {
                    out.push(feature(base + g as u32, id as u64));
                }
            }
        }
        if self.section != 0 {
            out.push(feature2(46, self.section, w.shape));
            out.push(feature2(47, self.section, mark(0) as u64));
        }
        let bracketed = at(-1).word == hash_str("(") && at(1).word == hash_str(")");
        if bracketed {
            out.push(feature(35, w.shape));
        }
    }

    /// Labels sentence `s` with a model in training, returning the labels and each word's features.
    pub fn decode_for_training(
        &self,
        s: usize,
        history: &HashMap64<u8>,
        trainer: &impl TrainingScorer,
        features: &mut Vec<Vec<u64>>,
    ) -> Vec<usize> {
        let sv = &self.sentences[s];
        let n = sv.words.len();
        features.resize_with(n.max(features.len()), Vec::new);
        let mut context = Vec::new();
        let mut emissions = Vec::with_capacity(n);
        for (i, f) in features.iter_mut().enumerate().take(n) {
            local_features(&sv.words[i], sv.clusters[i], f);
            self.context_features(s, i, history, true, &mut context);
            f.extend_from_slice(&context);
            let mut scores = [0.0; N];
            trainer.add_scores(f, &mut scores);
            emissions.push(scores);
        }
        viterbi(&emissions, |prev, next| trainer.transition(prev, next))
    }

    /// The summed scores of each capitalised word's document contexts (by lower case).
    fn context_scores(&self, model: &LinearModel) -> HashMap64<[i32; N]> {
        let mut feats = Vec::new();
        self.contexts
            .keys()
            .map(|&word| {
                feats.clear();
                feats.extend(self.contexts_of(word).iter().map(|&c| feature(55, c)));
                let mut scores = [0; N];
                model.add_scores(&feats, &mut scores);
                (word, scores)
            })
            .collect()
    }

    /// Labels sentence `s` with a shipped model, taking frequent words' own scores from
    /// `cache` and capitalised words' document contexts from `contexts`.
    fn decode(
        &self,
        s: usize,
        history: &HashMap64<u8>,
        model: &LinearModel,
        cache: &[[i32; N]],
        contexts: &HashMap64<[i32; N]>,
    ) -> Vec<usize> {
        let sv = &self.sentences[s];
        // First every word's features, their weight rows prefetched as they are made; then
        // the sums, which by then mostly find the rows in the cache.
        let mut feats = Vec::with_capacity(64);
        let mut all: Vec<u64> = Vec::with_capacity(sv.words.len() * 32);
        let mut ends = Vec::with_capacity(sv.words.len());
        for (i, w) in sv.words.iter().enumerate() {
            match sv.vocab[i].and_then(|k| cache.get(k)) {
                Some(local) => crate::ner::perceptron::prefetch_line(local),
                None => {
                    local_features(w, sv.clusters[i], &mut feats);
                    model.prefetch(&feats);
                    all.extend_from_slice(&feats);
                }
            }
            self.context_features(s, i, history, false, &mut feats);
            model.prefetch(&feats);
            all.extend_from_slice(&feats);
            ends.push(all.len());
        }
        let mut start = 0;
        let mut emissions = Vec::with_capacity(sv.words.len());
        for (i, &end) in ends.iter().enumerate() {
            let mut scores = sv.vocab[i].and_then(|k| cache.get(k)).copied().unwrap_or([0; N]);
            let w = &sv.words[i];
            if cased(w) {
                if let Some(extra) = contexts.get(&w.lower) {
                    scores.iter_mut().zip(extra).for_each(|(s, e)| *s += e);
                }
            }
            model.add_scores(&all[start..end], &mut scores);
            emissions.push(scores.map(|v| v as f32));
            start = end;
        }
        viterbi(&emissions, |prev, next| model.transition(prev, next) as f32)
    }

    /// Records the types of a labelled sentence for the history features of later ones.
    pub fn remember(&self, s: usize, labels: &[usize], history: &mut HashMap64<u8>) {
        for (i, &l) in labels.iter().enumerate() {
            if l != 0 {
                history.insert(self.sentences[s].words[i].lower, (1 + (l - 1) / 4) as u8);
            }
        }
    }
}

/// The named-entity recogniser: a trained model and the gazetteers its features use.
#[derive(Debug)]
pub struct NerTagger {
    model: LinearModel,
    resources: Resources,
    /// Scores of the word-local features of the words in the cluster vocabulary, by their index there.
    cache: Vec<[i32; N]>,
}

impl NerTagger {
    /// A tagger from a model (checked to have the NER labels).
    pub fn new(model: LinearModel, resources: Resources) -> Result<NerTagger, ModelError> {
        Ok(NerTagger::with_clusters(model, resources.clusters)?.with_lists(resources.lists))
    }

    /// The shipped model with the given clusters, its frequent words' scores cached, and no
    /// gazetteer phrases yet ([`with_lists`](Self::with_lists)): the part of loading that
    /// needs no gazetteer, so that it can run beside the lexicon's loading.
    pub fn embedded(clusters: WordClusters) -> Result<NerTagger, ModelError> {
        NerTagger::with_clusters(LinearModel::from_bytes(crate::data_files::NER_MODEL)?, clusters)
    }

    /// The same tagger with these gazetteer phrases.
    pub fn with_lists(mut self, lists: NameLists) -> NerTagger {
        self.resources.lists = lists;
        self
    }

    fn with_clusters(model: LinearModel, clusters: WordClusters) -> Result<NerTagger, ModelError> {
        if model.labels().iter().map(String::as_str).ne(LABELS) {
            return Err(ModelError(format!("labels {:?} are not the NER labels {LABELS:?}", model.labels())));
        }
        let mut cache = Vec::with_capacity(clusters.len());
        let mut buf = String::new();
        let mut feats = Vec::new();
        for word in clusters.words() {
            let info = WordInfo::new(word, &mut buf);
            local_features(&info, clusters.of(info.word, info.lower), &mut feats);
            let mut out = [0i32; N];
            model.add_scores(&feats, &mut out);
            cache.push(out);
        }
        Ok(NerTagger { model, resources: Resources { lists: NameLists::default(), clusters }, cache })
    }

    /// Labels every word of a document (sentences in order), as indices into [`LABELS`].
    pub fn tag_document<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<usize>> {
        let view = DocumentView::new(sentences, &self.resources);
        let mut history = HashMap64::default();
        let contexts = view.context_scores(&self.model);
        (0..sentences.len())
            .map(|s| {
                let labels = view.decode(s, &history, &self.model, &self.cache, &contexts);
                view.remember(s, &labels, &mut history);
                labels
            })
            .collect()
    }
}

/// The IOB2 tag of a label (`U-` and `B-` become `B-`, `I-` and `L-` become `I-`).
pub fn iob2(label: usize) -> String {
    match (part(label), label_type(label)) {
        (Some(BEGIN | UNIT), Some(t)) => format!("B-{t}"),
        (Some(_), Some(t)) => format!("I-{t}"),
        _ => "O".to_string(),
    }
}

/// Entity spans of labels, as `(first word, one past the last, type)`.
pub fn label_spans(labels: &[usize]) -> Vec<(usize, usize, &'static str)> {
    // As `conll::spans` reads the labels' IOB2 forms (`iob2`), without making strings: a
    // begin or unit label opens a span; an inside or last label extends the span just
    // before it when of the same type, and opens one otherwise.
    let mut out: Vec<(usize, usize, &'static str)> = Vec::new();
    for (i, &l) in labels.iter().enumerate() {
        let (Some(p), Some(t)) = (part(l), label_type(l)) else { continue };
        match out.last_mut() {
            Some(last) if !matches!(p, BEGIN | UNIT) && last.1 == i && last.2 == t => last.1 = i + 1,
            _ => out.push((i, i + 1, t)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_never_starts_an_inside_label() {
        let mut e = [[0.0; N]; 2];
        e[0][2] = 10.0; // I-PER first: not allowed
        e[1][7] = 10.0; // L-ORG after anything but ORG: not allowed
        let out = viterbi(&e, |_, _| 0.0);
        assert!(allowed(None, out[0]) && allowed(Some(out[0]), out[1]), "{out:?}");
        assert!(!matches!(part(out[1]), Some(BEGIN | INSIDE)), "{out:?}");
    }

    #[test]
    fn a_capitalised_word_carries_the_words_beside_all_its_uses() {
        let sentences = vec![vec!["Mr", "Smith", "said", "so"], vec!["Smith", "left", "."], vec!["SMITH", "WINS"]];
        let view = DocumentView::new(&sentences, &Resources::default());
        let smith = view.contexts_of(hash_str("smith"));
        // Left of "Smith": "mr", then the sentence start; right: "said", "left". The
        // all-capitals headline adds nothing.
        assert_eq!(smith, &[feature(0, hash_str("mr")), feature(1, hash_str("said")), 1, feature(1, hash_str("left"))]);
        assert!(view.contexts_of(hash_str("said")).is_empty(), "lower-case words have none");
        assert_eq!(title_case_hash("JAPAN"), hash_str("Japan"));
    }

    #[test]
    fn label_names_and_types() {
        assert_eq!(label_type(label_index("I-LOC").unwrap()), Some("LOC"));
        let tags: Vec<String> = ["B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-LOC"].iter().map(|s| s.to_string()).collect();
        let labels = bilou(&tags);
        assert_eq!(labels.iter().map(|&l| LABELS[l]).collect::<Vec<_>>(), ["B-PER", "I-PER", "L-PER", "O", "U-LOC", "U-LOC"]);
        assert_eq!(label_spans(&labels), [(0, 3, "PER"), (4, 5, "LOC"), (5, 6, "LOC")]);
    }
}
