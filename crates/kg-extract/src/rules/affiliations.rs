//! A person's place in an organisation stated without a title before the name:
//! "Greg Thayer of the U.S. Forest Service", "Anderson was the chief Middle East
//! correspondent for The Associated Press", "Branstad was installed as new chairman of
//! the National Governors' Association", "Tom Reed, an evolutionary biologist at Norway's
//! Nordic Veterinary College".

use super::clauses::{Arg, SentenceView};
use super::positions::appositive_title;
use super::{confidence, push, Found};
use crate::lexicon::Lexicon;
use crate::words::WORDS;
use kg_model::{EntityType, Predicate};

sentence_rule!(
    /// The rule: memberships stated without a title before the name.
    Affiliations,
    "memberships stated without a title before the name",
    |cx, sv| affiliations(cx.lex, sv)
);

/// Affiliations of the persons of a sentence that positions by title do not give.
pub fn affiliations(lex: &Lexicon, sv: &SentenceView) -> Vec<Found> {
    let mut out = Vec::new();
    for p in sv.args.iter().filter(|a| a.entity_type == EntityType::Person && !a.pronoun) {
        if let Some(org) = of_organisation(sv, p.last) {
            push(&mut out, p, Predicate::MemberOf, &org, None, "", confidence::AFFILIATION_PHRASE);
        }
        if let Some(found) = linked_position(lex, sv, p) {
            out.push(found);
        }
        if let Some(org) = appositive_at_organisation(lex, sv, p) {
            push(&mut out, p, Predicate::MemberOf, &org, None, "", confidence::AFFILIATION_PHRASE);
        }
        if let Some(party) = running_for_party(sv, p) {
            push(&mut out, p, Predicate::MemberOf, &party, None, "", confidence::AFFILIATION_PHRASE);
        }
        // "Pat Epps and other members of the Greenland Expedition Society".
        if sv.word(p.last) == "and" && sv.word(p.last + 1) == "other" && matches!(sv.word(p.last + 3), "of" | "at") {
            if let Some(org) = of_organisation(sv, p.last + 3) {
                push(&mut out, p, Predicate::MemberOf, &org, None, "", confidence::AFFILIATION_PHRASE);
            }
        }
    }
    out
}

/// "Ann Ode, who is running for the Green Party", "Ann Ode ran for the Avon party": a
/// candidate of a party (a name with "Party" or "party" after it; "ran for the Senate"
/// names an office).
fn running_for_party(sv: &SentenceView, p: &Arg) -> Option<Arg> {
    let mut k = p.last;
    if sv.word(k) == "," && sv.word(k + 1) == "who" {
        k += 2;
    }
    while WORDS.linking_words.contains(sv.word(k)) && k < p.last + 5 {
        k += 1;
    }
    if !matches!(sv.word(k), "running" | "ran" | "runs" | "run") || sv.word(k + 1) != "for" {
        return None;
    }
    k += 2;
    if sv.word(k) == "the" {
        k += 1;
    }
    let a = sv.arg_starting(k).filter(|a| a.entity_type == EntityType::Organization && !a.possessive)?;
    let party = sv.word(a.last) == "party" || sv.word(a.last - 1) == "party";
    party.then_some(a)
}

/// "Ralph Winter of the 2nd Circuit Court", "Carlos Tenev of the governing Peronist
/// Party": an organisation introduced by "of" right after a name, with at most two
/// lower-case words between ("of Washington" names a place and gives nothing).
fn of_organisation(sv: &SentenceView, after: usize) -> Option<Arg> {
    if sv.word(after) != "of" {
        return None;
    }
    let mut k = after + 1;
    if sv.word(k) == "the" {
        k += 1;
    }
    for _ in 0..3 {
        if sv.arg_starting(k).is_some() {
            return organisation_of_place_at(sv, k);
        }
        let t = sv.view.tokens.get(k)?;
        if !t.is_lower_word() {
            return None;
        }
        k += 1;
    }
    None
}

/// The organisation named from token `k`. One capitalised word is as often the tail of a
/// name cut at "of" ("Hall of Fame", "Academy of Sciences") as an organisation: only
/// acronyms ("of NASA") count.
fn organisation_at(sv: &SentenceView, k: usize) -> Option<Arg> {
    let a = sv.arg_starting(k)?;
    let named = a.last - a.first > 1 || sv.view.tokens[a.first].is_all_caps();
    (a.entity_type == EntityType::Organization && !a.possessive && named).then_some(a)
}

/// The organisation named from token `k`, or after the place that owns it there ("of
/// Australia's Griffith University").
fn organisation_of_place_at(sv: &SentenceView, k: usize) -> Option<Arg> {
    match sv.arg_starting(k) {
        Some(a) if a.possessive && matches!(a.entity_type, EntityType::Country | EntityType::City | EntityType::Location) => {
            organisation_at(sv, a.last + usize::from(sv.word(a.last) == "'s"))
        }
        _ => organisation_at(sv, k),
    }
}

/// "Anna Berg, an evolutionary biologist at the Nordic Veterinary College": an appositive
/// that calls the person by an occupation noun (a role of the lexicon, or a noun of a
/// person: "-ist", "-er", "-or", "-ian", "-ant", "-ent", "-ate") at an organisation.
fn appositive_at_organisation(lex: &Lexicon, sv: &SentenceView, p: &Arg) -> Option<Arg> {
    if sv.word(p.last) != "," || !matches!(sv.word(p.last + 1), "a" | "an") {
        return None;
    }
    let first = p.last + 2;
    // Lower-case words, and the letters of a degree ("a Ph.D. candidate").
    let description = |k: usize| {
        sv.is_lower_word(k) || sv.word(k) == "." || sv.view.tokens.get(k).is_some_and(|t| t.is_capitalized_word() && t.norm.len() <= 2)
    };
    let at = (first..first + 7).find(|&k| !description(k) || matches!(sv.word(k), "at" | "with"))?;
    if at == first || !matches!(sv.word(at), "at" | "with") {
        return None;
    }
    let noun = sv.word(at - 1);
    let person_noun = lex.roles.contains_key(noun)
        || lex.titles.contains_key(noun)
        || ["ist", "er", "or", "ian", "ant", "ent", "ate"].iter().any(|x| noun.len() > x.len() + 2 && noun.ends_with(x));
    if !person_noun {
        return None;
    }
    let mut k = at + 1;
    if sv.word(k) == "the" {
        k += 1;
    }
    organisation_of_place_at(sv, k)
}

/// "X was the chief correspondent for The Associated Press", "X will remain a
/// commissioner of the CFTC", "X was installed as new chairman of the Association": a
/// position after a linking verb, with the organisation it is held in.
fn linked_position(lex: &Lexicon, sv: &SentenceView, p: &Arg) -> Option<Found> {
    let mut k = p.last;
    // "Anderson, 41, was": the age between commas.
    if sv.word(k) == "," && sv.view.tokens.get(k + 1).is_some_and(|t| t.norm.chars().all(|c| c.is_ascii_digit())) && sv.word(k + 2) == "," {
        k += 3;
    }
    let from = k;
    while k < sv.sentence.last && WORDS.linking_words.contains(sv.word(k)) {
        k += 1;
    }
    if k == from || sv.modality(from, k, true).is_some() {
        return None;
    }
    let (title, role, org) = appositive_title(lex, sv, k)?;
    // "became president of the African nation": a demonym is no organisation.
    let org = org.filter(|o| o.entity_type == EntityType::Organization && !o.adjectival && !o.modifier)?;
    let mut out = Vec::new();
    push(&mut out, p, role.predicate(), &org, Some(title), "", confidence::AFFILIATION_PHRASE);
    out.pop()
}

#[cfg(test)]
mod tests {
    use crate::testutil::{assert_triple as has, triples};

    #[test]
    fn a_person_of_an_organisation_is_its_member() {
        has("The fire was contained, said Anna Berg of the Nordic Forest Service.", "Anna Berg memberOf Nordic Forest Service");
        has("Sen. Tom Reed of the governing Liberal Party objected.", "Tom Reed memberOf Liberal Party");
        has("Anna Berg of NASA spoke.", "Anna Berg memberOf NASA");
        has("Anna Berg, who is running for the Green Party, spoke.", "Anna Berg memberOf Green Party");
        has("Anna Berg, who is running for the Sustainable Avonia party, spoke.", "Anna Berg memberOf Sustainable Avonia");
        let t = triples("Anna Berg ran for the Senate in 2018.");
        assert!(!t.iter().any(|x| x.contains("memberOf")), "an office is no party: {t:?}");
        has("Tom Reed and other members of the Nordic Expedition Society froze.", "Tom Reed memberOf Nordic Expedition Society");
        has("Lead author Anna Berg of Norway's Nordic Forest University explained.", "Anna Berg memberOf Nordic Forest University");
        has(
            "Tom Reed, an evolutionary biomechanicist at Norway's Nordic Veterinary College, questioned it.",
            "Tom Reed memberOf Nordic Veterinary College",
        );
        has("Anna Berg, a Ph.D. candidate at the Nordic Forest University, said so.", "Anna Berg memberOf Nordic Forest University");
        let t = triples("Tom Reed, a critic of the Nordic Forest Service, spoke.");
        assert!(!t.iter().any(|x| x.contains("memberOf")), "no occupation at it: {t:?}");
        let t = triples("Tom Reed of Kenya spoke.");
        assert!(!t.iter().any(|x| x.contains("memberOf")), "a place is no employer: {t:?}");
    }

    #[test]
    fn positions_after_a_linking_verb() {
        has("Anna Berg, 41, was the chief Middle East correspondent for The Daily Courier.", "Anna Berg memberOf Daily Courier");
        has("Tom Reed will remain a commissioner of the Nordic Trade Commission.", "Tom Reed memberOf Nordic Trade Commission");
        has(
            "Tom Reed was installed as new chairman of the Nordic Governors Association.",
            "Tom Reed leaderOf Nordic Governors Association",
        );
        let t = triples("Tom Reed was not a member of the Nordic Trade Commission.");
        assert!(!t.iter().any(|x| x.contains("memberOf")), "negated: {t:?}");
    }
}
