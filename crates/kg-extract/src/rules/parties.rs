//! Party membership from the party's adjective before a name: "Democratic presidential
//! candidate Ann Miller", "Republican Senator X", "Labour MP Y" make the person a
//! member of the party the article names ("the Democratic Party", "Labour Party").

use super::Found;
use crate::mentions::coref::Resolution;
use crate::mentions::{Mention, MentionKind, TextView};
use crate::words::WORDS;
use kg_model::{EntityType, Predicate};

/// Confidence of a membership read from a party adjective.
const CONFIDENCE: f64 = super::confidence::PARTY_ADJECTIVE;

/// The party entities of the document by the lower-case first word of their label
/// ("democratic" for "Democratic Party").
fn parties(res: &Resolution) -> Vec<(String, usize)> {
    res.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.entity_type == EntityType::Organization && !e.spans.is_empty())
        .filter(|(_, e)| e.label.split_whitespace().last().is_some_and(|w| w.eq_ignore_ascii_case("party")))
        .filter_map(|(k, e)| Some((e.label.split_whitespace().next()?.to_lowercase(), k)))
        .collect()
}

/// The party word of a party name as an adjective ("Democratic", "Democrat", "Republican").
fn party_of(word: &str, parties: &[(String, usize)]) -> Option<usize> {
    let w = word.to_lowercase();
    parties.iter().find(|(p, _)| *p == w || p.strip_suffix("ic").is_some_and(|stem| stem == w)).map(|(_, k)| *k)
}

rule!(
    /// The rule: party membership from party adjectives.
    Parties,
    "party membership from party adjectives",
    |cx, out| {
        for (si, f) in memberships(cx.view, cx.mentions, cx.resolution) {
            out.relations[si].push(f);
        }
    }
);

/// Memberships read from party adjectives before persons' names, with their sentences.
pub fn memberships(view: &TextView, mentions: &[Mention], res: &Resolution) -> Vec<(usize, Found)> {
    let parties = parties(res);
    if parties.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<(usize, Found)> = Vec::new();
    for (mi, m) in mentions.iter().enumerate() {
        let Some(Some(person)) = res.of_mention.get(mi) else { continue };
        if !matches!(m.kind, MentionKind::Person(_)) || res.entities[*person].entity_type != EntityType::Person {
            continue;
        }
        let mut k = m.title.as_ref().map_or(m.first, |t| t.2);
        let floor = view.sentences[m.sentence].first;
        while k > floor && WORDS.between_words.contains(view.token_lower(k - 1)) {
            k -= 1;
        }
        if k == floor || !view.tokens[k - 1].is_capitalized() {
            continue;
        }
        let Some(party) = party_of(&view.tokens[k - 1].norm, &parties) else { continue };
        if out.iter().any(|(_, f)| f.subject == *person && f.object == party) {
            continue;
        }
        out.push((m.sentence, Found::standing(*person, Predicate::MemberOf, party, None, CONFIDENCE)));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::testutil::triples;

    #[test]
    fn a_party_adjective_before_a_name_is_membership() {
        let text = "The Democratic Party met in Ohio. Democratic presidential candidate Ann Miller spoke first, \
                    and Republican Senator Tom Ode replied.";
        let found = triples(text);
        assert!(found.contains(&"Ann Miller memberOf Democratic Party".to_string()), "{found:?}");
        // The party's word before a position names the party, as real news is read.
        assert!(found.contains(&"Tom Ode memberOf Republican Party".to_string()), "{found:?}");
    }
}
