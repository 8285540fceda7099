//! Tokenisation with code-point offsets into the original text.
//!
//! Words keep inner hyphens and apostrophes ("Jean-Yves", "don't"); the possessive
//! `'s` is its own token; dotted abbreviations ("U.S.", "U.N.") are one token.
//! Curly apostrophes and quotes are normalised in `Token::norm` only; offsets always
//! point into the text as given.

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and inner hyphens or apostrophes), possibly with digits.
    Word,
    /// Digits (and inner separators).
    Number,
    /// A single punctuation or symbol character.
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The token text with curly apostrophes and quotes replaced by straight ones.
    pub norm: String,
    /// The kind of token.
    pub kind: TokenKind,
    /// Start in code points.
    pub start: usize,
    /// End in code points, exclusive.
    pub end: usize,
    /// True when a line break lies between this token and the previous one (not one
    /// that only wraps a paragraph of hard-wrapped text).
    pub newline_before: bool,
    /// True when a blank line (paragraph break) lies between this token and the previous one.
    pub paragraph_before: bool,
    /// True when white space lies between this token and the previous one.
    pub space_before: bool,
}

impl Token {
    /// True when the first character is upper case.
    pub fn is_capitalized(&self) -> bool {
        self.norm.chars().next().is_some_and(char::is_uppercase)
    }

    /// A word in lower case ("shipbuilder", "of"), not punctuation or a number.
    pub fn is_lower_word(&self) -> bool {
        self.kind == TokenKind::Word && !self.is_capitalized()
    }

    /// A capitalised word ("Rojas"), not punctuation.
    pub fn is_capitalized_word(&self) -> bool {
        self.kind == TokenKind::Word && self.is_capitalized()
    }

    /// True when the token has at least two letters and all of them are upper case.
    pub fn is_all_caps(&self) -> bool {
        let letters: Vec<char> = self.norm.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    }

    /// The token in lower case.
    pub fn lower(&self) -> String {
        self.norm.to_lowercase()
    }

    /// True when the token is this punctuation character.
    pub fn is(&self, s: &str) -> bool {
        self.norm == s
    }
}

fn normalize_char(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2013}' | '\u{2014}' => '-',
        _ => c,
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut newlines = 0usize;
    let mut space = false;
    // Line breaks that only wrap a paragraph are spaces.
    let soft = crate::text::wrapping::soft_line_breaks(&chars);
    let mut next_soft = soft.iter().copied().peekable();
    while i < n {
        let c = chars[i];
        if c.is_whitespace() {
            if c == '\n' {
                while next_soft.next_if(|&p| p < i).is_some() {}
                if next_soft.next_if_eq(&i).is_none() {
                    newlines += 1;
                }
            }
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphanumeric() {
            // Dotted abbreviation: single letters each followed by a period (U.S., U.N., D.C.).
            let mut j = i;
            while j + 1 < n
                && chars[j].is_alphabetic()
                && chars[j + 1] == '.'
                && (j + 2 >= n || !chars[j + 2].is_alphabetic() || (j + 3 < n && chars[j + 3] == '.'))
            {
                j += 2;
            }
            if j - i >= 4 {
                push(&mut tokens, &chars, start, j, TokenKind::Word, &mut newlines, &mut space);
                i = j;
                continue;
            }
            let mut j = i;
            let mut has_alpha = false;
            while j < n {
                let d = chars[j];
                if d.is_alphanumeric() {
                    has_alpha |= d.is_alphabetic();
                    j += 1;
                } else if (is_hyphen(d) || d == '.' || d == ',' || d == '+' || d == '&')
                    && j + 1 < n
                    && chars[j + 1].is_alphanumeric()
                    && j > start
                {
                    // Inner hyphens always; inner '.' and ',' only between digits (3.5, 1,000).
                    let prev_digit = chars[j - 1].is_ascii_digit();
                    let next_digit = chars[j + 1].is_ascii_digit();
                    if is_hyphen(d)
                        || ((d == '.' || d == ',') && prev_digit && next_digit)
                        || (d == '+' && chars[j - 1].is_alphanumeric())
                        || (d == '&' && chars[j - 1].is_uppercase() && chars[j + 1].is_uppercase())
                    {
                        j += 1;
                    } else {
                        break;
                    }
                } else if d == '+' && j > start && chars[j - 1].is_ascii_digit() && (j + 1 >= n || !chars[j + 1].is_alphanumeric()) {
                    // "P5+1" is handled above; "OPEC+" keeps its plus.
                    j += 1;
                    break;
                } else if is_apostrophe(d) && j + 1 < n && chars[j + 1].is_alphabetic() {
                    // Possessive 's (and s') are separate tokens; n't stays with "do".
                    let rest_s = (chars[j + 1] == 's' || chars[j + 1] == 'S') && (j + 2 >= n || !chars[j + 2].is_alphanumeric());
                    if rest_s {
                        break;
                    }
                    j += 1;
                } else {
                    break;
                }
            }
            kind = if has_alpha { TokenKind::Word } else { TokenKind::Number };
            push(&mut tokens, &chars, start, j, kind, &mut newlines, &mut space);
            i = j;
            continue;
        }
        if is_apostrophe(c)
            && i + 1 < n
            && (chars[i + 1] == 's' || chars[i + 1] == 'S')
            && (i + 2 >= n || !chars[i + 2].is_alphanumeric())
            && i > 0
            && chars[i - 1].is_alphanumeric()
        {
            push(&mut tokens, &chars, i, i + 2, TokenKind::Word, &mut newlines, &mut space);
            i += 2;
            continue;
        }
        push(&mut tokens, &chars, i, i + 1, TokenKind::Punct, &mut newlines, &mut space);
        i += 1;
    }
    tokens
}

fn push(tokens: &mut Vec<Token>, chars: &[char], start: usize, end: usize, kind: TokenKind, newlines: &mut usize, space: &mut bool) {
    let norm: String = chars[start..end].iter().map(|&c| normalize_char(c)).collect();
    tokens.push(Token { norm, kind, start, end, newline_before: *newlines > 0, paragraph_before: *newlines > 1, space_before: *space });
    *newlines = 0;
    *space = false;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn splits_possessive_and_keeps_inner_hyphens() {
        assert_eq!(words("Ukraine’s Jean-Yves said"), vec!["Ukraine", "'s", "Jean-Yves", "said"]);
    }

    #[test]
    fn keeps_dotted_abbreviations_whole() {
        assert_eq!(words("the U.S. and U.N. met."), vec!["the", "U.S.", "and", "U.N.", "met", "."]);
    }

    #[test]
    fn offsets_are_code_points() {
        let text = "Étienne “said” it";
        let toks = tokenize(text);
        let chars: Vec<char> = text.chars().collect();
        for t in &toks {
            let s: String = chars[t.start..t.end].iter().collect();
            assert_eq!(s.chars().count(), t.end - t.start);
        }
        assert_eq!(toks[1].norm, "\"");
        assert_eq!(toks[2].start, 9);
    }

    #[test]
    fn numbers_keep_separators() {
        assert_eq!(words("$15.8 billion, 1,000 a 12-point plan"), vec!["$", "15.8", "billion", ",", "1,000", "a", "12-point", "plan"]);
    }

    #[test]
    fn negation_contraction_stays_whole() {
        assert_eq!(words("don’t go"), vec!["don't", "go"]);
    }
}
