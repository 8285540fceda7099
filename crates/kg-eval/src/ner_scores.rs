//! The recogniser scored on tagged documents (CoNLL-2003, Universal NER): exact-span
//! precision, recall and F1 per type, for `kg eval ner`.

use kg_extract::ner::{self, NerTagger};
use kg_train::conll::{self, TaggedDocument};

/// Exact-span scores of a tagger on tagged documents; with `types`, other types are ignored
/// on both sides (Universal NER has no MISC).
pub fn ner_scores(tagger: &NerTagger, docs: &[TaggedDocument], types: Option<&[String]>) -> conll::SpanScores {
    let keep = |kind: &str| types.is_none_or(|t| t.iter().any(|k| k == kind));
    let mut scores = conll::SpanScores::default();
    for d in docs {
        let words: Vec<Vec<&str>> = d.sentences.iter().map(|s| s.words.iter().map(String::as_str).collect()).collect();
        for (s, labels) in d.sentences.iter().zip(tagger.tag_document(&words)) {
            let tags: Vec<String> = labels.iter().map(|&l| ner::iob2(l)).collect();
            let gold: Vec<_> = conll::spans(&s.ner).into_iter().filter(|x| keep(&x.kind)).collect();
            let predicted: Vec<_> = conll::spans(&tags).into_iter().filter(|x| keep(&x.kind)).collect();
            scores.add(&gold, &predicted);
        }
    }
    scores
}
