//! The CoNLL04 relation benchmark (Roth and Yih 2004; SpERT's JSON split): the extractor
//! runs over each sentence, and its relations are mapped to CoNLL04's types:
//! `Work_For` ← `memberOf`/`leaderOf`, `OrgBased_In` ← `locatedIn`/`partOf` from an
//! organisation, `Located_In` ← `locatedIn`/`partOf` between places, `Kill` ← `attacked`
//! between people. `Live_In` has no predicate in the contract. A predicted relation is
//! right when both its entities have a mention exactly on the gold spans (strict, as in
//! the published figures) and the type matches.

use serde_json::Value;

use kg_extract::Extractor;
use kg_model::{Document, EntityType, Predicate, Span};
use kg_train::conll::SpanScores;

/// The relation types of CoNLL04, in the benchmark's order.
pub const RELATIONS: [&str; 5] = ["Work_For", "Kill", "OrgBased_In", "Live_In", "Located_In"];

/// The CoNLL04 type of one of our relations, given its entity types (`None`: not comparable).
pub fn conll04_type(predicate: Predicate, subject: EntityType, object: EntityType) -> Option<&'static str> {
    use EntityType::*;
    use Predicate::{Attacked, LeaderOf, LocatedIn, MemberOf, PartOf};
    let place = |t: EntityType| matches!(t, Country | City | Location);
    match predicate {
        // Work_For holds between a person and an organisation only (a country is a Loc).
        MemberOf | LeaderOf if subject == Person && object == Organization => Some("Work_For"),
        Attacked if subject == Person && object == Person => Some("Kill"),
        LocatedIn | PartOf if subject == Organization && place(object) => Some("OrgBased_In"),
        LocatedIn | PartOf if place(subject) && place(object) => Some("Located_In"),
        _ => None,
    }
}

/// The benchmark's figures: counts per CoNLL04 relation type, and the sentences read.
#[derive(Debug, Clone, Default)]
pub struct Conll04Scores {
    /// Counts `[tp, fp, fn]` per relation type.
    pub by_type: SpanScores,
    /// Sentences read.
    pub sentences: usize,
    /// The wrong and missed relations, one line each ("FP Work_For: 'head' -> 'tail' | sentence").
    pub errors: Vec<String>,
}

/// A gold relation: head span, type, tail span (code-point offsets in the joined sentence).
type GoldRelation = (Span, String, Span);

/// Punctuation written against the word before it.
const NO_SPACE_BEFORE: &[&str] = &[",", ".", ":", ";", "?", "!", ")", "'s", "'", "n't", "''", "%"];

/// The benchmark's tokens as running text: `` `` `` and `''` become quotation marks, and
/// punctuation and the possessive `'s` stand against their word, so that the extractor
/// reads news text rather than a token list.
fn written(token: &str) -> &str {
    match token {
        "``" | "''" => "\"",
        "-LRB-" => "(",
        "-RRB-" => ")",
        "-LCB-" => "{",
        "-RCB-" => "}",
        t => t,
    }
}

/// One sentence of the benchmark: its text, gold relations and the benchmark's tokens
/// (code-point spans in the text).
fn sentence(value: &Value) -> Option<(String, Vec<GoldRelation>, Vec<Span>)> {
    let tokens: Vec<&str> = value["tokens"].as_array()?.iter().filter_map(Value::as_str).collect();
    let mut starts = Vec::with_capacity(tokens.len() + 1);
    let mut lengths = Vec::with_capacity(tokens.len());
    let mut text = String::new();
    let mut at = 0;
    for (i, t) in tokens.iter().enumerate() {
        let glued = i == 0 || NO_SPACE_BEFORE.contains(t) || matches!(tokens[i - 1], "(" | "-LRB-" | "``" | "$");
        if !glued {
            text.push(' ');
            at += 1;
        }
        let w = written(t);
        starts.push(at);
        lengths.push(w.chars().count());
        text.push_str(w);
        at += w.chars().count();
    }
    let end_of = |k: usize| starts[k - 1] + lengths[k - 1];
    let spans: Vec<Option<Span>> = value["entities"]
        .as_array()?
        .iter()
        .map(|e| {
            let (a, b) = (e["start"].as_u64()? as usize, e["end"].as_u64()? as usize);
            (a < b && b <= tokens.len()).then(|| Span { start: starts[a], end: end_of(b) })
        })
        .collect();
    let relations = value["relations"]
        .as_array()?
        .iter()
        .filter_map(|r| {
            let head = (*spans.get(r["head"].as_u64()? as usize)?)?;
            let tail = (*spans.get(r["tail"].as_u64()? as usize)?)?;
            Some((head, r["type"].as_str()?.to_string(), tail))
        })
        .collect();
    let tokens = starts.iter().zip(&lengths).map(|(&start, &n)| Span { start, end: start + n }).collect();
    Some((text, relations, tokens))
}

/// A predicted span widened to the benchmark tokens it touches: the benchmark's tokens
/// sometimes carry a sentence's full stop ("Ferris." in "said spokesman Mike Ferris."),
/// which the extractor's own tokens leave out.
fn on_tokens(span: Span, tokens: &[Span]) -> Span {
    let start = tokens.iter().find(|t| t.start <= span.start && span.start < t.end).map_or(span.start, |t| t.start);
    let end = tokens.iter().find(|t| t.start < span.end && span.end <= t.end).map_or(span.end, |t| t.end);
    Span { start, end }
}

/// The text of a span (code-point offsets).
fn slice(text: &str, span: &Span) -> String {
    text.chars().skip(span.start).take(span.end - span.start).collect()
}

fn predicted(doc: &Document) -> Vec<(Vec<Span>, &'static str, Vec<Span>)> {
    doc.relations
        .iter()
        .filter_map(|r| {
            let s = doc.entity(&r.subject)?;
            let o = doc.entity(r.object.as_deref()?)?;
            let kind = conll04_type(r.predicate, s.entity_type, o.entity_type)?;
            Some((s.mentions.clone(), kind, o.mentions.clone()))
        })
        .collect()
}

/// Runs the extractor over the benchmark's sentences (the JSON array of a SpERT split file).
pub fn evaluate(extractor: &Extractor, split: &Value) -> Result<Conll04Scores, String> {
    let sentences = split.as_array().ok_or("expected a JSON array of sentences")?;
    let mut scores = Conll04Scores { sentences: sentences.len(), ..Default::default() };
    for (k, value) in sentences.iter().enumerate() {
        let (text, gold, tokens) = sentence(value).ok_or_else(|| format!("sentence {}: no tokens, entities or relations", k + 1))?;
        let doc = extractor.extract(&format!("conll04-{k}"), &text, None).map_err(|e| e.to_string())?;
        let mut predictions = predicted(&doc);
        for (heads, _, tails) in &mut predictions {
            heads.iter_mut().chain(tails.iter_mut()).for_each(|s| *s = on_tokens(*s, &tokens));
        }
        predictions.dedup();
        let mut matched = vec![false; gold.len()];
        let quoted = |spans: &[Span]| spans.first().map(|s| format!("'{}'", slice(&text, s))).unwrap_or_default();
        for (heads, kind, tails) in &predictions {
            let hit =
                gold.iter().enumerate().find(|(g, (h, t, tail))| !matched[*g] && t == kind && heads.contains(h) && tails.contains(tail));
            match hit {
                Some((g, _)) => matched[g] = true,
                None => scores.errors.push(format!("FP {kind}: {} -> {} | {text}", quoted(heads), quoted(tails))),
            }
            scores.by_type.record(kind, if hit.is_some() { 0 } else { 1 });
        }
        for ((head, kind, tail), m) in gold.iter().zip(&matched) {
            if !m && RELATIONS.contains(&kind.as_str()) {
                scores.by_type.record(kind, 2);
                scores.errors.push(format!("FN {kind}: {} -> {} | {text}", quoted(&[*head]), quoted(&[*tail])));
            }
        }
    }
    Ok(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_predicates_by_entity_types() {
        use EntityType::*;
        assert_eq!(conll04_type(Predicate::MemberOf, Person, Organization), Some("Work_For"));
        assert_eq!(conll04_type(Predicate::LeaderOf, Person, Country), None, "a country is a Loc, not an Org");
        assert_eq!(conll04_type(Predicate::LocatedIn, Organization, City), Some("OrgBased_In"));
        assert_eq!(conll04_type(Predicate::LocatedIn, City, Country), Some("Located_In"));
        assert_eq!(conll04_type(Predicate::Attacked, Person, Person), Some("Kill"));
        assert_eq!(conll04_type(Predicate::Attacked, Country, Country), None);
    }

    #[test]
    fn predicted_spans_take_whole_benchmark_tokens() {
        let tokens = [Span { start: 0, end: 4 }, Span { start: 5, end: 12 }];
        assert_eq!(on_tokens(Span { start: 5, end: 11 }, &tokens), Span { start: 5, end: 12 }, "\"Ferris.\" is one token");
        assert_eq!(on_tokens(Span { start: 0, end: 4 }, &tokens), Span { start: 0, end: 4 });
    }

    #[test]
    fn scores_a_sentence_written_for_the_test() {
        let split: Value = serde_json::json!([{
            "tokens": ["Kenyan", "President", "William", "Ruto", "arrived", "in", "Nairobi", ",", "Kenya", "."],
            "entities": [{"type": "Peop", "start": 2, "end": 4}, {"type": "Loc", "start": 6, "end": 7}, {"type": "Loc", "start": 8, "end": 9}],
            "relations": [{"type": "Located_In", "head": 1, "tail": 2}, {"type": "Live_In", "head": 0, "tail": 1}]
        }]);
        let scores = evaluate(&Extractor::new(), &split).expect("evaluates");
        assert_eq!(scores.by_type.counts("Located_In"), [1, 0, 0]);
        assert_eq!(scores.by_type.counts("Live_In"), [0, 0, 1], "not covered: always missed");
        assert_eq!(scores.errors.len(), 1, "{:?}", scores.errors);
        assert!(scores.errors[0].starts_with("FN Live_In: 'William Ruto' -> 'Nairobi' | Kenyan President"), "{:?}", scores.errors);
    }
}
