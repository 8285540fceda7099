//! Sentence splitting over tokens.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after it)
//! when the next token starts a sentence, unless the period belongs to an
//! abbreviation ("Mr.", "Jan.", "Gen.") or an initial ("John F. Kennedy").
//! A line break always ends a sentence: headlines, datelines and captions stand alone.

use crate::text::tokens::{Token, TokenKind};
use crate::words::WORDS;

/// A sentence as a range of token indices and its code-point span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// First token index.
    pub first: usize,
    /// One past the last token index.
    pub last: usize,
    /// Start in code points.
    pub start: usize,
    /// End in code points, exclusive.
    pub end: usize,
}

fn is_closing(t: &Token) -> bool {
    matches!(t.norm.as_str(), "\"" | "'" | ")" | "]" | "}")
}

fn opens_sentence(t: &Token) -> bool {
    t.is_capitalized() || t.kind == TokenKind::Number || matches!(t.norm.as_str(), "\"" | "(" | "[" | "'")
}

/// Splits tokens into sentences.
pub fn split_sentences(tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        if i > first && tokens[i].newline_before {
            out.push(make(tokens, first, i));
            first = i;
        }
        let t = &tokens[i];
        let mut end_here = false;
        if matches!(t.norm.as_str(), "." | "!" | "?") {
            let mut j = i + 1;
            while j < n && is_closing(&tokens[j]) && !tokens[j].newline_before && !(tokens[j].norm == "\"" && tokens[j].space_before) {
                j += 1;
            }
            let next = tokens.get(j);
            let next_starts = next.is_none_or(|nt| nt.newline_before || opens_sentence(nt));
            if next_starts && (t.norm != "." || !is_abbreviation(tokens, i)) {
                end_here = true;
                i = j;
            }
        } else if t.kind == TokenKind::Word && t.norm.ends_with('.') {
            // "U.S." at the end of a sentence carries the period itself.
            if let Some(nt) = tokens.get(i + 1) {
                if nt.newline_before || WORDS.sentence_starters.contains(nt.norm.as_str()) {
                    end_here = true;
                    i += 1;
                }
            }
        }
        if end_here {
            if i > first {
                out.push(make(tokens, first, i));
            }
            first = i;
            continue;
        }
        i += 1;
    }
    if first < n {
        out.push(make(tokens, first, n));
    }
    out
}

fn is_abbreviation(tokens: &[Token], dot: usize) -> bool {
    if dot == 0 {
        return false;
    }
    let prev = &tokens[dot - 1];
    if prev.end != tokens[dot].start || prev.kind != TokenKind::Word {
        return false;
    }
    let lower = prev.lower();
    if WORDS.abbreviations.contains(lower.as_str()) {
        // "in Jan." at the very end of a sentence is rare; "Jan. 6" is common.
        return true;
    }
    // An initial: one upper-case letter ("John F. Kennedy").
    let mut cs = prev.norm.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
}

fn make(tokens: &[Token], first: usize, last: usize) -> Sentence {
    Sentence { first, last, start: tokens[first].start, end: tokens[last - 1].end }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn split(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        let chars: Vec<char> = text.chars().collect();
        split_sentences(&toks).iter().map(|s| chars[s.start..s.end].iter().collect()).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let s = split("Mr. Smith met Gen. Jones on Jan. 5 in Washington. They talked.");
        assert_eq!(s, vec!["Mr. Smith met Gen. Jones on Jan. 5 in Washington.", "They talked."]);
    }

    #[test]
    fn dotted_country_abbreviation_inside_and_at_end() {
        let s = split("The U.S. Senate voted. Aid went to the U.S. The bill passed.");
        assert_eq!(s, vec!["The U.S. Senate voted.", "Aid went to the U.S.", "The bill passed."]);
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        let s = split("He said: \u{201C}We will win.\u{201D} Then he left.");
        assert_eq!(s, vec!["He said: \u{201C}We will win.\u{201D}", "Then he left."]);
    }

    #[test]
    fn a_degree_ends_no_sentence() {
        let s = split("Maria Lopez, a Ph.D. candidate at the university, said so. Kessler agreed.");
        assert_eq!(s, vec!["Maria Lopez, a Ph.D. candidate at the university, said so.", "Kessler agreed."]);
    }

    #[test]
    fn line_breaks_end_headlines() {
        let s = split("July 24, 2024\n\nChina calls on Russia\n\nXi spoke.");
        assert_eq!(s, vec!["July 24, 2024", "China calls on Russia", "Xi spoke."]);
    }

    #[test]
    fn initials_do_not_end_sentences() {
        assert_eq!(split("John F. Kennedy spoke.").len(), 1);
    }
}
