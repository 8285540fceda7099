//! The word lists of the rules and the mention finder, read from
//! `data/lexicon/word_lists.txt` (language data apart from the code, as spaCy keeps it).
//! Each list is a field of [`WordLists`]; the file and the fields are checked against each
//! other when the lists are read, so a list the code reads cannot be missing and a list in
//! the file cannot be unread.

use std::collections::HashMap;
use std::ops::Deref;
use std::sync::LazyLock;

use crate::data_files::WORD_LISTS_TXT;
use crate::hashing::FastSet;

/// One word list: words and phrases as the code compares them (mostly in lower case),
/// each once, in the file's order (the words of lists taken in with `@` first). Looked up
/// by hash: a linear scan of strings read at run time calls `memcmp` where a scan of
/// literals compared inline, and cost 3% of extraction.
#[derive(Debug, Clone, Default)]
pub struct WordList {
    words: Vec<&'static str>,
    set: FastSet<&'static str>,
}

impl WordList {
    fn new(words: Vec<&'static str>) -> WordList {
        WordList { set: words.iter().copied().collect(), words }
    }

    /// Whether the list holds `word`.
    pub fn contains(&self, word: &str) -> bool {
        self.set.contains(word)
    }
}

impl Deref for WordList {
    type Target = [&'static str];

    fn deref(&self) -> &[&'static str] {
        &self.words
    }
}

macro_rules! word_lists {
    ($($(#[doc = $doc:literal])* $name:ident,)*) => {
        /// Every word list, by name.
        #[derive(Debug)]
        pub struct WordLists {
            $($(#[doc = $doc])* pub $name: WordList,)*
        }

        impl WordLists {
            /// The names of the lists, as the file's section headers write them.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];

            fn from_sections(mut sections: HashMap<&'static str, WordList>) -> Result<WordLists, String> {
                let mut take = |name: &str| sections.remove(name).ok_or_else(|| format!("no [{name}] list"));
                let lists = WordLists { $($name: take(stringify!($name))?,)* };
                match sections.keys().min() {
                    Some(unread) => Err(format!("[{unread}]: no code reads this list")),
                    None => Ok(lists),
                }
            }
        }
    };
}

word_lists! {
    /// Party words that may stand between a title and a full name ("Leader Democrat Chuck Schumer").
    party_words,
    /// Prepositions: a name right after one is not a subject.
    prepositions,
    /// Determiners that open a noun phrase.
    determiners,
    /// Prepositions a cue of verbs.tsv may end with ("meet with", "appeal to").
    cue_prepositions,
    /// Pronouns that may stand for a person.
    person_pronouns,
    /// Nouns that, after "the", refer back to the company named last ("the company said").
    company_descriptions,
    /// Nouns that, after "the", refer back to the intergovernmental organisation named last ("the bloc").
    union_descriptions,
    /// Words that make a capitalised name an organisation's ("Ministry", "Industries", "Group").
    org_keywords,
    /// Lower-case heads of government bodies named with a country ("Russia's foreign ministry").
    state_body_heads,
    /// Modifiers allowed between a country and a state body ("foreign", "defence").
    state_body_modifiers,
    /// Lower-case heads that make "Eurasian department" an organisation.
    unit_heads,
    /// Head nouns of geographic names ("Black Sea", "Korean Peninsula").
    location_keywords,
    /// Continents and world regions, as written (capitalised): places, not countries.
    continents,
    /// Prefixes of ships' names without dots ("uss", "hms"): a ship is no entity.
    ship_prefixes,
    /// Lower-case nouns right before the name of something that is no entity ("god", "show", "species").
    thing_heads,
    /// Plural nouns after a list of actors that make it one group ("the two countries").
    collective_nouns,
    /// Words that end a capitalised name even when capitalised (a new sentence part, a weekday).
    not_continuations,
    /// Honorifics before a person's name, as written (capitalised, with and without the full stop).
    honorifics,
    /// Military and police ranks written before a name ("Lt. Nettie Johnson", "Capt. Michael Coats").
    ranks,
    /// Particles inside personal names ("Ursula von der Leyen", "Mohammed bin Salman").
    name_particles,
    /// Capitalised words that are not names when they start a sentence or stand alone.
    not_names,
    /// Cardinal number words ("fifteen", "forty-two", "hundred").
    number_words,
    /// Words that qualify a title rather than name anything ("Former President", "Acting Director").
    title_adjectives,
    /// Stems of verbs of travel: a capital after them and "to" or "from" is the city.
    motion_verbs,
    /// Acronyms of things and units, not of names ("LNG", "GMT", "GDP").
    common_acronyms,
    /// Nouns for companies and media that stand right before their name, besides those that refer back to a company ("the company", "the airline": `company_descriptions`).
    company_nouns,
    /// Words that may follow the company noun of an appositive ("X, the German luggage maker that …"); another lower-case word makes the noun a modifier ("a former newspaper editor").
    after_appositive_noun,
    /// The first words of storms; the last words of laws, wars and other events.
    event_heads,
    /// Last words of the names of laws, events, prizes and diseases, which are no entities ("Patriot Act", "World Cup").
    event_tails,
    /// Lower-case words that may join the parts of one name ("Bank of America", "Office de Recherche et de Développement").
    name_joiners,
    /// Words that may stand between a person and the position the sentence gives them ("was", "will remain", "has been named", "was installed as").
    linking_words,
    /// Words that open a new clause: the subject of a verb after them is found after them.
    clause_words,
    /// Words that negate an event in their clause ("did not meet", "refused to sign").
    negations,
    /// Modal verbs and conditionals that make an event hypothetical.
    modals,
    /// Auxiliaries of the future: the event has not happened yet.
    future_words,
    /// Verbs of plans and wishes: the event they govern is hypothetical ("plans to visit").
    hypothetical_verbs,
    /// Words of fear and allegation: the event they govern is feared or alleged, not stated.
    worry_words,
    /// Forms of "be" and "get" before a passive participle ("was attacked by").
    be_forms,
    /// Prepositions that open adjuncts of time, place or manner, never an event's party.
    adjunct_prepositions,
    /// Heads of descriptions that make an organisation a body of another ("the U.N. aviation agency", "an agency of the African Union", "the EU's drug regulator").
    subordinate_body_heads,
    /// Lower-case words that end a description: function words and verbs' companions.
    not_descriptive,
    /// Directions allowed before the country in "a port in northern Germany".
    directions,
    /// Verbs of ownership: the owned organisation is part of the owner.
    owning_verbs,
    /// Words before an event noun that make it a noun ("the invasion", "its first visit"), not a verb.
    determiners_before_event,
    /// Words before an event noun that show it is a verb, not a noun modified by an adjective.
    not_event_adjectives,
    /// Cue verbs that are also particles of other verbs.
    verb_particles,
    /// Verbs that take such a particle ("flew back", "scaled back", "pushed back").
    particle_verbs,
    /// What is signed or agreed: "signed a contract with", "agreed a deal" (not "agreed to ban").
    agreement_nouns,
    /// Last words of the titles that a national government's members hold.
    national_titles,
    /// Last words of titles that head a chamber, a region or a city ("Speaker", "Governor",
    /// "Mayor"): with a state as owner ("Kenyan Governor X") a member of the state, not its head.
    heads_below_the_state,
    /// Names of religions and diseases, which are no entities ("Islam", "COVID").
    non_entity_names,
    /// Titles of a state's or province's office holders ("governor", "congresswoman"):
    /// "Governor X of Georgia" names the region, not the country of that name.
    regional_titles,
    /// Lower-case words that may stand between the party word and the name ("presidential candidate").
    between_words,
    /// Words that qualify a title in an appositive ("a former Pentagon official", "the new chief executive").
    title_modifiers,
    /// Verbs of speaking (base forms; their inflections are derived) that attribute a quotation.
    speech_verbs,
    /// Lower-case words of a role that may stand before the speaker's name or reference (`the ministry said`, `ministry spokesman Anatoly Glaz said`, `senior official X said`).
    role_words,
    /// Head words of organisations that are bodies of a state ("ministry", "army") when named with a country.
    government_body_heads,
    /// Head words of companies ("corporation", "airlines") when named with a country: based there, not its body.
    company_heads,
    /// Abbreviations that end with a full stop without ending the sentence ("Mr.", "Gen.", "Jan.").
    abbreviations,
    /// Words that start sentences often and make a preceding "U.S." or "Inc." a sentence end.
    sentence_starters,
    /// A company's legal form ("Inc", "Ltd", "GmbH"): alone it names no company.
    legal_forms,
    /// What a platform carries or counts ("account", "post", "followers"): the capitalised
    /// word before one ("her Twitter account") or after one ("social media site X") names a platform.
    medium_nouns,
}

/// The party word a lower-case word is, or is the plural of ("democrats" → "democrat",
/// "tories" → "tory"): a party named by its members' word.
pub fn party_word(lower: &str) -> Option<&'static str> {
    let singular = lower.strip_suffix("ies").map(|stem| format!("{stem}y")).or_else(|| lower.strip_suffix('s').map(str::to_string));
    [Some(lower.to_string()), singular].into_iter().flatten().find_map(|w| WORDS.party_words.iter().copied().find(|p| *p == w))
}

/// The lists of `data/lexicon/word_lists.txt`, read at first use.
pub static WORDS: LazyLock<WordLists> = LazyLock::new(|| match parse(WORD_LISTS_TXT) {
    Ok(lists) => lists,
    // The file is embedded at compile time and checked by this module's tests.
    Err(e) => panic!("data/lexicon/word_lists.txt: {e}"),
});

/// A list as written: its words and the lists it takes in.
#[derive(Default)]
struct Written {
    words: Vec<&'static str>,
    includes: Vec<&'static str>,
}

/// Reads word lists: `[name]` opens a list; each other line is a word or phrase, or
/// `@other` to take in the words of another list; `#` starts a comment line.
pub fn parse(text: &'static str) -> Result<WordLists, String> {
    let mut written: Vec<(&'static str, Written)> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let at = |problem: String| format!("line {}: {problem}", n + 1);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if written.iter().any(|(n, _)| *n == name) {
                return Err(at(format!("[{name}] is written twice")));
            }
            written.push((name, Written::default()));
            continue;
        }
        let Some((name, list)) = written.last_mut() else { return Err(at(format!("{line:?} is in no list"))) };
        if let Some(other) = line.strip_prefix('@') {
            list.includes.push(other);
        } else if list.words.contains(&line) {
            return Err(at(format!("{line:?} is written twice in [{name}]")));
        } else {
            list.words.push(line);
        }
    }
    let mut sections = HashMap::new();
    for (name, _) in &written {
        sections.insert(*name, WordList::new(expand(name, &written, &mut Vec::new())?));
    }
    WordLists::from_sections(sections)
}

/// The words of list `name` with those of the lists it takes in, each once.
fn expand(name: &'static str, written: &[(&'static str, Written)], path: &mut Vec<&'static str>) -> Result<Vec<&'static str>, String> {
    if path.contains(&name) {
        return Err(format!("[{name}] takes itself in (through {})", path.join(", ")));
    }
    let Some((_, list)) = written.iter().find(|(n, _)| *n == name) else {
        return Err(format!("@{name} (in [{}]): no such list", path.last().copied().unwrap_or("")));
    };
    path.push(name);
    let mut words = Vec::new();
    for other in &list.includes {
        for w in expand(other, written, path)? {
            if !words.contains(&w) {
                words.push(w);
            }
        }
    }
    path.pop();
    for w in &list.words {
        if !words.contains(w) {
            words.push(*w);
        }
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_lists_are_read_and_no_list_writes_out_another() {
        let lists = parse(WORD_LISTS_TXT).expect("the shipped lists");
        assert!(lists.prepositions.contains("between") && lists.org_keywords.contains("corporation"));
        // Every word of a list taken in with @ is a word of the list that takes it in.
        assert!(lists.cue_prepositions.iter().all(|w| lists.prepositions.contains(w)));
        // No list writes out all the words of another instead of taking it in.
        let mut written: Vec<(&'static str, Written)> = Vec::new();
        for line in WORD_LISTS_TXT.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            match (line.strip_prefix('[').and_then(|l| l.strip_suffix(']')), line.strip_prefix('@'), written.last_mut()) {
                (Some(name), _, _) => written.push((name, Written::default())),
                (None, Some(other), Some((_, list))) => list.includes.push(other),
                (None, None, Some((_, list))) => list.words.push(line),
                _ => unreachable!("parse accepted it"),
            }
        }
        for (name, list) in &written {
            for (other, _) in &written {
                let all = expand(other, &written, &mut Vec::new()).expect("expand");
                assert!(
                    name == other || all.len() < 2 || !all.iter().all(|w| list.words.contains(w)),
                    "[{name}] writes out every word of [{other}]: take it in with @{other}"
                );
            }
        }
    }

    #[test]
    fn bad_lists_are_refused_with_the_line() {
        let refused = |text: &'static str| parse(text).err().unwrap_or_default();
        assert!(refused("war\n").contains("line 1") && refused("war\n").contains("in no list"));
        assert!(refused("[prepositions]\nof\nof\n").contains("written twice in [prepositions]"));
        assert!(refused("[prepositions]\n@nowhere\n").contains("@nowhere"));
        assert!(refused("[prepositions]\n@determiners\n[determiners]\n@prepositions\n").contains("takes itself in"));
        assert!(refused("[prepositions]\nof\n").starts_with("no ["));
        let mut all: String = WORD_LISTS_TXT.to_string();
        all.push_str("[unread_list]\nword\n");
        assert!(refused(Box::leak(all.into_boxed_str())).contains("[unread_list]: no code reads this list"));
    }
}
