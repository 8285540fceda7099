//! News text to a knowledge-graph document: entities, relations, events and quotes,
//! each with provenance (sentence, offsets, confidence, date).
//!
//! The pipeline, one folder per stage: [`text`] (tokens, sentences, dates) → [`ner`] (the
//! recogniser's labels) → [`mentions`] (names from gazetteers, titles and the recogniser,
//! then coreference into entities) → [`rules`] (the registry of relation and quotation rules
//! over each sentence's clauses) → the contract's [`Document`]. [`lexicon`] holds the word
//! lists and tables, embedded from `data/` at compile time, so the library needs no files.
//!
//! ```
//! let extractor = kg_extract::Extractor::new();
//! let doc = extractor.extract("demo", "Chinese President Xi Jinping met Russian President Vladimir Putin.", None).unwrap();
//! assert!(doc.entities.iter().any(|e| e.label == "Xi Jinping"));
//! ```

#![deny(missing_docs)]

pub mod checks;
mod data_files;
pub mod hashing;
pub mod lexicon;
pub mod mentions;
pub mod ner;
pub mod rules;
pub mod text;
pub mod words;

use std::collections::HashMap;

pub use kg_model::{Document, Entity, EntityType, Extraction, Predicate, Relation, Span, EXTRACTOR_VERSION};

use kg_model::calendar::Date;
use lexicon::Lexicon;
use mentions::{coref, refine, spans, TextView};
use ner::clusters;
use rules::clauses::{self, SentenceMentions, SentenceView};
use text::{dates, sentences, tokens};

/// Errors from extraction.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// A publication date that is not `YYYY-MM-DD`.
    #[error("invalid publication date {0:?}: expected YYYY-MM-DD")]
    BadDate(String),
}

/// The extractor: lexicons and the recogniser loaded once, then any number of documents.
#[derive(Debug)]
pub struct Extractor {
    lex: Lexicon,
    ner: ner::NerTagger,
    keep_hypothetical: bool,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    /// Loads the embedded lexicons and models.
    pub fn new() -> Self {
        // The model loads on a second thread while the lexicons load on this one (start-up
        // time is most of a short article's wall time).
        let (lex, ner) = std::thread::scope(|scope| {
            let model = scope.spawn(|| {
                // The models are part of the binary (data/models); a test checks that they read.
                let clusters = clusters::WordClusters::embedded().expect("the embedded word clusters are valid");
                ner::NerTagger::embedded(clusters).expect("the embedded NER model is valid")
            });
            let lex = Lexicon::load();
            let lists = lexicon::name_lists::NameLists::from_lexicon(&lex);
            let ner = model.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (lex, ner.with_lists(lists))
        });
        Extractor { lex, ner, keep_hypothetical: false }
    }

    /// Also output events that are negated, hypothetical or feared, marked with their
    /// `modality` (by default they are left out: they did not happen).
    pub fn keep_hypothetical(mut self, keep: bool) -> Self {
        self.keep_hypothetical = keep;
        self
    }

    /// The named-entity recogniser.
    pub fn ner(&self) -> &ner::NerTagger {
        &self.ner
    }

    /// The lexicons in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Extracts one document. `published` (`YYYY-MM-DD`) overrides a date line in the text.
    pub fn extract(&self, id: &str, text: &str, published: Option<&str>) -> Result<Document, ExtractError> {
        let given = match published {
            Some(p) => Some(Date::parse_iso(p).ok_or_else(|| ExtractError::BadDate(p.to_string()))?),
            None => None,
        };
        let chars: Vec<char> = text.chars().collect();
        let tokens = tokens::tokenize(text);
        let sentences = sentences::split_sentences(&tokens);
        let dateline = dates::publication_date(&tokens);
        let published = given.or(dateline.map(|d| d.0));
        let view = TextView::new(&self.lex, &tokens, &sentences, &chars);
        let title = headline(&view, dateline.map(|d| d.1).unwrap_or(0));

        let types = refine::token_types(&self.ner, &view);
        let found = spans::reconcile(&self.lex, mentions::find_mentions(&self.lex, &view), &types, &view);
        let mut found = refine::refine(&self.lex, found, &types, &view);
        mentions::shared_names::read_regions_named_like_countries(&self.lex, &view, &mut found);
        let res = coref::resolve(&self.lex, &view, &found);

        // Entities in order of first mention, ids e1, e2, …
        let mut order: Vec<usize> = (0..res.entities.len()).filter(|&e| !res.entities[e].spans.is_empty()).collect();
        order.sort_by_key(|&e| res.entities[e].spans.iter().map(|s| s.start).min().unwrap_or(usize::MAX));
        let id_of: HashMap<usize, String> = order.iter().enumerate().map(|(k, &e)| (e, format!("e{}", k + 1))).collect();
        let types: Vec<EntityType> = res.entities.iter().map(|d| d.entity_type).collect();

        let mut discourse = clauses::Discourse::default();
        let by_sentence = clauses::mentions_by_sentence(&sentences, &found);
        let views: Vec<SentenceView> = sentences
            .iter()
            .zip(by_sentence)
            .map(|(s, ids)| {
                SentenceView::new(&self.lex, &view, *s, SentenceMentions { all: &found, ids }, &res.of_mention, &types, &mut discourse)
            })
            .collect();

        let mut relations: Vec<Relation> = Vec::new();
        let mut seen: HashMap<(usize, Predicate, usize, bool), usize> = HashMap::new();
        let cx = rules::Context { lex: &self.lex, view: &view, mentions: &found, resolution: &res, types: &types, sentences: &views };
        let findings = rules::apply_all(&cx);
        for (si, all) in findings.relations.into_iter().enumerate() {
            let s = sentences[si];
            // Only sentences with relations need their date.
            let date = if all.is_empty() { None } else { dates::sentence_date(&tokens, s.first, s.last, published) };
            for f in all.into_iter().filter(|f| f.modality.is_none() || self.keep_hypothetical) {
                let (a, b) = if f.predicate.is_symmetric() && f.subject > f.object { (f.object, f.subject) } else { (f.subject, f.object) };
                let key = (a, f.predicate, b, f.modality.is_some());
                if let Some(&k) = seen.get(&key) {
                    if relations[k].confidence < f.confidence {
                        relations[k].confidence = f.confidence;
                    }
                    continue;
                }
                let (Some(sid), Some(oid)) = (id_of.get(&f.subject), id_of.get(&f.object)) else {
                    continue;
                };
                seen.insert(key, relations.len());
                let is_position = f.predicate.is_position();
                relations.push(Relation {
                    subject: sid.clone(),
                    predicate: f.predicate,
                    object: Some(oid.clone()),
                    literal: None,
                    date: if is_position { None } else { date.clone() },
                    goldstein: f.code.as_deref().or(f.cameo.as_deref()).and_then(|c| self.lex.goldstein_of(c)),
                    modality: f.modality.map(|m| m.as_str().to_string()),
                    title: f.title,
                    cameo: f.cameo,
                    code: f.code,
                    confidence: f.confidence,
                    sentence: view.text(s.start, s.end),
                    start: s.start,
                    end: s.end,
                });
            }
        }
        for q in findings.quotes {
            let Some(sid) = id_of.get(&q.speaker) else { continue };
            let s = sentences[q.sentence];
            relations.push(Relation {
                subject: sid.clone(),
                predicate: Predicate::Said,
                object: None,
                literal: Some(q.text),
                date: dates::sentence_date(&tokens, s.first, s.last, published),
                title: None,
                cameo: Predicate::Said.cameo().map(str::to_string),
                code: Some("010".into()),
                goldstein: self.lex.goldstein_of("010"),
                modality: None,
                confidence: q.confidence,
                sentence: view.text(s.start, s.end),
                start: q.start,
                end: q.end,
            });
        }

        let entities = order
            .iter()
            .map(|&e| {
                let d = &res.entities[e];
                let mut mentions = d.spans.clone();
                mentions.sort();
                mentions.dedup();
                // A name wrapped over two lines is one name: "Francesco\nCossiga".
                let label = single_spaced(&d.label);
                let mut aliases: Vec<String> = d
                    .aliases
                    .iter()
                    .filter(|a| !a.ends_with("'s") && !a.ends_with("\u{2019}s"))
                    .map(|a| single_spaced(a))
                    .filter(|a| *a != label)
                    .collect();
                aliases.sort();
                aliases.dedup();
                let wikidata = self.lex.wikidata_of(d.entity_type, &label);
                Entity { id: id_of[&e].clone(), label, entity_type: d.entity_type, aliases, mentions, wikidata }
            })
            .collect();
        Ok(Document { id: id.to_string(), published: published.map(Date::iso), title, entities, relations })
    }
}

/// The headline: the first line after the date line, when it reads as one (no final period).
fn headline(view: &TextView, after: usize) -> Option<String> {
    let s = view.sentences.iter().find(|s| s.first >= after)?;
    let last = &view.tokens[s.last - 1];
    let words = s.last - s.first;
    let ends_line = view.tokens.get(s.last).is_none_or(|t| t.newline_before);
    (ends_line && words <= 25 && !matches!(last.norm.as_str(), "." | "!" | "?" | "\"")).then(|| view.text(s.start, s.end))
}

/// A name with every run of white space in it (a line break of wrapped text) one space.
fn single_spaced(name: &str) -> String {
    if name.chars().all(|c| c == ' ' || !c.is_whitespace()) {
        return name.to_string();
    }
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
pub(crate) mod testutil {
    //! Helpers for the rule tests: extraction results as plain strings.
    use super::*;

    /// Extracts `text` (published 2024-07-24, a Wednesday).
    pub fn extract(text: &str) -> Document {
        Extractor::new().extract("t", text, Some("2024-07-24")).expect("extract")
    }

    fn label(doc: &Document, id: &str) -> String {
        doc.entity(id).map(|e| e.label.clone()).unwrap_or_default()
    }

    /// `subject predicate object` triples by label (quotes excluded).
    pub fn triples(text: &str) -> Vec<String> {
        let doc = extract(text);
        doc.relations
            .iter()
            .filter_map(|r| r.object.as_ref().map(|o| format!("{} {} {}", label(&doc, &r.subject), r.predicate, label(&doc, o))))
            .collect()
    }

    /// Fails unless `text` gives the relation `triple` ("subject predicate object").
    pub fn assert_triple(text: &str, triple: &str) {
        let t = triples(text);
        assert!(t.iter().any(|x| x == triple), "{triple:?} not in {t:?}");
    }

    /// `speaker: quote` pairs.
    pub fn quotes(text: &str) -> Vec<String> {
        let doc = extract(text);
        doc.relations.iter().filter_map(|r| r.literal.as_ref().map(|l| format!("{}: {}", label(&doc, &r.subject), l))).collect()
    }

    /// `label (Type)` of every entity.
    pub fn entities(text: &str) -> Vec<String> {
        extract(text).entities.iter().map(|e| format!("{} ({})", e.label, e.entity_type.as_str())).collect()
    }
}
