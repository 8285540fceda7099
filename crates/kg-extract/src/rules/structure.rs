//! Structure: state bodies are part of their state ("the Russian foreign ministry"), places
//! and organisations are where the text puts them ("Hartwell Castle in Manitoba",
//! "Winnipeg, Manitoba").

use kg_model::{EntityType, Predicate};

use super::clauses::{Arg, SentenceView};
use super::{confidence, push, Found};
use crate::mentions::{Mention, MentionKind};
use crate::words::WORDS;

sentence_rule!(
    /// The rule: state bodies and places.
    Structure,
    "state bodies and places",
    |cx, sv| structure(sv, cx.mentions, &cx.resolution.of_mention, cx.types)
);

/// Structure: state bodies are part of their state; bodies named with a possessive
/// organisation are part of it; "City, Country" is located in it.
pub fn structure(sv: &SentenceView, mentions: &[Mention], of_mention: &[Option<usize>], types: &[EntityType]) -> Vec<Found> {
    let mut out = Vec::new();
    for &mi in &sv.mentions {
        let m = &mentions[mi];
        if let (Some(parent), Some(e)) = (m.parent, of_mention[mi]) {
            if let Some(pe) = of_mention.get(parent).copied().flatten() {
                let arg = |entity: usize| Arg {
                    entity,
                    entity_type: types[entity],
                    first: 0,
                    last: 0,
                    possessive: false,
                    adjectival: false,
                    modifier: false,
                    pronoun: false,
                    np_first: 0,
                };
                let predicate = match body_kind(&m.surface) {
                    BodyKind::Government => Predicate::PartOf,
                    BodyKind::Company => Predicate::LocatedIn,
                    BodyKind::Other => continue,
                };
                // "the Puerto Rico Senate": a territory's own body is part of it, as a state's
                // is of the state (the territory is typed a place, as the gold sets type it).
                let territory = matches!(mentions[parent].kind, MentionKind::Country(_)) && types[pe] != EntityType::Country;
                if predicate == Predicate::PartOf && territory && e != pe {
                    out.push(Found::standing(e, predicate, pe, None, confidence::BODY_OF_ITS_STATE));
                    continue;
                }
                push(&mut out, &arg(e), predicate, &arg(pe), None, "", confidence::BODY_OF_ITS_STATE);
            }
        }
    }
    for a in &sv.args {
        // "Hartwell Castle in Manitoba", "the College of Avon in Saxony", "a court in
        // Winnipeg": a place or an organisation, then "in" and where it is.
        // Not after "of": in "a meeting of the Council in Kyiv" the meeting is in Kyiv.
        let np = if a.np_first > sv.sentence.first && sv.word(a.np_first - 1) == "the" { a.np_first - 1 } else { a.np_first };
        let after_of = np > sv.sentence.first && sv.word(np - 1) == "of";
        if matches!(a.entity_type, EntityType::City | EntityType::Location | EntityType::Organization)
            && sv.word(a.last) == "in"
            && !after_of
        {
            let mut k = a.last + 1;
            while WORDS.directions.contains(sv.word(k)) || sv.word(k) == "the" {
                k += 1;
            }
            let place = |b: &Arg| match a.entity_type {
                EntityType::City => matches!(b.entity_type, EntityType::Country | EntityType::Location),
                _ => matches!(b.entity_type, EntityType::Country | EntityType::Location | EntityType::City),
            };
            if let Some(b) = sv.arg_starting(k).filter(|b| place(b) && !b.possessive && !b.adjectival) {
                push(&mut out, a, Predicate::LocatedIn, &b, None, "", confidence::PLACE_IN);
            }
        }
        // "the foreign ministry's Eurasian department": the department is part of the ministry.
        if a.possessive && a.entity_type == EntityType::Organization {
            if let Some(b) = sv.arg_starting(a.last + 1).filter(|b| b.entity_type == EntityType::Organization) {
                push(&mut out, &b, Predicate::PartOf, a, None, "", confidence::PART_BY_POSSESSIVE);
            }
        }
        // "Kyiv, Ukraine", "Bakhmut, in eastern Ukraine".
        if matches!(a.entity_type, EntityType::City | EntityType::Location) && sv.word(a.last) == "," {
            let mut k = a.last + 1;
            if sv.word(k) == "in" {
                k += 1;
            }
            while sv.view.tokens.get(k).is_some_and(|t| !t.is_capitalized() && WORDS.directions.contains(t.norm.as_str())) {
                k += 1;
            }
            // "Winnipeg, Manitoba": a city, then its region (not a list of places: "Lyon, Alsace").
            let in_a_list = a.first > sv.sentence.first && sv.word(a.first - 1) == ",";
            let region = |b: &Arg| b.entity_type == EntityType::Location && a.entity_type == EntityType::City && !in_a_list;
            // "Harbour Road, Avonbury": a street, a square or a park, then its city.
            let named_place =
                a.entity_type == EntityType::Location && a.last - a.first >= 2 && WORDS.location_keywords.contains(sv.word(a.last - 1));
            let city = |b: &Arg| b.entity_type == EntityType::City && named_place && !in_a_list;
            if let Some(b) = sv.arg_starting(k).filter(|b| b.entity_type == EntityType::Country || region(b) || city(b)) {
                push(&mut out, a, Predicate::LocatedIn, &b, None, "", confidence::PLACE_THEN_ITS_REGION);
            }
        }
    }
    out
}

enum BodyKind {
    Government,
    Company,
    Other,
}

/// Whether an organisation named with a state is one of its bodies or a company based there.
fn body_kind(surface: &str) -> BodyKind {
    let lower = surface.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    if words.iter().any(|w| WORDS.government_body_heads.contains(w)) {
        BodyKind::Government
    } else if words.iter().any(|w| WORDS.company_heads.contains(w)) {
        BodyKind::Company
    } else {
        BodyKind::Other
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::{assert_triple as has, triples};

    #[test]
    fn where_places_and_organisations_are() {
        has("The statue was stolen from Hartwell Castle in Manitoba on Sunday.", "Hartwell Castle locatedIn Manitoba");
        has("Storms hit Winnipeg, Manitoba, overnight.", "Winnipeg locatedIn Manitoba");
        has("A shop on Harbour Road, London, was closed.", "Harbour Road locatedIn London");
        // "in" after "of" places the event, not the organisation.
        let t = triples("Ministers attended a meeting of the Security Council in Kyiv.");
        assert!(!t.iter().any(|x| x.starts_with("Security Council locatedIn")), "{t:?}");
        // A mayor heads the city.
        has("Anna Nowak, the mayor of Gdansk, declared a day of mourning.", "Anna Nowak leaderOf Gdansk");
    }
    #[test]
    fn state_bodies_are_part_of_their_state() {
        has("Turkey's foreign ministry summoned the envoy.", "Türkiye's foreign ministry partOf Türkiye");
        has("The Egyptian Foreign Ministry said nothing.", "Egypt's foreign ministry partOf Egypt");
        // A legislature's chamber named with its state's adjective: part of that state, so
        // the graph does not take it for another state's chamber of the same name.
        has("The Malaysian House of Representatives voted on Monday.", "House of Representatives partOf Malaysia");
        has("The Puerto Rico Senate voted on Monday.", "Senate partOf Puerto Rico");
    }
}
