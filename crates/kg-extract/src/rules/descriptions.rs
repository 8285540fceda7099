//! Where organisations and places are, and what they belong to, from the words that
//! describe them: "the French shipbuilder Naval Group", "China's Sinopec", "Belavia,
//! the Belarusian state airline", "Minsk, the Belarusian capital", "Brunsbüttel, a port
//! in northern Germany", "the European Medicines Agency, the EU's drug regulator",
//! "LVMH, which already owns the Italian jeweller Bulgari".

use super::clauses::{Arg, SentenceView};
use super::{confidence, push, Found};
use crate::lexicon::{CueKind, Lexicon};
use crate::mentions::{Mention, MentionKind};
use crate::words::WORDS;
use kg_model::{EntityType, Predicate};

sentence_rule!(
    /// The rule: places and owners from descriptions.
    Descriptions,
    "places and owners from descriptions",
    |cx, sv| descriptions(cx.lex, sv, cx.mentions)
);

/// Structure relations stated by descriptions and ownership in a sentence.
pub fn descriptions(lex: &Lexicon, sv: &SentenceView, mentions: &[Mention]) -> Vec<Found> {
    let mut out = Vec::new();
    for t in sv.args.iter().filter(|a| described(a)) {
        premodified(lex, sv, mentions, t, &mut out);
        if sv.word(t.last) == "," {
            appositive(lex, sv, t, &mut out);
        }
    }
    // "the Irish airline" standing for the company named before it.
    for t in sv.args.iter().filter(|a| a.pronoun && a.entity_type == EntityType::Organization) {
        if let Some(c) =
            sv.args.iter().find(|c| c.adjectival && c.entity_type == EntityType::Country && t.first < c.first && c.last < t.last)
        {
            placed_in(sv, t, c, confidence::DESCRIPTION, &mut out);
        }
    }
    for k in sv.sentence.first..sv.sentence.last {
        if WORDS.owning_verbs.contains(sv.view.token_lower(k)) {
            ownership(sv, k, &mut out);
        }
    }
    out
}

/// What a description can place: an organisation, a city or another place, named (not a pronoun).
fn described(a: &Arg) -> bool {
    !a.pronoun && !a.adjectival && matches!(a.entity_type, EntityType::Organization | EntityType::City | EntityType::Location)
}

/// An organisation or place is where its country is; a state body is part of it.
fn placed_in(sv: &SentenceView, t: &Arg, country: &Arg, confidence: f64, out: &mut Vec<Found>) {
    let predicate =
        if t.entity_type == EntityType::Organization && is_state_body(sv, t) { Predicate::PartOf } else { Predicate::LocatedIn };
    push(out, t, predicate, country, None, "", confidence);
}

fn is_state_body(sv: &SentenceView, a: &Arg) -> bool {
    (a.first..a.last).any(|k| matches!(sv.word(k), "ministry" | "army" | "navy" | "police" | "parliament" | "government"))
}

/// A lower-case descriptive word ("shipbuilder", "state", "luggage", "maker"): not a
/// function word and not a verb of the cue lexicon.
fn descriptive(lex: &Lexicon, sv: &SentenceView, k: usize) -> bool {
    let w = sv.word(k);
    sv.is_lower_word(k)
        && w.starts_with(char::is_alphabetic)
        && !WORDS.not_descriptive.contains(w)
        && !WORDS.determiners.contains(w)
        && !WORDS.prepositions.contains(w)
        && !matches!(w, "near" | "following" | "after" | "before" | "outside" | "inside" | "off" | "beyond")
        && sv.arg_starting(k).is_none()
        && !lex.cue_index.get(w).is_some_and(|forms| forms.iter().any(|f| lex.cues[f.cue].kind == CueKind::Verb))
}

/// A country named as a modifier at token `k`: a demonym, a possessive or a name before a
/// lower-case word ("French", "China's", "U.S. energy company").
fn country_modifier(sv: &SentenceView, k: usize) -> Option<Arg> {
    let a = sv.arg_starting(k).filter(|a| a.entity_type == EntityType::Country)?;
    // "the South American group": a continent's part, not a country.
    if k > sv.sentence.first && matches!(sv.word(k - 1), "south" | "north" | "latin" | "central") {
        return None;
    }
    (a.adjectival || a.possessive || sv.is_lower_word(a.last)).then_some(a)
}

/// "the French shipbuilder Naval Group", "the Belarusian capital Minsk", "the Ukrainian
/// city of Bakhmut", "China's Sinopec", "Qatar's North Field".
fn premodified(lex: &Lexicon, sv: &SentenceView, mentions: &[Mention], t: &Arg, out: &mut Vec<Found>) {
    let mut j = t.first;
    if j > sv.sentence.first + 1
        && sv.word(j - 1) == "of"
        && matches!(sv.word(j - 2), "city" | "town" | "port" | "village" | "region" | "province")
    {
        j -= 1;
    }
    let mut words = 0;
    while words < 3 && j > sv.sentence.first && descriptive(lex, sv, j - 1) {
        j -= 1;
        words += 1;
    }
    let Some(country) = sv.args.iter().find(|a| a.last + usize::from(a.possessive) == j).and_then(|a| country_modifier(sv, a.first)) else {
        return;
    };
    // "Rimowa, the German luggage maker LVMH bought": the description is Rimowa's.
    let det = country.first.saturating_sub(1);
    if det > sv.sentence.first + 1
        && matches!(sv.word(det), "the" | "a" | "an")
        && sv.word(det - 1) == ","
        && sv.arg_ending(det - 1).is_some_and(|a| described(&a))
    {
        return;
    }
    if words == 0 {
        // "China's Sinopec" but not "America's NATO allies": an intergovernmental body is nobody's.
        let international = mentions.iter().any(|m| m.first == t.first && matches!(m.kind, MentionKind::LexiconOrg(_)));
        if !country.possessive || international {
            return;
        }
    }
    placed_in(sv, t, &country, confidence::DESCRIPTION, out);
}

/// After "Name ,": "the Belarusian state airline", "the Swiss owner of Cartier", "a port
/// in northern Germany", "the EU's drug regulator", "an agency of the African Union".
fn appositive(lex: &Lexicon, sv: &SentenceView, t: &Arg, out: &mut Vec<Found>) {
    let mut k = t.last + 1;
    if !matches!(sv.word(k), "the" | "a" | "an") {
        return;
    }
    k += 1;
    let modifier = country_modifier(sv, k)
        .or_else(|| sv.arg_starting(k).filter(|a| a.entity_type == EntityType::Organization && (a.possessive || sv.is_lower_word(a.last))));
    if let Some(m) = modifier {
        k = m.last + usize::from(m.possessive);
    }
    let start = k;
    while k < sv.sentence.last && k - start < 4 && descriptive(lex, sv, k) {
        k += 1;
    }
    if k == start {
        return;
    }
    let head = sv.word(k - 1);
    let body = WORDS.subordinate_body_heads.contains(head);
    match (modifier, sv.word(k)) {
        (Some(m), "," | "." | ";" | "" | "that" | "which" | "and") if m.entity_type == EntityType::Country => {
            placed_in(sv, t, &m, confidence::DESCRIPTION, out)
        }
        // "Rimowa, the German luggage maker LVMH bought in 2016": a relative clause without "that".
        (Some(m), _) if m.entity_type == EntityType::Country && sv.arg_starting(k).is_some() => {
            placed_in(sv, t, &m, confidence::LOOSE_DESCRIPTION, out)
        }
        (Some(m), "," | "." | ";" | "" | "that" | "which" | "and") if body => {
            push(out, t, Predicate::PartOf, &m, None, "", confidence::DESCRIPTION)
        }
        (modifier, "of") => {
            let Some(o) = of_name(sv, k + 1) else { return };
            if head == "owner" || head == "parent" {
                // "Richemont, the Swiss owner of Cartier".
                push(out, &o, Predicate::PartOf, t, None, "", confidence::DESCRIPTION);
            } else if body && o.entity_type == EntityType::Organization {
                push(out, t, Predicate::PartOf, &o, None, "", confidence::DESCRIPTION);
            }
            if let Some(m) = modifier.filter(|m| m.entity_type == EntityType::Country) {
                placed_in(sv, t, &m, confidence::DESCRIPTION, out);
            }
        }
        (None, "in") => {
            // "Brunsbüttel, a port in northern Germany".
            let mut j = k + 1;
            while WORDS.directions.contains(sv.word(j)) {
                j += 1;
            }
            if let Some(c) = sv.arg_starting(j).filter(|a| a.entity_type == EntityType::Country && !a.possessive) {
                placed_in(sv, t, &c, confidence::DESCRIPTION, out);
            }
        }
        _ => {}
    }
}

/// The name after "of" at token `k` (after "the").
fn of_name(sv: &SentenceView, k: usize) -> Option<Arg> {
    let k = if sv.word(k) == "the" { k + 1 } else { k };
    sv.arg_starting(k).filter(|a| !a.possessive)
}

/// "LVMH, which already owns the Italian jeweller Bulgari", "Rimowa, owned by LVMH": the
/// owned organisation is part of its owner.
fn ownership(sv: &SentenceView, v: usize, out: &mut Vec<Found>) {
    if sv.modality(v, v + 1, false).is_some() {
        return;
    }
    let org = |a: Option<Arg>| a.filter(|a| a.entity_type == EntityType::Organization && !a.pronoun);
    if sv.word(v + 1) == "by" {
        // "owned by": passive, with the owned organisation before the verb.
        let (Some(owner), Some(owned)) = (org(sv.arg_starting(v + 2)), org(sv.subject_before(v, false))) else { return };
        push(out, &owned, Predicate::PartOf, &owner, None, "", confidence::LOOSE_DESCRIPTION);
        return;
    }
    let Some(owner) = org(sv.subject_before(v, false)) else { return };
    // The owned organisation right after the verb, after a determiner, a country and description.
    let mut k = v + 1;
    if matches!(sv.word(k), "the" | "a" | "an") {
        k += 1;
    }
    if let Some(c) = country_modifier(sv, k) {
        k = c.last + usize::from(c.possessive);
    }
    let mut words = 0;
    while words < 3 && sv.arg_starting(k).is_none() && sv.is_lower_word(k) {
        k += 1;
        words += 1;
    }
    if let Some(owned) = org(sv.arg_starting(k)) {
        push(out, &owned, Predicate::PartOf, &owner, None, "", confidence::LOOSE_DESCRIPTION);
    }
}

#[cfg(test)]
mod tests {
    use crate::testutil::{assert_triple as has, triples};

    #[test]
    fn a_country_before_a_description_places_the_organisation() {
        has("Peru ordered frigates from the French shipbuilder Marlin Industries.", "Marlin Industries locatedIn France");
        has("The deal was signed with Japan's Mitsubishi last week.", "Mitsubishi locatedIn Japan");
        has("Shelling continued in the Ukrainian city of Bakhmut.", "Bakhmut locatedIn Ukraine");
        has("On Monday, the Canadian city of Toronto hosted it.", "Toronto locatedIn Canada");
        let t = triples("America's NATO allies met in Brussels. A Ukrainian passenger jet crashed near Tehran.");
        assert!(!t.iter().any(|x| x.starts_with("NATO locatedIn") || x.starts_with("Tehran")), "{t:?}");
    }

    #[test]
    fn appositives_place_organisations_and_cities() {
        has("Britain suspended the permit of Belavia, the Belarusian state airline, on Monday.", "Belavia locatedIn Belarus");
        has("The flight was diverted to Vitebsk, the Belarusian border city, on Sunday.", "Vitebsk locatedIn Belarus");
        has("Talks were held in Bogota and later moved to Lima, the Peruvian capital.", "Lima locatedIn Peru");
        has("The gas goes to Wilhelmshaven, a port in northern Germany, from May.", "Wilhelmshaven locatedIn Germany");
        has("Talks involved Valmet Holdings, the Swiss owner of Nordlicht, last year.", "Nordlicht partOf Valmet Holdings");
        let t = triples("He ran Marlin Industries, the German luggage maker Valmet Holdings bought in 2016.");
        assert!(t.contains(&"Marlin Industries locatedIn Germany".to_string()), "{t:?}");
        assert!(!t.contains(&"Valmet Holdings locatedIn Germany".to_string()), "{t:?}");
    }

    #[test]
    fn a_company_described_by_its_country() {
        has("Marlin Industries said on Monday that the Irish airline had lost money.", "Marlin Industries locatedIn Ireland");
    }

    #[test]
    fn bodies_and_owned_companies_are_parts() {
        has("The European Medicines Agency, the EU's drug regulator, approved it.", "European Medicines Agency partOf European Union");
        has(
            "Dr Ouma leads the Continental Health Agency, an agency of the African Union, in Addis Ababa.",
            "Continental Health Agency partOf African Union",
        );
        has("Marlin Industries, which already owns the Italian jeweller Vetro Holdings, grew.", "Vetro Holdings partOf Marlin Industries");
    }
}
