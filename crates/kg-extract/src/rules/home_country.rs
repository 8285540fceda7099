//! Positions held in the article's country: a national title before a name with no state
//! of its own ("President Ana Rusu", "Interior Minister X" in an article about Moldova)
//! is held in the country the article is about, the one it names most often; so is a
//! title in lower case before a name with nothing before it that could own the title
//! ("under former president Ana Rusu", "the current president, Ana Rusu"). Titles of
//! companies, cities or regions ("chief executive", "Mayor") are left alone, and so is
//! anyone whom the sentence rules already placed in a country.

use std::collections::HashSet;

use super::Found;
use crate::lexicon::{Lexicon, TitleRole};
use crate::mentions::coref::Resolution;
use crate::mentions::{title_at, Mention, TextView};
use crate::words::WORDS;
use kg_model::EntityType;

/// Who the sentence rules placed: persons with a post in a country, and (person, title) pairs.
#[derive(Debug, Default)]
pub struct Placed {
    in_a_country: HashSet<usize>,
    titles: HashSet<(usize, String)>,
}

impl Placed {
    /// From the relations the sentence rules found; `types` gives each entity's type.
    pub fn new<'f>(found: impl IntoIterator<Item = &'f Found>, types: &[EntityType]) -> Placed {
        let mut placed = Placed::default();
        for f in found.into_iter().filter(|f| f.predicate.is_position()) {
            if types.get(f.object) == Some(&EntityType::Country) {
                placed.in_a_country.insert(f.subject);
            }
            if let Some(t) = &f.title {
                placed.titles.insert((f.subject, t.to_lowercase()));
            }
        }
        placed
    }

    fn covers(&self, person: usize, title: &str) -> bool {
        self.in_a_country.contains(&person) || self.titles.contains(&(person, title.to_lowercase()))
    }
}

/// Confidence of a position inferred from the article's country.
const CONFIDENCE: f64 = super::confidence::HOME_COUNTRY;

/// The country the article names most often (the first named on a tie), if it names one
/// at least twice or names no other.
fn article_country(res: &Resolution) -> Option<usize> {
    let countries: Vec<(usize, usize, usize)> = res
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.entity_type == EntityType::Country && !e.spans.is_empty())
        .map(|(k, e)| (k, e.spans.len(), e.spans.iter().map(|s| s.start).min().unwrap_or(usize::MAX)))
        .collect();
    let &(best, count, _) = countries.iter().max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))?;
    (count >= 2 || countries.len() == 1).then_some(best)
}

rule!(
    /// The rule: positions held in the article's country.
    HomeCountry,
    "positions held in the article's country",
    |cx, out| {
        // Titled persons that no earlier rule placed (in a country, or with that title) hold
        // their post in the article's country.
        let placed = Placed::new(out.relations.iter().flatten(), cx.types);
        for (si, f) in positions(cx.lex, cx.view, cx.mentions, cx.resolution, &placed) {
            out.relations[si].push(f);
        }
    }
);

/// Positions of titled persons in the article's country, with the sentence each comes
/// from; `placed` says whom the sentence rules placed already.
pub fn positions(lex: &Lexicon, view: &TextView, mentions: &[Mention], res: &Resolution, placed: &Placed) -> Vec<(usize, Found)> {
    let Some(country) = article_country(res) else { return Vec::new() };
    let mut out: Vec<(usize, Found)> = Vec::new();
    for (mi, m) in mentions.iter().enumerate() {
        let Some(Some(person)) = res.of_mention.get(mi) else { continue };
        let written_before = || title_in_lower_case_before(lex, view, m);
        let Some((title, role)) = m.title.as_ref().map(|(t, r, _)| (t.clone(), *r)).or_else(written_before) else { continue };
        let title = &title;
        let national = title.split_whitespace().last().is_some_and(|w| WORDS.national_titles.contains(w.to_lowercase().as_str()));
        if !national || res.entities[*person].entity_type != EntityType::Person || placed.covers(*person, title) {
            continue;
        }
        if out.iter().any(|(_, f)| f.subject == *person) {
            continue;
        }
        out.push((m.sentence, Found::standing(*person, role.predicate(), country, Some(title.clone()), CONFIDENCE)));
    }
    out
}

/// "under former president Ana Rusu", "the current president, Ana Rusu": a title in lower
/// case that ends right before the name (or before the comma of "the … president, Name"),
/// after a word that owns no title (a preposition, "the", the start of the sentence; not
/// "Avonian", "company", "the party's", nor "and" after another titled name). Words such as "speaker" and "ambassador"
/// name posts of other bodies and states too often to be read this way.
fn title_in_lower_case_before(lex: &Lexicon, view: &TextView, m: &Mention) -> Option<(String, TitleRole)> {
    let sentence_first = view.sentences.get(m.sentence)?.first;
    let appositive = m.first > sentence_first && view.tokens[m.first - 1].norm == ",";
    let end = m.first - usize::from(appositive);
    let lo = sentence_first.max(end.saturating_sub(lex.max_title_tokens + 2));
    let (first, role) = (lo..end).find_map(|k| title_at(lex, view, k, end).filter(|(n, _)| k + n == end).map(|(_, r)| (k, r)))?;
    if (first..end).any(|k| !view.tokens[k].is_lower_word()) || matches!(view.token_lower(end - 1), "speaker" | "ambassador") {
        return None;
    }
    let mut k = first;
    // "former", "current"; not "senior" or "chief" ("senior vice president" is a company's).
    while k > sentence_first
        && matches!(view.token_lower(k - 1), "former" | "then" | "current" | "late" | "incumbent" | "outgoing" | "acting" | "interim")
    {
        k -= 1;
    }
    let before = if k > sentence_first { view.token_lower(k - 1) } else { "" };
    let free = if appositive {
        before == "the"
    } else {
        // Not after "and" or a comma: "Avonian prime minister X and energy minister Y".
        k == sentence_first || matches!(before, "the" | "(") || WORDS.prepositions.contains(before)
    };
    free.then(|| (view.text(view.tokens[first].start, view.tokens[end - 1].end), role))
}

#[cfg(test)]
mod tests {
    use crate::testutil::triples;

    #[test]
    fn national_titles_are_held_in_the_articles_country() {
        let text = "Floods hit Moldova on Monday. President Ana Rusu visited the north of Moldova, and Interior \
                    Minister Ion Lupu said more help was coming. Chief executive Dan Pop of Moldtelecom said lines were down.";
        let found = triples(text);
        assert!(found.contains(&"Ana Rusu leaderOf Moldova".to_string()), "{found:?}");
        assert!(found.contains(&"Ion Lupu memberOf Moldova".to_string()), "{found:?}");
        assert!(!found.iter().any(|t| t.starts_with("Dan Pop") && t.ends_with("Moldova")), "{found:?}");
    }

    #[test]
    fn lower_case_titles_with_no_owner_are_held_in_the_articles_country() {
        let text = "Floods hit Moldova on Monday. Aid reached Moldova on Tuesday. The envoy served under former president \
                    Ana Rusu. Reforms were halted by the current president, Ion Lupu, in 2019. Company president Dan Pop \
                    and keynote speaker Eva Stan spoke in Chisinau. Senior vice president Ada Moraru and Avonian \
                    prime minister Harold Kessler and energy minister Tom Reed met. The party's president, Vlad Cojocaru, resigned.";
        let found = triples(text);
        assert!(found.contains(&"Ana Rusu leaderOf Moldova".to_string()), "{found:?}");
        assert!(found.contains(&"Ion Lupu leaderOf Moldova".to_string()), "{found:?}");
        for name in ["Dan Pop", "Eva Stan", "Vlad Cojocaru", "Ada Moraru", "Tom Reed"] {
            assert!(!found.iter().any(|t| t.starts_with(name) && t.ends_with("Moldova")), "{name}: {found:?}");
        }
    }
}
