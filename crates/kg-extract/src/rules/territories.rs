//! Territories: a territory that is no state (Puerto Rico, Greenland, Hong Kong) is located
//! in the state it belongs to, where the document names that state too. The gazetteer says
//! which state that is (`territory_of`); a territory whose state the gazetteer does not know
//! gives nothing.

use kg_model::{EntityType, Predicate};

use super::{confidence, types_allowed, Found};
use crate::mentions::MentionKind;

rule!(
    /// The rule: territories in their states.
    Territories,
    "territories in their states",
    |cx, out| {
        // The entity and the gazetteer entry of each country or territory the document names
        // by its name, with the sentence of its first mention.
        let mut named: Vec<(usize, usize, usize)> = Vec::new();
        for (mi, m) in cx.mentions.iter().enumerate() {
            if let (MentionKind::Country(c), Some(Some(e))) = (&m.kind, cx.resolution.of_mention.get(mi)) {
                if !named.iter().any(|&(x, _, _)| x == *e) {
                    named.push((*e, *c, m.sentence));
                }
            }
        }
        for &(territory, c, sentence) in &named {
            let Some(code) = cx.lex.countries[c].territory_of.as_deref() else { continue };
            // The state, however the document names it ("China", "Chinese", "Beijing").
            let Some(state) = cx.lex.countries.iter().find(|s| s.code == code) else { continue };
            let state = cx.resolution.entities.iter().position(|e| e.entity_type == EntityType::Country && e.label == state.name);
            if let Some(state) = state.filter(|&s| types_allowed(Predicate::LocatedIn, cx.types[territory], cx.types[s])) {
                out.relations[sentence].push(Found::standing(territory, Predicate::LocatedIn, state, None, confidence::TERRITORY_OF_ITS_STATE));
            }
        }
    }
);

#[cfg(test)]
mod tests {
    use crate::testutil::triples;

    #[test]
    fn a_territory_is_located_in_its_state_where_the_text_names_both() {
        let t = triples("Storms hit Puerto Rico and Guam. The United States sent aid. Hong Kong and Bermuda were spared.");
        assert!(t.contains(&"Puerto Rico locatedIn United States".to_string()), "{t:?}");
        assert!(t.contains(&"Guam locatedIn United States".to_string()), "{t:?}");
        // China is not named; Bermuda's state is not in the gazetteer.
        assert!(!t.iter().any(|x| x.starts_with("Hong Kong") || x.starts_with("Bermuda")), "{t:?}");
        let e = crate::testutil::entities("Storms hit Puerto Rico, Hong Kong and Canada.");
        for want in ["Puerto Rico (Location)", "Hong Kong (City)", "Canada (Country)"] {
            assert!(e.contains(&want.to_string()), "{want}: {e:?}");
        }
    }
}
