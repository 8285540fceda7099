//! Anaphora: what a sentence refers back to instead of naming it. Personal pronouns ("he",
//! "she") stand for the person named last, "its" and "their" for the nearest state or
//! organisation before them, "the company" and "the bloc" for the company or union named
//! last, and "the president" for the person last named with that title. [`Discourse`]
//! carries what earlier sentences named; the clause reader asks it sentence by sentence.

use std::collections::HashMap;

use kg_model::EntityType;

use super::{title_at, Mention, MentionKind, TextView};
use crate::lexicon::Lexicon;
use crate::text::sentences::Sentence;
use crate::words::WORDS;

/// A possible argument of a relation: an entity mentioned at some tokens.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Arg {
    /// Entity index.
    pub entity: usize,
    /// Entity type.
    pub entity_type: EntityType,
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// Followed by a possessive `'s`.
    pub possessive: bool,
    /// A demonym used as an adjective.
    pub adjectival: bool,
    /// Modifies a titled person or another name right after it ("Chinese" in "Chinese President Xi").
    pub modifier: bool,
    /// A pronoun resolved to the entity.
    pub pronoun: bool,
    /// First token of the whole noun phrase, with title and modifiers ("Russian President Vladimir Putin").
    pub np_first: usize,
}

/// What earlier sentences said that later ones refer back to with pronouns and titles.
#[derive(Debug, Default)]
pub struct Discourse {
    /// The person named last.
    pub last_person: Option<usize>,
    /// The company (an organisation found in the text, not a state body) named last.
    pub last_company: Option<usize>,
    /// The intergovernmental organisation (of the lexicon) named last.
    pub last_union: Option<usize>,
    /// The person last named with a title, by the title in lower case (and its last word).
    pub by_title: HashMap<String, usize>,
    /// The first token of the sentence that last named a person not in the possessive.
    person_named_in: Option<usize>,
}

impl Discourse {
    /// Notes a named mention `m` of entity `e`, for the pronouns, descriptions and titles of
    /// later sentences that refer back to it.
    pub fn named(&mut self, lex: &Lexicon, view: &TextView, m: &Mention, e: usize, entity_type: EntityType, sentence_first: usize) {
        match m.kind {
            MentionKind::LexiconOrg(_) => self.last_union = Some(e),
            MentionKind::Org(_) | MentionKind::Unresolved(_) if entity_type == EntityType::Organization && m.parent.is_none() => {
                self.last_company = Some(e)
            }
            _ => {}
        }
        if entity_type == EntityType::Person {
            // "Lopez called Kessler's plan a failure. She …": a person in the possessive after
            // another person of the sentence is no antecedent of the next pronoun.
            let possessive_after_another = m.possessive && self.person_named_in == Some(sentence_first);
            if !possessive_after_another {
                self.last_person = Some(e);
            }
            if !m.possessive {
                self.person_named_in = Some(sentence_first);
            }
            let title = m.title.as_ref().map(|t| t.0.clone()).or_else(|| title_ending_at(lex, view, m.first, sentence_first));
            if let Some(t) = title {
                self.remember_title(&t, e);
            }
        }
    }

    /// The person that a personal pronoun at token `i` stands for, as an argument (none
    /// when the token is no such pronoun or lies inside an argument).
    pub fn person_pronoun(&self, view: &TextView, i: usize, args: &[Arg]) -> Option<Arg> {
        let lower = view.tokens[i].lower();
        if !WORDS.person_pronouns.contains(lower.as_str()) || args.iter().any(|a| a.first <= i && i < a.last) {
            return None;
        }
        self.last_person.map(|p| Arg {
            entity: p,
            entity_type: EntityType::Person,
            first: i,
            last: i + 1,
            possessive: false,
            adjectival: false,
            modifier: false,
            pronoun: true,
            np_first: i,
        })
    }

    /// Adds to `args` what the sentence's possessive pronouns ("its", "their"), descriptions
    /// ("the company", "the bloc") and bare titles ("the president") stand for.
    pub fn resolve_references(&self, lex: &Lexicon, view: &TextView, sentence: Sentence, types: &[EntityType], args: &mut Vec<Arg>) {
        // "its sanctions", "criticised its human rights record": the nearest state or
        // organisation before it that is not a preposition's object or a demonym.
        for i in sentence.first..sentence.last {
            if !matches!(view.token_lower(i), "its" | "their") || args.iter().any(|a| a.first <= i && i < a.last) {
                continue;
            }
            let antecedent = args
                .iter()
                .rev()
                .filter(|a| a.last <= i && !a.adjectival && !a.pronoun)
                .filter(|a| matches!(a.entity_type, EntityType::Country | EntityType::Organization))
                .find(|a| a.first == sentence.first || !WORDS.prepositions.contains(view.token_lower(a.first - 1)))
                .map(|a| a.entity);
            if let Some(e) = antecedent {
                args.push(Arg {
                    entity: e,
                    entity_type: types[e],
                    first: i,
                    last: i + 1,
                    possessive: true,
                    adjectival: false,
                    modifier: false,
                    pronoun: true,
                    np_first: i,
                });
            }
        }
        // "the company", "the bloc": the company or union named last, when no name follows.
        for i in sentence.first..sentence.last.saturating_sub(1) {
            if view.token_lower(i) != "the" {
                continue;
            }
            // "the Irish airline": a demonym between the article and the noun.
            let demonym = args.iter().any(|a| a.first == i + 1 && a.last == i + 2 && a.adjectival);
            let n = usize::from(demonym);
            let noun = view.token_lower(i + 1 + n);
            let referent = if WORDS.company_descriptions.contains(noun) {
                self.last_company
            } else if WORDS.union_descriptions.contains(noun) {
                self.last_union
            } else {
                None
            };
            let named = view.tokens.get(i + 2 + n).is_some_and(|t| t.is_capitalized() || t.norm == "of");
            let Some(e) = referent else { continue };
            if !named && !args.iter().any(|a| a.first <= i + 1 + n && i + 1 + n < a.last) {
                args.push(Arg {
                    entity: e,
                    entity_type: EntityType::Organization,
                    first: i,
                    last: i + 2 + n,
                    possessive: view.tokens.get(i + 2 + n).is_some_and(|t| t.norm == "'s"),
                    adjectival: false,
                    modifier: false,
                    pronoun: true,
                    np_first: i,
                });
            }
        }
        // "the president", "the foreign minister": the person last named with that title.
        for i in sentence.first..sentence.last.saturating_sub(1) {
            if view.token_lower(i) != "the" || args.iter().any(|a| a.first <= i + 1 && i + 1 < a.last) {
                continue;
            }
            if let Some((n, _)) = title_at(lex, view, i + 1, sentence.last) {
                let after = view.tokens.get(i + 1 + n);
                let named = after.is_some_and(|t| t.is_capitalized() || t.norm == "of");
                let key = (i + 1..i + 1 + n).map(|k| view.tokens[k].lower()).collect::<Vec<_>>().join(" ");
                if let (false, Some(&e)) = (named, self.by_title.get(&key)) {
                    args.push(Arg {
                        entity: e,
                        entity_type: EntityType::Person,
                        first: i,
                        last: i + 1 + n,
                        possessive: after.is_some_and(|t| t.norm == "'s"),
                        adjectival: false,
                        modifier: false,
                        pronoun: true,
                        np_first: i,
                    });
                }
            }
        }
    }

    fn remember_title(&mut self, title: &str, entity: usize) {
        let lower = title.to_lowercase();
        if let Some(last) = lower.split_whitespace().last() {
            self.by_title.insert(last.to_string(), entity);
        }
        self.by_title.insert(lower, entity);
    }
}

/// A lower-case title right before token `end` ("spokeswoman" in "spokeswoman Maria Zakharova").
fn title_ending_at(lex: &Lexicon, view: &TextView, end: usize, floor: usize) -> Option<String> {
    (floor.max(end.saturating_sub(lex.max_title_tokens))..end)
        .find(|&k| title_at(lex, view, k, end).is_some_and(|(n, _)| k + n == end))
        .map(|k| view.text(view.tokens[k].start, view.tokens[end - 1].end))
}
