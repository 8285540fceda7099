//! How sure each rule is of what it finds, in one table: the confidence a relation or a
//! quotation carries into the JSON and the graph (and that the reliability table of
//! `kg eval kg --calibration` checks). Patterns that rarely misread score high (a title
//! between a state and a name), looser ones low (a person of an organisation by a
//! possessive, a national title placed in the article's country).

// ---- positions and affiliations

/// A title right after its state or organisation: "Russian President Vladimir Putin".
pub const TITLE_AFTER_ITS_STATE: f64 = 0.9;
/// A title whose state comes by "of", an apposition or a possessive before a comma:
/// "President Rouhani of Iran", "Putin, Russia's president", "Iran's president, Hassan Rouhani".
pub const TITLE_WITH_ITS_STATE_NEARBY: f64 = 0.85;
/// A rank in an organisation: "Navy Capt. Michael Coats".
pub const RANK_IN_ORGANISATION: f64 = 0.8;
/// An organisation's person by a possessive alone: "Boston University's Michael Papagiannis".
pub const PERSON_OF_ORGANISATION: f64 = 0.6;
/// A place in an organisation without a title before the name: "X of the U.S. Forest
/// Service", "X was installed as chairman of Y", occupations ("a lawyer at Y").
pub const AFFILIATION_PHRASE: f64 = 0.75;
/// A national title with no state of its own, held in the country the article names most.
pub const HOME_COUNTRY: f64 = 0.6;
/// A party adjective before a name, the party named in the article: "Republican Senator X".
pub const PARTY_ADJECTIVE: f64 = 0.7;

// ---- structure and descriptions

/// A state body named with its state: "Russia's foreign ministry".
pub const BODY_OF_ITS_STATE: f64 = 0.9;
/// A body named after a possessive organisation: "the ministry's Eurasian department".
pub const PART_BY_POSSESSIVE: f64 = 0.8;
/// "City, Country" or "City, Region".
pub const PLACE_THEN_ITS_REGION: f64 = 0.8;
/// A territory of the gazetteer in its state, both named in the document: "Puerto Rico" and
/// "the United States".
pub const TERRITORY_OF_ITS_STATE: f64 = 0.85;
/// "X in Y": "Hartwell Castle in Manitoba".
pub const PLACE_IN: f64 = 0.7;
/// A description that places or owns: "the French shipbuilder X", "X, the EU's drug regulator".
pub const DESCRIPTION: f64 = 0.8;
/// A looser description: ownership by a relative clause ("Y, which owns X", "X, owned by
/// Y"), a country after a description that names none directly.
pub const LOOSE_DESCRIPTION: f64 = 0.75;

// ---- events

/// A subject right before the event verb: "Kenya criticized Uganda".
pub const EVENT_SUBJECT_ADJACENT: f64 = 0.8;
/// A subject further before the verb (adverbs, an appositive in between), or an event
/// noun's possessive object: "China has become Russia's biggest partner".
pub const EVENT_SUBJECT_APART: f64 = 0.7;
/// An event noun with its parties: "talks between A and B", "Xi-Zelenskiy talks", "A's talks with B".
pub const EVENT_NOUN: f64 = 0.75;
/// A passive event ("was sanctioned by the EU") or partners named only as a group
/// ("China and Russia are partners").
pub const EVENT_PASSIVE_OR_GROUP: f64 = 0.65;

// ---- quotations

/// A speaker named right before or after the speech verb: `Xi said`, `said Yu Jun`.
pub const SPEAKER_AT_VERB: f64 = 0.9;
/// A speaker set off by commas or heading the clause: `Tiffany's chairman, Roger Farah, said`.
pub const SPEAKER_NEAR_VERB: f64 = 0.85;
/// A speaker introduced otherwise: "according to X", "was told by X", `said X:`.
pub const SPEAKER_INTRODUCED: f64 = 0.8;
/// A pronoun speaker right before the verb: `he said`.
pub const PRONOUN_SPEAKER: f64 = 0.75;
/// A pronoun speaker with an appositive between it and the verb, or the one person of a
/// colon-introduced quotation.
pub const SPEAKER_BY_CONTEXT: f64 = 0.7;
