//! Gazetteer membership as tagger features: which words of a sentence lie inside a
//! country name, demonym, city, organisation, title or common word of the lexicons.

use crate::hashing::{hash_str, phrase, phrase_step, HashMap64, HashSet64};
use crate::lexicon::{GazetteerHit, Lexicon};
use kg_model::EntityType;

/// A class of gazetteer phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum NameClass {
    /// A country name or alias.
    Country = 0,
    /// A demonym or its plural.
    Demonym = 1,
    /// A city (capitals included).
    City = 2,
    /// An organisation.
    Organization = 3,
    /// A title ("president", "foreign minister").
    Title = 4,
    /// A person's name.
    Person = 5,
    /// A common lower-case English word.
    Common = 6,
}

/// Number of classes; each takes two bits of a word's mask (begins a phrase, continues one).
pub const CLASSES: usize = 7;

/// Gazetteer phrases by lower-case word sequence, with the classes they belong to.
#[derive(Debug, Default)]
pub struct NameLists {
    /// Classes by the hash of the phrase's lower-case words ([`phrase`]).
    phrases: HashMap64<u16>,
    first_words: HashSet64,
    /// Hashes of the phrases' proper prefixes: a longer phrase can only follow one of them.
    prefixes: HashSet64,
    max_words: usize,
}

impl NameLists {
    /// The phrases of the lexicons.
    pub fn from_lexicon(lex: &Lexicon) -> NameLists {
        let mut lists = NameLists::default();
        for (key, entries) in &lex.phrases {
            for e in entries {
                let class = match e.hit {
                    GazetteerHit::CountryName(_) => NameClass::Country,
                    GazetteerHit::Demonym(_) | GazetteerHit::DemonymPlural(_) => NameClass::Demonym,
                    GazetteerHit::Capital(_) => NameClass::City,
                    GazetteerHit::Organization(_) => NameClass::Organization,
                };
                lists.add(key, class);
            }
        }
        for key in &lex.towns {
            lists.add(key, NameClass::City);
        }
        for key in lex.titles.keys() {
            lists.add(key, NameClass::Title);
        }
        for (key, actors) in &lex.actor_phrases {
            for &a in actors {
                let class = match lex.actors[a].entity_type {
                    EntityType::Person => NameClass::Person,
                    _ => NameClass::Organization,
                };
                lists.add(key, class);
            }
        }
        for word in &lex.common_words {
            lists.add(word, NameClass::Common);
        }
        lists
    }

    fn add(&mut self, key: &str, class: NameClass) {
        let words: Vec<u64> = key.split(' ').map(hash_str).collect();
        self.max_words = self.max_words.max(words.len());
        self.first_words.insert(words[0]);
        for n in 1..words.len() {
            self.prefixes.insert(phrase(words[..n].iter().copied()));
        }
        *self.phrases.entry(phrase(words)).or_default() |= 1 << class as u16;
    }

    /// For each word (given by the hash of its lower-case form), a mask with bit `2c` set
    /// where a phrase of class `c` begins and bit `2c + 1` where one continues.
    pub fn mark(&self, lower_hashes: &[u64]) -> Vec<u16> {
        let n = lower_hashes.len();
        let mut masks = vec![0u16; n];
        for i in 0..n {
            if !self.first_words.contains(&lower_hashes[i]) {
                continue;
            }
            // The phrase hash grows a word at a time (it is a fold over the words).
            let mut key = phrase(std::iter::empty());
            for len in 1..=self.max_words.min(n - i) {
                key = phrase_step(key, lower_hashes[i + len - 1]);
                if let Some(&classes) = self.phrases.get(&key) {
                    for c in 0..CLASSES {
                        if classes & (1 << c) != 0 {
                            masks[i] |= 1 << (2 * c);
                            for m in &mut masks[i + 1..i + len] {
                                *m |= 1 << (2 * c + 1);
                            }
                        }
                    }
                }
                // No longer phrase starts with these words.
                if !self.prefixes.contains(&key) {
                    break;
                }
            }
        }
        masks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_multi_word_phrases() {
        let lists = NameLists::from_lexicon(&Lexicon::load());
        let words = ["the", "united", "states", "and", "kyiv"];
        let hashes: Vec<u64> = words.iter().map(|w| hash_str(w)).collect();
        let m = lists.mark(&hashes);
        let country = NameClass::Country as u16;
        assert_ne!(m[1] & (1 << (2 * country)), 0);
        assert_ne!(m[2] & (1 << (2 * country + 1)), 0);
        assert_ne!(m[4] & (1 << (2 * NameClass::City as u16)), 0);
        assert_eq!(m[3] & (1 << (2 * country)), 0);
    }
}
