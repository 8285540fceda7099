//! The extent of a name from the recogniser: where the capitalisation rules cut a name the
//! recogniser reads whole ("Faculty", "Law" in "the Faculty of Law and Economics"), the
//! pieces become one mention; where they join names it reads apart (a town before a
//! person's name, "X University and the Y Academy"), the mention is split at its spans. Only
//! mentions of the rules alone change: titled, lexicon and embedded mentions stay.

use crate::lexicon::Lexicon;
use crate::mentions::refine::{from_rules_alone, parents, TokenTypes};
use crate::mentions::{common_nouns_joined, make, org_keyword_in, place_context, Mention, MentionKind, TextView};
use crate::words::WORDS;
use kg_model::EntityType;

/// A mention of the recogniser's span `a..b` of type `kind`; none for miscellaneous names.
fn from_span(lex: &Lexicon, view: &TextView, sentence: usize, a: usize, b: usize, kind: &str) -> Option<Mention> {
    let surface = view.text(view.tokens[a].start, view.tokens[b - 1].end);
    let (mention_kind, ty) = match kind {
        "PER" => (MentionKind::Person(surface), EntityType::Person),
        "ORG" => (MentionKind::Org(surface), EntityType::Organization),
        "LOC" => {
            let mut name = String::new();
            view.join_lower(a, b, &mut name);
            let town = lex.towns.contains(&name) && !crate::mentions::is_continent(&surface);
            let ty = if town { EntityType::City } else { EntityType::Location };
            (MentionKind::Place(surface), ty)
        }
        _ => return None,
    };
    let mut m = make(view, sentence, a, b, mention_kind, ty);
    m.possessive = view.tokens.get(b).is_some_and(|t| t.norm == "'s" || t.norm == "'");
    m.place_context = place_context(lex, view, &m);
    Some(m)
}

/// The recogniser's spans inside tokens `first..last` (whole spans only), in order.
fn spans_within(types: &TokenTypes, first: usize, last: usize) -> Option<Vec<(&'static str, usize, usize)>> {
    let mut out: Vec<(&'static str, usize, usize)> = Vec::new();
    for (kind, a, b) in types[first..last].iter().flatten().copied() {
        if a < first || b > last {
            return None;
        }
        if out.last() != Some(&(kind, a, b)) {
            out.push((kind, a, b));
        }
    }
    Some(out)
}

/// What replaces mention `m`: the recogniser's spans inside it, when they cut it apart.
fn split(lex: &Lexicon, view: &TextView, types: &TokenTypes, m: &Mention) -> Option<Vec<Mention>> {
    if m.last - m.first < 2 {
        return None;
    }
    let spans = spans_within(types, m.first, m.last)?;
    if spans.is_empty() || spans.iter().any(|&(_, a, b)| a == m.first && b == m.last) {
        return None;
    }
    let covered = |k: usize| spans.iter().any(|&(_, a, b)| a <= k && k < b);
    let rest: Vec<usize> = (m.first..m.last).filter(|&k| !covered(k)).collect();
    // An organisation's keyword the spans leave out means the rules' name is right ("Lund University").
    if rest.iter().any(|&k| org_keyword_in(view, k..k + 1)) {
        return None;
    }
    // One span inside: the words left must be common ones before it ("May God", "Former US
    // Ambassador"); words after it are the end of the name ("Council of Great City Schools").
    let common = |k: usize| {
        let w = view.token_lower(k);
        lex.is_english_word(w) || WORDS.name_joiners.contains(w) || !view.tokens[k].is_capitalized()
    };
    if spans.len() == 1 && (spans[0].2 != m.last || !rest.iter().all(|&k| common(k))) {
        return None;
    }
    // "Marbridge Fire and Rescue": a name the rules joined at two common nouns stays whole,
    // whatever the recogniser's spans, unless they cut it at another "and" too ("Office of
    // Management and Budget and the Treasury").
    let ands: Vec<usize> = rest.iter().copied().filter(|&k| view.token_lower(k) == "and").collect();
    if !ands.is_empty() && ands.iter().all(|&k| common_nouns_joined(lex, view, m.first, k)) {
        return None;
    }
    // "Edward "Eddie" Van Halen": a person's name with a nickname the rules read stays whole.
    if matches!(m.kind, MentionKind::Person(_)) && crate::mentions::nickname_at(&m.surface).is_some() {
        return None;
    }
    // "University of Colorado at Boulder": a campus the rules read inside a university's name.
    if view.token_lower(m.first) == "university"
        && view.token_lower(m.first + 1) == "of"
        && (m.first..m.last).any(|k| view.token_lower(k) == "at")
    {
        return None;
    }
    // "Institute of Epidemiology, Disease Control and Research": a list of fields the rules
    // read inside a name stays whole.
    let s = &view.sentences[m.sentence];
    if let Some(comma) = (m.first..m.last).find(|&k| view.tokens[k].norm == ",") {
        if crate::mentions::fields_listed_in_name(lex, view, s, m.first, comma) == Some(m.last) {
            return None;
        }
    }
    // Spans side by side or joined by "of" are one name the recogniser cut ("George W." and
    // "Bush", "Gulf" and "Mexico"): the rules' extent stays, with the recogniser's type when
    // it gives one.
    let glued = spans.windows(2).any(|w| (w[0].2..w[1].1).all(|k| matches!(view.token_lower(k), "." | "of" | "de" | "du" | "des" | "la")));
    if glued {
        let kind = spans[0].0;
        return spans.iter().all(|s| s.0 == kind).then(|| from_span(lex, view, m.sentence, m.first, m.last, kind).into_iter().collect());
    }
    Some(spans.iter().filter_map(|&(kind, a, b)| from_span(lex, view, m.sentence, a, b, kind)).collect())
}

/// Rewrites the rules' mentions to the recogniser's extents; `parent` links stay valid.
pub fn reconcile(lex: &Lexicon, mentions: Vec<Mention>, types: &TokenTypes, view: &TextView) -> Vec<Mention> {
    let is_parent = parents(&mentions);
    let changeable: Vec<bool> = mentions.iter().zip(&is_parent).map(|(m, &p)| !p && from_rules_alone(m)).collect();
    let n = mentions.len();
    // Joins: a span of the recogniser (organisation or place) made of several whole mentions
    // of the rules and the words between them.
    let mut joined: Vec<Option<Mention>> = vec![None; n];
    let mut dropped = vec![false; n];
    let mut k = 0;
    while k < n {
        let m = &mentions[k];
        let Some((kind @ ("ORG" | "LOC"), a, b)) = types[m.first] else {
            k += 1;
            continue;
        };
        let group: Vec<usize> = (k..n).take_while(|&j| mentions[j].first >= a && mentions[j].last <= b).collect();
        let inside_sentence = b <= view.sentences[m.sentence].last;
        let all_changeable = group.iter().all(|&j| changeable[j]);
        let gaps_ok = (a..b).all(|t| {
            group.iter().any(|&j| mentions[j].first <= t && t < mentions[j].last)
                || WORDS.name_joiners.contains(view.token_lower(t))
                || view.tokens[t].is_capitalized()
        });
        let ends_capitalised = view.tokens[a].is_capitalized() && view.tokens[b - 1].is_capitalized();
        // The rules cut a name at a joining word ("of", "and", a possessive); two names side
        // by side ("… Council Oleksiy Danilov") they split on purpose. The name's last piece
        // need not be a mention ("Disease Control" of "Centers for Disease Control and
        // Prevention", "Kurdistan Workers" of "Kurdistan Workers' Party").
        let joiner_in = |from: usize, to: usize| (from..to).any(|t| WORDS.name_joiners.contains(view.token_lower(t)));
        let cut_at_joiners = group.windows(2).all(|w| joiner_in(mentions[w[0]].last, mentions[w[1]].first));
        let last_end = group.last().map_or(b, |&j| mentions[j].last);
        let tail_cut = last_end < b && joiner_in(last_end, (last_end + 1).min(b));
        let pieces = group.len() >= 2 || (group.len() == 1 && tail_cut);
        // A plural's possessive joins a name only before its keyword ("Workers' Party",
        // "Bankers' Association"), not a firm and its employee ("Salomon Brothers' Stuart").
        let last_word = view.token_lower(b - 1);
        let keyword_last = WORDS.org_keywords.contains(last_word) || WORDS.location_keywords.contains(last_word);
        let possessive_ok = keyword_last || (a..b).all(|t| view.token_lower(t) != "'");
        if pieces && possessive_ok && m.first == a && inside_sentence && all_changeable && gaps_ok && ends_capitalised && cut_at_joiners {
            joined[k] = from_span(lex, view, m.sentence, a, b, kind);
            for &j in &group[1..] {
                dropped[j] = true;
            }
            k = group[group.len() - 1] + 1;
        } else {
            k += 1;
        }
    }
    let mut out: Vec<Mention> = Vec::with_capacity(n);
    let mut new_index: Vec<Option<usize>> = vec![None; n];
    for (k, m) in mentions.into_iter().enumerate() {
        if dropped[k] {
            continue;
        }
        if let Some(j) = joined[k].take() {
            out.push(j);
            continue;
        }
        if changeable[k] {
            if let Some(parts) = split(lex, view, types, &m) {
                out.extend(parts);
                continue;
            }
        }
        new_index[k] = Some(out.len());
        out.push(m);
    }
    for m in &mut out {
        m.parent = m.parent.and_then(|p| new_index.get(p).copied().flatten());
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::testutil::entities;

    #[test]
    fn names_take_the_recognisers_extent() {
        let found = entities("Anna Berg, a lecturer in the Faculty of Law and Economics at Lund University, spoke.");
        assert!(found.iter().any(|e| e.starts_with("Faculty of Law and Economics")), "{found:?}");
        assert!(!found.iter().any(|e| e.starts_with("Law ") || e.starts_with("Economics ")), "{found:?}");
        let found = entities("Sam Lee of Marbridge Fire and Rescue said so.");
        assert!(found.contains(&"Marbridge Fire and Rescue (Organization)".to_string()), "{found:?}");
        let found = entities("Sam Lee of Avonshire Fire and Rescue said crews from Paris Fire and Rescue helped.");
        let want = ["Avonshire Fire and Rescue (Organization)", "Paris Fire and Rescue (Organization)"];
        assert!(want.iter().all(|w| found.contains(&w.to_string())), "{found:?}");
        let found = entities("Researchers at the University of Avon and Lund University agreed.");
        assert!(found.contains(&"Lund University (Organization)".to_string()), "{found:?}");
        let found = entities("Anna Berg, director of the Institute of Epidemiology, Disease Control and Research, said so.");
        assert!(found.contains(&"Institute of Epidemiology, Disease Control and Research (Organization)".to_string()), "{found:?}");
        let found = entities("Tom Reed of the National Union of Rail, Maritime and Transport Workers said no.");
        assert!(found.contains(&"National Union of Rail, Maritime and Transport Workers (Organization)".to_string()), "{found:?}");
        // Names of others, or a company's legal form before the comma: a list of names.
        let found = entities("Shares of the Bank of England, Barclays and HSBC fell, as did Avon Capital Co Inc, Reserve Oil and Gas Co.");
        assert!(
            found.contains(&"Bank of England (Organization)".to_string()) && found.contains(&"Barclays (Organization)".to_string()),
            "{found:?}"
        );
        assert!(!found.iter().any(|e| e.contains("Inc, ")), "{found:?}");
        let found = entities("She studies at the University of Avon at Marbridge. UA said the course was full.");
        assert_eq!(found, vec!["University of Avon at Marbridge (Organization)".to_string()]);
        let found = entities("Officers of the Brigade de Recherche et d'Intervention met. Later James (Jim) Hedges came. Hedges left.");
        assert!(found.contains(&"Brigade de Recherche et d'Intervention (Organization)".to_string()), "{found:?}");
        assert!(found.contains(&"James Hedges (Person)".to_string()) && found.len() == 2, "{found:?}");
        let found = entities("Researchers from Lund University and the Karolinska Institute said the results were strong.");
        assert!(found.contains(&"Lund University (Organization)".to_string()), "{found:?}");
        assert!(found.contains(&"Karolinska Institute (Organization)".to_string()), "{found:?}");
    }
}
