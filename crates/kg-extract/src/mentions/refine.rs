//! The name rules' mentions checked against the statistical recogniser: a capitalised
//! run the recogniser does not take for a name is dropped ("Welcome", "Stigma"), one it
//! reads as another kind of name is retyped ("Sapega" a person, "Bavarian Nordic" a
//! company), and events, laws and products it marks as miscellaneous are no entities.
//! Mentions backed by the lexicons (countries, capitals, organisations, groups), titled
//! or honorific names, and references ("the ministry") are kept as the rules made them.

use std::collections::HashMap;

use crate::lexicon::{is_speech_verb, Lexicon};
use crate::mentions::{is_sentence_start, position_at, title_at, Mention, MentionKind, TextView};
use crate::ner::{label_spans, NerTagger};
use crate::text::tokens::TokenKind;
use crate::words::{party_word, WORDS};
use kg_model::EntityType;

/// The recogniser's reading of every token: its type and the span it is in (`None` outside entities).
pub type TokenTypes = [Option<(&'static str, usize, usize)>];

/// The recogniser's entity type of every token (`None` outside entities), with the span it is in.
pub fn token_types(tagger: &NerTagger, view: &TextView) -> Vec<Option<(&'static str, usize, usize)>> {
    let sentences: Vec<Vec<&str>> =
        view.sentences.iter().map(|s| view.tokens[s.first..s.last].iter().map(|t| t.norm.as_str()).collect()).collect();
    let mut out = vec![None; view.tokens.len()];
    for (s, labels) in view.sentences.iter().zip(tagger.tag_document(&sentences)) {
        for (a, b, kind) in label_spans(&labels) {
            for slot in &mut out[s.first + a..s.first + b] {
                *slot = Some((kind, s.first + a, s.first + b));
            }
        }
    }
    out
}

/// A mention the name rules made on capitalisation alone: no title, not inside or the parent
/// link of another mention, not from a lexicon. Only these does the recogniser change.
pub(crate) fn from_rules_alone(m: &Mention) -> bool {
    m.title.is_none()
        && !m.embedded
        && m.parent.is_none()
        && matches!(m.kind, MentionKind::Person(_) | MentionKind::Org(_) | MentionKind::Unresolved(_) | MentionKind::Place(_))
}

/// What the recogniser says of a mention: the type of the entity that spans exactly
/// its tokens, `Some("O")` when none of its tokens is in an entity, `None` otherwise.
fn verdict(m: &Mention, types: &TokenTypes) -> Option<&'static str> {
    let inside: Vec<(&'static str, usize, usize)> = types[m.first..m.last].iter().flatten().copied().collect();
    match inside.first() {
        None => Some("O"),
        Some(&(kind, a, b)) if a == m.first && b == m.last => Some(kind),
        _ => None,
    }
}

/// An English word: in the common-word lists, or written in lower case elsewhere in the document.
fn common_word(lex: &Lexicon, view: &TextView, token: usize) -> bool {
    let lower = view.token_lower(token);
    lex.is_english_word(lower) || view.written_in_lower_case(lower)
}

fn owns_a_title(lex: &Lexicon, view: &TextView, m: &Mention) -> bool {
    m.possessive && title_at(lex, view, m.last + 1, view.sentences[m.sentence].last).is_some()
}

/// "Marlin Industries", "Naval Group": a name ending in an organisation's keyword is one,
/// whatever the first word suggests (words that end people's names too are left out).
fn ends_with_org_keyword(view: &TextView, m: &Mention) -> bool {
    let last = view.token_lower(m.last - 1);
    m.last - m.first > 1
        && WORDS.org_keywords.contains(last)
        && !matches!(last, "post" | "house" | "front" | "guard" | "press" | "times" | "news" | "reserve" | "co" | "sa" | "se" | "ag")
}

/// Whether the lower-case word at `k` names a kind of company ("the Danish drugmaker");
/// "group" and "operator" are left out ("rock group X", "camera operator X").
fn described_as_company(view: &TextView, k: usize) -> bool {
    let w = view.token_lower(k);
    !view.tokens[k].is_capitalized()
        && (WORDS.company_nouns.contains(w) || (WORDS.company_descriptions.contains(w) && !matches!(w, "group" | "operator")))
}

/// Whether an appositive after the mention describes it as a company: "Rimowa, the German
/// luggage maker LVMH bought", "Tiffany, the most iconic American luxury brand" (the noun
/// within seven words of the article).
fn company_appositive_follows(view: &TextView, m: &Mention) -> bool {
    let end = view.sentences[m.sentence].last;
    let word = |k: usize| if k < end { view.token_lower(k) } else { "" };
    if word(m.last) != "," || !matches!(word(m.last + 1), "the" | "a" | "an") {
        return false;
    }
    for k in m.last + 2..(m.last + 9).min(end) {
        if described_as_company(view, k) {
            let next = view.tokens.get(k + 1).filter(|_| k + 1 < end);
            return next.is_none_or(|t| !t.is_lower_word() || WORDS.after_appositive_noun.contains(word(k + 1)));
        }
        if (!view.tokens[k].is_lower_word() && !view.tokens[k].is_capitalized_word()) || word(k) == "of" {
            return false;
        }
    }
    false
}

fn has_org_keyword(view: &TextView, m: &Mention) -> bool {
    crate::mentions::org_keyword_in(view, m.first..m.last)
}

/// Whether the words after a name say it is a person's: ", 41," or ", who".
fn person_follows(view: &TextView, m: &Mention) -> bool {
    let word = |k: usize| view.tokens.get(k).map(|t| t.norm.as_str()).unwrap_or("");
    let age = |w: &str| !w.is_empty() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit());
    word(m.last) == "," && ((age(word(m.last + 1)) && word(m.last + 2) == ",") || word(m.last + 1) == "who")
}

/// Whether a mention names a first-level region of the gazetteer (a large city of the
/// same name only when the text calls it a state or province).
fn names_a_region(lex: &Lexicon, view: &TextView, m: &Mention) -> bool {
    let mut key = String::new();
    view.join_lower(m.first, m.last, &mut key);
    if !lex.regions.contains_key(&key) || matches!(m.kind, MentionKind::Country(_) | MentionKind::Capital(_)) {
        return false;
    }
    !lex.cities.contains_key(&key) || called_a_state(view, m)
}

/// "Georgia state", "the state of Georgia", "the province of X": the text calls the name a
/// state or a province.
pub(crate) fn called_a_state(view: &TextView, m: &Mention) -> bool {
    matches!(view.token_lower(m.last), "state" | "province")
        || (m.first >= 2 && matches!(view.token_lower(m.first - 2), "state" | "province") && view.token_lower(m.first - 1) == "of")
}

/// The city's name when a region's name stands for the city named after it ("X City" in
/// the gazetteer): after "mayor of", and in the "City, State" pattern where both are the same
/// name ("X, X", the first half the city, the second its state, read together as the city).
fn region_read_as_city(lex: &Lexicon, view: &TextView, m: &Mention) -> Option<String> {
    // The context first: it is cheap, and most mentions have none of it.
    let len = m.last - m.first;
    let same_words = |a: usize| (0..len).all(|k| view.token_lower(a + k) == view.token_lower(m.first + k));
    let repeated_after = view.token_lower(m.last) == "," && same_words(m.last + 1);
    let repeated_before = m.first > len && view.token_lower(m.first - 1) == "," && same_words(m.first - 1 - len);
    let after_mayor = m.first >= 2 && view.token_lower(m.first - 1) == "of" && view.token_lower(m.first - 2) == "mayor";
    if !(repeated_after || repeated_before || after_mayor) {
        return None;
    }
    let mut key = String::new();
    view.join_lower(m.first, m.last, &mut key);
    if !lex.regions.contains_key(&key) {
        return None;
    }
    key.push_str(" city");
    lex.cities.get(&key).map(|(city, _)| city.clone())
}

/// Whether the name after a title is no person's: title words only ("Chief Minister",
/// "Technical Officer"), or common words that the recogniser reads as no person's name
/// ("General Public License").
fn titled_nobody(lex: &Lexicon, view: &TextView, m: &Mention, reading: Option<&str>) -> bool {
    let words = m.first..m.last;
    let title_word = |k: usize| {
        let w = view.token_lower(k);
        lex.titles.contains_key(w) || lex.roles.contains_key(w) || lex.portfolios.contains(w)
    };
    words.clone().all(title_word) || common_words_only(lex, view, m, reading)
}

/// Whether a mention is made of common words only, which the recogniser does not read as
/// a person's name and no other evidence makes a name.
fn common_words_only(lex: &Lexicon, view: &TextView, m: &Mention, reading: Option<&str>) -> bool {
    reading != Some("PER") && (m.first..m.last).all(|k| common_word(lex, view, k)) && !named_by_evidence(lex, view, m)
}

/// The country a mention names by a name of the lexicon that stands for it alone: a short
/// name ("America") or a country within a state ("England"), when no capitalised word
/// stands next to it ("South America", "Captain America", "America First") and it is not
/// the tail of "… of America".
fn short_country_name(lex: &Lexicon, view: &TextView, m: &Mention) -> Option<usize> {
    let c = *lex.country_short_names.get(m.surface.as_str())?;
    let capitalised = |k: usize| view.tokens.get(k).is_some_and(|t| t.is_capitalized_word());
    let of_before = m.first >= 2 && view.token_lower(m.first - 1) == "of" && capitalised(m.first - 2);
    // "Wales First Minister X": a title after the name is no name.
    let title_after = title_at(lex, view, m.last, view.sentences[m.sentence].last).is_some();
    let beside_a_name = (m.first > 0 && capitalised(m.first - 1)) || (capitalised(m.last) && !title_after);
    (!beside_a_name && !of_before).then_some(c)
}

/// The kind of place a common noun before "of" calls a name: "the city of X" a city,
/// "the province of X" a region. A capitalised noun ("Mexico City of …") does not count.
fn called_a_place(view: &TextView, m: &Mention) -> Option<EntityType> {
    if m.first < 2 || view.token_lower(m.first - 1) != "of" || view.tokens[m.first - 2].is_capitalized() {
        return None;
    }
    match view.token_lower(m.first - 2) {
        "city" | "town" | "village" | "township" | "port" => Some(EntityType::City),
        "province" | "region" | "state" | "county" | "district" | "prefecture" | "oblast" | "island" => Some(EntityType::Location),
        _ => None,
    }
}

/// Whether a mention stands where the medium of an interview does: "told X", "spoke to X",
/// "in an interview with X".
fn interviewer_position(view: &TextView, m: &Mention) -> bool {
    let before = |n: usize| if m.first >= n { view.token_lower(m.first - n) } else { "" };
    matches!(before(1), "told" | "tells")
        || (before(1) == "to" && matches!(before(2), "spoke" | "speaking" | "talked" | "talking"))
        || (before(1) == "with" && matches!(before(2), "interview" | "interviews"))
}

/// Whether a mention stands where the medium of a statement does: "via Twitter", "wrote
/// on Facebook", "posted a message on Weibo", "her Instagram account", "social media site
/// Facebook". A platform that carries what people say is an organisation.
fn medium_position(lex: &Lexicon, view: &TextView, m: &Mention) -> bool {
    let s = &view.sentences[m.sentence];
    let word = |k: usize| if k >= s.first && k < s.last { view.token_lower(k) } else { "" };
    let before = |n: usize| if m.first >= s.first + n { word(m.first - n) } else { "" };
    let said_before_on = before(1) == "on"
        && (2..=5).any(|n| {
            let w = before(n);
            is_speech_verb(w) || WORDS.medium_nouns.contains(w)
        });
    // "the Arabic page": a language's or people's adjective before the noun names no platform.
    if adjective_or_plural(lex, view, m.first) {
        return false;
    }
    before(1) == "via"
        || said_before_on
        || (WORDS.medium_nouns.contains(before(1)) && !view.tokens[m.first - 1].is_capitalized())
        || (m.last < s.last && WORDS.medium_nouns.contains(word(m.last)))
}

/// Evidence that a mention is a name whatever the recogniser says: an organisation keyword,
/// a known politician's surname, an organisation of the political actors' gazetteer
/// ("Taliban"), or a short acronym in capitals.
fn named_by_evidence(lex: &Lexicon, view: &TextView, m: &Mention) -> bool {
    let single = m.last - m.first == 1;
    // Short, or beside words in lower case ("halted by the NASDAQ"), not a headline's word.
    let among_lower_case = || {
        let lower = |k: usize| view.tokens.get(k).is_some_and(|t| t.is_lower_word());
        (m.first > 0 && lower(m.first - 1)) || lower(m.last)
    };
    let acronym = single && view.tokens[m.first].is_all_caps() && (view.tokens[m.first].norm.chars().count() <= 5 || among_lower_case());
    let actor_organisation = || {
        let mut key = String::new();
        view.join_lower(m.first, m.last, &mut key);
        lex.actor_phrases.get(&key).is_some_and(|a| a.iter().any(|&i| lex.actors[i].entity_type != EntityType::Person))
    };
    has_org_keyword(view, m) || acronym || (single && lex.person_surnames.contains(view.token_lower(m.first))) || actor_organisation()
}

/// A storm, a law, a war or another event by its name ("Hurricane Ophelia", "Clean
/// Rivers Act", "the Thirty Years War"); a name ending in an organisation keyword is none.
fn names_an_event_or_law(view: &TextView, m: &Mention) -> bool {
    let first = view.token_lower(m.first);
    let last = view.token_lower(m.last - 1);
    let head = WORDS.event_heads.contains(first) && m.last - m.first > 1;
    let tail = WORDS.event_tails.contains(last) && !view.tokens[m.last - 1].is_all_caps();
    // "Tenure of Office Act", "Bus Service Regulations": a law, whatever body it names.
    let law = m.last - m.first > 1 && matches!(last, "act" | "regulations") && !view.tokens[m.last - 1].is_all_caps();
    // "Master of Science", "Bachelor of Arts": a degree.
    let degree = matches!(first, "master" | "masters" | "bachelor" | "bachelors" | "doctor") && view.token_lower(m.first + 1) == "of";
    let kind = matches!(m.kind, MentionKind::Person(_) | MentionKind::Org(_) | MentionKind::Unresolved(_));
    kind && (law || degree || ((head || tail) && !has_org_keyword(view, m)))
}

/// "Republican committee member X", "Democratic presidential candidate X": a party's
/// word before a position names the party the person belongs to.
fn party_before_position(lex: &Lexicon, view: &TextView, m: &Mention) -> bool {
    let limit = view.sentences[m.sentence].last;
    party_word(view.token_lower(m.first)).is_some() && (m.last..(m.last + 3).min(limit)).any(|k| position_at(lex, view, k, limit).is_some())
}

/// Names of things that are no entities of the contract, in a document (lower case):
/// storms and ships (the words after "Hurricane", "Tropical Storm", "USS", "HMS", inside a
/// mention or right before it), deities, works and species (a name right after "god", "talk
/// show", "the series", "species"). Not the name before "scandal" or "affair": that may be
/// a company's ("the Cambridge Analytica scandal").
fn names_of_no_entity(view: &TextView, mentions: &[Mention]) -> std::collections::HashSet<String> {
    let head = |k: usize| view.tokens[k].is_capitalized() && WORDS.event_heads.contains(view.token_lower(k)) || ship_prefix(view, k);
    let mut names = std::collections::HashSet::new();
    for m in mentions {
        let mut first = m.first;
        while first < m.last && head(first) {
            first += 1;
        }
        let thing =
            m.first > 0 && !view.tokens[m.first - 1].is_capitalized() && WORDS.thing_heads.contains(view.tokens[m.first - 1].norm.as_str());
        let named = first > m.first || (m.first > 0 && head(m.first - 1)) || thing;
        if named && first < m.last {
            names.insert(view.text(view.tokens[first].start, m.end).to_lowercase());
        }
    }
    names
}

/// Whether token `k` stands inside a quotation: an odd number of quotation marks before it
/// in its paragraph.
fn inside_quotation(view: &TextView, k: usize) -> bool {
    let mut marks = 0;
    for t in view.tokens[..k].iter().rev() {
        if t.norm == "\"" {
            marks += 1;
        }
        if t.paragraph_before {
            break;
        }
    }
    marks % 2 == 1
}

/// Whether token `k` is a ship's prefix in capitals ("USS", "U.S.S.", "HMS").
fn ship_prefix(view: &TextView, k: usize) -> bool {
    let t = &view.tokens[k];
    t.is_all_caps() && WORDS.ship_prefixes.contains(t.norm.replace('.', "").to_lowercase().as_str())
}

/// A word of a nationality, religion or language ("English", "Islamic", "Hindu", "Muslims"):
/// an English word, or an adjective's ending; not a capitalised compound ("Indo-Pacific").
fn adjective_or_plural(lex: &Lexicon, view: &TextView, k: usize) -> bool {
    let t = &view.tokens[k];
    let lower = view.token_lower(k);
    let compound_name = lower.contains('-') && t.norm.split('-').all(|p| p.chars().next().is_some_and(char::is_uppercase));
    !t.is_all_caps()
        && !compound_name
        && (lex.english_words.contains(lower)
            || ["an", "ans", "ese", "ic", "ics", "ish", "ist", "ists", "i", "is", "u", "us", "x"].iter().any(|s| lower.ends_with(s)))
}

/// A capitalised plural of a people's word ("Glaswegians", "Hongkongers", "Israelis",
/// "Shiites"), no English word: a word a company or a family is also called by ("Sears",
/// "the Joneses") has no such ending.
fn plural_name(lex: &Lexicon, view: &TextView, k: usize) -> bool {
    let lower = view.token_lower(k);
    let Some(stem) = lower.strip_suffix('s') else { return false };
    !view.tokens[k].is_all_caps()
        && !lex.is_english_word(lower)
        && !lex.is_english_word(stem)
        && ["an", "ese", "er", "i", "ite", "ist", "ic"].iter().any(|end| stem.ends_with(end))
}

/// "Calgary-based", "Moscow-backed", "Polish-Canadian", "pro-Western": a compound adjective.
fn compound_adjective(lower: &str) -> bool {
    let Some((head, tail)) = lower.rsplit_once('-') else { return false };
    !head.is_empty()
        && (matches!(
            tail,
            "based" | "backed" | "led" | "owned" | "run" | "born" | "funded" | "controlled" | "style" | "class" | "nationalist"
        ) || matches!(head, "pro" | "anti" | "non" | "post" | "pre" | "ex")
            || (tail.ends_with("an") && head.ends_with("an")))
}

/// A code of letters and digits: "XBB-15", "MP-40", "F-16".
fn letters_and_digits(lower: &str) -> bool {
    lower.contains('-') && lower.chars().any(|c| c.is_ascii_digit()) && lower.chars().any(|c| c.is_alphabetic())
}

/// Gives a mention another kind (labelled with its surface) and type.
fn retype(m: &mut Mention, kind: fn(String) -> MentionKind, entity_type: EntityType) {
    m.kind = kind(m.surface.clone());
    m.entity_type = entity_type;
}

fn sentence_initial(m: &Mention, view: &TextView) -> bool {
    is_sentence_start(view, &view.sentences[m.sentence], m.first)
}

/// For each mention, whether another names it as its parent ("Russia" of "Russia's foreign ministry").
pub(crate) fn parents(mentions: &[Mention]) -> Vec<bool> {
    let n = mentions.len();
    let mut is_parent = vec![false; n];
    for p in mentions.iter().filter_map(|m| m.parent).filter(|&p| p < n) {
        is_parent[p] = true;
    }
    is_parent
}

/// A wire service's sign-off: one word in capitals alone on the last line of the text
/// ("REUTER" under every Reuters story), the agency signing its copy, not a name the
/// story mentions: the text's last token, or closing punctuation after a finished
/// sentence. A sentence that wraps onto the last line ("halted for news pending by the
/// NASDAQ.") keeps its name.
fn is_sign_off(view: &TextView, m: &Mention) -> bool {
    let token = &view.tokens[m.first];
    let rest = &view.tokens[m.last..];
    let after_a_sentence = m.first > 0 && matches!(view.tokens[m.first - 1].norm.as_str(), "." | "!" | "?" | "\"" | "'" | ")");
    let closing = rest.iter().all(|t| t.kind == TokenKind::Punct && !t.newline_before);
    m.last == m.first + 1
        && token.newline_before
        && token.kind == TokenKind::Word
        && !token.norm.contains('.')
        && token.norm.chars().count() >= 2
        && token.is_all_caps()
        && (rest.is_empty() || (after_a_sentence && closing))
}

/// The label of a row of a table of figures: the first word of a short line that compares
/// numbers ("Net 807,000 vs 2,858,000", "Revs 12.6 mln vs 15.8 mln", "Avg shrs 1,234,000
/// vs 1,198,000"), as earnings reports in wire copy are written.
fn is_figures_row_label(view: &TextView, m: &Mention) -> bool {
    // Places keep their names: a row of exports to a country is about that country.
    let place = matches!(m.entity_type, EntityType::Country | EntityType::City | EntityType::Location);
    if place || !view.tokens[m.first].newline_before || m.last != m.first + 1 {
        return false;
    }
    let end = (m.first + 1..view.tokens.len()).find(|&k| view.tokens[k].newline_before).unwrap_or(view.tokens.len());
    let line = &view.tokens[m.first..end];
    line.len() <= 14 && line.iter().any(|t| t.norm == "vs" || t.norm == "vs.") && line.iter().any(|t| t.kind == TokenKind::Number)
}

/// An organisation named by a legal form alone ("Inc" left of "Acme U.S.A. Inc" once the
/// country is split off): no company's name.
fn is_legal_form_alone(view: &TextView, m: &Mention) -> bool {
    m.last == m.first + 1 && m.entity_type == EntityType::Organization && WORDS.legal_forms.contains(view.token_lower(m.first))
}

/// Applies the recogniser's reading to the rules' mentions, keeping `parent` links valid.
/// Mentions with the same words share one reading: the type the recogniser gave most
/// often, any type before none.
pub fn refine(lex: &Lexicon, mentions: Vec<Mention>, types: &TokenTypes, view: &TextView) -> Vec<Mention> {
    let is_parent = parents(&mentions);
    let mut votes: HashMap<String, HashMap<&'static str, usize>> = HashMap::new();
    for m in mentions.iter().filter(|m| from_rules_alone(m)) {
        if let Some(v) = verdict(m, types) {
            *votes.entry(m.surface.to_lowercase()).or_default().entry(v).or_default() += 1;
        }
    }
    let reading = |m: &Mention| -> Option<&'static str> {
        let v = votes.get(&m.surface.to_lowercase())?;
        let named = v.iter().filter(|(k, _)| **k != "O").max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)));
        Some(named.map(|(k, _)| *k).unwrap_or("O"))
    };
    // "Le Drian" after "Jean-Yves Le Drian": the end of a person's full name is that person.
    let full_names: Vec<String> = mentions
        .iter()
        .filter(|m| m.entity_type == EntityType::Person && m.last - m.first >= 2)
        .map(|m| format!(" {}", m.surface.to_lowercase()))
        .collect();
    let ends_a_full_name = |m: &Mention| {
        let tail = format!(" {}", m.surface.to_lowercase());
        full_names.iter().any(|f| f.len() > tail.len() && f.ends_with(&tail))
    };
    // "Kessler" after "Harold Kessler", "Harold" after it: a word of a person's full name.
    let names_a_person_of_the_document = |m: &Mention| {
        let word = m.surface.to_lowercase();
        full_names.iter().any(|f| f.split_whitespace().any(|w| w == word))
    };
    // Names described as companies anywhere in the document, for all their mentions.
    let companies: std::collections::HashSet<String> = mentions
        .iter()
        .filter(|m| {
            (m.first > view.sentences[m.sentence].first && described_as_company(view, m.first - 1)) || company_appositive_follows(view, m)
        })
        .map(|m| m.surface.to_lowercase())
        .collect();
    let no_entity_names = names_of_no_entity(view, &mentions);
    let mut kept: Vec<Option<Mention>> = Vec::with_capacity(mentions.len());
    for (k, mut m) in mentions.into_iter().enumerate() {
        if !is_parent[k] && (is_sign_off(view, &m) || is_figures_row_label(view, &m) || is_legal_form_alone(view, &m)) {
            kept.push(None);
            continue;
        }
        // "US$22,900": a currency's country is no actor of the text. "May God protect them",
        // "a solid ZERO": God, and a common word in capitals for emphasis, name nobody.
        let currency = view.tokens.get(m.last).is_some_and(|t| t.norm == "$" && !t.space_before);
        let god =
            matches!(view.token_lower(m.last - 1), "god" | "allah") && view.tokens[m.last - 1].is_capitalized() && m.last - m.first <= 2;
        let emphasis = m.last == m.first + 1 && view.tokens[m.first].is_all_caps() && view.tokens[m.first].norm.chars().count() >= 4 && {
            let w = view.token_lower(m.first);
            // Words never seen in a name (not "USDA", which wire copy writes in lower case too).
            lex.common_words.contains(w) && !WORDS.org_keywords.contains(w) && party_word(w).is_none()
        };
        if !is_parent[k] && (currency || god || emphasis) {
            kept.push(None);
            continue;
        }
        // "destroy the Economy of Turkey", "his Constitutional duties": inside a quotation,
        // where writers capitalise for emphasis, one common English word names nothing.
        // "Egyptologists": a plural of an occupation is no group.
        let emphasised = m.last == m.first + 1 && !view.tokens[m.first].is_all_caps() && inside_quotation(view, m.first) && {
            let w = view.token_lower(m.first);
            lex.is_english_word(w) && !WORDS.org_keywords.contains(w) && party_word(w).is_none() && !lex.names_a_place(w)
        };
        let occupation = m.last == m.first + 1 && view.token_lower(m.first).ends_with("ologists");
        // "the Saffir–Simpson scale": a surname joined by a dash to another before a common
        // noun names a scale, a law or a disease, not a person of the text (unless the text
        // names that person).
        let eponym = m.last == m.first + 1
            && matches!(m.kind, MentionKind::Person(_) | MentionKind::Unresolved(_))
            && m.first >= 2
            && view.tokens[m.first - 1].norm == "-"
            && !view.tokens[m.first - 1].space_before
            && !view.tokens[m.first].space_before
            && view.tokens[m.first - 2].is_capitalized_word()
            && view.tokens.get(m.last).is_some_and(|t| t.is_lower_word())
            // "the Xi–Zelenskiy call": persons the document names are theirs.
            && !names_a_person_of_the_document(&m);
        // "renounced Islam", "about COVID", "a Category 5 hurricane".
        let non_entity = !matches!(m.kind, MentionKind::Country(_) | MentionKind::Capital(_) | MentionKind::LexiconOrg(_))
            && super::non_entities::names_no_entity(lex, view, types, &m);
        if !is_parent[k] && (emphasised || occupation || eponym || non_entity) {
            kept.push(None);
            continue;
        }
        // "the Hindu god Narsimha": a religion's word before a deity names no actor.
        if m.last == m.first + 1
            && matches!(view.token_lower(m.last), "god" | "goddess" | "gods" | "goddesses" | "deity")
            && !view.tokens[m.last].is_capitalized()
        {
            kept.push(None);
            continue;
        }
        // "THE USA IS GREAT": words in capitals with a verb or a pronoun among them are a
        // shouted sentence, not a name.
        let shouted = m.last - m.first >= 2
            && (m.first..m.last).all(|k| view.tokens[k].is_all_caps())
            && (m.first..m.last).any(|k| {
                matches!(view.token_lower(k), "is" | "are" | "was" | "were" | "will" | "be" | "we" | "you" | "i" | "my" | "our" | "not")
            });
        if shouted {
            kept.push(None);
            continue;
        }
        // "((es)) Spanish language: …": a language's name is no entity (nor its country).
        if !is_parent[k] && m.last - m.first == 1 && matches!(view.token_lower(m.last), "language" | "languages") {
            kept.push(None);
            continue;
        }
        // "Avonshire Fire and Rescue": no person's name has "and" or "&" in it.
        if matches!(m.kind, MentionKind::Person(_))
            && m.title.is_none()
            && (m.first..m.last).any(|k| matches!(view.token_lower(k), "and" | "&"))
        {
            retype(&mut m, MentionKind::Org, EntityType::Organization);
        }
        // "Tropical Storm Ophelia … Ophelia, now a hurricane", "USS Grayback … the Grayback",
        // "the god Thoth", "the talk show Morning Joe": a storm's, a ship's, a deity's or a
        // work's name, wherever the document uses it, names no entity of the contract.
        if !no_entity_names.is_empty()
            && (from_rules_alone(&m) && no_entity_names.contains(&m.surface.to_lowercase()) || ship_prefix(view, m.first))
        {
            kept.push(None);
            continue;
        }
        // "Chief Minister", "Lord Mayor", "General Public License": a title before words that
        // are titles themselves, or common words the recogniser does not read as a person's
        // name, names nobody.
        if !is_parent[k] && m.title.is_some() && matches!(m.kind, MentionKind::Person(_)) && titled_nobody(lex, view, &m, reading(&m)) {
            kept.push(None);
            continue;
        }
        // "the mayor of Avon", "in Avon, Avon": a state whose city of the same name the
        // gazetteer calls "Avon City" is that city where the text reads it as a city; "came
        // to America": a short name of a country, alone.
        let place = region_read_as_city(lex, view, &m)
            .map(|city| (MentionKind::Place(city), EntityType::City))
            .or_else(|| short_country_name(lex, view, &m).map(|c| (MentionKind::Country(c), lex.countries[c].entity_type)));
        if let Some((kind, entity_type)) = place {
            m.kind = kind;
            m.entity_type = entity_type;
            kept.push(Some(m));
            continue;
        }
        if is_parent[k] || !from_rules_alone(&m) {
            kept.push(Some(m));
            continue;
        }
        let single = m.last - m.first == 1;
        // A code or a figure ("Q3", "1,000 Points"); not a number inside a name before an
        // organisation's keyword ("the Lost 52 Project").
        let digits = m.surface.chars().any(|c| c.is_ascii_digit()) && !ends_with_org_keyword(view, &m);
        // "Manitoba", "Saxony", "Saskatchewan": a state or province of the gazetteer is a
        // place; one that is also a large city ("New York") only when called a state.
        if names_a_region(lex, view, &m) {
            retype(&mut m, MentionKind::Place, EntityType::Location);
            kept.push(Some(m));
            continue;
        }
        // "the city of Avonshire", "the province of Avonshire": the text says what kind of
        // place it is, whatever the recogniser reads.
        if let Some(place) = called_a_place(view, &m)
            .filter(|_| !matches!(m.kind, MentionKind::Country(_) | MentionKind::Capital(_)) && !has_org_keyword(view, &m))
        {
            retype(&mut m, MentionKind::Place, place);
            kept.push(Some(m));
            continue;
        }
        // A letter alone ("S", "T" of "AT&T" or "Ph.D.") or an acronym of a thing names nobody.
        if single && (WORDS.common_acronyms.contains(view.token_lower(m.first)) || view.token_lower(m.first).chars().count() == 1) {
            kept.push(None);
            continue;
        }
        let surface = m.surface.clone();
        // "the Danish drugmaker Bavarian Nordic", "Italian jeweller Bulgari", "Rimowa, the
        // German luggage maker": a company noun before a name or in its appositive makes it a
        // company's, whatever the first word suggests.
        if matches!(m.kind, MentionKind::Person(_) | MentionKind::Unresolved(_))
            && m.title.is_none()
            && !companies.is_empty()
            && companies.contains(&surface.to_lowercase())
        {
            retype(&mut m, MentionKind::Org, EntityType::Organization);
            kept.push(Some(m));
            continue;
        }
        // "told Euronews", "in an interview with Globex": one name that an interview is given to,
        // and no person's surname of the document, is a news organisation's.
        if single && !matches!(m.kind, MentionKind::Org(_)) && interviewer_position(view, &m) && !ends_a_full_name(&m) {
            retype(&mut m, MentionKind::Org, EntityType::Organization);
            kept.push(Some(m));
            continue;
        }
        // "via Twitter", "wrote on Facebook": one name that carries statements is a platform's.
        if single && matches!(m.kind, MentionKind::Unresolved(_)) && medium_position(lex, view, &m) && !ends_a_full_name(&m) {
            retype(&mut m, MentionKind::Org, EntityType::Organization);
            kept.push(Some(m));
            continue;
        }
        // "the Avon Tribe", "the Red River Tribes": a tribe is a group, not an organisation.
        if m.last - m.first > 1 && matches!(view.token_lower(m.last - 1), "tribe" | "tribes") {
            retype(&mut m, MentionKind::Group, EntityType::Group);
            kept.push(Some(m));
            continue;
        }
        // "Euronews": a name ending in a word ending in "news" is a news organisation
        // ("Accredited Euronews reporter X": without the common word before it).
        let last_word = view.token_lower(m.last - 1);
        if last_word.len() > 6 && last_word.ends_with("news") && !matches!(m.kind, MentionKind::Org(_)) {
            if !single && sentence_initial(&m, view) && common_word(lex, view, m.first) {
                m.first += 1;
                m.start = view.tokens[m.first].start;
            }
            m.surface = view.text(m.start, m.end);
            retype(&mut m, MentionKind::Org, EntityType::Organization);
            kept.push(Some(m));
            continue;
        }
        // "Anderson, 41, was …", "Pedatzur, who now works …": an age or "who" after a name is a person's.
        if matches!(m.kind, MentionKind::Org(_) | MentionKind::Unresolved(_)) && person_follows(view, &m) && !has_org_keyword(view, &m) {
            retype(&mut m, MentionKind::Person, EntityType::Person);
            kept.push(Some(m));
            continue;
        }
        // "Hurricane Ophelia", "the Second Amendment", "the Thirty Years War": storms, laws and
        // wars are no entities of the contract, whatever the recogniser says.
        if names_an_event_or_law(view, &m) {
            kept.push(None);
            continue;
        }
        // "Calgary-based", "Moscow-backed", "XBB-15", "MP-40": a compound adjective, or a
        // code of letters and digits, names no actor or place.
        if single && (compound_adjective(view.token_lower(m.first)) || letters_and_digits(view.token_lower(m.first))) {
            kept.push(None);
            continue;
        }
        // One capitalised word that neither a lexicon, the recogniser nor the document's
        // names explain ("Overcast", "Pokeball", "Economy", "Thoth"): capitals alone are no
        // evidence of a name. A plural the recogniser calls miscellaneous is left to the
        // rule of groups below. Where the recogniser's span only overlaps the word ("Moody"
        // of "Moody's", "Standard" of "Standard and Poor's"), its type is that span's.
        let recognised = reading(&m).or_else(|| types[m.first].map(|(kind, _, _)| kind));
        let misc_plural = || {
            let lower = view.token_lower(m.first);
            recognised == Some("MISC")
                && lower.ends_with('s')
                && !lower.ends_with("ss")
                && !view.tokens[m.first].is_all_caps()
                && !lex.is_english_word(lower)
        };
        if single
            && matches!(m.kind, MentionKind::Unresolved(_))
            && !matches!(recognised, Some("ORG" | "PER" | "LOC"))
            && !named_by_evidence(lex, view, &m)
            && !names_a_person_of_the_document(&m)
            && !misc_plural()
            && party_word(view.token_lower(m.first)).is_none()
        {
            kept.push(None);
            continue;
        }
        // "Treason, Bribery, or other high Crimes": one common English word the recogniser
        // calls a person, that is no known given name or surname nor a word of a full name of
        // the document, with no title or honorific, names nobody.
        if single
            && recognised == Some("PER")
            && m.title.is_none()
            && !view.tokens[m.first].is_all_caps()
            && !(m.first > 0 && crate::mentions::is_honorific(&view.tokens[m.first - 1].norm))
            && lex.is_english_word(view.token_lower(m.first))
            && !lex.person_given_names.contains(view.token_lower(m.first))
            && !lex.person_surnames.contains(view.token_lower(m.first))
            && !names_a_person_of_the_document(&m)
        {
            kept.push(None);
            continue;
        }
        match reading(&m) {
            // A capitalised common word at a sentence start, or a code, that names nothing.
            Some("O") if (single && sentence_initial(&m, view) && common_word(lex, view, m.first)) || digits => {
                kept.push(None);
                continue;
            }
            // Common words that the recogniser rejects are no name ("Farmers", "Despite", "Public
            // Health") unless evidence says otherwise: an organisation keyword ("Acme
            // Industries"), a known politician's surname, an acronym ("ICE").
            Some("O") if (m.first..m.last).all(|k| common_word(lex, view, k)) && !named_by_evidence(lex, view, &m) => {
                kept.push(None);
                continue;
            }
            // One word the recogniser calls miscellaneous: a plural is a group ("Muslims",
            // "Glaswegians"), an adjective ("English", "Islamic") names nothing.
            Some("MISC")
                if single
                    && !has_org_keyword(view, &m)
                    && !matches!(m.kind, MentionKind::Place(_))
                    && !party_before_position(lex, view, &m)
                    && (adjective_or_plural(lex, view, m.first) || plural_name(lex, view, m.first)) =>
            {
                if view.token_lower(m.first).ends_with('s') && !view.tokens[m.first].is_all_caps() {
                    retype(&mut m, MentionKind::Group, EntityType::Group);
                    kept.push(Some(m));
                } else {
                    kept.push(None);
                }
                continue;
            }
            // "Most Valuable Player" without its "Most", "The Room Where It Happens": a
            // person's name of common words only that the recogniser reads as no person's.
            r if !single && matches!(m.kind, MentionKind::Person(_)) && common_words_only(lex, view, &m, r) => {
                kept.push(None);
                continue;
            }
            // "Health Minister X", "Commerce Secretary Y": a portfolio before a title names nothing.
            Some("O")
                if single
                    && !has_org_keyword(view, &m)
                    && common_word(lex, view, m.first)
                    && view.tokens.get(m.last).is_some_and(|t| t.is_capitalized())
                    && title_at(lex, view, m.last, view.sentences[m.sentence].last).is_some() =>
            {
                kept.push(None);
                continue;
            }
            // Events, laws and products of several words are not entities of the contract
            // (one word the recogniser calls miscellaneous is as often a brand or a region); a
            // name ending in an organisation keyword stays ("the Nobel Foundation").
            Some("MISC") if !single && !has_org_keyword(view, &m) => {
                kept.push(None);
                continue;
            }
            // Whatever has a chairman or a chief executive ("Societe Generale's chief executive"),
            // or a digit in its name ("CH2M Hill"), is no person.
            Some("PER")
                if m.entity_type != EntityType::Person
                    && !digits
                    && !owns_a_title(lex, view, &m)
                    && !ends_with_org_keyword(view, &m)
                    && !crate::mentions::ends_with_location_keyword(view, &m) =>
            {
                retype(&mut m, MentionKind::Person, EntityType::Person);
            }
            Some("ORG") if m.entity_type == EntityType::Person && !ends_a_full_name(&m) => {
                retype(&mut m, MentionKind::Org, EntityType::Organization);
            }
            // A lone word nothing else explains that is a known politician's surname ("Erdogan").
            Some("O" | "ORG")
                if matches!(m.kind, MentionKind::Unresolved(_)) && lex.person_surnames.contains(view.token_lower(m.first)) =>
            {
                retype(&mut m, MentionKind::Person, EntityType::Person);
            }
            Some("LOC") if m.entity_type != EntityType::City => {
                let name = view.tokens[m.first..m.last].iter().map(|t| t.lower()).collect::<Vec<_>>().join(" ");
                if lex.towns.contains(&name) && !crate::mentions::is_continent(&m.surface) {
                    retype(&mut m, MentionKind::Place, EntityType::City);
                } else if (matches!(m.kind, MentionKind::Org(_)) || (matches!(m.kind, MentionKind::Person(_)) && !single))
                    && !has_org_keyword(view, &m)
                {
                    // "North Miami Mayor John Stembridge": a place before a title, not its organisation.
                    retype(&mut m, MentionKind::Place, EntityType::Location);
                }
            }
            _ => {}
        }
        kept.push(Some(m));
    }
    let mut new_index = vec![None; kept.len()];
    let mut next = 0;
    for (k, m) in kept.iter().enumerate() {
        if m.is_some() {
            new_index[k] = Some(next);
            next += 1;
        }
    }
    kept.into_iter()
        .flatten()
        .map(|mut m| {
            m.parent = m.parent.and_then(|p| new_index.get(p).copied().flatten());
            m
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::testutil::entities;

    #[test]
    fn lone_capitalised_words_without_evidence_are_no_entities() {
        let found = entities(
            "Maria Lopez said the Overcast skies and the Pokeball toys sold well. Trading in the shares was halted by the NASDAQ and IBM.",
        );
        for junk in ["Overcast", "Pokeball"] {
            assert!(!found.iter().any(|e| e.starts_with(junk)), "{junk}: {found:?}");
        }
        // An acronym beside words in lower case, and a short one, stay.
        assert!(found.contains(&"NASDAQ (Organization)".to_string()) && found.contains(&"IBM (Organization)".to_string()), "{found:?}");
        // A word of a person's full name stays that person's.
        let found = entities("Harold Kessler arrived. Later Kessler said the talks were over.");
        assert_eq!(found, vec!["Harold Kessler (Person)".to_string()]);
        // Common words the recogniser reads as persons name nobody; a given name or a surname does.
        let found = entities("He was charged with \"Treason, Bribery, and Fraud,\" the court said. Rose Baker and Cook met.");
        assert!(!found.iter().any(|e| e.starts_with("Treason") || e.starts_with("Bribery")), "{found:?}");
        assert!(found.contains(&"Rose Baker (Person)".to_string()), "{found:?}");
    }

    #[test]
    fn platforms_that_carry_statements_are_organisations() {
        for text in [
            "Harold Kessler wrote on Chirpr that the vote had been rigged.",
            "Harold Kessler thanked his supporters via Chirpr on Monday.",
            "In a message posted to her Chirpr account, Maria Lopez thanked the crew.",
            "Maria Lopez has two million followers on the social media site Chirpr.",
        ] {
            let found = entities(text);
            assert!(found.contains(&"Chirpr (Organization)".to_string()), "{text}: {found:?}");
        }
        // A language's adjective before such a noun is none.
        let found = entities("Volunteers run the Arabic page and the English page of the museum.");
        assert!(!found.iter().any(|e| e.starts_with("Arabic") || e.starts_with("English")), "{found:?}");
    }

    #[test]
    fn a_party_named_by_its_members_is_the_party() {
        let found = entities("Democrats in the Senate opposed the bill, and Republicans supported it.");
        assert!(
            found.contains(&"Democratic Party (Organization)".to_string())
                && found.contains(&"Republican Party (Organization)".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn capitalised_common_words_and_codes_are_dropped() {
        let found = entities(
            "Stigma remains a problem, said Maria Lopez. Officials fear the stigma. Flight FR4978 landed in Vilnius at 1200 GMT with LNG.",
        );
        assert!(!found.iter().any(|e| ["Stigma", "FR4978", "GMT", "LNG"].iter().any(|w| e.starts_with(w))), "{found:?}");
        assert!(found.contains(&"Maria Lopez (Person)".to_string()), "{found:?}");
    }

    #[test]
    fn names_of_the_wrong_kind_are_not_nodes() {
        // (text, labels that must not be entities, entities that must be there)
        let cases: [(&str, &[&str], &[&str]); 20] = [
            (
                "Members of the Red River Tribe met officials of Avon Township.",
                &[],
                &["Red River Tribe (Group)", "Avon Township (Location)"],
            ),
            (
                "The Calgary-based miner and a Moscow-backed group met Anna Kowal.",
                &["Calgary-based", "Moscow-backed"],
                &["Anna Kowal (Person)"],
            ),
            (
                "Hurricane Ophelia hit the coast as the Clean Rivers Act took effect.",
                &["Hurricane Ophelia", "Ophelia", "Clean Rivers Act"],
                &[],
            ),
            (
                "She ran the 2003 London Marathon and walked in Victoria Park with the Commission on Avon Rivers.",
                &["London", "United Kingdom", "Marathon", "Victoria", "Park"],
                &["Victoria Park (Location)", "Commission on Avon Rivers (Organization)"],
            ),
            (
                "She holds a Master of Science and read the Tenure of Office Act in the Spanish language.",
                &["Master of Science", "Tenure of Office Act", "Spain"],
                &[],
            ),
            (
                "Governor Maria Lopez warned of Tropical Storm Ophelia. Ophelia, now a hurricane, is expected on Friday.",
                &["Ophelia"],
                &["Maria Lopez (Person)"],
            ),
            ("Cases of XBB-15 rose, and police found an MP-40 in the car.", &["XBB-15", "MP-40"], &[]),
            ("In the talk, Women were a theme, said Omar Haddad.", &["Women"], &["Omar Haddad (Person)"]),
            ("Floods hit Manitoba and Saskatchewan on Monday.", &[], &["Manitoba (Location)", "Saskatchewan (Location)"]),
            ("Speaking at 10 am EDT, Omar Haddad told Globex that the plan was dead.", &["EDT"], &["Globex (Organization)"]),
            (
                "The U.S.S. Marlin sank near Okinawa, and divers found the Marlin in 2019. HMS Avon was built in 1943.",
                &["Marlin", "U.S.S. Marlin", "HMS Avon", "Avon"],
                &["Okinawa (City)"],
            ),
            (
                "Ibises were sacrificed to the god Thoth in Tuna el-Gebel, and a poster showed the Hindu god Vayu.",
                &["Thoth", "Hindu", "Vayu"],
                &[],
            ),
            ("He tweeted: THE AVONIA IS GREAT! Then the University of Avon at Marbridge replied.", &["THE AVONIA IS GREAT"], &[]),
            (
                "He wrote: \"I will destroy the Economy of Avonia.\" Archaeologists and Egyptologists met. On the Kessler–Simpson scale it rated 2.",
                &["Economy", "Egyptologists", "Simpson"],
                &[],
            ),
            ("The Avonia Party won the Marbridge Presidential Primary.", &["Marbridge Presidential Primary"], &["Avonia Party (Organization)"]),
            (
                "They pay US$22,900, he wrote: \"May God protect them.\" She polls at a solid NOTHING. The Avon 52 Project met.",
                &["United States", "May God", "God", "NOTHING"],
                &["Avon 52 Project (Organization)"],
            ),
            (
                "Maria Lopez spoke on the talk show Avon Mornings and came dressed as the species Marbridgeon. Marbridgeon won.",
                &["Avon Mornings", "Marbridgeon"],
                &["Maria Lopez (Person)"],
            ),
            ("Governments in east Asia closed ports.", &["Asia (City)"], &["Asia (Location)"]),
            (
                "The new rate was low. New Jersey had the lowest rate, and the New Jersey Governor's aide resigned.",
                &["Jersey", "New Jersey Governor"],
                &["New Jersey (Location)"],
            ),
            (
                "She worked at the offices of the Secretary of State and Registrar of Voters in Avonshire.",
                &["and Registrar of Voters"],
                &[],
            ),
        ];
        for (text, absent, present) in cases {
            let found = entities(text);
            for a in absent {
                assert!(!found.iter().any(|e| e.starts_with(&format!("{a} ("))), "{a} in {found:?} for {text:?}");
            }
            for p in present {
                assert!(found.contains(&p.to_string()), "{p} not in {found:?} for {text:?}");
            }
        }
    }

    #[test]
    fn titles_and_common_words_alone_name_no_person() {
        for text in [
            "He was named the Most Valuable Player of the season.",
            "The code is released under the GNU General Public License.",
            "The Chief Minister spoke on Monday.",
            "The Technical Officer said the plan was sound.",
        ] {
            let found = entities(text);
            assert!(!found.iter().any(|e| e.ends_with("(Person)")), "{found:?} for {text:?}");
        }
        let found = entities("Chief Minister Harold Kessler met Bill Gates on Monday.");
        for e in ["Harold Kessler (Person)", "Bill Gates (Person)"] {
            assert!(found.contains(&e.to_string()), "{e} not in {found:?}");
        }
    }

    #[test]
    fn a_short_country_name_next_to_a_name_is_no_country() {
        for text in [
            "Harold Kessler flew to South America.",
            "Captain America opened on Friday.",
            "Maria Lopez runs the Bank of America.",
            "Public Health England said cases rose.",
        ] {
            let found = entities(text);
            assert!(!found.iter().any(|e| e.ends_with("(Country)")), "{found:?} for {text:?}");
        }
    }

    #[test]
    fn a_known_politicians_surname_alone_is_a_person() {
        let found = entities("Erdogan met the envoy in Ankara.");
        assert!(found.contains(&"Erdogan (Person)".to_string()), "{found:?}");
    }

    #[test]
    fn names_the_recogniser_reads_otherwise_are_retyped() {
        let cases = [
            // The name rules alone call a keyword-less two-word name a person.
            ("Compagnie Financiere Richemont shares fell.", &["Compagnie Financiere Richemont (Organization)"][..]),
            // A name rule's evidence wins: whatever has a chief executive is no person.
            ("Societe Generale's chief executive, Anne Roy, resigned.", &["Societe Generale (Organization)"]),
            ("Peru ordered frigates from Marlin Industries.", &["Marlin Industries (Organization)"]),
            ("Anderson, 41, was kidnapped. Pedatzur, who now works in Boston, agrees.", &["Anderson (Person)", "Pedatzur (Person)"]),
            ("Doses come from the Danish drugmaker Bavarian Nordic.", &["Bavarian Nordic (Organization)"]),
            // Read as miscellaneous by the recogniser, kept for its keyword.
            ("They are to share a monetary award of SEK9 million from the Nobel Foundation.", &["Nobel Foundation (Organization)"]),
            ("Arnault ran Rimowa, the German luggage maker LVMH bought in 2016.", &["Rimowa (Organization)"]),
            ("Bill Smith, a spokesman for CH2M Hill, said the plant would close.", &["CH2M Hill (Organization)"]),
            ("Arnault ran Rimowa, the most famous old German luggage maker, until 2020.", &["Rimowa (Organization)"]),
            ("The letter came from Maria Keller, a former newspaper editor in Ohio.", &["Maria Keller (Person)"]),
            // The text says what kind of place a name is.
            ("Harold Kessler visited the city of Marbridge on Monday.", &["Marbridge (City)"]),
            ("Maria Lopez toured the province of Marbridge, where farmers protested.", &["Marbridge (Location)"]),
            ("Floods hit the region of Marbridge on Tuesday, officials said.", &["Marbridge (Location)"]),
            // A state whose city of its name the gazetteer calls "… City": the city where the
            // text reads it so, the state elsewhere.
            ("Maria Lopez, the mayor of Oklahoma, spoke on Monday.", &["Oklahoma City (City)"]),
            ("Harold Kessler addressed reporters in Oklahoma, Oklahoma, on Monday.", &["Oklahoma City (City)"]),
            ("Harold Kessler won the vote in Oklahoma on Monday.", &["Oklahoma (Location)"]),
            // A short name of a country, alone.
            ("Harold Kessler said he would fight for an America that works for all.", &["United States (Country)"]),
            (
                "The virus spread across England and Scotland, and Northern Ireland closed its schools.",
                &["England (Country)", "Scotland (Country)", "Northern Ireland (Country)"],
            ),
        ];
        for (text, expected) in cases {
            let found = entities(text);
            for e in expected {
                assert!(found.contains(&e.to_string()), "{e} not in {found:?} for {text:?}");
            }
        }
    }
}
