//! Variant names of one entity within a document, merged once coreference has made the
//! document's entities: an organisation's short and full names ("Unity League" and "Unity
//! League of Avonshire", "Marbridge" and "College of Marbridge", "the Assembly" and
//! "Legislative Assembly"), its name in the singular and the plural ("Liberal Democrat",
//! "Liberal Democrats"), a place's name misspelt beside its right spelling, and a name's
//! initials in capitals ("AVC" for "Avon Valley City").

use crate::lexicon::Lexicon;
use crate::mentions::coref::{initials, merge_entities, EntityDraft, Resolution};
use crate::words::WORDS;
use kg_model::names::{normalize_label, same_name_part};
use kg_model::EntityType;

/// Merges the variant names of each entity of a resolved document.
pub(crate) fn merge_variants(lex: &Lexicon, res: &mut Resolution) {
    merge_short_forms(lex, res);
    merge_number_variants(res);
    merge_misspelt_places(res);
    merge_initialisms(res);
}

/// "AVC" beside "Avon Valley City": a word in capitals, read as an organisation, whose
/// letters are the initials of one place or organisation the document names in full.
fn merge_initialisms(res: &mut Resolution) {
    let mut into: Vec<Option<usize>> = vec![None; res.entities.len()];
    for (a, d) in res.entities.iter().enumerate() {
        let capitals = d.label.chars().count() >= 2 && d.label.chars().all(|c| c.is_ascii_uppercase());
        if d.entity_type != EntityType::Organization || d.spans.is_empty() || !capitals {
            continue;
        }
        let mut named = res.entities.iter().enumerate().filter(|(t, o)| {
            *t != a && !o.spans.is_empty() && o.entity_type != EntityType::Person && o.label.contains(' ') && initials(&o.label) == d.label
        });
        if let (Some((t, _)), None) = (named.next(), named.next()) {
            into[a] = Some(t);
        }
    }
    merge_entities(res, &into);
}

fn organisation_like(d: &EntityDraft) -> bool {
    matches!(d.entity_type, EntityType::Organization | EntityType::Group) && !d.spans.is_empty()
}

/// Words of a label as the scorer compares them (folded, without "the" and punctuation).
fn label_words(d: &EntityDraft) -> Vec<String> {
    normalize_label(&d.label).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Whether the organisation named `short` is the one named `long` in full: its words up to
/// "of" ("Unity League" of "Unity League of Avonshire"), its words before an organisation
/// keyword ("Northern Arapaho" of "Northern Arapaho Tribe"), the place after "of" of an
/// institution ("Marbridge" of "College of Marbridge"), or its head noun alone ("Court" of
/// "Supreme Court of Avonshire", "Assembly" of "Legislative Assembly").
fn short_form_of(lex: &Lexicon, short: &[String], long: &[String]) -> bool {
    if short.is_empty() || short.len() >= long.len() {
        return false;
    }
    let keyword = |w: &str| WORDS.org_keywords.contains(w);
    if long.starts_with(short) {
        let next = long[short.len()].as_str();
        // "Unity Party of Illinois" is the party's branch in a state, not the party.
        let branch =
            next == "of" && short.last().is_some_and(|w| w == "party") && lex.regions.contains_key(&long[short.len() + 1..].join(" "));
        let head = keyword(next) || matches!(next, "tribe" | "tribes");
        if (next == "of" && !branch) || (long.len() == short.len() + 1 && head) {
            return true;
        }
    }
    let [word] = short else { return false };
    if let Some(of) = long.iter().position(|w| w == "of") {
        let institution = long[..of].iter().any(|w| keyword(w));
        if institution && long[of + 1..] == [word.clone()] {
            return true;
        }
        if of > 0 && long[of - 1] == *word && keyword(word) {
            return true;
        }
    }
    long.last() == Some(word) && keyword(word)
}

/// Moves each organisation named by a short form into the one organisation of the document
/// whose full name it shortens; a short form of two different organisations stays apart.
/// Longer short forms go first, so that "Court" meets "Supreme Court" already merged into
/// "Supreme Court of Avonshire".
fn merge_short_forms(lex: &Lexicon, res: &mut Resolution) {
    let words: Vec<Vec<String>> = res.entities.iter().map(label_words).collect();
    let mut shorts: Vec<usize> = (0..res.entities.len()).filter(|&e| organisation_like(&res.entities[e])).collect();
    shorts.sort_by_key(|&e| std::cmp::Reverse(words[e].len()));
    let mut into: Vec<Option<usize>> = vec![None; res.entities.len()];
    let root = |into: &[Option<usize>], mut e: usize| {
        while let Some(next) = into[e] {
            e = next;
        }
        e
    };
    // A full name is written as one: capitalised words and their joiners, not "Senate
    // committee" or "Republicans in Congress"; or it is a state's body ("Avonia's navy").
    let written_as_name = |e: usize| {
        let label = &res.entities[e].label;
        label.contains("'s ")
            || label.split_whitespace().all(|w| {
                w.chars().next().is_some_and(|c| !c.is_lowercase())
                    || matches!(w, "of" | "and" | "for" | "the" | "&")
                    || WORDS.name_particles.contains(w)
            })
    };
    for &s in &shorts {
        let mut targets: Vec<usize> = shorts
            .iter()
            .filter(|&&l| l != s && written_as_name(l) && short_form_of(lex, &words[s], &words[l]))
            .map(|&l| root(&into, l))
            .filter(|&t| t != s)
            .collect();
        targets.sort_unstable();
        targets.dedup();
        if let [target] = targets[..] {
            into[s] = Some(target);
        }
    }
    merge_entities(res, &into);
}

/// "Liberal Democrat" and "Liberal Democrats", "Hindu" and "Hindus": an organisation or
/// group named in the singular and the plural is one, under the name used more often (the
/// plural on a tie).
fn merge_number_variants(res: &mut Resolution) {
    let labels: Vec<String> = res.entities.iter().map(|d| normalize_label(&d.label)).collect();
    let mut into: Vec<Option<usize>> = vec![None; res.entities.len()];
    for s in 0..res.entities.len() {
        if !organisation_like(&res.entities[s]) {
            continue;
        }
        let plural = format!("{}s", labels[s]);
        let Some(p) = (0..res.entities.len()).find(|&p| p != s && organisation_like(&res.entities[p]) && labels[p] == plural) else {
            continue;
        };
        if into[p].is_some() || into[s].is_some() {
            continue;
        }
        if res.entities[s].spans.len() > res.entities[p].spans.len() {
            into[p] = Some(s);
        } else {
            into[s] = Some(p);
        }
    }
    merge_entities(res, &into);
}

/// "Marbirdge" once beside "Marbridge" three times: a place named once or twice whose
/// one-word name is a slip (a letter changed, dropped or swapped) from a place named at
/// least as often is that place. Countries are named from the gazetteer, and stay.
fn merge_misspelt_places(res: &mut Resolution) {
    let place = |d: &EntityDraft| matches!(d.entity_type, EntityType::City | EntityType::Location) && !d.spans.is_empty();
    let labels: Vec<String> = res.entities.iter().map(|d| normalize_label(&d.label)).collect();
    let mut into: Vec<Option<usize>> = vec![None; res.entities.len()];
    for m in 0..res.entities.len() {
        let d = &res.entities[m];
        if !place(d) || d.spans.len() > 2 || d.label.contains(' ') || d.label.chars().count() < 7 {
            continue;
        }
        let mut targets = (0..res.entities.len()).filter(|&t| {
            let o = &res.entities[t];
            t != m
                && into[t].is_none()
                && place(o)
                && o.spans.len() >= d.spans.len()
                && !o.label.contains(' ')
                && o.label.chars().count() >= 7
                && labels[t] != labels[m]
                && same_name_part(&o.label, &d.label)
        });
        if let (Some(t), None) = (targets.next(), targets.next()) {
            into[m] = Some(t);
        }
    }
    merge_entities(res, &into);
}

#[cfg(test)]
mod tests {
    use crate::testutil::entities;

    fn count(found: &[String], ty: &str) -> usize {
        found.iter().filter(|e| e.ends_with(&format!("({ty})"))).count()
    }

    #[test]
    fn an_organisations_short_name_is_its_full_name() {
        let text = "The Unity League of Avonshire chose a leader. The Unity League said the vote was fair.";
        let found = entities(text);
        assert!(found.contains(&"Unity League of Avonshire (Organization)".to_string()) && count(&found, "Organization") == 1, "{found:?}");
        let text = "Maria Lopez studied at the College of Marbridge in 2004. Marbridge awarded her a prize.";
        let found = entities(text);
        assert!(!found.iter().any(|e| e.starts_with("Marbridge (")), "{found:?}");
        let text = "The Supreme Court of Avonshire ruled on Monday. The Supreme Court said the law was void, and the Court closed.";
        let found = entities(text);
        assert_eq!(count(&found, "Organization"), 1, "{found:?}");
        // A party's branch in a state is not the party.
        let text = "Maria Lopez chairs the Unity Party of Illinois. The Unity Party chose Harold Kessler in May.";
        assert_eq!(count(&entities(text), "Organization"), 2, "{:?}", entities(text));
    }

    #[test]
    fn a_head_noun_of_two_organisations_stays_apart() {
        let text = "The Supreme Court of Avonshire and the Supreme Court of Marbridge disagreed. The Supreme Court said no.";
        let found = entities(text);
        assert!(found.iter().filter(|e| e.starts_with("Supreme Court of")).count() == 2, "{found:?}");
    }

    #[test]
    fn initials_in_capitals_are_the_name_in_full() {
        let text = "AVC mayor resigns\n\nThe mayor of Avon Valley City resigned on Monday. Avon Valley City will vote in May.";
        let found = entities(text);
        assert!(!found.iter().any(|e| e.starts_with("AVC (")), "{found:?}");
        let text = "Members of the Avon Valley Tribe voted. The Avon Valley said no.";
        let found = entities(text);
        assert!(
            found.contains(&"Avon Valley Tribe (Group)".to_string()) && !found.contains(&"Avon Valley (Organization)".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn singular_and_plural_names_are_one() {
        let text = "Liberal Democrat leader Harold Kessler resigned on Monday. The Liberal Democrats said they would \
                    choose a new leader. The Liberal Democrats won 12 seats.";
        let found = entities(text);
        assert!(found.contains(&"Liberal Democrats (Organization)".to_string()) && count(&found, "Organization") == 1, "{found:?}");
    }

    #[test]
    fn a_misspelt_place_is_the_place() {
        let text = "Flooding hit the town of Marbridge on Monday. Roads in Marbridge closed, and schools in Marbridge \
                    shut. Residents in Marbirdge were moved to Avonshire.";
        let found = entities(text);
        assert!(found.contains(&"Marbridge (City)".to_string()) && !found.iter().any(|e| e.starts_with("Marbirdge")), "{found:?}");
    }

    #[test]
    fn two_surnames_and_a_misspelt_name_are_one_person() {
        let text = "Governor Maria Lopez Garcia spoke on Monday. Lopez Garcia said the budget was fair. \
                    Maria Lopez thanked the Senate.";
        let found = entities(text);
        assert_eq!(found.iter().filter(|e| e.ends_with("(Person)")).collect::<Vec<_>>(), ["Maria Lopez Garcia (Person)"], "{found:?}");
        // A title or a place before a name, or a word after it, is no second name.
        let text = "Former Justice Maria Lopez spoke. Scotland Maria Lopez said so. Maria Lopez Image.";
        let found = entities(text);
        assert!(found.contains(&"Maria Lopez (Person)".to_string()), "{found:?}");
        let text = "Maria Lopez spoke on Monday. The oath of Maria R. Lopez Garcia is valid, the court said.";
        let found = entities(text);
        assert_eq!(count(&found, "Person"), 1, "{found:?}");
        let text = "Harold Kessler died on Monday. Kesslre had been ill for a year.";
        let found = entities(text);
        assert_eq!(count(&found, "Person"), 1, "{found:?}");
    }
}
