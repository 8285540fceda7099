//! Where the embedded language data lives: every lexicon, gazetteer and model the library
//! embeds is named here, relative to the repository's `data/` folder (spaCy's split: the
//! language data apart from the code that reads it).

/// The text of `data/<path>`, embedded at compile time.
macro_rules! data_str {
    ($path:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/", $path))
    };
}

/// The bytes of `data/<path>`, embedded at compile time.
macro_rules! data_bytes {
    ($path:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/", $path))
    };
}

/// Countries with their demonyms, capitals and Wikidata ids.
pub const COUNTRIES_TSV: &str = data_str!("gazetteer/countries.tsv");
/// Cities with their countries.
pub const CITIES_TSV: &str = data_str!("gazetteer/cities.tsv");
/// Organisations with their acronyms and types.
pub const ORGANIZATIONS_TSV: &str = data_str!("lexicon/organizations.tsv");
/// Titles and whether they lead (`leaderOf`) or serve (`memberOf`).
pub const TITLES_TSV: &str = data_str!("lexicon/titles.tsv");
/// Occupations and roles that are no titles of state.
pub const ROLES_TSV: &str = data_str!("lexicon/roles.tsv");
/// Ministerial portfolios ("Foreign", "Interior").
pub const PORTFOLIOS_TXT: &str = data_str!("lexicon/portfolios.txt");
/// Event cues: verbs and nouns with their predicates and CAMEO codes.
pub const VERBS_TSV: &str = data_str!("lexicon/verbs.tsv");
/// The word lists of the rules and the mention finder (`words`).
pub const WORD_LISTS_TXT: &str = data_str!("lexicon/word_lists.txt");
/// Goldstein weights of CAMEO codes.
pub const GOLDSTEIN_TSV: &str = data_str!("lexicon/goldstein.tsv");
/// Common capitalised words that are no names.
pub const COMMON_WORDS: &str = data_str!("gazetteer/common_words.txt");
/// First-level administrative regions.
pub const REGIONS_TSV: &str = data_str!("gazetteer/regions.tsv");
/// Countries within a state ("England"), read as countries only when they stand alone.
pub const CONSTITUENT_COUNTRIES_TSV: &str = data_str!("gazetteer/constituent_countries.tsv");
/// Short names of countries read as the country only when they stand alone ("America").
pub const COUNTRY_SHORT_NAMES_TSV: &str = data_str!("lexicon/country_short_names.tsv");
/// English words (used by the rules, not by the recogniser).
pub const ENGLISH_WORDS: &str = data_str!("gazetteer/english_words.txt");
/// Known actors (people, groups) with their types.
pub const ACTORS_TSV: &str = data_str!("gazetteer/actors.tsv");
/// Wikidata ids of regions and international organisations.
pub const WIKIDATA_TSV: &str = data_str!("gazetteer/wikidata.tsv");
/// The word clusters of the recogniser's features.
pub const CLUSTERS_TSV: &str = data_str!("models/clusters.tsv");
/// The named-entity recogniser's weights (rebuilt by `kg train`: `data/models/README.md`).
pub const NER_MODEL: &[u8] = data_bytes!("models/ner.bin");
