//! Calendar dates (arithmetic by jiff) and the English names of months and weekdays.

use jiff::{civil, Span};

/// The longest span of days jiff represents (a larger one would not be a span).
const MAX_SPAN_DAYS: i64 = 7_304_484;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

impl Date {
    /// A valid date (years -9999 to 9999), or None.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        Date::civil(year, month, day).map(|_| Date { year, month, day })
    }

    fn civil(year: i32, month: u32, day: u32) -> Option<civil::Date> {
        civil::Date::new(i16::try_from(year).ok()?, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
    }

    fn from_civil(d: civil::Date) -> Date {
        Date { year: i32::from(d.year()), month: d.month() as u32, day: d.day() as u32 }
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        Date::new(y, m, d)
    }

    /// ISO 8601 `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The date `z` days after 1970-01-01 (clamped to the years jiff supports).
    pub fn from_unix_days(z: i64) -> Date {
        Date { year: 1970, month: 1, day: 1 }.add_days(z)
    }

    /// Year and month, "2024-07".
    pub fn year_month(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// Day of the week, 0 = Monday.
    pub fn weekday(self) -> u32 {
        Date::civil(self.year, self.month, self.day).map_or(0, |d| d.weekday().to_monday_zero_offset() as u32)
    }

    /// The date `n` days later (earlier when negative); the first or last supported day when
    /// that falls outside the years -9999 to 9999.
    pub fn add_days(self, n: i64) -> Date {
        let Some(d) = Date::civil(self.year, self.month, self.day) else { return self };
        match d.checked_add(Span::new().days(n.clamp(-MAX_SPAN_DAYS, MAX_SPAN_DAYS))) {
            Ok(later) => Date::from_civil(later),
            Err(_) => Date::from_civil(if n < 0 { civil::Date::MIN } else { civil::Date::MAX }),
        }
    }
}

const MONTHS: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Month number of a month name or abbreviation ("Sept", "July").
pub fn month_number(word: &str) -> Option<u32> {
    let mut buf = [0u8; 9];
    let w = ascii_lower(word.trim_end_matches('.'), &mut buf)?;
    MONTHS.iter().position(|n| *n == w || (w.len() >= 3 && n.starts_with(w) && (w.len() == 3 || w == "sept"))).map(|p| p as u32 + 1)
}

/// Day of week of a weekday name, 0 = Monday.
pub fn weekday_number(word: &str) -> Option<u32> {
    let mut buf = [0u8; 9];
    let w = ascii_lower(word.trim_end_matches('.'), &mut buf)?;
    WEEKDAYS.iter().position(|n| *n == w || (w.len() >= 3 && n.starts_with(w) && w.len() <= 4)).map(|p| p as u32)
}

/// A full weekday or month name ("Wednesday", "February"), never a person's name;
/// "May" is left out because it is also one.
pub fn is_calendar_name(word: &str) -> bool {
    let mut buf = [0u8; 9];
    ascii_lower(word, &mut buf).is_some_and(|w| w != "may" && (MONTHS.contains(&w) || WEEKDAYS.contains(&w)))
}

/// `word` in lower case in `buf`, for the short ASCII words that month and weekday names
/// are (no allocation: this runs for every token); `None` for anything longer or not ASCII.
fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 9]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !bytes.is_ascii() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_of_known_date() {
        assert_eq!(Date::new(2024, 7, 24).map(Date::weekday), Some(2));
        assert_eq!(Date::new(2024, 3, 1).map(|d| d.add_days(-1).iso()).as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn unix_days_and_the_supported_years() {
        assert_eq!(Date::from_unix_days(0).iso(), "1970-01-01");
        assert_eq!(Date::from_unix_days(19_928).iso(), "2024-07-24");
        assert_eq!(Date::from_unix_days(-1).iso(), "1969-12-31");
        assert!(Date::new(2023, 2, 29).is_none() && Date::new(2024, 2, 29).is_some());
        assert!(Date::new(10_000, 1, 1).is_none(), "beyond the supported years");
        assert_eq!(Date::new(9999, 12, 30).map(|d| d.add_days(5).iso()).as_deref(), Some("9999-12-31"));
    }

    #[test]
    fn month_and_weekday_names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(weekday_number("Tue"), Some(1));
        assert!(is_calendar_name("February") && !is_calendar_name("May"));
    }
}
