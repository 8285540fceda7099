//! Names of things that are no entities of the contract, recognised from the name alone or
//! from the word after it: religions and doctrines ("Islam", "Marxism"), diseases and
//! viruses ("COVID", "Ebola"), and a common word numbered as a grade or a part ("a
//! Category 5 hurricane", "Level 4", "Article 50").

use super::refine::TokenTypes;
use super::{Mention, TextView};
use crate::lexicon::Lexicon;
use crate::words::WORDS;

/// Whether a mention names a religion, a doctrine, a disease or a numbered grade.
pub fn names_no_entity(lex: &Lexicon, view: &TextView, types: &TokenTypes, m: &Mention) -> bool {
    // Every entry of the list is one token: most mentions are tested without joining words.
    m.last == m.first + 1
        && (WORDS.non_entity_names.contains(view.token_lower(m.first)) || doctrine(view, m) || numbered_grade(lex, view, types, m))
}

/// "Marxism", "Zionism": one capitalised word ending in "-ism" names a doctrine.
fn doctrine(view: &TextView, m: &Mention) -> bool {
    let word = view.token_lower(m.first);
    word.len() >= 6 && word.ends_with("ism") && view.tokens[m.first].is_capitalized_word()
}

/// "a Category 5 hurricane", "Level 4": a common English word before a number, which the
/// recogniser does not read as one name with it, and no organisation's keyword ("News 12
/// reported" stays).
fn numbered_grade(lex: &Lexicon, view: &TextView, types: &TokenTypes, m: &Mention) -> bool {
    let Some(next) = view.tokens.get(m.last) else { return false };
    let number = next.space_before && next.norm.bytes().all(|b| b.is_ascii_digit()) && next.norm.len() <= 4;
    let named_with_it = types.get(m.last).copied().flatten().is_some_and(|(_, start, _)| start <= m.first);
    let word = view.token_lower(m.first);
    number && !named_with_it && lex.is_english_word(word) && !WORDS.org_keywords.contains(word)
}

#[cfg(test)]
mod tests {
    use crate::testutil::entities;

    #[test]
    fn religions_doctrines_diseases_and_grades_are_no_entities() {
        for (text, word) in [
            ("Harold Kessler renounced Islam in 2018.", "Islam"),
            ("Anna Berg wrote a history of Marxism in Avonia.", "Marxism"),
            ("So we explained to them about COVID. Tom Reed agreed.", "COVID"),
            ("The storm strengthened into a Category 5 hurricane near Marbridge.", "Category"),
            ("Officials raised the alert to Level 4 in Marbridge.", "Level"),
        ] {
            let e = entities(text);
            assert!(!e.iter().any(|x| x.starts_with(&format!("{word} ("))), "{word} in {e:?}");
            assert!(!e.is_empty(), "the rest of the sentence keeps its names: {e:?}");
        }
        let e = entities("Indeed, News 12 reported that Tom Reed had resigned.");
        assert!(e.iter().any(|x| x.starts_with("News")), "an organisation's keyword before a number stays: {e:?}");
    }
}
