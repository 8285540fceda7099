//! The relation and quotation rules, one module each, run in the order of [`RULES`] over a
//! document whose mentions are resolved to entities. `clauses` reads each sentence's
//! arguments (voice, coordination, modality) for them.
//!
//! Adding a rule: a module that declares it with `rule!` (or `sentence_rule!` for a rule
//! that reads one sentence at a time), and one line in [`RULES`]. A rule adds what it finds to [`Findings`]; rules later in the list may read
//! what earlier ones found (the home-country rule places only titled persons that no
//! sentence rule placed).

/// Declares a rule: a unit struct `$name` described by `$what`, whose `apply` runs `$body`
/// with the document context `$cx` and the findings so far `$out`.
macro_rules! rule {
    ($(#[$doc:meta])* $name:ident, $what:literal, |$cx:ident, $out:ident| $body:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name;

        impl $crate::rules::Rule for $name {
            fn name(&self) -> &'static str {
                $what
            }

            fn apply(&self, $cx: &$crate::rules::Context<'_>, $out: &mut $crate::rules::Findings) {
                $body
            }
        }
    };
}

/// Declares a rule that reads one sentence at a time: `$body` gives the relations of
/// sentence `$sv` (with the document context `$cx`), added to that sentence's findings.
macro_rules! sentence_rule {
    ($(#[$doc:meta])* $name:ident, $what:literal, |$cx:ident, $sv:ident| $body:expr) => {
        rule!($(#[$doc])* $name, $what, |document, out| out.per_sentence(document, |$sv| {
            let $cx = document;
            $body
        }));
    };
}

pub mod affiliations;
pub mod clauses;
pub mod confidence;
pub mod descriptions;
pub mod events;
pub mod home_country;
pub mod parties;
pub mod positions;
pub mod quotes;
pub mod structure;
pub mod territories;

use kg_model::{EntityType, Predicate};

use crate::lexicon::Lexicon;
use crate::mentions::coref::Resolution;
use crate::mentions::{Mention, TextView};
use clauses::{Arg, SentenceView};

/// Every rule, in the order they run. The order decides which of two rules that state the
/// same relation gives its confidence first, so outputs stay deterministic.
pub static RULES: &[&dyn Rule] = &[
    &positions::Positions,
    &affiliations::Affiliations,
    &descriptions::Descriptions,
    &structure::Structure,
    &territories::Territories,
    &events::Events,
    &home_country::HomeCountry,
    &parties::Parties,
    &quotes::Quotes,
];

/// What the rules read: the document's words, its mentions and their entities, and each
/// sentence's arguments.
pub struct Context<'a> {
    /// The lexicons.
    pub lex: &'a Lexicon,
    /// The text, its tokens and sentences.
    pub view: &'a TextView<'a>,
    /// Every mention of the document.
    pub mentions: &'a [Mention],
    /// Mentions resolved to entities.
    pub resolution: &'a Resolution,
    /// The type of each entity.
    pub types: &'a [EntityType],
    /// Each sentence with its arguments.
    pub sentences: &'a [SentenceView<'a>],
}

/// What the rules found: relations by sentence, and attributed quotations.
#[derive(Debug, Default)]
pub struct Findings {
    /// Relations, by the index of the sentence that states them.
    pub relations: Vec<Vec<Found>>,
    /// Quotations with their speakers.
    pub quotes: Vec<quotes::Quote>,
}

/// One rule of the registry.
pub trait Rule: Sync {
    /// What the rule finds, in a few words.
    fn name(&self) -> &'static str;

    /// Adds what the rule finds in the document to `out`.
    fn apply(&self, cx: &Context<'_>, out: &mut Findings);
}

impl Findings {
    /// Room for the relations of `sentences` sentences.
    pub fn new(sentences: usize) -> Findings {
        Findings { relations: vec![Vec::new(); sentences], quotes: Vec::new() }
    }

    /// Adds what `rule` finds in each sentence to that sentence's relations.
    pub fn per_sentence(&mut self, cx: &Context<'_>, rule: impl Fn(&SentenceView) -> Vec<Found>) {
        for (si, sv) in cx.sentences.iter().enumerate() {
            self.relations[si].extend(rule(sv));
        }
    }
}

/// Runs every rule of [`RULES`] on a document.
pub fn apply_all(cx: &Context<'_>) -> Findings {
    let mut out = Findings::new(cx.sentences.len());
    for rule in RULES {
        rule.apply(cx, &mut out);
    }
    out
}

/// A relation between two entities before ids are assigned.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Subject entity.
    pub subject: usize,
    /// Predicate.
    pub predicate: Predicate,
    /// Object entity.
    pub object: usize,
    /// Title as written, for positions.
    pub title: Option<String>,
    /// CAMEO root.
    pub cameo: Option<String>,
    /// CAMEO event code of the cue.
    pub code: Option<String>,
    /// Confidence.
    pub confidence: f64,
    /// Set when the event is not stated as a fact.
    pub modality: Option<clauses::Modality>,
}

/// Whether the rules may state `predicate` between these types: what the vocabulary's domain
/// and range allow (a mayor or a governor heads a city or a region), except a city located in
/// a city ("Hartwell Castle in Manitoba" is placed, "Lyon in Paris" is a misreading).
pub fn types_allowed(predicate: Predicate, s: EntityType, o: EntityType) -> bool {
    predicate.allows(s, o) && !(predicate == Predicate::LocatedIn && s == EntityType::City && o == EntityType::City)
}

/// Adds `subject predicate object` to `out` when the entities differ and the types allow it.
pub(crate) fn push(
    out: &mut Vec<Found>,
    subject: &Arg,
    predicate: Predicate,
    object: &Arg,
    title: Option<String>,
    cameo: &str,
    confidence: f64,
) {
    if subject.entity == object.entity || !types_allowed(predicate, subject.entity_type, object.entity_type) {
        return;
    }
    // "US Speaker X", "a Russian governor, X": the head of a chamber, a region or a city is
    // a member of the state.
    let head_below_state = title
        .as_deref()
        .and_then(|t| t.split_whitespace().last())
        .is_some_and(|w| crate::words::WORDS.heads_below_the_state.contains(w.to_lowercase().as_str()));
    let predicate = if predicate == Predicate::LeaderOf && object.entity_type == EntityType::Country && head_below_state {
        Predicate::MemberOf
    } else {
        predicate
    };
    let mut found = Found::standing(subject.entity, predicate, object.entity, title, confidence);
    found.cameo = (!cameo.is_empty()).then(|| cameo.to_string());
    out.push(found);
}

impl Found {
    /// A relation stated as a fact, without a CAMEO code (positions, structure).
    pub fn standing(subject: usize, predicate: Predicate, object: usize, title: Option<String>, confidence: f64) -> Found {
        Found { subject, predicate, object, title, cameo: None, code: None, confidence, modality: None }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_distinct_name() {
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
    }
}
