//! Hard-wrapped text: wire copy and plain-text mail break every line at a fixed width
//! ("… the guests of President Francesco\nCossiga …"). Such a line break is a space, not
//! the end of a headline or a sentence; a blank line, an indented line (a new paragraph or
//! a row of a table) and a short line (the end of a paragraph) still break.

/// Lines shorter than this many code points never count towards the wrap width.
const MIN_WRAP_WIDTH: usize = 30;
/// Lines longer than this are paragraphs written on one line, not wrapped text.
const MAX_WRAP_WIDTH: usize = 100;
/// A line this many code points short of the wrap width or less still filled its line.
const FILL_SLACK: usize = 20;

/// Positions (code-point indices into `chars`, ascending) of the line breaks that only
/// wrap a paragraph. Empty unless at least half the lines of the text fill a common width
/// of at most [`MAX_WRAP_WIDTH`] code points.
pub fn soft_line_breaks(chars: &[char]) -> Vec<usize> {
    // (start, end, length without trailing spaces) of each line.
    let mut lines: Vec<(usize, usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            lines.push((start, i, trimmed_len(&chars[start..i])));
            start = i + 1;
        }
    }
    if lines.len() < 2 {
        return Vec::new();
    }
    lines.push((start, chars.len(), trimmed_len(&chars[start..])));
    let mut lengths: Vec<usize> = lines.iter().map(|l| l.2).filter(|&n| n > 0).collect();
    if lengths.is_empty() {
        return Vec::new();
    }
    lengths.sort_unstable();
    // The width most lines were filled to: the 90th percentile, which a few long lines
    // (a title, a URL) do not move.
    let width = lengths[(lengths.len() * 9 / 10).min(lengths.len() - 1)];
    if !(MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width) {
        return Vec::new();
    }
    let filled = |n: usize| n + FILL_SLACK >= width && n <= width;
    if lengths.iter().filter(|&&n| filled(n)).count() * 2 < lengths.len() {
        return Vec::new();
    }
    lines
        .windows(2)
        .filter(|w| {
            let (this, next) = (w[0], w[1]);
            let next_first = chars.get(next.0).copied();
            filled(this.2) && next.2 > 0 && next_first.is_some_and(|c| !c.is_whitespace() && !matches!(c, '-' | '*' | '•'))
        })
        .map(|w| w[0].1)
        .collect()
}

fn trimmed_len(line: &[char]) -> usize {
    line.iter().rposition(|c| !c.is_whitespace()).map_or(0, |p| p + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn soft(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        soft_line_breaks(&chars).iter().map(|&i| chars[i.saturating_sub(8)..i].iter().collect()).collect()
    }

    #[test]
    fn wire_copy_lines_are_joined_within_paragraphs() {
        let text = "President Harold Kessler will visit Avonshire and Marbridge\n\
                    during a trip in June to attend the summit meeting of the\n\
                    major industrialised countries, the ministry said.\n    \
                    The announcement said Kessler would be the guest of Maria\n\
                    Lopez from June 3 to 6.\n";
        // The ends of "Marbridge", "of the" and "of Maria" wrap; the short line before the
        // indented paragraph and the last line do not.
        assert_eq!(soft(text), ["arbridge", "g of the", "of Maria"]);
    }

    #[test]
    fn one_paragraph_per_line_and_short_lines_are_not_wrapped() {
        let long = "Harold Kessler, the mayor of Avonshire, said on Monday that the city would open three new schools next year.";
        assert!(soft(&format!("{long}\n{long}\n{long}\n")).is_empty());
        assert!(soft("Avonshire wins\n\nHarold Kessler said so.\nMaria Lopez agreed.\n").is_empty());
        assert!(soft("\n \n\t\n").is_empty());
    }
}
