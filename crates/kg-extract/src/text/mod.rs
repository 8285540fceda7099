//! The text stage: tokens with their code-point offsets, sentences, the spelling facts of
//! each word, and dates (a date line, and relative dates resolved against publication).

pub mod dates;
pub mod sentences;
pub mod tokens;
pub mod word_info;
