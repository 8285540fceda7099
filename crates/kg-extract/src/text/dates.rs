//! Dates: the publication date from a leading date line, and relative or partial
//! dates in a sentence resolved against it.

use kg_model::calendar::{month_number, weekday_number, Date};

use crate::text::tokens::{Token, TokenKind};

fn number(t: &Token) -> Option<u32> {
    (t.kind == TokenKind::Number).then(|| t.norm.parse().ok()).flatten()
}

/// A full date written in tokens starting at `i`: "July 24, 2024", "24 July 2024",
/// "Sept. 28, 2013", "Thu 7 Jan 2021", "2024-07-24". Returns the date and tokens used.
pub fn date_at(tokens: &[Token], i: usize) -> Option<(Date, usize)> {
    let t = |k: usize| tokens.get(i + k);
    let skip_dot = |k: usize| usize::from(tokens.get(i + k).is_some_and(|x| x.norm == "."));
    let mut o = 0;
    if t(0).and_then(|x| weekday_number(&x.norm)).is_some() {
        o = 1 + skip_dot(1);
        if t(o).is_some_and(|x| x.norm == ",") {
            o += 1;
        }
    }
    // Month Day, Year
    if let Some(m) = t(o).and_then(|x| month_number(&x.norm)) {
        let mut k = o + 1 + skip_dot(o + 1);
        let d = t(k).and_then(number)?;
        k += 1;
        if t(k).is_some_and(|x| x.norm == ",") {
            k += 1;
        }
        let y = t(k).and_then(number)?;
        return Date::new(y as i32, m, d).map(|dt| (dt, k + 1));
    }
    // Day Month Year
    if let Some(d) = t(o).and_then(number) {
        if let Some(m) = t(o + 1).and_then(|x| month_number(&x.norm)) {
            let k = o + 2 + skip_dot(o + 2);
            let y = t(k).and_then(number)?;
            return Date::new(y as i32, m, d).map(|dt| (dt, k + 1));
        }
    }
    // ISO, tokenised as one hyphenated number.
    if let Some(x) = t(o) {
        if let Some(dt) = Date::parse_iso(&x.norm) {
            return Some((dt, o + 1));
        }
    }
    None
}

/// The publication date from a date line among the first lines of the text, with the
/// index of the first token after it.
pub fn publication_date(tokens: &[Token]) -> Option<(Date, usize)> {
    let mut line_start = 0;
    let mut lines = 0;
    for i in 0..tokens.len().min(200) {
        if i > 0 && tokens[i].newline_before {
            line_start = i;
            lines += 1;
            if lines > 3 {
                break;
            }
        }
        if i != line_start && !(tokens[i - 1].norm == "," || tokens[i - 1].norm == "-" || tokens[i - 1].norm == "(") {
            continue;
        }
        if let Some((d, n)) = date_at(tokens, i) {
            let end = i + n;
            let line_ends = tokens.get(end).is_none_or(|t| t.newline_before || matches!(t.norm.as_str(), "-" | "(" | ")" | "/"));
            if line_ends {
                return Some((d, end));
            }
        }
    }
    None
}

/// The date a sentence speaks of, resolved against the publication date: an explicit
/// date, a weekday ("on Wednesday"), "yesterday", "last month", "last year", "in February",
/// "earlier this week" and "last week" (as months).
pub fn sentence_date(tokens: &[Token], first: usize, last: usize, published: Option<Date>) -> Option<String> {
    for i in first..last {
        if let Some((d, _)) = date_at(&tokens[..last], i) {
            return Some(d.iso());
        }
    }
    let pubd = published?;
    // Case-insensitive comparisons without lower-casing every token.
    let is = |k: usize, word: &str| tokens.get(k).is_some_and(|t| t.norm.eq_ignore_ascii_case(word));
    for i in first..last {
        let w = tokens[i].norm.as_str();
        if let Some(wd) = weekday_number(w).filter(|_| w.len() > 4) {
            let back = (i64::from(pubd.weekday()) - i64::from(wd)).rem_euclid(7);
            return Some(pubd.add_days(-back).iso());
        }
        if is(i, "today") {
            return Some(pubd.iso());
        }
        if is(i, "yesterday") {
            return Some(pubd.add_days(-1).iso());
        }
        if (is(i, "last") || is(i, "past")) && is(i + 1, "month") {
            let (y, m) = if pubd.month == 1 { (pubd.year - 1, 12) } else { (pubd.year, pubd.month - 1) };
            return Some(format!("{y:04}-{m:02}"));
        }
        if is(i, "last") && is(i + 1, "year") {
            return Some(format!("{:04}", pubd.year - 1));
        }
        if is(i, "this") && is(i + 1, "month") {
            return Some(pubd.year_month());
        }
        // "earlier this week", "last week": a week has no ISO form that sorts with dates and
        // months (analysts filter by text range), so its month: the publication's, or
        // that of the same weekday a week before.
        if is(i, "this") && is(i + 1, "week") {
            return Some(pubd.year_month());
        }
        if (is(i, "last") || is(i, "past")) && is(i + 1, "week") {
            return Some(pubd.add_days(-7).year_month());
        }
        if is(i, "this") && is(i + 1, "year") {
            return Some(format!("{:04}", pubd.year));
        }
        if ["in", "since", "until", "by"].iter().any(|p| is(i, p)) {
            if let Some(m) = tokens.get(i + 1).filter(|t| t.is_capitalized() && t.norm.len() > 3).and_then(|t| month_number(&t.norm)) {
                if tokens.get(i + 2).and_then(number).is_some_and(|y| y > 1900) {
                    return Some(format!("{:04}-{m:02}", number(&tokens[i + 2]).unwrap_or(0)));
                }
                let year = if m <= pubd.month { pubd.year } else { pubd.year - 1 };
                return Some(format!("{year:04}-{m:02}"));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    #[test]
    fn reads_date_lines_in_common_formats() {
        for (text, iso) in [
            ("July 24, 2024\n\nText", "2024-07-24"),
            ("Sept. 28, 2013\n\nText", "2013-09-28"),
            ("Thu 7 Jan 2021\n\nText", "2021-01-07"),
            ("24 July 2024\nText", "2024-07-24"),
            ("2024-07-24\nText", "2024-07-24"),
        ] {
            let toks = tokenize(text);
            assert_eq!(publication_date(&toks).map(|d| d.0.iso()), Some(iso.to_string()), "{text}");
        }
    }

    #[test]
    fn resolves_relative_dates() {
        let pubd = Date::new(2024, 7, 24);
        let toks = tokenize("Xi spoke on Wednesday and visited Russia last month.");
        assert_eq!(sentence_date(&toks, 0, toks.len(), pubd).as_deref(), Some("2024-07-24"));
        let toks = tokenize("He visited Russia last month.");
        assert_eq!(sentence_date(&toks, 0, toks.len(), pubd).as_deref(), Some("2024-06"));
        let toks = tokenize("They met on Monday.");
        assert_eq!(sentence_date(&toks, 0, toks.len(), pubd).as_deref(), Some("2024-07-22"));
        let toks = tokenize("Since February, he has promoted a plan.");
        assert_eq!(sentence_date(&toks, 0, toks.len(), pubd).as_deref(), Some("2024-02"));
        let toks = tokenize("They held talks earlier this week.");
        assert_eq!(sentence_date(&toks, 0, toks.len(), pubd).as_deref(), Some("2024-07"));
        let toks = tokenize("They met last week.");
        assert_eq!(sentence_date(&toks, 0, toks.len(), Date::new(2024, 8, 2)).as_deref(), Some("2024-07"), "a week before 2 August");
    }
}
