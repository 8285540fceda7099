//! Positions from titles: "Kenyan President William Ruto", "Olaf Scholz, Germany's
//! chancellor", "Renault's chairman, Pierre Dupont" give leaderOf or memberOf.

use kg_model::{EntityType, Predicate};

use super::clauses::{Arg, SentenceView};
use super::{confidence, push, Found};
use crate::lexicon::{Lexicon, TitleRole};
use crate::mentions::{position_at, Mention};
use crate::words::WORDS;

sentence_rule!(
    /// The rule: positions from titles.
    Positions,
    "positions from titles",
    |cx, sv| positions(cx.lex, sv, cx.mentions, &cx.resolution.of_mention)
);

/// Position relations of the persons in a sentence.
pub fn positions(lex: &Lexicon, sv: &SentenceView, mentions: &[Mention], of_mention: &[Option<usize>]) -> Vec<Found> {
    let mut out = Vec::new();
    for p in sv.args.iter().filter(|a| a.entity_type == EntityType::Person && !a.pronoun) {
        let title_in_name = sv
            .mentions
            .iter()
            .map(|&mi| (mi, &mentions[mi]))
            .find(|(mi, m)| m.first == p.first && of_mention[*mi] == Some(p.entity))
            .and_then(|(_, m)| m.title.clone());
        // "First Minister X": a longer title than the name's own may end where it ends (the
        // name starts at "Minister", as "First" starts no name).
        let title_in_name = title_in_name.map(|t| match title_before(lex, sv, p.first) {
            Some(longer) if longer.2 < t.2 => longer,
            _ => t,
        });
        let (title, role, title_first) = match title_in_name {
            Some(t) => t,
            // "Navy spokeswoman Lt. Nettie Johnson": the title before the rank.
            None => match title_before(lex, sv, p.first).or_else(|| title_before(lex, sv, rank_before(sv, p.first)?)) {
                Some(t) => t,
                None => ("".into(), TitleRole::Member, p.first),
            },
        };
        let title_text = (!title.is_empty()).then(|| title.clone());
        if !title.is_empty() {
            // "Chinese President Xi", "Russia's foreign ministry spokeswoman Maria Zakharova",
            // "Navy spokeswoman Lieutenant Nettie Johnson" (titles in a row).
            let mut j = title_first;
            while let Some((_, _, first)) = title_before(lex, sv, j).filter(|&(_, _, first)| first < j) {
                j = first;
            }
            if j > sv.sentence.first && sv.word(j - 1) == "'s" {
                j -= 1;
            }
            // "Republican committee chairman X": the title is held in a unit of the party
            // (a member of the party), not in the party.
            let unit = sv.arg_ending(j).is_none()
                && j > sv.sentence.first
                && WORDS.unit_heads.contains(sv.word(j - 1))
                && sv.view.tokens[j - 1].is_lower_word();
            let before = if unit { sv.arg_ending(j - 1).filter(|a| a.entity_type == EntityType::Organization) } else { sv.arg_ending(j) };
            if let Some(a) = before {
                let predicate = if unit { Predicate::MemberOf } else { role.predicate() };
                push(&mut out, p, predicate, &a, title_text.clone(), "", confidence::TITLE_AFTER_ITS_STATE);
            }
            // "President Rouhani of the Islamic Republic of Iran"; not the state a member of a
            // party or committee comes from ("Republican committee member X of Georgia").
            let from_place = |a: &Arg| matches!(a.entity_type, EntityType::Country | EntityType::Location | EntityType::City);
            if let Some(a) = of_phrase(sv, p.last).filter(|a| !(before.is_some() && from_place(a))) {
                push(&mut out, p, role.predicate(), &a, title_text.clone(), "", confidence::TITLE_WITH_ITS_STATE_NEARBY);
            }
        } else if let Some(a) = (p.first > sv.sentence.first && sv.word(p.first - 1) == "'s")
            .then(|| sv.arg_ending(p.first - 1))
            .flatten()
            .filter(|a| a.entity_type == EntityType::Organization && a.possessive)
        {
            // "Boston University's Michael Papagiannis": a company's or institution's person
            // belongs to it (a country's person may lead it: no relation without a title).
            push(&mut out, p, Predicate::MemberOf, &a, None, "", confidence::PERSON_OF_ORGANISATION);
        } else if let Some(a) =
            rank_before(sv, p.first).and_then(|r| sv.arg_ending(r)).filter(|a| a.entity_type == EntityType::Organization)
        {
            // "Navy Capt. Michael Coats": a rank in an organisation.
            push(&mut out, p, Predicate::MemberOf, &a, None, "", confidence::RANK_IN_ORGANISATION);
        } else if let Some((a, t, role)) = title_of_place_before(lex, sv, p) {
            // "The mayor of Avon, Maria Lopez, said".
            push(&mut out, p, role.predicate(), &a, Some(t), "", confidence::TITLE_WITH_ITS_STATE_NEARBY);
        } else if let Some((a, t, role)) = title_to_body_before(lex, sv, p) {
            // "US Ambassador to the United Nations Nikki Haley": the title's state, not the body.
            push(&mut out, p, role.predicate(), &a, Some(t), "", confidence::TITLE_AFTER_ITS_STATE);
        } else if let Some(a) = sv.arg_ending(p.first) {
            // "chief of staff of Presidential Office Andriy Yermak".
            let mut k = a.first;
            if k > sv.sentence.first && sv.word(k - 1) == "the" {
                k -= 1;
            }
            if k > sv.sentence.first && sv.word(k - 1) == "of" {
                if let Some((t, role, _)) = title_before(lex, sv, k - 1) {
                    push(&mut out, p, role.predicate(), &a, Some(t), "", confidence::TITLE_WITH_ITS_STATE_NEARBY);
                }
            }
        }
        // "Putin, Russia's president", "Yu Jun, deputy head of the foreign ministry's Eurasian department".
        if sv.word(p.last) == "," {
            if let Some((t, role, Some(org))) = appositive_title(lex, sv, p.last + 1) {
                push(&mut out, p, role.predicate(), &org, Some(t), "", confidence::TITLE_WITH_ITS_STATE_NEARBY);
            }
        }
        // "Iran's president, Hassan Rouhani", "the European Union's foreign policy chief, Catherine Ashton",
        // "Iran's supreme leader, Ayatollah Ali Khamenei" (the name's own title after the comma).
        let np_first = p.np_first.min(p.first);
        if np_first > sv.sentence.first + 1 && sv.word(np_first - 1) == "," {
            if let Some((t, role, first)) = title_before(lex, sv, np_first - 1) {
                let mut j = first;
                if j > sv.sentence.first && sv.word(j - 1) == "'s" {
                    j -= 1;
                }
                if let Some(a) = sv.arg_ending(j).filter(|a| a.possessive || a.adjectival) {
                    push(&mut out, p, role.predicate(), &a, Some(t), "", confidence::TITLE_WITH_ITS_STATE_NEARBY);
                }
            }
        }
    }
    // "California lawyer", "Yemeni journalist": an occupation names an employer, not a nationality.
    out.retain(|f| {
        let occupation = f.title.as_deref().is_some_and(|t| {
            let key = t.to_lowercase();
            lex.roles.contains_key(&key) && !lex.titles.contains_key(&key)
        });
        !occupation || sv.args.iter().any(|a| a.entity == f.object && a.entity_type == EntityType::Organization)
    });
    out
}

/// "the mayor of Avon, Maria Lopez": a title, "of", the place or organisation it is held
/// in, a comma, then the person.
fn title_of_place_before(lex: &Lexicon, sv: &SentenceView, p: &Arg) -> Option<(Arg, String, TitleRole)> {
    let np = p.np_first.min(p.first);
    if np <= sv.sentence.first + 3 || sv.word(np - 1) != "," {
        return None;
    }
    let a = sv.arg_ending(np - 1).filter(|a| !a.possessive && a.entity_type != EntityType::Person)?;
    let mut k = a.first;
    if k > sv.sentence.first && sv.word(k - 1) == "the" {
        k -= 1;
    }
    if k <= sv.sentence.first + 1 || sv.word(k - 1) != "of" {
        return None;
    }
    let (t, role, _) = title_before(lex, sv, k - 1)?;
    Some((a, t, role))
}

/// "the Avonian ambassador to the United Nations, Maria Lopez", "Avonia's envoy to the
/// OSCE Maria Lopez": a state or organisation, a title, "to" and the body it is sent to,
/// then the person; gives the owner of the title.
fn title_to_body_before(lex: &Lexicon, sv: &SentenceView, p: &Arg) -> Option<(Arg, String, TitleRole)> {
    let np = p.np_first.min(p.first);
    let end = if np > sv.sentence.first && sv.word(np - 1) == "," { np - 1 } else { p.first };
    let body = sv.arg_ending(end).filter(|a| matches!(a.entity_type, EntityType::Organization | EntityType::Country))?;
    let mut k = body.first;
    if k > sv.sentence.first && sv.word(k - 1) == "the" {
        k -= 1;
    }
    if k <= sv.sentence.first + 1 || sv.word(k - 1) != "to" {
        return None;
    }
    let (t, role, mut first) = title_before(lex, sv, k - 1)?;
    if first > sv.sentence.first && sv.word(first - 1) == "'s" {
        first -= 1;
    }
    let owner = sv.arg_ending(first).filter(|a| matches!(a.entity_type, EntityType::Organization | EntityType::Country))?;
    Some((owner, t, role))
}

/// The first token of a military or police rank written just before token `name`
/// ("Capt." in "Navy Capt. Michael Coats").
fn rank_before(sv: &SentenceView, name: usize) -> Option<usize> {
    let first = sv.sentence.first;
    let rank = |k: usize| crate::mentions::is_rank(&sv.view.tokens[k].norm);
    if name >= first + 2 && sv.word(name - 1) == "." && rank(name - 2) {
        return Some(name - 2);
    }
    (name > first && rank(name - 1)).then(|| name - 1)
}

/// A title (possibly "chairman and chief executive", possibly with adjectives such as
/// "former" or "new") that ends just before token `end`: (title, role, first token).
fn title_before(lex: &Lexicon, sv: &SentenceView, end: usize) -> Option<(String, TitleRole, usize)> {
    let lo = sv.sentence.first.max(end.saturating_sub(lex.max_title_tokens + 3));
    let mut best: Option<(usize, TitleRole)> = None;
    for start in (lo..end).rev() {
        if let Some((n, role)) = position_at(lex, sv.view, start, end) {
            if start + n == end {
                best = Some((start, role));
            }
        }
    }
    let (mut first, mut role) = best?;
    // "chairman and chief executive": take the first title's role.
    if first >= 2 && sv.word(first - 1) == "and" {
        if let Some((start, r)) = (sv.sentence.first.max(first.saturating_sub(1 + lex.max_title_tokens))..first - 1)
            .find_map(|s| position_at(lex, sv.view, s, first - 1).filter(|(n, _)| s + n == first - 1).map(|(_, r)| (s, r)))
        {
            first = start;
            role = if r == TitleRole::Leader || role == TitleRole::Leader { TitleRole::Leader } else { TitleRole::Member };
        }
    }
    let text = sv.view.text(sv.view.tokens[first].start, sv.view.tokens[end - 1].end);
    Some((text, role, first))
}

/// "of [the] X", "at X", "for X" right after token `from`: X ("spokesman for the ministry",
/// "a professor of urban planning at the University of Washington").
fn of_phrase(sv: &SentenceView, from: usize) -> Option<Arg> {
    if !matches!(sv.word(from), "of" | "at" | "for") {
        return None;
    }
    // Skip a determiner and lower-case words ("the foreign ministry's Eurasian department").
    let mut k = from + 1;
    let limit = (k + 8).min(sv.sentence.last);
    while k < limit && sv.arg_starting(k).is_none() {
        let t = &sv.view.tokens[k];
        if sv.word(k) == "the" {
            k += 1;
            continue;
        }
        if !t.is_lower_word() {
            return None;
        }
        k += 1;
    }
    let a = sv.arg_starting(k)?;
    // "chief executive of the Irish airline": a demonym modifying a common noun names nobody's employer.
    if a.adjectival && !a.pronoun {
        return None;
    }
    last_in_chain(sv, a)
}

/// In "the foreign ministry's Eurasian department", the head: the last name of a possessive chain.
fn last_in_chain(sv: &SentenceView, mut a: Arg) -> Option<Arg> {
    while a.possessive {
        match sv.arg_starting(a.last + 1) {
            Some(b) => a = b,
            None => return Some(a),
        }
    }
    Some(a)
}

/// After "Person ,": "[det] [X's|Xn] title [of|at ... X]" → (title, role, organisation).
pub(crate) fn appositive_title(lex: &Lexicon, sv: &SentenceView, from: usize) -> Option<(String, TitleRole, Option<Arg>)> {
    let mut k = from;
    if matches!(sv.word(k), "the" | "a" | "an") {
        k += 1;
    }
    let mut owner = None;
    // "a former Pentagon official".
    while matches!(sv.word(k), "former" | "longtime" | "senior" | "top") && sv.arg_starting(k + 1).is_some() {
        k += 1;
    }
    if let Some(a) = sv.arg_starting(k) {
        // "Knight-Ridder president", "a University of Texas law professor", "a National
        // Weather Service meteorologist": an organisation's name modifying the title, with
        // at most two lower-case words between.
        let title_after = || {
            (a.last..(a.last + 3).min(sv.sentence.last))
                .take_while(|&t| t == a.last || sv.is_lower_word(t - 1))
                .find(|&t| position_at(lex, sv.view, t, sv.sentence.last).is_some())
        };
        if let Some(t) = (a.entity_type == EntityType::Organization && !a.possessive).then(title_after).flatten() {
            owner = Some(a);
            k = t;
        } else if a.possessive || a.adjectival {
            owner = last_in_chain(sv, a);
            k = a.last + usize::from(a.possessive);
            if owner.is_some_and(|o| o.first != a.first) {
                k = owner.map(|o| o.last + usize::from(o.possessive)).unwrap_or(k);
            }
        }
    }
    while WORDS.title_modifiers.contains(sv.word(k))
        && position_at(lex, sv.view, k, sv.sentence.last).is_none_or(|(n, _)| position_at(lex, sv.view, k + n, sv.sentence.last).is_some())
    {
        k += 1;
    }
    // "the WHO's regional director for Europe": up to two other adjectives before the title.
    if position_at(lex, sv.view, k, sv.sentence.last).is_none() {
        let adjective = |t: usize| {
            let w = sv.word(t);
            sv.is_lower_word(t) && !WORDS.prepositions.contains(w) && !matches!(w, "and" | "or" | "who" | "which" | "that")
        };
        if let Some(t) = (k + 1..k + 3).find(|&t| (k..t).all(adjective) && position_at(lex, sv.view, t, sv.sentence.last).is_some()) {
            k = t;
        }
    }
    let (n, role) = position_at(lex, sv.view, k, sv.sentence.last)?;
    // "Ban Ki-moon, Cuban President Raúl Castro and …": a list of titled names, not an appositive.
    if sv.arg_starting(k + n).is_some_and(|a| a.entity_type == EntityType::Person) {
        return None;
    }
    let title = sv.view.text(sv.view.tokens[k].start, sv.view.tokens[k + n - 1].end);
    let mut j = k + n;
    // "... of global commercial activities at Louis Vuitton": look a few words on for of/at + name.
    let limit = (j + 8).min(sv.sentence.last);
    // With an organisation before the title ("a former Pentagon official responsible for U.S.
    // technology transfers") only a phrase right after the title names another.
    let limit = if owner.is_some() { limit.min(j + 1) } else { limit };
    while j < limit && !matches!(sv.word(j), "," | "." | ";" | "\"" | "who" | "which") {
        if matches!(sv.word(j), "of" | "at" | "for") {
            // With an owner ("Qatar's minister of state for energy affairs") only a name right
            // after the preposition names another organisation.
            let direct = || sv.arg_starting(j + 1 + usize::from(sv.word(j + 1) == "the"));
            let found = if owner.is_some() { direct() } else { of_phrase(sv, j).or_else(|| sv.arg_starting(j + 1)) };
            // "regional director for Europe": a region is nobody's employer.
            let found = found.filter(|a| owner.is_none() || matches!(a.entity_type, EntityType::Organization | EntityType::Country));
            if let Some(a) = found {
                // "X, chief of staff of Presidential Office Andriy Yermak and …" is a list, not an appositive.
                if sv.arg_starting(a.last).is_some_and(|b| b.entity_type == EntityType::Person) {
                    return None;
                }
                return Some((title, role, Some(a)));
            }
        }
        j += 1;
    }
    Some((title, role, owner))
}

#[cfg(test)]
mod tests {
    use crate::testutil::{assert_triple as has, triples};

    #[test]
    fn positions_from_titles_before_and_after_names() {
        has("Kenyan President William Ruto arrived.", "William Ruto leaderOf Kenya");
        has("Brazil's Foreign Minister Mauro Vieira spoke.", "Mauro Vieira memberOf Brazil");
        has("Olaf Scholz, Germany's chancellor, arrived.", "Olaf Scholz leaderOf Germany");
        has("Renault's chairman, Pierre Dupont, resigned.", "Pierre Dupont leaderOf Renault");
        has("Societe Generale's chief executive, Anne Roy, resigned.", "Anne Roy leaderOf Societe Generale");
        has("Anna Berg, deputy head of the Nordic Council, spoke.", "Anna Berg memberOf Nordic Council");
        has(
            "The bomb emits smoke, said Bert Byers, spokesman for the Naval Air Station Authority.",
            "Bert Byers memberOf Naval Air Station Authority",
        );
        has(
            "Folke Nyberg, a professor of urban planning and architecture at the University of Washington, agreed.",
            "Folke Nyberg memberOf University of Washington",
        );
    }
    #[test]
    fn a_title_of_a_place_before_the_name() {
        has("The mayor of Avonshire, Maria Lopez, advised residents to leave.", "Maria Lopez leaderOf Avonshire");
        has("Scotland First Minister Maria Lopez said so.", "Maria Lopez leaderOf Scotland");
    }

    #[test]
    fn a_title_sent_to_a_body_is_held_in_the_state_before_it() {
        has("Former US Ambassador to the United Nations Anna Berg wrote on Twitter.", "Anna Berg memberOf United States");
        has("Kenya's envoy to the African Union, Tom Reed, left.", "Tom Reed memberOf Kenya");
        let t = triples("Former US Ambassador to the United Nations Anna Berg wrote on Twitter.");
        assert!(!t.iter().any(|x| x.contains("memberOf United Nations")), "{t:?}");
    }

    #[test]
    fn parties_before_a_unit_and_a_title() {
        has("Republican committee member Tom Reed of Avonshire said no.", "Tom Reed memberOf Republican Party");
        has("Democratic committee chairman Tom Reed of New York said no.", "Tom Reed memberOf Democratic Party");
        has("The vote was called by Labour MP Tom Reed on Monday.", "Tom Reed memberOf Labour Party");
        let t = triples("Democratic committee chairman Tom Reed of New York said no.");
        assert!(!t.iter().any(|x| x.contains("New York") || x.contains("leaderOf")), "{t:?}");
    }

    #[test]
    fn organisations_and_ranks_before_titles_and_names() {
        has("The talks failed, said Tom Reed, Globex president and chief executive officer.", "Tom Reed leaderOf Globex");
        has("Anna Berg, a Nordic Weather Service analyst, expects rain.", "Anna Berg memberOf Nordic Weather Service");
        has("Navy Capt. Tom Reed said the flight went well.", "Tom Reed memberOf Navy");
        has("Navy spokeswoman Lt. Anna Berg declined to comment.", "Anna Berg memberOf Navy");
        has("FDA Director Anna Berg approved the drug.", "Anna Berg memberOf FDA");
        has("Avon Valley Police Detective Inspector Tom Reed said so.", "Tom Reed memberOf Avon Valley Police");
        has(
            "It was written by former Department of Homeland Security chief of staff Anna Berg.",
            "Anna Berg memberOf Department of Homeland Security",
        );
        let t = triples("Kenyan Road Transport and Bridges Minister Tom Reed met former National Security Advisor Anna Berg.");
        assert!(
            t.contains(&"Tom Reed memberOf Kenya".to_string()) && !t.iter().any(|x| x.contains("Bridges") || x.contains("National")),
            "{t:?}"
        );
        has("Tom Reed, an expert on missiles at Bar-Ilan University, agrees.", "Tom Reed memberOf Bar-Ilan University");
        let t = triples("Kenyan lawyer Tom Reed was arrested.");
        assert!(!t.iter().any(|x| x.contains("memberOf")), "an occupation names no country: {t:?}");
    }

    #[test]
    fn a_head_of_a_region_or_a_city_is_a_member_of_the_state() {
        let t = triples("Kenyan Governor Tom Reed arrived.");
        assert!(t.contains(&"Tom Reed memberOf Kenya".to_string()), "{t:?}");
        assert!(!t.iter().any(|x| x.contains("leaderOf Kenya")), "{t:?}");
    }
}
