//! The text stage: tokens with their code-point offsets, sentences, the spelling facts of
//! each word, dates (a date line, and relative dates resolved against publication), and
//! the line breaks of hard-wrapped text that are only spaces.

pub mod dates;
pub mod sentences;
pub mod tokens;
pub mod word_info;
pub mod wrapping;
