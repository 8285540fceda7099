//! Function words that the clause reader and the rules test for: prepositions and
//! determiners. (Cue prepositions, the words a cue may end with, are the lexicon's own.)

/// Prepositions: a name right after one is not a subject.
#[rustfmt::skip]
pub const PREPOSITIONS: &[&str] = &[
    "of", "in", "to", "for", "with", "from", "by", "on", "at", "about", "against", "between", "into", "over", "under",
    "among", "toward", "towards", "across", "without", "via", "including", "like", "than", "as", "since", "during",
    "amid", "through",
];

/// Determiners that open a noun phrase.
pub const DETERMINERS: &[&str] = &["the", "a", "an", "this", "these", "those", "their", "its", "his", "her", "our", "some", "many", "both"];
