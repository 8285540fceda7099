//! Mention detection: gazetteer matches, organisation phrases, titled and
//! capitalised names, groups. Each mention gets a provisional type and a
//! grouping key. `spans` and `refine` reconcile them with the recogniser's labels;
//! `coref` turns mentions into entities.

pub mod anaphora;
pub mod coref;
pub mod non_entities;
pub mod refine;
pub mod shared_names;
pub mod spans;
pub mod variants;

use std::borrow::Cow;

use crate::hashing::FastSet;

use crate::lexicon::{GazetteerHit, Lexicon, TitleRole};
use crate::text::sentences::Sentence;
use crate::text::tokens::{Token, TokenKind};
use crate::words::{party_word, WORDS};
use kg_model::names::normalize_label;
use kg_model::EntityType;

/// What a mention names, before coreference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MentionKind {
    /// A country by name, alias or demonym (index into the lexicon's countries).
    Country(usize),
    /// A capital city; `coref` decides between the city and its state.
    Capital(usize),
    /// A city or other place by name.
    Place(String),
    /// An organisation of the lexicon.
    LexiconOrg(usize),
    /// An organisation found in the text, with its label.
    Org(String),
    /// A reference to an organisation by its head noun only ("the foreign ministry").
    OrgReference(String),
    /// A person's name (title and honorific removed).
    Person(String),
    /// A single capitalised word that names nobody seen so far.
    Unresolved(String),
    /// A named collective, with its label.
    Group(String),
}

/// A mention of a (provisional) entity in the text.
#[derive(Debug, Clone)]
pub struct Mention {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// Start in code points (may be inside a token for "Xi-Zelenskiy").
    pub start: usize,
    /// End in code points, exclusive.
    pub end: usize,
    /// Index of the sentence.
    pub sentence: usize,
    /// What it names.
    pub kind: MentionKind,
    /// Provisional entity type.
    pub entity_type: EntityType,
    /// The text as written.
    pub surface: String,
    /// Followed by a possessive `'s`.
    pub possessive: bool,
    /// A demonym used as an adjective ("Chinese").
    pub adjectival: bool,
    /// A title written with the name ("President"), its role and first token.
    pub title: Option<(String, TitleRole, usize)>,
    /// Index of a mention this organisation is part of ("Russia" in "Russia's foreign ministry").
    pub parent: Option<usize>,
    /// In a place context ("in Kyiv", "Kyiv, Ukraine", a dateline).
    pub place_context: bool,
    /// Inside a longer mention ("Russia" in "Russia's foreign ministry"): named, but not an argument.
    pub embedded: bool,
}

/// Whether an organisation keyword is among tokens `range` (ends past the text are ignored).
pub(crate) fn org_keyword_in(view: &TextView, range: std::ops::Range<usize>) -> bool {
    range.take_while(|&k| k < view.tokens.len()).any(|k| WORDS.org_keywords.contains(view.token_lower(k)))
}

/// Whether a mention's last word names a kind of place ("Hartwell Palace", "Avon Heights").
pub(crate) fn ends_with_location_keyword(view: &TextView, m: &Mention) -> bool {
    m.last - m.first > 1 && WORDS.location_keywords.contains(view.token_lower(m.last - 1))
}
#[rustfmt::skip]
/// Region adjectives word by word ("Latin American" is two tokens).
const REGION_ADJECTIVES: &[&[&str]] = &[
    &["European"], &["African"], &["Asian"], &["Arab"], &["Gulf"], &["Nordic"], &["Baltic"], &["Muslim"],
    &["Latin", "American"], &["Eastern", "European"], &["Pacific"], &["Balkan"], &["Arctic"],
];

/// A military or police rank, with or without its dot ("Capt", "Capt.").
pub(crate) fn is_rank(norm: &str) -> bool {
    WORDS.ranks.contains(norm.strip_suffix('.').unwrap_or(norm))
}

/// An honorific or a rank written before a name.
fn is_honorific(norm: &str) -> bool {
    WORDS.honorifics.contains(norm) || is_rank(norm)
}

/// The document being analysed: tokens, sentences and the set of words seen in lower case.
pub struct TextView<'a> {
    /// The tokens.
    pub tokens: &'a [Token],
    /// The sentences.
    pub sentences: &'a [Sentence],
    /// The original text as code points.
    pub chars: &'a [char],
    lower_words: FastSet<&'a str>,
    /// Words seen capitalised inside a sentence (not first): names, whatever else they mean.
    inner_capitalized: FastSet<String>,
    common_words: &'a FastSet<String>,
    lex: &'a Lexicon,
    lowers: Vec<Cow<'a, str>>,
}

impl<'a> TextView<'a> {
    /// Indexes a tokenised document.
    pub fn new(lex: &'a Lexicon, tokens: &'a [Token], sentences: &'a [Sentence], chars: &'a [char]) -> Self {
        // Most tokens are ASCII in lower case already: only the others are lower-cased.
        let lowers: Vec<Cow<'a, str>> = tokens
            .iter()
            .map(|t| {
                let plain = t.norm.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase());
                if plain {
                    Cow::Borrowed(t.norm.as_str())
                } else {
                    Cow::Owned(t.lower())
                }
            })
            .collect();
        let lower_words = tokens.iter().filter(|t| t.kind == TokenKind::Word && !t.is_capitalized()).map(|t| t.norm.as_str()).collect();
        let mut inner_capitalized = FastSet::default();
        for s in sentences {
            for i in s.first + 1..s.last {
                let t = &tokens[i];
                let after_quote = matches!(tokens[i - 1].norm.as_str(), "\"" | "(" | ":" | "-");
                if t.kind == TokenKind::Word
                    && t.is_capitalized()
                    && !after_quote
                    && tokens[i - 1].kind == TokenKind::Word
                    && tokens[i - 1].is_capitalized()
                {
                    inner_capitalized.insert(lowers[i].to_string());
                }
            }
        }
        TextView { tokens, sentences, chars, lower_words, inner_capitalized, common_words: &lex.common_words, lex, lowers }
    }

    /// The original text of a code-point span.
    pub fn text(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }

    /// The token in lower case, empty past the end.
    pub fn token_lower(&self, i: usize) -> &str {
        self.lowers.get(i).map_or("", |l| l.as_ref())
    }

    /// True when the document also writes this (lower-case) word in lower case.
    pub fn written_in_lower_case(&self, lower: &str) -> bool {
        self.lower_words.contains(lower)
    }

    /// Tokens `i..end` in lower case, joined by spaces, into `key`.
    pub(crate) fn join_lower(&self, i: usize, end: usize, key: &mut String) {
        key.clear();
        for j in i..end {
            if j > i {
                key.push(' ');
            }
            key.push_str(self.token_lower(j));
        }
    }
}

/// Finds the mentions of one document.
pub fn find_mentions(lex: &Lexicon, view: &TextView) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for (si, s) in view.sentences.iter().enumerate() {
        let mut i = s.first;
        while i < s.last {
            match next_mention(lex, view, si, s, i, &out) {
                Some(found) => {
                    i = found.iter().map(|m| m.last).max().unwrap_or(i + 1).max(i + 1);
                    let base = out.len();
                    for (k, mut m) in found.into_iter().enumerate() {
                        if m.parent == Some(usize::MAX) {
                            m.parent = (k > 0).then(|| base + k - 1);
                        }
                        out.push(m);
                    }
                }
                None => i += 1,
            }
        }
    }
    for m in out.iter_mut() {
        m.possessive = !m.embedded && view.tokens.get(m.last).is_some_and(|t| t.norm == "'s" || t.norm == "'");
        m.place_context = place_context(lex, view, m);
    }
    out
}

/// True at a sentence's first token or right after an opening quote, bracket, dash or colon.
pub(crate) fn is_sentence_start(view: &TextView, s: &Sentence, i: usize) -> bool {
    if i == s.first {
        return true;
    }
    if i < s.first {
        return false;
    }
    match view.tokens[i - 1].norm.as_str() {
        "\"" | "(" | "-" | ":" => true,
        // An opening quote, not the apostrophe of a plural's possessive ("the States' Centers").
        "'" => i - 1 == s.first || view.tokens[i - 2].end < view.tokens[i - 1].start,
        _ => false,
    }
}

/// A month or weekday abbreviation in a date ("Jan. 6", "Thu 7 Jan").
fn date_abbreviation(view: &TextView, i: usize) -> bool {
    let t = &view.tokens[i];
    let dated = view.tokens.get(i + 1).is_some_and(|n| n.norm == "." || n.kind == TokenKind::Number);
    t.norm.len() <= 4
        && dated
        && (kg_model::calendar::month_number(&t.norm).is_some() || kg_model::calendar::weekday_number(&t.norm).is_some())
        || (t.norm == "May" && view.tokens.get(i + 1).is_some_and(|n| n.kind == TokenKind::Number))
        || (t.norm == "May"
            && i > 0
            && matches!(view.token_lower(i - 1), "in" | "since" | "until" | "by" | "last" | "next" | "early" | "late" | "mid"))
}

/// A surname written with a lower-case particle and a hyphen or apostrophe: "al-Kaabi",
/// "el-Sisi", "bin-Laden", "d'Estaing".
fn is_prefixed_name(word: &str) -> bool {
    // Every particle starts with one of these letters: most words stop here.
    if !matches!(word.as_bytes().first(), Some(b'a' | b'e' | b'b' | b'i' | b'd')) {
        return false;
    }
    let Some(cut) = word.find(['-', '\'']) else { return false };
    let (particle, rest) = (&word[..cut], &word[cut + 1..]);
    matches!(particle, "al" | "el" | "ad" | "an" | "ar" | "as" | "ash" | "at" | "az" | "bin" | "ibn" | "d")
        && rest.chars().next().is_some_and(char::is_uppercase)
        && rest.chars().skip(1).any(char::is_lowercase)
}

/// A token that can begin or continue a name: capitalised, or a particle-prefixed surname.
fn name_token(view: &TextView, s: &Sentence, i: usize) -> bool {
    let Some(t) = view.tokens.get(i) else { return false };
    if t.kind != TokenKind::Word || i >= s.last {
        return false;
    }
    if !t.is_capitalized() {
        return is_prefixed_name(&t.norm);
    }
    let lower = view.token_lower(i);
    if (WORDS.not_names.contains(lower) || kg_model::calendar::is_calendar_name(lower)) && !t.is_all_caps() || date_abbreviation(view, i) {
        return false;
    }
    // Contractions: "I'm", "We'll", "Don't".
    if ["'m", "'ve", "'ll", "'re", "'d", "n't"].iter().any(|c| lower.ends_with(c)) {
        return false;
    }
    let known_name = view.inner_capitalized.contains(lower);
    // "Analysts said", "Sanctions were imposed": a plural common noun opening a sentence.
    let singular = lower.strip_suffix('s').filter(|s| !s.ends_with('s')).unwrap_or("");
    let plural_noun = singular.len() > 3
        && (view.common_words.contains(singular)
            || ["ist", "yst", "er", "or", "ant", "ent", "ian", "ion", "ive", "ure", "ate", "ment"].iter().any(|x| singular.ends_with(x)));
    if is_sentence_start(view, s, i) && !known_name && plural_noun && !view.tokens.get(i + 1).is_some_and(|n| n.is_capitalized()) {
        return false;
    }
    if is_sentence_start(view, s, i)
        && !t.is_all_caps()
        && !known_name
        && view.common_words.contains(lower)
        && !view.tokens.get(i + 1).is_some_and(|n| n.is_capitalized() && n.kind == TokenKind::Word)
    {
        return false;
    }
    if is_sentence_start(view, s, i) && !t.is_all_caps() && !known_name && view.lower_words.contains(lower) && !starts_a_place_name(view, i)
    {
        return false;
    }
    if is_sentence_start(view, s, i) && (lower.ends_with("ing") || lower.ends_with("ly")) {
        return false;
    }
    // "Fifteen years is super": a number opening a sentence.
    if is_sentence_start(view, s, i) && !t.is_all_caps() && is_number_word(lower) {
        return false;
    }
    true
}

/// "New Jersey", "New Orleans": a word that, with the capitalised word after it, names a
/// region or a city of the gazetteer (so "New" opening a sentence stays in the name).
fn starts_a_place_name(view: &TextView, i: usize) -> bool {
    if !view.tokens.get(i + 1).is_some_and(|t| t.is_capitalized() && t.kind == TokenKind::Word) {
        return false;
    }
    let mut key = String::new();
    view.join_lower(i, i + 2, &mut key);
    view.lex.regions.contains_key(&key) || view.lex.cities.contains_key(&key)
}

/// Cardinal number words ("fifteen", "forty-two", "hundred").
fn is_number_word(lower: &str) -> bool {
    lower.split('-').all(|part| WORDS.number_words.contains(part))
}

fn gazetteer_match(lex: &Lexicon, view: &TextView, s: &Sentence, i: usize) -> Option<(usize, GazetteerHit)> {
    let t = view.tokens.get(i)?;
    if !t.is_capitalized() || t.kind != TokenKind::Word || !lex.phrase_starts.contains(view.token_lower(i)) {
        return None;
    }
    let max = lex.max_phrase_tokens.min(s.last - i);
    let mut key = String::new();
    for len in (1..=max).rev() {
        view.join_lower(i, i + len, &mut key);
        if let Some(entries) = lex.phrases.get(&key) {
            let exact: String = (i..i + len).map(|j| view.tokens[j].norm.as_str()).collect::<Vec<_>>().join(" ");
            for e in entries {
                if e.exact_case && !exact.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()) {
                    continue;
                }
                if len == 1 && !e.exact_case && t.is_all_caps() && t.norm.len() <= 3 {
                    continue;
                }
                // The last word of a multi-word match must be capitalised too ("Security Council").
                return Some((len, e.hit));
            }
        }
    }
    None
}

/// Longest title starting at token `i`: (tokens, role), with portfolios before it
/// ("Agriculture Minister", "Foreign Trade Minister", "Transport and Bridges Minister").
pub fn title_at(lex: &Lexicon, view: &TextView, i: usize, limit: usize) -> Option<(usize, TitleRole)> {
    if let Some(found) = plain_title_at(lex, view, i, limit) {
        return Some(found);
    }
    // One look-up for most words (this runs on every word): a portfolio, then a title one or two words on.
    if !lex.portfolios.contains(view.token_lower(i)) {
        return None;
    }
    // "Department of Transportation Secretary X", "Department of Homeland Security chief of
    // staff X": after "of" the portfolio words end an organisation's name.
    let mut k = i;
    while k > 0 && lex.portfolios.contains(view.token_lower(k - 1)) && view.tokens[k - 1].is_capitalized() {
        k -= 1;
    }
    if k > 0 && view.token_lower(k - 1) == "of" {
        return None;
    }
    // A member of a parliament holds no portfolio: "Labour MP X" is the party's.
    let seat =
        |k: usize| matches!(view.token_lower(k), "mp" | "mps" | "lawmaker" | "senator" | "congressman" | "congresswoman" | "legislator");
    // "Road Transport and Bridges Minister", "Health and Human Services Secretary": portfolio
    // words, at most one "and" between two of them.
    let portfolio_words = |step: usize| {
        let and_at = (i + 1..i + step).filter(|&k| view.token_lower(k) == "and").count();
        and_at <= 1
            && view.token_lower(i + step - 1) != "and"
            && (i..i + step).all(|k| view.token_lower(k) == "and" || lex.portfolios.contains(view.token_lower(k)))
    };
    (1..=5)
        .take_while(|&step| portfolio_words(step) || view.token_lower(i + step - 1) == "and")
        .filter(|&step| portfolio_words(step) && !seat(i + step))
        .find_map(|step| plain_title_at(lex, view, i + step, limit).map(|(n, role)| (step + n, role)))
}

fn plain_title_at(lex: &Lexicon, view: &TextView, i: usize, limit: usize) -> Option<(usize, TitleRole)> {
    if !lex.title_starts.contains(view.token_lower(i)) {
        return None;
    }
    longest_entry(view, i, lex.max_title_tokens.min(limit.saturating_sub(i)), &lex.titles)
}

/// The longest run of at most `max` tokens from `i` that `table` holds: (tokens, role).
fn longest_entry(view: &TextView, i: usize, max: usize, table: &crate::hashing::FastMap<String, TitleRole>) -> Option<(usize, TitleRole)> {
    let mut key = String::new();
    (1..=max).rev().find_map(|len| {
        view.join_lower(i, i + len, &mut key);
        table.get(&key).map(|role| (len, *role))
    })
}

/// Longest title, or occupation of `roles.tsv`, starting at token `i`: (tokens, role).
/// Relation rules read occupations ("an expert at", "a meteorologist"); name rules do not.
pub fn position_at(lex: &Lexicon, view: &TextView, i: usize, limit: usize) -> Option<(usize, TitleRole)> {
    title_at(lex, view, i, limit).or_else(|| longest_entry(view, i, lex.max_role_tokens.min(limit.saturating_sub(i)), &lex.roles))
}

pub(crate) fn make(view: &TextView, si: usize, first: usize, last: usize, kind: MentionKind, entity_type: EntityType) -> Mention {
    let (start, end) = (view.tokens[first].start, view.tokens[last - 1].end);
    Mention {
        first,
        last,
        start,
        end,
        sentence: si,
        kind,
        entity_type,
        surface: view.text(start, end),
        possessive: false,
        adjectival: false,
        title: None,
        parent: None,
        place_context: false,
        embedded: false,
    }
}

fn country_mention(lex: &Lexicon, view: &TextView, si: usize, i: usize, len: usize, hit: GazetteerHit) -> Mention {
    let (kind, ty, adjectival) = match hit {
        GazetteerHit::CountryName(c) => (MentionKind::Country(c), lex.countries[c].entity_type, false),
        GazetteerHit::Demonym(c) => (MentionKind::Country(c), lex.countries[c].entity_type, true),
        GazetteerHit::DemonymPlural(c) => {
            let label = view.text(view.tokens[i].start, view.tokens[i + len - 1].end);
            let _ = c;
            (MentionKind::Group(label), EntityType::Group, false)
        }
        GazetteerHit::Capital(c) => (MentionKind::Capital(c), EntityType::City, false),
        GazetteerHit::Organization(o) => (MentionKind::LexiconOrg(o), EntityType::Organization, false),
    };
    let mut m = make(view, si, i, i + len, kind, ty);
    m.adjectival = adjectival;
    m
}

/// A state body named with its country: "Russia's foreign ministry", "the Chinese Foreign Ministry".
fn state_body(lex: &Lexicon, view: &TextView, si: usize, s: &Sentence, i: usize, len: usize, hit: GazetteerHit) -> Option<Vec<Mention>> {
    let country = match hit {
        GazetteerHit::CountryName(c) | GazetteerHit::Demonym(c) => c,
        _ => return None,
    };
    let mut j = i + len;
    if view.tokens.get(j).is_some_and(|t| t.norm == "'s") {
        j += 1;
    }
    let body_start = j;
    while j < s.last && WORDS.state_body_modifiers.contains(view.token_lower(j)) {
        j += 1;
    }
    let head_len = [2usize, 1].into_iter().find(|&n| {
        j + n <= s.last && WORDS.state_body_heads.contains((j..j + n).map(|k| view.token_lower(k)).collect::<Vec<_>>().join(" ").as_str())
    })?;
    let end = j + head_len;
    let body: Vec<&str> = (body_start..end).map(|k| view.token_lower(k)).collect();
    let label = format!("{}'s {}", lex.countries[country].name, body.join(" "));
    let mut parent = country_mention(lex, view, si, i, len, hit);
    parent.embedded = true;
    let mut org = make(view, si, i, end, MentionKind::Org(label), EntityType::Organization);
    org.parent = Some(usize::MAX); // patched by the caller to the parent's index
    Some(vec![parent, org])
}

fn next_mention(lex: &Lexicon, view: &TextView, si: usize, s: &Sentence, i: usize, so_far: &[Mention]) -> Option<Vec<Mention>> {
    let t = &view.tokens[i];
    if t.kind != TokenKind::Word {
        return None;
    }
    let lower = view.token_lower(i);
    // Hyphenated pairs of known names: "the Xi-Zelenskiy talks".
    if t.is_capitalized() && t.norm.contains('-') {
        if let Some(pair) = hyphen_pair(view, si, i, so_far) {
            return Some(pair);
        }
    }
    // "North Rhine", "South Saxony": a region of the gazetteer whose first word is a direction.
    if matches!(lower, "north" | "south" | "east" | "west") && t.is_capitalized() && i + 1 < s.last && view.tokens[i + 1].is_capitalized() {
        let name = format!("{lower} {}", view.token_lower(i + 1));
        if lex.regions.contains_key(&name) {
            let surface = view.text(t.start, view.tokens[i + 1].end);
            return Some(vec![make(view, si, i, i + 2, MentionKind::Place(surface), EntityType::Location)]);
        }
    }
    // "the West", "Western countries", "Western" sanctions.
    if (t.norm == "West" && i > s.first && view.token_lower(i - 1) == "the" && !name_token(view, s, i + 1))
        || (t.norm == "Western" && !name_token(view, s, i + 1))
    {
        let mut last = i + 1;
        if t.norm == "Western" && WORDS.collective_nouns.contains(view.token_lower(i + 1)) {
            last += 1;
        }
        return Some(vec![make(view, si, i, last, MentionKind::Group("the West".into()), EntityType::Group)]);
    }
    // Regional groups: "European countries".
    for adj in REGION_ADJECTIVES {
        if adj.iter().enumerate().all(|(k, w)| view.tokens.get(i + k).is_some_and(|x| x.norm == *w)) {
            let noun = i + adj.len();
            if WORDS.collective_nouns.contains(view.token_lower(noun)) {
                let label = format!("{} {}", adj.join(" "), view.token_lower(noun));
                return Some(vec![make(view, si, i, noun + 1, MentionKind::Group(label), EntityType::Group)]);
            }
        }
    }
    // "the foreign ministry", "the ministry": a reference by head noun.
    if !t.is_capitalized()
        && (WORDS.state_body_modifiers.contains(lower) || WORDS.state_body_heads.contains(lower))
        && i > s.first
        && view.token_lower(i - 1) == "the"
    {
        let mut j = i;
        while j < s.last && WORDS.state_body_modifiers.contains(view.token_lower(j)) {
            j += 1;
        }
        if j < s.last && WORDS.state_body_heads.contains(view.token_lower(j)) {
            let head: Vec<&str> = (i..=j).map(|k| view.token_lower(k)).collect();
            return Some(vec![make(view, si, i, j + 1, MentionKind::OrgReference(head.join(" ")), EntityType::Organization)]);
        }
        return None;
    }
    if !t.is_capitalized() && !is_prefixed_name(&t.norm) {
        return None;
    }
    // "Former US President X" opening a sentence: the adjective is no part of a name.
    if i == s.first && matches!(lower, "former" | "current" | "acting" | "interim" | "outgoing" | "incumbent") {
        return None;
    }
    let gaz = gazetteer_match(lex, view, s, i);
    let seq_end = capitalized_run(lex, view, s, i);
    if let Some((len, hit)) = gaz {
        if let Some(found) = state_body(lex, view, si, s, i, len, hit) {
            return Some(found);
        }
        // A longer capitalised name wins when it is an organisation ("Ukrainian National Security and Defence Council").
        let title_next = title_at(lex, view, i + len, s.last).is_some();
        let joined_nouns = || (i..seq_end).any(|k| view.token_lower(k) == "and" && common_nouns_joined(lex, view, i, k));
        // "Victoria Park", "Avon Airport": a place named after a city or a country.
        // "London Marathon": an event named after one.
        let longer_place = || {
            let last = view.token_lower(seq_end - 1);
            (WORDS.location_keywords.contains(last) || WORDS.event_tails.contains(last)) && view.tokens[seq_end - 1].is_capitalized()
        };
        let longer_org = !title_next && seq_end > i + len && (org_keyword_in(view, i..seq_end) || joined_nouns() || longer_place());
        if !longer_org {
            return Some(vec![country_mention(lex, view, si, i, len, hit)]);
        }
    }
    // Capitalised adjective + lower-case unit head: "Eurasian department".
    // "the Sustainable Avonia party": a name before "party" in lower case is the party's.
    if seq_end > i
        && view.token_lower(seq_end) == "party"
        && !view.tokens[seq_end].is_capitalized()
        && i > s.first
        && view.token_lower(i - 1) == "the"
    {
        let label = view.text(view.tokens[i].start, view.tokens[seq_end - 1].end);
        return Some(vec![make(view, si, i, seq_end, MentionKind::Org(label), EntityType::Organization)]);
    }
    // A party's word is the party's, not a unit's: "Republican committee member X".
    let party_alone = seq_end == i + 1 && party_word(lower).is_some();
    if seq_end > i && !party_alone && WORDS.unit_heads.contains(view.token_lower(seq_end)) && !view.tokens[seq_end].is_capitalized() {
        let label = view.text(view.tokens[i].start, view.tokens[seq_end].end);
        return Some(vec![make(view, si, i, seq_end + 1, MentionKind::Org(label), EntityType::Organization)]);
    }
    if seq_end <= i {
        return None;
    }
    classify_run(lex, view, si, s, i, seq_end)
}

/// End of the capitalised name starting at `i` (exclusive); `i` when none starts there.
fn capitalized_run(lex: &Lexicon, view: &TextView, s: &Sentence, i: usize) -> usize {
    let honorific = view.tokens.get(i).is_some_and(|t| is_honorific(&t.norm));
    if !honorific && !name_token(view, s, i) {
        return i;
    }
    let mut j = i + 1;
    if honorific && view.tokens.get(j).is_some_and(|t| t.norm == ".") {
        j += 1;
    }
    loop {
        if j >= s.last {
            break;
        }
        let t = &view.tokens[j];
        if t.kind == TokenKind::Word
            && (t.is_capitalized() || is_prefixed_name(&t.norm))
            && !WORDS.not_continuations.contains(view.token_lower(j))
            && !kg_model::calendar::is_calendar_name(view.token_lower(j))
            && !starts_title_after_org(lex, view, i, j)
            // "Navy Capt. Michael Coats": a rank starts the person's name.
            && !(is_honorific(&t.norm) && view.tokens.get(j + 1).is_some_and(|n| n.norm == "."))
        {
            j += 1;
            continue;
        }
        // "Institute of Epidemiology, Disease Control and Research": a list of fields inside
        // an organisation's name.
        if t.norm == "," {
            if let Some(end) = fields_listed_in_name(lex, view, s, i, j) {
                j = end;
                break;
            }
        }
        // A middle initial: "Samuel L. Husk", "George W. Bush".
        let initial = |k: usize| {
            view.tokens[k].kind == TokenKind::Word && view.tokens[k].norm.chars().count() == 1 && view.tokens[k].is_capitalized()
        };
        if t.norm == "."
            && j > i
            && initial(j - 1)
            && view.tokens.get(j + 1).is_some_and(|n| n.is_capitalized() && n.kind == TokenKind::Word)
        {
            j += 1;
            continue;
        }
        let lower = view.token_lower(j);
        // An organisation keyword before the connector or among the capitalised words after it
        // ("National Security and Defence Council").
        let mut ahead = j + 1;
        while ahead < s.last && view.tokens[ahead].is_capitalized() {
            ahead += 1;
        }
        // "of" and "for" join an organisation's name ("Bank of America", "Institute for …") but
        // not a person's to an employer ("Ofer Bar-Yosef of Harvard University").
        let has_org = match lower {
            "of" | "for" => org_keyword_in(view, i..j) || (j == i + 1 && org_keyword_in(view, j..ahead)),
            _ => org_keyword_in(view, i..ahead),
        };
        // "Harvard University and Bernard Vandermeersch of …" are two names; "… Disease
        // Control and Prevention", "National Security and Defence Council" one.
        let second_name = lower == "and" && ahead > j + 2 && !org_keyword_in(view, j + 1..ahead) && view.token_lower(ahead) == "of";
        // Only a title that itself contains the connector continues ("Secretary of State").
        let title_so_far = title_at(lex, view, i, s.last).is_some_and(|(n, _)| i + n > j);
        let connector = WORDS.name_particles.contains(lower)
            || (matches!(lower, "of" | "for" | "and" | "the" | "&")
                && !second_name
                && (has_org || title_so_far || is_place_word(view, i, j)))
            || (lower == "and" && common_nouns_joined(lex, view, i, j))
            // "Commission on International Religious Freedom", "Council on Foreign Relations".
            || (lower == "on" && j > i && WORDS.org_keywords.contains(view.token_lower(j - 1)) && view.tokens[j - 1].is_capitalized());
        let title_follows = title_at(lex, view, j + 1, s.last).is_some() && org_keyword_in(view, i..j);
        if title_follows {
            break;
        }
        // "the Lost 52 Project": a number inside a name, before an organisation's keyword.
        if t.kind == TokenKind::Number
            && view.tokens.get(j + 1).is_some_and(|n| n.is_capitalized() && WORDS.org_keywords.contains(view.token_lower(j + 1)))
            && view.tokens[j - 1].is_capitalized()
        {
            j += 1;
            continue;
        }
        // "University of Colorado at Boulder": a university's campus.
        let campus = lower == "at" && j >= i + 3 && view.token_lower(i) == "university" && view.token_lower(i + 1) == "of";
        // "Brigade de Recherche et d'Intervention": "et" joins a French name with its particles.
        let french_and = lower == "et" && has_org && (i..j).any(|k| matches!(view.token_lower(k), "de" | "du" | "des"));
        if (campus || french_and) && name_token(view, s, j + 1) {
            j += 1;
            continue;
        }
        // "James (Jim) Hedges", "Edward Lodewijk "Eddie" Van Halen": a nickname in brackets or
        // quotation marks between given names and a surname.
        let close = if lower == "(" { ")" } else { "\"" };
        let nickname = matches!(lower, "(" | "\"")
            && (i + 1..=i + 3).contains(&j)
            && view.tokens.get(j + 1).is_some_and(|t| t.is_capitalized_word() && !t.is_all_caps())
            && view.token_lower(j + 2) == close
            && view.tokens.get(j + 3).is_some_and(Token::is_capitalized_word)
            && !org_keyword_in(view, i..j + 4);
        if nickname {
            j += 3;
            continue;
        }
        // Two particles in a row: "von der Leyen", "van den Berg", "de la Cruz".
        if WORDS.name_particles.contains(lower) && WORDS.name_particles.contains(view.token_lower(j + 1)) && name_token(view, s, j + 2) {
            j += 2;
            continue;
        }
        if connector && name_token(view, s, j + 1)
            || (connector && lower != "the" && view.token_lower(j + 1) == "the" && name_token(view, s, j + 2))
        {
            j += if view.token_lower(j + 1) == "the" && lower != "the" { 2 } else { 1 };
            continue;
        }
        break;
    }
    j
}

/// "James (Jim) Hedges" is James Hedges, "Edward "Eddie" Van Halen" Edward Van Halen: the
/// name without a nickname in brackets or quotation marks.
pub(crate) fn without_nickname(name: &str) -> String {
    nickname_at(name).map_or_else(|| name.to_string(), |(open, close)| format!("{}{}", &name[..open], &name[close..]))
}

/// Where a nickname in brackets or quotation marks stands in a name: from the space before
/// it to the end of its closing mark.
pub(crate) fn nickname_at(name: &str) -> Option<(usize, usize)> {
    for (open, close) in [('(', ')'), ('"', '"'), ('\u{201c}', '\u{201d}')] {
        let Some(start) = name.find(&format!(" {open}")[..]) else { continue };
        let inner = start + 1 + open.len_utf8();
        if let Some(len) = name[inner..].find(&format!("{close} ")[..]) {
            return Some((start, inner + len + close.len_utf8()));
        }
    }
    None
}

/// "Institute of Epidemiology, Disease Control and Research", "National Union of Rail,
/// Maritime and Transport Workers", "United Nations Educational, Scientific and Cultural
/// Organization": at the comma (token `comma`) of the name starting at `i`, a list of
/// capitalised common words or fields ("A, B and C") that ends the name, in a name that has
/// an organisation's keyword before the comma or at its end. Names of others ("Bank of
/// England, Barclays and HSBC") are no fields. Gives the end of the whole name.
pub(crate) fn fields_listed_in_name(lex: &Lexicon, view: &TextView, s: &Sentence, i: usize, comma: usize) -> Option<usize> {
    let field = |k: usize| {
        let t = &view.tokens[k];
        let w = view.token_lower(k);
        t.kind == TokenKind::Word
            && t.is_capitalized()
            && !t.is_all_caps()
            && (lex.is_english_word(w)
                || lex.portfolios.contains(w)
                || WORDS.org_keywords.contains(w)
                || w.ends_with("ology")
                || w.ends_with("ics"))
    };
    // Not after a company's legal form: "Avon Capital Co Inc, Reserve Oil and Gas Co" are two.
    if comma <= i + 1 || !field(comma - 1) || (i..comma).any(|k| WORDS.legal_forms.contains(view.token_lower(k))) {
        return None;
    }
    // Segments of one or two fields, separated by commas, the last after "and".
    let mut k = comma + 1;
    let mut after_and = false;
    loop {
        let start = k;
        while k < s.last && k < start + 3 && field(k) {
            k += 1;
        }
        if k == start {
            return None;
        }
        match view.token_lower(k) {
            "," if !after_and => k += 1,
            "and" if !after_and => {
                after_and = true;
                k += 1;
            }
            _ if after_and => break,
            _ => return None,
        }
    }
    let keyword = org_keyword_in(view, i..comma) || WORDS.org_keywords.contains(view.token_lower(k - 1));
    let ends = view.tokens.get(k).is_none_or(|t| !t.is_capitalized() || t.kind != TokenKind::Word);
    (keyword && ends).then_some(k)
}

/// "Avonshire Fire and Rescue", "Disease Control and Prevention": two capitalised common
/// nouns joined by "and" (token `j`) at the end of a name of two words or more are one
/// name's; not two names ("Labour and Conservative") nor an organisation and the next
/// ("Avon Party and Green").
pub(crate) fn common_nouns_joined(lex: &Lexicon, view: &TextView, i: usize, j: usize) -> bool {
    let common_noun = |k: usize| {
        let t = &view.tokens[k];
        t.kind == TokenKind::Word
            && t.is_capitalized()
            && !t.is_all_caps()
            && lex.is_english_word(view.token_lower(k))
            && !WORDS.org_keywords.contains(view.token_lower(k))
            && party_word(view.token_lower(k)).is_none()
    };
    let ends_after = view.tokens.get(j + 2).is_none_or(|t| !t.is_capitalized());
    j >= i + 2 && j + 1 < view.tokens.len() && common_noun(j - 1) && common_noun(j + 1) && ends_after
}

/// In "Presidential Office Andriy Yermak and Secretary of …", a title after an organisation
/// name starts a new phrase.
fn starts_title_after_org(lex: &Lexicon, view: &TextView, i: usize, j: usize) -> bool {
    // Most words start no title: test that first (this runs on every word of a name).
    let Some((n, _)) = title_at(lex, view, j, j + lex.max_title_tokens) else { return false };
    // "Chief Cabinet Secretary" is one title, not an organisation and a title.
    if title_at(lex, view, i, j + lex.max_title_tokens).is_some_and(|(m, _)| i + m > j) {
        return false;
    }
    // An organisation keyword, a state body's head word ("House of Representatives Speaker
    // X"), or an acronym alone ("HHS Secretary Louis Sullivan").
    let acronym = j == i + 1 && view.tokens[i].is_all_caps() && !view.tokens[j].is_all_caps();
    let body = (i..j).any(|k| WORDS.government_body_heads.contains(view.token_lower(k)));
    let org_before = acronym || body || org_keyword_in(view, i..j);
    // A word of a name, not of a headline in capitals.
    let full_name_word = |k: usize| view.tokens.get(k).is_some_and(|t| t.is_capitalized_word() && !t.is_all_caps());
    // "Pemex Director Francisco Rojas", "Pacific Fleet Commander Georgiy Gurinov": a
    // capitalised title between two names, with a full name after it.
    let titled_full_name = (j..j + n).all(|k| view.tokens[k].is_capitalized())
        && full_name_word(j + n)
        && full_name_word(j + n + 1)
        // "Continental General Insurance Co": a company's name, not a title and a person.
        && !org_keyword_in(view, j + n..j + n + 4)
        // "Former President Álvaro Uribe", "Health Minister X", "Attorney General X": a
        // title's own words, not a name.
        && (!(i..j).all(|k| WORDS.title_adjectives.contains(view.token_lower(k)) || lex.common_words.contains(view.token_lower(k)))
            // "Labour MP X": a party's word names the party.
            || (i..j).all(|k| party_word(view.token_lower(k)).is_some()))
        && !view.token_lower(j - 1).starts_with("ex-")
        && position_at(lex, view, j - 1, j).is_none()
        // "Burger King Chief Executive …": the last title of a row starts the person.
        && title_at(lex, view, j + n, j + n + lex.max_title_tokens).is_none()
        && !is_honorific(&view.tokens[i].norm)
        && title_at(lex, view, i, j).is_none();
    // "NYC Mayor de Vrieze": a surname with its particle.
    let particle_name = WORDS.name_particles.contains(view.token_lower(j + n)) && full_name_word(j + n + 1);
    (org_before && (full_name_word(j + n) || particle_name)) || titled_full_name
}

/// Whether a title and "of", "for" or "at" (and "the") stand right before token `i`.
fn title_before_preposition(lex: &Lexicon, view: &TextView, s: &Sentence, i: usize) -> bool {
    let mut k = i;
    if k > s.first && view.token_lower(k - 1) == "the" {
        k -= 1;
    }
    if k < s.first + 2 || !matches!(view.token_lower(k - 1), "of" | "for" | "at") {
        return false;
    }
    let end = k - 1;
    (end.saturating_sub(lex.max_title_tokens).max(s.first)..end)
        .any(|st| title_at(lex, view, st, end).is_some_and(|(n, _)| st + n == end && !view.tokens[st].is_capitalized()))
}

fn is_place_word(view: &TextView, i: usize, j: usize) -> bool {
    (i..j).any(|k| {
        matches!(
            view.token_lower(k),
            "republic" | "kingdom" | "state" | "states" | "university" | "gulf" | "bay" | "sea" | "isle" | "islands"
        )
    })
}

fn classify_run(lex: &Lexicon, view: &TextView, si: usize, s: &Sentence, i: usize, end: usize) -> Option<Vec<Mention>> {
    let mut a = i;
    let mut honorific = false;
    while a < end && is_honorific(&view.tokens[a].norm) {
        honorific = true;
        a += 1;
        if a < end && view.tokens[a].norm == "." {
            a += 1;
        }
    }
    // "Senate Majority Whip Harold Kessler", "Senior Superintendent Maria Lopez": a rank
    // after words of its own.
    if !honorific {
        let rank = (i + 1..end.saturating_sub(1)).rev().find(|&k| is_honorific(&view.tokens[k].norm));
        // Common words ("Majority", "Senior") and the body the rank is held in ("Senate").
        let own_words = |r: usize| {
            (i..r).all(|k| {
                let w = view.token_lower(k);
                WORDS.title_adjectives.contains(w) || lex.common_words.contains(w) || WORDS.org_keywords.contains(w)
            })
        };
        if let Some(r) = rank.filter(|&r| own_words(r)) {
            honorific = true;
            a = r + 1;
            if view.tokens[a].norm == "." {
                a += 1;
            }
        }
    }
    // "Justice Department", "Judge Advocate General's Corps": a rank word naming an
    // organisation is part of its name.
    if honorific && (a..end).any(|k| WORDS.org_keywords.contains(view.token_lower(k))) {
        honorific = false;
        a = i;
    }
    if a >= end {
        return None; // an honorific alone ("Mr.")
    }
    let mut title = None;
    if let Some((n, role)) = title_at(lex, view, a, end) {
        // "the Sultan Qaboos Grand Mosque", "King Abdulaziz University": a place or a body
        // named after a titled person is one name, title and all.
        let last = view.token_lower(end - 1);
        let named_after = !honorific && end >= a + n + 2 && end - i <= 6;
        if named_after && WORDS.location_keywords.contains(last) {
            let surface = view.text(view.tokens[i].start, view.tokens[end - 1].end);
            return Some(vec![make(view, si, i, end, MentionKind::Place(surface), EntityType::Location)]);
        }
        if named_after && WORDS.org_keywords.contains(last) && !matches!(last, "administration" | "government" | "office") {
            let surface = view.text(view.tokens[i].start, view.tokens[end - 1].end);
            return Some(vec![make(view, si, i, end, MentionKind::Org(surface), EntityType::Organization)]);
        }
        if a + n < end {
            let title_first = a;
            a += n;
            // "Chief Minister X" where only "chief" and "minister" are titles apart: the
            // whole row of titles goes before the name.
            while let Some((more, _)) = title_at(lex, view, a, end).filter(|(more, _)| a + more < end) {
                a += more;
            }
            title = Some((view.text(view.tokens[title_first].start, view.tokens[a - 1].end), role, title_first));
            // "Minister of Legislative Assembly": a title and where it is held, nobody's name.
            if matches!(view.token_lower(a), "of" | "for" | "at") {
                let place = if view.token_lower(a + 1) == "the" { a + 2 } else { a + 1 };
                return if place < end { classify_run(lex, view, si, s, place, end) } else { None };
            }
            // "Secretary of State and Registrar of Voters": two offices, nobody's name.
            if !view.tokens[a].is_capitalized() {
                return None;
            }
        } else {
            return None; // a title alone ("the President")
        }
    }
    // "the New Jersey Governor's re-election": a region or a city, then a title, and no name.
    if title.is_none() && !honorific {
        if let Some(place) = place_at(lex, view, si, s, a, end) {
            if title_at(lex, view, place.last, end).is_some_and(|(n, _)| place.last + n == end) {
                return Some(vec![place]);
            }
        }
    }
    // "Leader Democrat Chuck Schumer", "Republican Kevin McCarthy": a party word before a
    // full name is no part of it. Names are no English words, titles and keywords: the
    // "Democratic National Convention" and the "Republican Task Force" stay whole.
    if end - a >= 3
        && WORDS.party_words.contains(view.token_lower(a))
        && (a + 1..end).all(|k| {
            let w = view.token_lower(k);
            view.tokens[k].is_capitalized() && !WORDS.org_keywords.contains(w) && !lex.is_english_word(w) && !lex.titles.contains_key(w)
        })
    {
        a += 1;
    }
    let words: Vec<&str> = (a..end).map(|k| view.token_lower(k)).collect();
    let surface = view.text(view.tokens[a].start, view.tokens[end - 1].end);
    let has_org = words.iter().any(|w| WORDS.org_keywords.contains(w));
    if title.is_some() && has_org && end - a == 1 {
        return None; // "Chief Cabinet": a title and a keyword, nobody's name
    }
    // "Presidential Office Andriy Yermak": an organisation name directly followed by a person's name.
    if has_org && title.is_none() && !honorific {
        let last_kw = (a..end).rev().find(|&k| WORDS.org_keywords.contains(view.token_lower(k))).unwrap_or(a);
        let rest = last_kw + 1..end;
        if rest.len() >= 2
            && rest.clone().all(|k| view.tokens[k].is_capitalized() && !WORDS.name_particles.contains(view.token_lower(k)))
            && !rest.clone().any(|k| WORDS.org_keywords.contains(view.token_lower(k)))
        {
            let mut found = classify_run(lex, view, si, s, i, last_kw + 1)?;
            // "Avon Police Detective Inspector Tom Reed": the rank is no part of the name.
            let person = classify_run(lex, view, si, s, last_kw + 1, end)
                .filter(|p| p.len() == 1 && p[0].entity_type == EntityType::Person)
                .and_then(|mut p| p.pop())
                .unwrap_or_else(|| {
                    let name = view.text(view.tokens[last_kw + 1].start, view.tokens[end - 1].end);
                    make(view, si, last_kw + 1, end, MentionKind::Person(name), EntityType::Person)
                });
            found.push(person);
            return Some(found);
        }
    }
    if has_org && title.is_none() && !honorific {
        // "All India Hindu Union", "All India Radio": a country after "All" is part of the name.
        if i > s.first && view.tokens[i - 1].norm == "All" && gazetteer_match(lex, view, s, i).is_some() {
            let label = view.text(view.tokens[i - 1].start, view.tokens[end - 1].end);
            return Some(vec![make(view, si, i - 1, end, MentionKind::Org(label), EntityType::Organization)]);
        }
        // A demonym or country in front is the state the body belongs to.
        let mut m = make(view, si, i, end, MentionKind::Org(String::new()), EntityType::Organization);
        let mut found = Vec::new();
        if let Some((len, hit)) = gazetteer_match(lex, view, s, i) {
            if matches!(hit, GazetteerHit::Demonym(_) | GazetteerHit::CountryName(_)) && i + len < end {
                let stripped = view.text(view.tokens[i + len].start, view.tokens[end - 1].end);
                m.kind = MentionKind::Org(stripped);
                m.parent = Some(usize::MAX);
                let mut parent = country_mention(lex, view, si, i, len, hit);
                parent.embedded = true;
                found.push(parent);
            }
        }
        if m.kind == MentionKind::Org(String::new()) {
            m.kind = MentionKind::Org(view.text(view.tokens[i].start, view.tokens[end - 1].end));
        }
        found.push(m);
        return Some(found);
    }
    // "Senator from Vermont Bernie Sanders", "then-governor of Alaska Sarah Palin": the
    // place ends the phrase of the title before it; the name follows.
    let title_then_from = i >= s.first + 2 && matches!(view.token_lower(i - 1), "from" | "of") && {
        let word = view.token_lower(i - 2);
        lex.titles.contains_key(word.rsplit('-').next().unwrap_or(word))
    };
    if title.is_none() && !honorific && a == i && title_then_from {
        if let Some(place) = place_at(lex, view, si, s, i, end) {
            let after = place.last;
            // A given name is no English word: "president of Florida National Banks" is a bank.
            let name_follows = !lex.is_english_word(view.token_lower(after));
            if name_follows && end - after >= 2 && (after..end).all(|k| view.tokens[k].is_capitalized_word()) {
                let mut found = vec![place];
                found.extend(classify_run(lex, view, si, s, after, end)?);
                return Some(found);
            }
        }
    }
    let mut m = make(view, si, a, end, MentionKind::Person(without_nickname(&surface)), EntityType::Person);
    // "Societe Generale's chief executive": whatever has a chairman or a spokesman is no person.
    let owner_of_title = view.tokens.get(end).is_some_and(|t| t.norm == "'s") && title_at(lex, view, end + 1, s.last).is_some()
        // "International Paper spokeswoman Ann Silvernail": a name, a title, a name.
        || title_at(lex, view, end, s.last).is_some_and(|(n, _)| {
            view.tokens.get(end + n).is_some_and(Token::is_capitalized_word)
        })
        // "spokesman for CH2M Hill", "chairman of U S West": what a title is held in.
        || title_before_preposition(lex, view, s, i);
    if owner_of_title && title.is_none() && !honorific {
        m.kind = MentionKind::Org(surface);
        m.entity_type = EntityType::Organization;
        return Some(vec![m]);
    }
    m.title = title.clone();
    if title.is_some() || honorific {
        return Some(vec![m]);
    }
    // Whole name in the gazetteer after all ("Islamic Republic of Iran").
    if let Some((len, hit)) = gazetteer_match(lex, view, s, a) {
        if a + len == end {
            return Some(vec![country_mention(lex, view, si, a, len, hit)]);
        }
    }
    if is_continent(&surface) || words.last().is_some_and(|w| WORDS.location_keywords.contains(w)) {
        m.kind = MentionKind::Place(surface);
        m.entity_type = EntityType::Location;
        return Some(vec![m]);
    }
    if let Some((name, _)) = lex.cities.get(&words.join(" ")) {
        if end - a > 1 || !person_context(view, a) {
            m.kind = MentionKind::Place(name.clone());
            m.entity_type = EntityType::City;
            return Some(vec![m]);
        }
    }
    if end - a == 1 {
        if view.tokens[a].kind == TokenKind::Number {
            return None;
        }
        m.kind = MentionKind::Unresolved(surface);
        m.entity_type = EntityType::Organization;
        return Some(vec![m]);
    }
    let name_words = if nickname_at(&surface).is_some() { without_nickname(&surface).split_whitespace().count() } else { end - a };
    if name_words > 5 || words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit())) {
        m.kind = MentionKind::Org(surface);
        m.entity_type = EntityType::Organization;
    }
    Some(vec![m])
}

/// A country, first-level region or city named by the tokens from `i` (at most three,
/// before `end`): its mention.
fn place_at(lex: &Lexicon, view: &TextView, si: usize, s: &Sentence, i: usize, end: usize) -> Option<Mention> {
    if let Some((len, hit)) = gazetteer_match(lex, view, s, i) {
        if i + len < end && matches!(hit, GazetteerHit::CountryName(_) | GazetteerHit::Capital(_)) {
            return Some(country_mention(lex, view, si, i, len, hit));
        }
    }
    let mut key = String::new();
    for len in (1..=3.min(end.saturating_sub(i + 1))).rev() {
        view.join_lower(i, i + len, &mut key);
        let text = view.text(view.tokens[i].start, view.tokens[i + len - 1].end);
        if lex.regions.contains_key(&key) {
            return Some(make(view, si, i, i + len, MentionKind::Place(text), EntityType::Location));
        }
        if let Some((name, _)) = lex.cities.get(&key) {
            return Some(make(view, si, i, i + len, MentionKind::Place(name.clone()), EntityType::City));
        }
    }
    None
}

/// A single word right after a title or honorific is a person ("President Rouhani").
fn person_context(view: &TextView, i: usize) -> bool {
    i > 0 && is_honorific(&view.tokens[i - 1].norm)
}

fn hyphen_pair(view: &TextView, si: usize, i: usize, so_far: &[Mention]) -> Option<Vec<Mention>> {
    let t = &view.tokens[i];
    let parts: Vec<&str> = t.norm.split('-').collect();
    if parts.len() != 2 || !parts.iter().all(|p| p.chars().next().is_some_and(char::is_uppercase)) {
        return None;
    }
    let known = |p: &str| {
        so_far.iter().any(|m| match &m.kind {
            MentionKind::Person(n) => n.split_whitespace().any(|w| kg_model::names::same_name_part(w, p)),
            _ => false,
        })
    };
    if !(known(parts[0]) && known(parts[1])) {
        return None;
    }
    let split = t.start + parts[0].chars().count();
    let mut a = make(view, si, i, i + 1, MentionKind::Person(parts[0].to_string()), EntityType::Person);
    a.end = split;
    a.surface = parts[0].to_string();
    let mut b = make(view, si, i, i + 1, MentionKind::Person(parts[1].to_string()), EntityType::Person);
    b.start = split + 1;
    b.surface = parts[1].to_string();
    Some(vec![a, b])
}

pub(crate) fn place_context(lex: &Lexicon, view: &TextView, m: &Mention) -> bool {
    let prev = if m.first > 0 { view.token_lower(m.first - 1) } else { "" };
    if matches!(prev, "in" | "at" | "near" | "outside" | "around" | "into" | "across" | "downtown") {
        return true;
    }
    // "flew back from Kyiv", "travelled to Beijing": a capital at a journey's end is the city.
    if matches!(prev, "from" | "to") && m.first >= 2 && matches!(m.kind, MentionKind::Capital(_)) {
        let mut k = m.first - 2;
        if matches!(view.token_lower(k), "back" | "home" | "out" | "directly" | "straight") && k > 0 {
            k -= 1;
        }
        if WORDS.motion_verbs.iter().any(|v| view.token_lower(k).starts_with(v)) {
            return true;
        }
    }
    // "Minsk, the Belarusian capital", "Havana, the Cuban capital": described as a city.
    if view.tokens.get(m.last).is_some_and(|t| t.norm == ",") && view.token_lower(m.last + 1) == "the" {
        let noun = (m.last + 2..m.last + 4).find(|&k| matches!(view.token_lower(k), "capital" | "city" | "town" | "port"));
        if noun.is_some_and(|k| (m.last + 2..k).all(|j| view.tokens[j].is_capitalized())) {
            return true;
        }
    }
    // "Harbour Road, Avonbury": after a street or a district and its comma.
    if prev == ","
        && m.first >= 2
        && view.tokens[m.first - 2].is_capitalized()
        && WORDS.location_keywords.contains(view.token_lower(m.first - 2))
    {
        return true;
    }
    // "Kyiv, Ukraine"
    if view.tokens.get(m.last).is_some_and(|t| t.norm == ",") {
        if let Some((_, GazetteerHit::CountryName(_))) =
            view.sentences.get(m.sentence).and_then(|s| gazetteer_match(lex, view, s, m.last + 1))
        {
            return true;
        }
    }
    // A dateline: "WASHINGTON —" or "KYIV (Reuters) -" at the start of a line.
    let s = &view.sentences[m.sentence];
    if m.first == s.first && view.tokens[m.first].is_all_caps() {
        return view.tokens.get(m.last).is_some_and(|t| matches!(t.norm.as_str(), "-" | "(" | ","));
    }
    false
}

/// Whether a name as written is a continent or a world region ("Asia", "Middle East"):
/// a Location, even where a town of that name exists.
pub(crate) fn is_continent(surface: &str) -> bool {
    WORDS.continents.contains(surface)
}

/// Normalised grouping key of an organisation label.
pub fn org_key(label: &str) -> String {
    normalize_label(label)
}

#[cfg(test)]
mod tests {
    use crate::testutil::entities;

    #[test]
    fn titled_names_organisations_and_groups() {
        let e = entities("Russian Foreign Ministry spokeswoman Maria Zakharova criticized Western countries and the European Union.");
        for want in [
            "Russia (Country)",
            "Russia's foreign ministry (Organization)",
            "Maria Zakharova (Person)",
            "the West (Group)",
            "European Union (Organization)",
        ] {
            assert!(e.contains(&want.to_string()), "{want} missing from {e:?}");
        }
    }

    #[test]
    fn wire_copy_sign_offs_and_table_labels_are_no_entities() {
        let e = entities("Harold Kessler, the mayor of Abernathy, met ACME officials in Brussels.\n REUTER\n");
        assert!(e.contains(&"Harold Kessler (Person)".to_string()), "{e:?}");
        assert!(e.iter().any(|x| x.starts_with("ACME")), "{e:?}");
        assert!(!e.iter().any(|x| x.starts_with("REUTER")), "{e:?}");
        // A name in capitals that a sentence wraps onto the last line stays one.
        let e = entities("Trading in Abernathy Mills shares was halted this morning by the\nNASDAQ.");
        assert!(e.iter().any(|x| x.starts_with("NASDAQ")), "{e:?}");
        // Row labels of a table of figures, and a legal form alone, name nobody.
        let e = entities("Abernathy Mills said its results rose.\n    Shr 34 cts vs 1.19 dlrs\n    Net 807,000 vs 2,858,000\n    Revs 12.6 mln vs 15.8 mln\n");
        assert!(e.iter().any(|x| x.starts_with("Abernathy Mills")), "{e:?}");
        assert!(!e.iter().any(|x| ["Shr", "Net", "Revs"].iter().any(|w| x.starts_with(w))), "{e:?}");
        // After a table or a sentence that ends without a full stop, as wire copy does.
        let e = entities("Harold Kessler bought ACME shares for Abernathy Mills.\n    Net 9.4 mln vs 13.1 mln\n REUTER");
        assert!(!e.iter().any(|x| x.starts_with("REUTER")), "{e:?}");
    }

    #[test]
    fn names_wrapped_over_two_lines_of_wire_copy_stay_one_name() {
        let text = "Harold Kessler will visit Avonshire and Marbridge during a trip\n\
                    in June, and the two will be the guests of President Maria\n\
                    Lopez from June 3 to 6, the foreign ministry said on Monday.\n    \
                    Kessler will then fly on to Brussels for the summit meeting.\n";
        let e = entities(text);
        assert!(e.contains(&"Maria Lopez (Person)".to_string()), "{e:?}");
        assert!(!e.iter().any(|x| x.starts_with("Maria (") || x.starts_with("Lopez (")), "{e:?}");
    }

    #[test]
    fn ranks_and_sentence_words_before_a_name_are_no_part_of_it() {
        let e = entities(
            "Majority Whip Harold Kessler spoke on Monday. Senior Superintendent Maria Lopez said police acted. \
             Whereas Margaret Alvarez said the vote failed, others disagreed. Justice Victor Ostrowski dissented. \
             The Justice Department said so. Senate Minority Whip Lena Ostrowski agreed.",
        );
        assert!(e.contains(&"Justice Department (Organization)".to_string()), "{e:?}");
        assert!(e.contains(&"Lena Ostrowski (Person)".to_string()), "{e:?}");
        for want in ["Harold Kessler (Person)", "Maria Lopez (Person)", "Margaret Alvarez (Person)", "Victor Ostrowski (Person)"] {
            assert!(e.contains(&want.to_string()), "{want} missing: {e:?}");
        }
        let stray = ["Majority", "Whip", "Senior", "Whereas", "Justice V", "Senate"];
        assert!(!e.iter().any(|x| stray.iter().any(|w| x.starts_with(w))), "{e:?}");
        // An acronym, a title, and a surname with its particle.
        let e = entities("AVN Mayor de Vrieze ends his campaign\n\nMayor Harold de Vrieze spoke on Monday.");
        assert!(e.contains(&"Harold de Vrieze (Person)".to_string()) && !e.iter().any(|x| x.contains("Mayor")), "{e:?}");
    }

    #[test]
    fn places_and_party_words_before_a_name_are_no_part_of_it() {
        let e = entities(
            "United States Senator from Ohio Harold Kessler spoke on Monday. The governor of Texas Margaret Alvarez replied. \
             House Minority Leader Republican Victor Ostrowski said no. The Democratic National Committee met.",
        );
        for want in
            ["Harold Kessler (Person)", "Ohio (Location)", "Margaret Alvarez (Person)", "Texas (Location)", "Victor Ostrowski (Person)"]
        {
            assert!(e.contains(&want.to_string()), "{want} missing: {e:?}");
        }
        assert!(e.iter().any(|x| x.starts_with("Democratic National Committee")), "{e:?}");
        assert!(!e.iter().any(|x| x.starts_with("Ohio Harold") || x.starts_with("Texas Margaret") || x.starts_with("Republican")), "{e:?}");
    }

    #[test]
    fn middle_initials_stay_inside_the_name() {
        let found = entities("Relative size matters, says Samuel L. Husk. President George W. Bush agreed.");
        assert!(
            found.contains(&"Samuel L. Husk (Person)".to_string()) && found.contains(&"George W. Bush (Person)".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let e = entities("Sanctions were imposed. Analysts expect more. Further talks are planned with Norway.");
        assert_eq!(e, vec!["Norway (Country)"]);
        // An interview's interjections.
        let e = entities("((Avonews)) Did it work?\n\n((Kessler)) Yeah, it did. Oh, and Um, Okay, we tried twice.");
        assert!(!e.iter().any(|x| ["Yeah", "Oh", "Um", "Okay"].iter().any(|w| x.starts_with(w))), "{e:?}");
    }

    #[test]
    fn name_particles_stay_inside_the_name() {
        let e = entities("Commission President Ursula von der Leyen met Saad al-Kaabi and Abdel Fattah el-Sisi.");
        for want in ["Ursula von der Leyen (Person)", "Saad al-Kaabi (Person)", "Abdel Fattah el-Sisi (Person)"] {
            assert!(e.contains(&want.to_string()), "{want} missing from {e:?}");
        }
    }

    #[test]
    fn numbers_opening_a_sentence_are_not_names() {
        let e = entities("Fifteen years is a long time. Forty-two people died in Norway.");
        assert_eq!(e, vec!["Norway (Country)"]);
    }

    #[test]
    fn honorifics_alone_are_nothing() {
        assert!(entities("Mr. Mr. and Mrs. said so.").is_empty());
    }

    #[test]
    fn organisation_then_person_are_split() {
        let e = entities("He met chief of staff of Presidential Office Andriy Yermak in Kyiv.");
        assert!(
            e.contains(&"Presidential Office (Organization)".to_string()) && e.contains(&"Andriy Yermak (Person)".to_string()),
            "{e:?}"
        );
    }
}
