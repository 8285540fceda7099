//! Names shared by a country and a region of another state ("Georgia": a country and a US
//! state). Mentions find the country; this pass reads every mention of such a name in a
//! document as the region when the document says so, one sense per document:
//! - the text calls it a state or province ("the state of Georgia", "Georgia state");
//! - it stands in a list beside a region of the same state ("Ohio, Georgia and Iowa");
//! - it follows a city of that state ("Atlanta, Georgia");
//! - it follows a person introduced by a party word or a regional title
//!   ("Republican Anna Berg of Georgia", "Governor Tom Reed of Georgia");
//! - the document names two other regions of that state.
//!
//! A mention of the country by another of its names (its demonym or capital: "Georgian",
//! "Tbilisi") keeps every mention the country's.

use kg_model::EntityType;

use super::{Mention, MentionKind, TextView};
use crate::lexicon::Lexicon;
use crate::words::{party_word, WORDS};

/// Re-reads the mentions of names shared by a country and a region of another state.
pub fn read_regions_named_like_countries(lex: &Lexicon, view: &TextView, mentions: &mut [Mention]) {
    if lex.regions_named_like_countries.is_empty() {
        return;
    }
    let mut key = String::new();
    // The shared names the document uses, with the region's state and the country's index.
    let mut shared: Vec<(String, &str, usize)> = Vec::new();
    for m in mentions.iter() {
        if let MentionKind::Country(c) = m.kind {
            view.join_lower(m.first, m.last, &mut key);
            if let Some(state) = lex.regions_named_like_countries.get(&key) {
                if !shared.iter().any(|(k, _, _)| *k == key) {
                    shared.push((key.clone(), state.as_str(), c));
                }
            }
        }
    }
    for (name, state, country) in shared {
        let is_shared = |m: &Mention, key: &mut String| {
            view.join_lower(m.first, m.last, key);
            m.kind == MentionKind::Country(country) && *key == name
        };
        let other_name_of_country = mentions
            .iter()
            .any(|m| matches!(m.kind, MentionKind::Country(c) | MentionKind::Capital(c) if c == country) && !is_shared(m, &mut key));
        if other_name_of_country {
            continue;
        }
        let read_as_region =
            mentions.iter().enumerate().any(|(i, m)| is_shared(m, &mut key) && region_context(lex, view, mentions, i, state))
                || other_regions_named(lex, view, mentions, state) >= 2;
        if !read_as_region {
            continue;
        }
        for m in mentions.iter_mut() {
            if is_shared(m, &mut key) {
                m.kind = MentionKind::Place(m.surface.clone());
                m.entity_type = EntityType::Location;
                m.adjectival = false;
            }
        }
    }
}

/// Whether the words around mention `i` make it a region of `state`.
fn region_context(lex: &Lexicon, view: &TextView, mentions: &[Mention], i: usize, state: &str) -> bool {
    super::refine::called_a_state(view, &mentions[i])
        || listed_beside_region(lex, view, mentions, i, state)
        || after_city_of(lex, view, mentions, i, state)
        || after_regional_person(view, mentions, i)
}

/// "Ohio, Georgia and Iowa": a neighbour in a list (joined by a comma, "and" or "or") is a
/// region of the same state.
fn listed_beside_region(lex: &Lexicon, view: &TextView, mentions: &[Mention], i: usize, state: &str) -> bool {
    let m = &mentions[i];
    let joiner = |from: usize, to: usize| (from..to).all(|k| matches!(view.token_lower(k), "," | "and" | "or")) && to > from;
    let mut key = String::new();
    mentions.iter().filter(|n| n.sentence == m.sentence && !n.embedded).any(|n| {
        let beside = (n.last <= m.first && joiner(n.last, m.first)) || (m.last <= n.first && joiner(m.last, n.first));
        beside && region_of(lex, view, n, state, &mut key)
    })
}

/// "Atlanta, Georgia": a city of the state right before the name and a comma.
fn after_city_of(lex: &Lexicon, view: &TextView, mentions: &[Mention], i: usize, state: &str) -> bool {
    let m = &mentions[i];
    if m.first < 2 || view.token_lower(m.first - 1) != "," {
        return false;
    }
    let mut key = String::new();
    mentions.iter().any(|n| {
        n.last == m.first - 1 && n.entity_type == EntityType::City && {
            view.join_lower(n.first, n.last, &mut key);
            lex.cities.get(&key).is_some_and(|(_, code)| code == state)
        }
    })
}

/// "Republican Anna Berg of Georgia", "Governor Tom Reed of Georgia": "of" the name after a
/// person whose party word or regional title comes just before the name.
fn after_regional_person(view: &TextView, mentions: &[Mention], i: usize) -> bool {
    let m = &mentions[i];
    if m.first < 2 || view.token_lower(m.first - 1) != "of" {
        return false;
    }
    let Some(person) = mentions.iter().find(|n| n.last == m.first - 1 && n.entity_type == EntityType::Person) else {
        return false;
    };
    let from = person.title.as_ref().map_or(person.first, |t| t.2.min(person.first)).saturating_sub(3);
    (from..person.first).any(|k| {
        let w = view.token_lower(k);
        party_word(w).is_some() || WORDS.regional_titles.contains(w)
    })
}

/// How many regions of `state` other than the shared names the document names.
fn other_regions_named(lex: &Lexicon, view: &TextView, mentions: &[Mention], state: &str) -> usize {
    let mut key = String::new();
    let mut seen: Vec<String> = Vec::new();
    for m in mentions {
        if region_of(lex, view, m, state, &mut key) && !seen.contains(&key) {
            seen.push(key.clone());
        }
    }
    seen.len()
}

/// Whether a mention is a region of `state` by the gazetteer.
fn region_of(lex: &Lexicon, view: &TextView, m: &Mention, state: &str, key: &mut String) -> bool {
    if m.entity_type != EntityType::Location {
        return false;
    }
    view.join_lower(m.first, m.last, key);
    lex.regions.get(key.as_str()).is_some_and(|code| code == state)
}

#[cfg(test)]
mod tests {
    use crate::testutil::{entities, triples};

    fn type_of(text: &str, name: &str) -> String {
        let e = entities(text);
        e.iter().find(|x| x.starts_with(&format!("{name} ("))).cloned().unwrap_or_else(|| panic!("{name} not found in {e:?}"))
    }

    #[test]
    fn a_shared_name_is_the_region_where_the_document_says_so() {
        for text in [
            "The candidates campaigned in Pennsylvania, Georgia, Florida and Iowa.",
            "Republican lawmaker Anna Berg of Georgia said the vote was a sham.",
            "Governor Tom Reed of Georgia signed the bill on Monday.",
            "The storm reached Atlanta, Georgia, on Monday.",
            "Voters in the state of Georgia went to the polls.",
            "Harold Kessler left Ohio for Texas. He now lives in Georgia.",
        ] {
            assert_eq!(type_of(text, "Georgia"), "Georgia (Location)", "{text}");
        }
        let t = triples("The candidates campaigned in Pennsylvania, Georgia, Florida and Iowa.");
        assert!(!t.iter().any(|x| x.contains("locatedIn")), "a list of states is no 'City, State': {t:?}");
    }

    #[test]
    fn a_shared_name_stays_the_country_without_such_evidence() {
        for text in [
            "Georgia and Armenia signed a trade deal on Monday.",
            "Prime Minister Harold Kessler of Georgia met the Ohio governor.",
            // The country's other names keep it the country, even beside US states.
            "Georgian officials met delegates from Ohio and Texas in Georgia.",
        ] {
            assert_eq!(type_of(text, "Georgia"), "Georgia (Country)", "{text}");
        }
    }
}
