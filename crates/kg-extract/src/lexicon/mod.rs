//! The lexicons embedded from `data/` at compile time: countries, cities,
//! organisations, titles and event cues.

pub mod name_lists;

use std::collections::HashMap;

use kg_model::Predicate;

use crate::hashing::{FastMap, FastSet};

use crate::text::tokens::tokenize;
use crate::words::WORDS;

/// A country (or former state) of the gazetteer.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166 alpha-2 code, or `X-` and a Phoenix code for former states.
    pub code: String,
    /// Common English name: the entity label.
    pub name: String,
    /// Official names, short forms and abbreviations.
    pub aliases: Vec<String>,
    /// Demonyms and adjectival forms ("Chinese").
    pub demonyms: Vec<String>,
    /// Capital cities, first the usual English spelling.
    pub capitals: Vec<String>,
    /// Wikidata identifier (`Q148`).
    pub wikidata: Option<String>,
    /// For a territory that is no state (Puerto Rico, Greenland): the ISO code of the state it
    /// belongs to, or `-` where the gazetteer does not say. `None` for a state.
    pub territory_of: Option<String>,
    /// The type of its mentions: `Country` for a state, `Location` for a territory, `City`
    /// for a territory that is a city of its own name (Hong Kong).
    pub entity_type: kg_model::EntityType,
}

/// An intergovernmental organisation or agency of the lexicon.
#[derive(Debug, Clone)]
pub struct Organization {
    /// The canonical label.
    pub label: String,
    /// Short forms and other names.
    pub aliases: Vec<String>,
}

/// A political actor of the Phoenix dictionaries: a person or an organisation.
#[derive(Debug, Clone)]
pub struct Actor {
    /// The name.
    pub name: String,
    /// Person or Organization.
    pub entity_type: kg_model::EntityType,
    /// CAMEO actor codes with ISO date ranges (`RUSGOV 2000-05-07/2008-05-07`).
    pub roles: Vec<String>,
    /// Other names.
    pub aliases: Vec<String>,
}

/// What a gazetteer phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazetteerHit {
    /// A country name or alias (index into `countries`).
    CountryName(usize),
    /// A demonym or adjectival form of a country.
    Demonym(usize),
    /// The plural of a demonym ("Ukrainians"): the people, a Group.
    DemonymPlural(usize),
    /// A capital city of a country.
    Capital(usize),
    /// An organisation of the lexicon (index into `organizations`).
    Organization(usize),
}

/// A gazetteer entry: what it names and whether it must match letter case exactly.
#[derive(Debug, Clone, Copy)]
pub struct GazetteerEntry {
    /// What the phrase names.
    pub hit: GazetteerHit,
    /// Acronyms ("US", "WHO") match only in upper case.
    pub exact_case: bool,
}

/// How a title relates its holder to the state or organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleRole {
    /// Heads it (`leaderOf`).
    Leader,
    /// Any other position (`memberOf`).
    Member,
}

impl TitleRole {
    /// The contract predicate for this role.
    pub fn predicate(self) -> Predicate {
        match self {
            TitleRole::Leader => Predicate::LeaderOf,
            TitleRole::Member => Predicate::MemberOf,
        }
    }
}

/// Whether a cue is a verb (inflected) or a noun phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A verb; its first word is matched in every inflected form.
    Verb,
    /// A noun phrase, matched as written (and with a plural of the first word).
    Noun,
}

/// An event or relation cue from `data/lexicon/verbs.tsv`.
#[derive(Debug, Clone)]
pub struct Cue {
    /// Lower-case words after the first (the first is matched through `cue_index`).
    pub rest: Vec<String>,
    /// A trailing preposition that introduces the object ("with", "to", "on").
    pub preposition: Option<String>,
    /// Verb or noun.
    pub kind: CueKind,
    /// The contract predicate.
    pub predicate: Predicate,
    /// CAMEO root (two digits), empty when none.
    pub cameo: String,
    /// CAMEO three-digit code, empty when none.
    pub code: String,
}

/// One row of `verbs.tsv` (`cue  kind  predicate  cameo  code`): the cue's first word and the
/// cue. The predicate must be one of the vocabulary; an event's CAMEO root is two digits
/// (the predicate's own or a neighbouring one: "kill" is 18 under `attacked`), its code
/// starts with the root, and a standing relation has neither.
pub fn parse_cue(row: &[&str]) -> Result<(String, Cue), String> {
    let [cue, kind, predicate, rest @ ..] = row else {
        return Err(format!("{row:?}: expected cue, kind and predicate"));
    };
    let predicate = Predicate::from_name(predicate.trim()).ok_or_else(|| format!("{cue:?}: unknown predicate {predicate:?}"))?;
    let kind = match kind.trim() {
        "noun" => CueKind::Noun,
        "verb" => CueKind::Verb,
        other => return Err(format!("{cue:?}: kind {other:?} is neither verb nor noun")),
    };
    let cameo = rest.first().map(|s| s.trim().to_string()).unwrap_or_default();
    let code = rest.get(1).map(|s| s.trim().to_string()).unwrap_or_default();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match predicate.cameo() {
        Some(_) if !digits(&cameo, 2) || !(code.is_empty() || digits(&code, 3) && code.starts_with(&cameo)) => {
            return Err(format!("{cue:?}: {predicate} needs a two-digit CAMEO root and a code that starts with it, not {cameo:?} {code:?}"))
        }
        None if !cameo.is_empty() || !code.is_empty() => return Err(format!("{cue:?}: {predicate} is no event and takes no CAMEO code")),
        _ => {}
    }
    let mut words: Vec<String> = key_of(cue).split(' ').map(str::to_string).collect();
    let preposition = if words.len() > 1 && WORDS.cue_prepositions.contains(words[words.len() - 1].as_str()) { words.pop() } else { None };
    let first = words.remove(0);
    Ok((first, Cue { rest: words, preposition, kind, predicate, cameo, code }))
}

/// An inflected form of a cue's first word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueForm {
    /// Index into `cues`.
    pub cue: usize,
    /// The form is a past participle (passive voice possible).
    pub participle: bool,
    /// The form is a gerund or present participle.
    pub gerund: bool,
}

/// All lexicons, parsed once.
#[derive(Debug)]
pub struct Lexicon {
    /// Countries and former states.
    pub countries: Vec<Country>,
    /// Organisations.
    pub organizations: Vec<Organization>,
    /// Gazetteer phrases (lower-case token sequences joined by spaces).
    pub phrases: FastMap<String, Vec<GazetteerEntry>>,
    /// Longest gazetteer phrase in tokens.
    pub max_phrase_tokens: usize,
    /// The first words of the gazetteer phrases: a token that is none of them starts no phrase.
    pub phrase_starts: FastSet<String>,
    /// Cities of 100,000 people or more by lower-case name: (name, ISO code of the country).
    pub cities: FastMap<String, (String, String)>,
    /// Lower-case names of every city and town of the gazetteer (15,000 people or more).
    pub towns: FastSet<String>,
    /// First-level administrative regions (states, provinces, Länder) by lower-case name:
    /// the ISO code of their country. Names that are common words or countries are left out.
    pub regions: FastMap<String, String>,
    /// Regions named like a country of another state ("Georgia", a US state): lower-case
    /// name → the ISO code of the region's country. Read as the country unless the document
    /// says otherwise (`mentions::shared_names`).
    pub regions_named_like_countries: FastMap<String, String>,
    /// Countries (index into `countries`) by a name that stands for them only alone: a short
    /// name ("America"), or the name of a country within a state ("England").
    pub country_short_names: FastMap<String, usize>,
    /// Titles by lower-case token sequence.
    pub titles: FastMap<String, TitleRole>,
    /// Longest title in tokens.
    pub max_title_tokens: usize,
    /// The first words of the titles.
    pub title_starts: FastSet<String>,
    /// Occupations read by relation rules only (`data/lexicon/roles.tsv`), by lower-case token sequence.
    pub roles: FastMap<String, TitleRole>,
    /// Longest role in tokens.
    pub max_role_tokens: usize,
    /// Portfolios that may stand before a title (`data/lexicon/portfolios.txt`), lower case.
    pub portfolios: FastSet<String>,
    /// Event cues.
    pub cues: Vec<Cue>,
    /// Cue forms by the lower-case first word.
    pub cue_index: FastMap<String, Vec<CueForm>>,
    /// Common lower-case English words (not names when capitalised at a sentence start).
    pub common_words: FastSet<String>,
    /// A larger list of common English words for the name rules alone (the recogniser's
    /// features use `common_words`): no name when the recogniser rejects them too.
    pub english_words: FastSet<String>,
    /// Goldstein weights by CAMEO code (roots and three-digit codes).
    pub goldstein: FastMap<String, f64>,
    /// Political actors (people, organisations, armed groups).
    pub actors: Vec<Actor>,
    /// Actors by lower-case token sequence of a name or alias.
    pub actor_phrases: FastMap<String, Vec<usize>>,
    /// Wikidata identifiers of organisations and regions by English name ("European Union").
    pub wikidata_by_name: FastMap<String, String>,
    /// Lower-case surnames of the political actors who are people ("erdogan"), when the word
    /// is no common word, country or city.
    pub person_surnames: FastSet<String>,
    /// Lower-case first words of the names of the political actors who are people
    /// ("vladimir", "maria").
    pub person_given_names: FastSet<String>,
}

/// Population from which a gazetteer city is a place for the name rules.
const RULE_CITY_MIN_POPULATION: u64 = 100_000;

fn key_of(phrase: &str) -> String {
    // Most names are plain words: their key is the name in lower case, without running the
    // tokenizer (loading the lexicon keys some 60,000 names at every start).
    let plain = phrase.bytes().all(|b| b.is_ascii_alphabetic() || b == b' ')
        && !phrase.starts_with(' ')
        && !phrase.ends_with(' ')
        && !phrase.contains("  ");
    if plain {
        return phrase.to_ascii_lowercase();
    }
    tokenized_key(phrase)
}

fn tokenized_key(phrase: &str) -> String {
    tokenize(phrase).iter().map(|t| t.lower()).collect::<Vec<_>>().join(" ")
}

fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase()) && !s.contains(' ')
}

fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.split('\t').collect())
}

/// A table of titles or occupations (`name<TAB>leaderOf|memberOf`) by lower-case token
/// sequence, and its longest entry in tokens.
fn positions_table(tsv: &str) -> (FastMap<String, TitleRole>, usize) {
    let mut table = FastMap::default();
    let mut longest = 1;
    for r in rows(tsv).filter(|r| r.len() >= 2) {
        let role = if Predicate::from_name(r[1]) == Some(Predicate::LeaderOf) { TitleRole::Leader } else { TitleRole::Member };
        let key = key_of(r[0]);
        longest = longest.max(key.split(' ').count());
        table.insert(key, role);
    }
    (table, longest)
}

fn list(field: Option<&&str>) -> Vec<String> {
    field.map(|f| f.split('|').filter(|s| !s.trim().is_empty()).map(|s| s.trim().to_string()).collect()).unwrap_or_default()
}

/// The plural of a demonym, or `None` where English uses none ("Chinese", "British", "French").
pub fn demonym_plural(demonym: &str) -> Option<String> {
    let lower = demonym.to_lowercase();
    if lower.ends_with("ese") || lower.ends_with("ish") || lower.ends_with("ch") || lower.ends_with("ss") || lower.ends_with('s') {
        return None;
    }
    if lower.ends_with("man") {
        return Some(format!("{}men", &demonym[..demonym.len() - 3]));
    }
    Some(format!("{demonym}s"))
}

/// Whether a word is a form of a verb of speaking ("said", "tweeted"); the forms are built once.
pub fn is_speech_verb(word: &str) -> bool {
    static FORMS: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    FORMS.get_or_init(|| WORDS.speech_verbs.iter().flat_map(|v| verb_forms(v)).map(|(f, _, _)| f).collect()).contains(word)
}

/// Inflected forms of a verb lemma: (form, is_participle, is_gerund).
pub fn verb_forms(lemma: &str) -> Vec<(String, bool, bool)> {
    const IRREGULAR: &[(&str, &[&str], &[&str])] = &[
        ("speak", &["spoke"], &["spoken"]),
        ("meet", &["met"], &["met"]),
        ("lead", &["led"], &["led"]),
        ("hold", &["held"], &["held"]),
        ("make", &["made"], &["made"]),
        ("pay", &["paid"], &["paid"]),
        ("fly", &["flew"], &["flown"]),
        ("send", &["sent"], &["sent"]),
        ("buy", &["bought"], &["bought"]),
        ("sell", &["sold"], &["sold"]),
        ("fight", &["fought"], &["fought"]),
        ("strike", &["struck"], &["struck", "stricken"]),
        ("say", &["said"], &["said"]),
        ("tell", &["told"], &["told"]),
        ("give", &["gave"], &["given"]),
        ("ban", &["banned"], &["banned"]),
        ("slap", &["slapped"], &["slapped"]),
        ("travel", &["travelled", "traveled"], &["travelled", "traveled"]),
        ("expel", &["expelled"], &["expelled"]),
        ("write", &["wrote"], &["written"]),
        ("slam", &["slammed"], &["slammed"]),
        ("shell", &["shelled"], &["shelled"]),
        ("arm", &["armed"], &["armed"]),
        ("veto", &["vetoed"], &["vetoed"]),
    ];
    let mut out: Vec<(String, bool, bool)> = vec![(lemma.to_string(), false, false)];
    let bytes = lemma.as_bytes();
    let last = bytes.last().copied().unwrap_or(b' ') as char;
    let before_last = if bytes.len() >= 2 { bytes[bytes.len() - 2] as char } else { ' ' };
    let vowel = |c: char| "aeiou".contains(c);
    let third = if last == 'y' && !vowel(before_last) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z')
        || lemma.ends_with('o')
    {
        format!("{lemma}es")
    } else {
        format!("{lemma}s")
    };
    out.push((third, false, false));
    let stem_ing = if last == 'e' && before_last != 'e' { lemma[..lemma.len() - 1].to_string() } else { lemma.to_string() };
    if let Some((_, past, part)) = IRREGULAR.iter().find(|(l, _, _)| *l == lemma) {
        for p in past.iter() {
            out.push((p.to_string(), false, false));
        }
        for p in part.iter() {
            out.push((p.to_string(), true, false));
        }
        let doubled = past[0].ends_with(&format!("{last}{last}ed")) && !lemma.ends_with(&format!("{last}{last}"));
        let ing = if doubled { format!("{lemma}{last}ing") } else { format!("{stem_ing}ing") };
        out.push((ing, false, true));
    } else {
        let past = if last == 'e' {
            format!("{lemma}d")
        } else if last == 'y' && !vowel(before_last) {
            format!("{}ied", &lemma[..lemma.len() - 1])
        } else {
            format!("{lemma}ed")
        };
        out.push((past, true, false));
        out.push((format!("{stem_ing}ing"), false, true));
    }
    out
}

impl Lexicon {
    /// Parses the embedded lexicons.
    pub fn load() -> Lexicon {
        let (titles, max_title_tokens) = positions_table(crate::data_files::TITLES_TSV);
        let (roles, max_role_tokens) = positions_table(crate::data_files::ROLES_TSV);
        let mut lex = Lexicon {
            countries: Vec::new(),
            organizations: Vec::new(),
            phrases: FastMap::default(),
            max_phrase_tokens: 1,
            phrase_starts: FastSet::default(),
            cities: FastMap::default(),
            titles,
            max_title_tokens,
            title_starts: FastSet::default(),
            roles,
            max_role_tokens,
            portfolios: rows(crate::data_files::PORTFOLIOS_TXT).filter_map(|r| r.first().map(|w| w.trim().to_string())).collect(),
            cues: Vec::new(),
            cue_index: FastMap::default(),
            common_words: crate::data_files::COMMON_WORDS.lines().filter(|l| !l.starts_with('#')).map(str::to_string).collect(),
            english_words: crate::data_files::ENGLISH_WORDS.lines().filter(|l| !l.starts_with('#')).map(str::to_string).collect(),
            goldstein: rows(crate::data_files::GOLDSTEIN_TSV)
                .filter_map(|r| Some((r.first()?.to_string(), r.get(1)?.parse().ok()?)))
                .collect(),
            actors: Vec::new(),
            actor_phrases: FastMap::default(),
            towns: FastSet::default(),
            regions: FastMap::default(),
            regions_named_like_countries: FastMap::default(),
            country_short_names: FastMap::default(),
            wikidata_by_name: FastMap::default(),
            person_surnames: FastSet::default(),
            person_given_names: FastSet::default(),
        };
        let mut wikidata_by_code: HashMap<&str, &str> = HashMap::new();
        for r in rows(crate::data_files::WIKIDATA_TSV).filter(|r| r.len() >= 3) {
            match r[0] {
                "country" => {
                    wikidata_by_code.insert(r[1], r[2]);
                }
                _ => {
                    lex.wikidata_by_name.insert(r[1].to_string(), r[2].to_string());
                }
            }
        }
        for r in rows(crate::data_files::ACTORS_TSV) {
            let Some(entity_type) = r.get(1).and_then(|t| kg_model::EntityType::parse(t)) else { continue };
            let actor = Actor { name: r[0].to_string(), entity_type, roles: list(r.get(2)), aliases: list(r.get(3)) };
            let idx = lex.actors.len();
            for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                let entry = lex.actor_phrases.entry(key_of(name)).or_default();
                if !entry.contains(&idx) {
                    entry.push(idx);
                }
            }
            lex.actors.push(actor);
        }
        for r in rows(crate::data_files::COUNTRIES_TSV) {
            if r.len() < 2 {
                continue;
            }
            let c = Country {
                code: r[0].to_string(),
                name: r[1].to_string(),
                aliases: list(r.get(2)),
                demonyms: list(r.get(3)),
                capitals: list(r.get(4)),
                wikidata: wikidata_by_code.get(r[0]).map(|q| q.to_string()),
                territory_of: r.get(5).filter(|t| !t.is_empty()).map(|t| t.to_string()),
                entity_type: kg_model::EntityType::Country,
            };
            let idx = lex.countries.len();
            lex.add_phrase(&c.name, GazetteerHit::CountryName(idx));
            for a in &c.aliases {
                lex.add_phrase(a, GazetteerHit::CountryName(idx));
            }
            for d in &c.demonyms {
                lex.add_phrase(d, GazetteerHit::Demonym(idx));
                if let Some(p) = demonym_plural(d) {
                    lex.add_phrase(&p, GazetteerHit::DemonymPlural(idx));
                }
            }
            for cap in &c.capitals {
                lex.add_phrase(cap, GazetteerHit::Capital(idx));
            }
            lex.countries.push(c);
        }
        for r in rows(crate::data_files::ORGANIZATIONS_TSV) {
            let o = Organization { label: r[0].to_string(), aliases: list(r.get(1)) };
            let idx = lex.organizations.len();
            lex.add_phrase(&o.label, GazetteerHit::Organization(idx));
            for a in &o.aliases {
                lex.add_phrase(a, GazetteerHit::Organization(idx));
            }
            lex.organizations.push(o);
        }
        for r in rows(crate::data_files::CITIES_TSV) {
            if r.len() >= 2 {
                // Rows are sorted by name, then population (largest first): keep the first.
                // Towns under 100,000 people ("Obama", "Santos", "Midway") share their names with
                // people and words too often to be taken for places by the name rules; the
                // tagger's gazetteer features see them all.
                let population: u64 = r.get(2).and_then(|p| p.parse().ok()).unwrap_or(0);
                let key = key_of(r[0]);
                if population >= RULE_CITY_MIN_POPULATION {
                    lex.cities.entry(key.clone()).or_insert_with(|| (r[0].to_string(), r[1].to_string()));
                }
                lex.towns.insert(key);
            }
        }
        // A territory is a place; one that is a large city of its own name ("Hong Kong") a city.
        for c in lex.countries.iter_mut().filter(|c| c.territory_of.is_some()) {
            let city = lex.cities.get(&key_of(&c.name)).is_some_and(|(_, iso2)| *iso2 == c.code);
            c.entity_type = if city { kg_model::EntityType::City } else { kg_model::EntityType::Location };
        }
        for r in rows(crate::data_files::CONSTITUENT_COUNTRIES_TSV) {
            if let (Some(code), Some(name)) = (r.first(), r.get(1)) {
                lex.country_short_names.insert(name.to_string(), lex.countries.len());
                lex.countries.push(Country {
                    code: code.to_string(),
                    name: name.to_string(),
                    aliases: Vec::new(),
                    demonyms: Vec::new(),
                    capitals: Vec::new(),
                    wikidata: r.get(2).map(|q| q.to_string()),
                    territory_of: None,
                    entity_type: kg_model::EntityType::Country,
                });
            }
        }
        for r in rows(crate::data_files::COUNTRY_SHORT_NAMES_TSV) {
            if let (Some(name), Some(code)) = (r.first(), r.get(1)) {
                if let Some(c) = lex.countries.iter().position(|c| c.code == *code) {
                    lex.country_short_names.insert(name.to_string(), c);
                }
            }
        }
        for r in rows(crate::data_files::REGIONS_TSV) {
            let (key, code) = (key_of(r[0]), r.get(1).copied().unwrap_or("").to_string());
            let country = lex.phrases.get(&key).and_then(|es| {
                es.iter().find_map(|e| match e.hit {
                    GazetteerHit::CountryName(c) => Some(c),
                    _ => None,
                })
            });
            match country {
                Some(c) if lex.countries[c].code != code => {
                    lex.regions_named_like_countries.insert(key, code);
                }
                // A region named like its own state ("Mexico" of Mexico) is the state.
                Some(_) => {}
                None if !lex.is_english_word(&key) => {
                    lex.regions.insert(key, code);
                }
                None => {}
            }
        }
        for r in rows(crate::data_files::VERBS_TSV) {
            if r.len() < 3 {
                continue;
            }
            // The shipped table is checked by the tests: a wrong row fails every one of them.
            let (first, cue) = parse_cue(&r).unwrap_or_else(|e| panic!("data/lexicon/verbs.tsv: {e}"));
            let kind = cue.kind;
            let idx = lex.cues.len();
            let forms = match kind {
                CueKind::Verb => verb_forms(&first),
                CueKind::Noun => vec![(first.clone(), false, false)],
            };
            for (form, participle, gerund) in forms {
                let entry = lex.cue_index.entry(form).or_default();
                let f = CueForm { cue: idx, participle, gerund };
                if !entry.contains(&f) {
                    entry.push(f);
                }
            }
            lex.cues.push(cue);
        }
        for a in lex.actors.iter().filter(|a| a.entity_type == kg_model::EntityType::Person) {
            for name in std::iter::once(&a.name).chain(&a.aliases) {
                let key = key_of(name);
                let Some((_, surname)) = key.rsplit_once(' ') else { continue };
                if let Some((given, _)) = key.split_once(' ') {
                    lex.person_given_names.insert(given.to_string());
                }
                let known_word = lex.common_words.contains(surname) || lex.phrases.contains_key(surname) || lex.towns.contains(surname);
                if surname.chars().count() >= 4 && surname.chars().all(char::is_alphabetic) && !known_word {
                    lex.person_surnames.insert(surname.to_string());
                }
            }
        }
        let first_word = |k: &String| k.split(' ').next().unwrap_or_default().to_string();
        lex.phrase_starts = lex.phrases.keys().map(first_word).collect();
        lex.title_starts = lex.titles.keys().map(first_word).collect();
        lex
    }

    /// The Wikidata identifier of an entity the gazetteers know: a country by its name, an
    /// organisation or region by its English name.
    pub fn wikidata_of(&self, entity_type: kg_model::EntityType, label: &str) -> Option<String> {
        use kg_model::EntityType;
        match entity_type {
            EntityType::Country => self.countries.iter().find(|c| c.name == label).and_then(|c| c.wikidata.clone()),
            EntityType::Organization | EntityType::Location | EntityType::Group => {
                self.wikidata_by_name.get(label).cloned().or_else(|| self.territory_named(label).and_then(|c| c.wikidata.clone()))
            }
            EntityType::City => self.territory_named(label).and_then(|c| c.wikidata.clone()),
            EntityType::Person => None,
        }
    }

    /// The territory of the gazetteer (Puerto Rico, Hong Kong) whose name is `label`.
    pub fn territory_named(&self, label: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.territory_of.is_some() && c.name == label)
    }

    /// The Goldstein weight of a CAMEO code, falling back to its root.
    pub fn goldstein_of(&self, code: &str) -> Option<f64> {
        self.goldstein.get(code).or_else(|| code.get(..2).and_then(|root| self.goldstein.get(root))).copied()
    }

    /// Whether a word (as written) is a name of the gazetteers: a country, a region, a
    /// town or another gazetteer phrase.
    pub fn names_a_place(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.phrases.contains_key(&lower)
            || self.towns.contains(&lower)
            || self.regions.contains_key(&lower)
            || self.country_short_names.contains_key(word)
    }

    /// Whether a lower-case word is a common English word of either list.
    pub fn is_english_word(&self, lower: &str) -> bool {
        self.common_words.contains(lower) || self.english_words.contains(lower)
    }

    fn add_phrase(&mut self, phrase: &str, hit: GazetteerHit) {
        let key = key_of(phrase);
        if key.is_empty() {
            return;
        }
        self.max_phrase_tokens = self.max_phrase_tokens.max(key.split(' ').count());
        let entry = GazetteerEntry { hit, exact_case: is_acronym(phrase) };
        let list = self.phrases.entry(key).or_default();
        if !list.iter().any(|e| e.hit == hit) {
            list.push(entry);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cue_row_names_a_predicate_of_the_vocabulary() {
        let (first, cue) = parse_cue(&["speak with", "verb", "spokeWith", "04", "040"]).expect("a valid row");
        assert_eq!((first.as_str(), cue.predicate, cue.preposition.as_deref()), ("speak", Predicate::SpokeWith, Some("with")));
        let err = parse_cue(&["speak with", "verb", "spokWith", "04", "040"]).unwrap_err();
        assert!(err.contains("unknown predicate \"spokWith\""), "{err}");
        assert!(parse_cue(&["hail", "verb", "supported", "5", ""]).is_err(), "a CAMEO root has two digits");
        assert!(parse_cue(&["hail", "verb", "supported", "05", "041"]).is_err(), "the code starts with the root");
        assert!(parse_cue(&["head", "verb", "leaderOf", "04", ""]).is_err(), "a position is no event");
        assert!(parse_cue(&["head", "verbb", "leaderOf"]).is_err(), "verb or noun");
    }

    #[test]
    fn loads_countries_with_demonyms_and_capitals() {
        let lex = Lexicon::load();
        let china = lex.countries.iter().find(|c| c.name == "China").expect("China");
        assert!(china.demonyms.contains(&"Chinese".to_string()));
        assert!(china.capitals.contains(&"Beijing".to_string()));
        assert!(lex.phrases.contains_key("u.s."));
        assert!(lex.countries.iter().any(|c| c.name == "Soviet Union"));
    }

    #[test]
    fn countries_organisations_and_regions_carry_wikidata_ids() {
        let lex = Lexicon::load();
        use kg_model::EntityType;
        assert_eq!(lex.wikidata_of(EntityType::Country, "China").as_deref(), Some("Q148"));
        assert_eq!(lex.wikidata_of(EntityType::Country, "Denmark").as_deref(), Some("Q35"));
        assert_eq!(lex.wikidata_of(EntityType::Organization, "European Union").as_deref(), Some("Q458"));
        assert_eq!(lex.wikidata_of(EntityType::Location, "Europe").as_deref(), Some("Q46"));
        assert_eq!(lex.wikidata_of(EntityType::Person, "China"), None);
        let with_id = lex.countries.iter().filter(|c| c.wikidata.is_some()).count();
        assert!(with_id >= 240, "{with_id} countries with a Wikidata id");
    }

    #[test]
    fn inflects_regular_and_irregular_verbs() {
        let forms: Vec<String> = verb_forms("speak").into_iter().map(|f| f.0).collect();
        assert!(forms.contains(&"spoke".to_string()) && forms.contains(&"speaking".to_string()));
        let forms: Vec<String> = verb_forms("occupy").into_iter().map(|f| f.0).collect();
        assert!(forms.contains(&"occupies".to_string()) && forms.contains(&"occupied".to_string()));
        let forms: Vec<String> = verb_forms("denounce").into_iter().map(|f| f.0).collect();
        assert!(forms.contains(&"denounced".to_string()) && forms.contains(&"denouncing".to_string()));
        let forms: Vec<String> = verb_forms("ban").into_iter().map(|f| f.0).collect();
        assert!(forms.contains(&"banning".to_string()));
    }

    #[test]
    fn demonym_plurals() {
        assert_eq!(demonym_plural("Ukrainian").as_deref(), Some("Ukrainians"));
        assert_eq!(demonym_plural("Chinese"), None);
        assert_eq!(demonym_plural("British"), None);
    }
}

#[cfg(test)]
mod key_tests {
    use super::*;

    #[test]
    fn plain_names_key_as_the_tokenizer_would() {
        for tsv in [
            crate::data_files::COUNTRIES_TSV,
            crate::data_files::CITIES_TSV,
            crate::data_files::ORGANIZATIONS_TSV,
            crate::data_files::TITLES_TSV,
            crate::data_files::ROLES_TSV,
            crate::data_files::ACTORS_TSV,
            crate::data_files::WIKIDATA_TSV,
        ] {
            for row in rows(tsv) {
                for name in row.iter().flat_map(|c| c.split('|')).filter(|n| !n.is_empty()) {
                    assert_eq!(key_of(name), tokenized_key(name), "{name:?}");
                }
            }
        }
    }
}
