//! Scoring extraction JSON against a gold file exactly as the extraction contract (§4)
//! and its reference scorer `score.py` do: entity matching by normalised name or alias,
//! strict and lenient (same family) relations, and quotes by word overlap.

use std::collections::{HashMap, HashSet};

use serde_json::{json, Value};

use kg_model::names::fold;
use kg_model::Predicate;
use kg_train::conll::prf as prf_counts;

const IGNORED_TYPES: [&str; 2] = ["Date", "Other"];

/// A name as the scorer compares it: NFKD without combining marks, lower case, `'s`
/// Whether a predicate named in a file is a symmetric one of the vocabulary.
fn symmetric(name: &str) -> bool {
    Predicate::from_name(name).is_some_and(Predicate::is_symmetric)
}

/// The family of a predicate named in a file, if it is one of the vocabulary.
fn family(name: &str) -> Option<kg_model::Family> {
    Predicate::from_name(name).map(Predicate::family)
}

/// dropped, punctuation to spaces, spaces collapsed, a leading "the " removed.
pub fn normalise(s: &str) -> String {
    let lowered: Vec<char> = fold(s).chars().collect();
    let word = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = String::new();
    let mut i = 0;
    while i < lowered.len() {
        let c = lowered[i];
        // `'s\b`: an apostrophe, s, then no word character.
        if c == '\'' && lowered.get(i + 1) == Some(&'s') && !lowered.get(i + 2).is_some_and(|&n| word(n)) {
            i += 2;
            continue;
        }
        out.push(if word(c) || c.is_whitespace() { c } else { ' ' });
        i += 1;
    }
    let collapsed = out.split_whitespace().collect::<Vec<_>>().join(" ");
    match collapsed.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => collapsed,
    }
}

fn words(s: &str) -> HashSet<String> {
    normalise(s).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// The counts behind the figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    entity_tp: usize,
    entity_predicted: usize,
    entity_gold: usize,
    type_ok: usize,
    relation_tp_strict: usize,
    relation_tp_lenient: usize,
    relation_predicted: usize,
    relation_gold: usize,
    quote_tp: usize,
    quote_predicted: usize,
    quote_gold: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.entity_tp += o.entity_tp;
        self.entity_predicted += o.entity_predicted;
        self.entity_gold += o.entity_gold;
        self.type_ok += o.type_ok;
        self.relation_tp_strict += o.relation_tp_strict;
        self.relation_tp_lenient += o.relation_tp_lenient;
        self.relation_predicted += o.relation_predicted;
        self.relation_gold += o.relation_gold;
        self.quote_tp += o.quote_tp;
        self.quote_predicted += o.quote_predicted;
        self.quote_gold += o.quote_gold;
    }

    /// The summary as score.py's `--json` prints it.
    pub fn summary(&self) -> Value {
        let block = |tp: usize, predicted: usize, gold: usize| {
            let (p, r, f) = prf_counts(tp, predicted - tp.min(predicted), gold - tp.min(gold));
            json!({"precision": p, "recall": r, "f1": f, "tp": tp, "predicted": predicted, "gold": gold})
        };
        let mut entities = block(self.entity_tp, self.entity_predicted, self.entity_gold);
        entities["type_accuracy"] = json!(if self.entity_tp > 0 { self.type_ok as f64 / self.entity_tp as f64 } else { 0.0 });
        json!({
            "entities": entities,
            "relations_strict": block(self.relation_tp_strict, self.relation_predicted, self.relation_gold),
            "relations_lenient": block(self.relation_tp_lenient, self.relation_predicted, self.relation_gold),
            "quotes": block(self.quote_tp, self.quote_predicted, self.quote_gold),
        })
    }

    /// The summary lines as score.py prints them.
    pub fn report(&self, documents: usize, found: usize) -> String {
        let s = self.summary();
        let mut out = format!("documents: {documents}  (predicted documents found: {found})\n");
        for name in ["entities", "relations_strict", "relations_lenient", "quotes"] {
            let m = &s[name];
            let f = |k: &str| m[k].as_f64().unwrap_or(0.0);
            let extra = if name == "entities" { format!("  type acc {:.3}", f("type_accuracy")) } else { String::new() };
            out.push_str(&format!(
                "{name:<18} P {:.3}  R {:.3}  F1 {:.3}  (tp {}, predicted {}, gold {}){extra}\n",
                f("precision"),
                f("recall"),
                f("f1"),
                m["tp"],
                m["predicted"],
                m["gold"]
            ));
        }
        out
    }
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

/// One predicted relation (not a quote) and whether the gold file has it.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The relation's confidence.
    pub confidence: f64,
    /// Its predicate.
    pub predicate: String,
    /// Matched a gold relation exactly (same predicate and entities).
    pub strict: bool,
    /// Matched a gold relation of the same family.
    pub lenient: bool,
}

/// Scores one predicted document against its gold document.
pub fn score_document(gold: &Value, predicted: &Value) -> Counts {
    score_document_with_outcomes(gold, predicted, &mut Vec::new())
}

/// Scores one predicted document and records, for each predicted relation, whether it matched.
pub fn score_document_with_outcomes(gold: &Value, predicted: &Value, outcomes: &mut Vec<Outcome>) -> Counts {
    let mut k = Counts::default();
    let gents = list(gold, "entities");
    let gnames: Vec<HashSet<String>> = gents
        .iter()
        .map(|e| {
            std::iter::once(normalise(text(e, "name")))
                .chain(list(e, "aliases").iter().map(|a| normalise(a.as_str().unwrap_or(""))))
                .collect()
        })
        .collect();
    let mut gindex: HashMap<String, usize> = HashMap::new();
    for (i, e) in gents.iter().enumerate() {
        gindex.insert(normalise(text(e, "name")), i);
    }
    let find_gold = |label: &str, aliases: &[Value]| -> Option<usize> {
        let keys = std::iter::once(normalise(label)).chain(aliases.iter().map(|a| normalise(a.as_str().unwrap_or(""))));
        for key in keys {
            if key.is_empty() {
                continue;
            }
            if let Some(i) = gnames.iter().position(|names| names.contains(&key)) {
                return Some(i);
            }
        }
        None
    };
    let mut pmap: HashMap<String, usize> = HashMap::new();
    let mut matched: HashSet<usize> = HashSet::new();
    k.entity_gold = gents.len();
    for e in list(predicted, "entities") {
        let etype = text(e, "type");
        if IGNORED_TYPES.contains(&etype) {
            continue;
        }
        k.entity_predicted += 1;
        let gi = find_gold(text(e, "label"), list(e, "aliases"));
        if let Some(gi) = gi {
            pmap.insert(text(e, "id").to_string(), gi);
            if matched.insert(gi) {
                k.entity_tp += 1;
                if etype == text(&gents[gi], "type") {
                    k.type_ok += 1;
                }
            }
        }
    }
    let mut grels: Vec<(Option<usize>, &str, Option<usize>)> = Vec::new();
    let mut gquotes: Vec<(Option<usize>, &str)> = Vec::new();
    for r in list(gold, "relations") {
        let s = gindex.get(&normalise(text(r, "s"))).copied();
        if r.get("literal").is_some() {
            gquotes.push((s, text(r, "literal")));
        } else {
            grels.push((s, text(r, "p"), gindex.get(&normalise(text(r, "o"))).copied()));
        }
    }
    k.relation_gold = grels.len();
    k.quote_gold = gquotes.len();
    let (mut used_strict, mut used_lenient, mut used_quote) = (HashSet::new(), HashSet::new(), HashSet::new());
    for r in list(predicted, "relations") {
        let p = text(r, "predicate");
        let s = r.get("subject").and_then(Value::as_str).and_then(|id| pmap.get(id).copied());
        let object = r.get("object").filter(|o| !o.is_null());
        if r.get("literal").is_some() && object.is_none() {
            k.quote_predicted += 1;
            let pw = words(text(r, "literal"));
            for (j, (gs, glit)) in gquotes.iter().enumerate() {
                let gw = words(glit);
                let shared = gw.intersection(&pw).count();
                if !used_quote.contains(&j) && gs.is_some() && *gs == s && !gw.is_empty() && shared as f64 / gw.len() as f64 >= 0.5 {
                    used_quote.insert(j);
                    k.quote_tp += 1;
                    break;
                }
            }
            continue;
        }
        k.relation_predicted += 1;
        let (strict_before, lenient_before) = (k.relation_tp_strict, k.relation_tp_lenient);
        let mut outcome = Outcome {
            confidence: r.get("confidence").and_then(Value::as_f64).unwrap_or(0.0),
            predicate: p.to_string(),
            strict: false,
            lenient: false,
        };
        let o = object.and_then(Value::as_str).and_then(|id| pmap.get(id).copied());
        let (Some(s), Some(o)) = (s, o) else {
            outcomes.push(outcome);
            continue;
        };
        for (j, &(gs, gp, go)) in grels.iter().enumerate() {
            let (Some(gs), Some(go)) = (gs, go) else { continue };
            let (same, swapped) = ((s, o) == (gs, go), (s, o) == (go, gs));
            if p == gp && !used_strict.contains(&j) && (same || (swapped && symmetric(gp))) {
                used_strict.insert(j);
                k.relation_tp_strict += 1;
                break;
            }
        }
        for (j, &(gs, gp, go)) in grels.iter().enumerate() {
            let (Some(gs), Some(go)) = (gs, go) else { continue };
            let (same, swapped) = ((s, o) == (gs, go), (s, o) == (go, gs));
            let family = family(p).is_some() && family(p) == family(gp);
            if family && !used_lenient.contains(&j) && (same || (swapped && (symmetric(gp) || symmetric(p)))) {
                used_lenient.insert(j);
                k.relation_tp_lenient += 1;
                break;
            }
        }
        outcome.strict = k.relation_tp_strict > strict_before;
        outcome.lenient = k.relation_tp_lenient > lenient_before;
        outcomes.push(outcome);
    }
    k
}

/// The outcome of every predicted relation of every gold document.
pub fn relation_outcomes(gold: &Value, predicted: &Value) -> Vec<Outcome> {
    let by_id: HashMap<&str, &Value> = list(predicted, "documents").iter().map(|d| (text(d, "id"), d)).collect();
    let mut outcomes = Vec::new();
    for g in list(gold, "documents") {
        if let Some(p) = by_id.get(text(g, "id")) {
            score_document_with_outcomes(g, p, &mut outcomes);
        }
    }
    outcomes
}

/// A reliability table: for each confidence bin (lower bounds `edges`, ascending), the
/// relations in it and the share that are correct (strict, and same family), then the
/// same for every relation at or above each bound.
pub fn reliability_table(outcomes: &[Outcome], edges: &[f64]) -> String {
    let mut out = String::from("confidence     relations  strict precision  lenient precision\n");
    let row = |label: String, chosen: Vec<&Outcome>| {
        let n = chosen.len();
        let share = |hit: usize| if n == 0 { "-".to_string() } else { format!("{:.3}", hit as f64 / n as f64) };
        let strict = chosen.iter().filter(|o| o.strict).count();
        let lenient = chosen.iter().filter(|o| o.lenient).count();
        format!("{label:<14} {n:>9}  {:>16}  {:>17}\n", share(strict), share(lenient))
    };
    for (i, &lo) in edges.iter().enumerate() {
        let hi = edges.get(i + 1).copied();
        let label = match hi {
            Some(hi) => format!("[{lo:.2}, {hi:.2})"),
            None => format!("[{lo:.2}, 1.00]"),
        };
        out.push_str(&row(label, outcomes.iter().filter(|o| o.confidence >= lo && hi.is_none_or(|h| o.confidence < h)).collect()));
    }
    for &lo in edges {
        out.push_str(&row(format!(">= {lo:.2}"), outcomes.iter().filter(|o| o.confidence >= lo).collect()));
    }
    out
}

/// Scores predictions (`{"documents": [...]}`) against a gold file, returning the totals,
/// the number of gold documents and how many of them have a prediction.
pub fn score(gold: &Value, predicted: &Value) -> (Counts, usize, usize) {
    let by_id: HashMap<&str, &Value> = list(predicted, "documents").iter().map(|d| (text(d, "id"), d)).collect();
    let empty = json!({});
    let mut total = Counts::default();
    let docs = list(gold, "documents");
    let mut found = 0;
    for g in docs {
        let p = by_id.get(text(g, "id")).copied();
        found += p.is_some() as usize;
        total.add(&score_document(g, p.unwrap_or(&empty)));
    }
    (total, docs.len(), found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_like_the_reference_scorer() {
        assert_eq!(normalise("The Kremlin"), "kremlin");
        assert_eq!(normalise("Ukraine’s President"), "ukraine president");
        assert_eq!(normalise("Erdoğan"), "erdogan");
        assert_eq!(normalise("U.S."), "u s");
        assert_eq!(normalise("it's"), "it");
        assert_eq!(normalise("Jones'sy"), "jones sy");
    }

    #[test]
    fn counts_entities_relations_and_quotes() {
        let gold = json!({"documents": [{"id": "d", "entities": [
            {"name": "Xi Jinping", "type": "Person", "aliases": ["Xi"]},
            {"name": "China", "type": "Country"}],
            "relations": [{"s": "Xi Jinping", "p": "leaderOf", "o": "China"}, {"s": "Xi", "p": "said", "literal": "peace is good for all"}]}]});
        let pred = json!({"documents": [{"id": "d", "entities": [
            {"id": "e1", "label": "Xi", "type": "Person"}, {"id": "e2", "label": "China", "type": "Organization"},
            {"id": "e3", "label": "Xi Jinping", "type": "Person"}],
            "relations": [{"subject": "e1", "predicate": "memberOf", "object": "e2"},
                          {"subject": "e1", "predicate": "said", "object": null, "literal": "peace is good"}]}]});
        let (c, n, found) = score(&gold, &pred);
        assert_eq!((n, found), (1, 1));
        assert_eq!((c.entity_tp, c.entity_predicted, c.type_ok), (2, 3, 1));
        assert_eq!((c.relation_tp_strict, c.relation_tp_lenient), (0, 1));
        // The gold quote's speaker "Xi" is not a gold entity name: it can never match.
        assert_eq!((c.quote_tp, c.quote_predicted, c.quote_gold), (0, 1, 1));
        assert!(c.report(n, found).contains("entities           P 0.667  R 1.000  F1 0.800"));
        let outcomes = relation_outcomes(&gold, &pred);
        assert_eq!(outcomes.len(), 1);
        assert!(!outcomes[0].strict && outcomes[0].lenient, "{outcomes:?}");
        let table = reliability_table(&outcomes, &[0.0, 0.5]);
        assert!(table.contains("[0.00, 0.50)           1             0.000              1.000"), "{table}");
        assert!(table.contains(">= 0.50                0                 -                  -"), "{table}");
    }
}
