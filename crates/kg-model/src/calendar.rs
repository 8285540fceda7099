//! Calendar dates and the English names of months and weekdays.

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
    /// A valid date, or None.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
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

    fn days(self) -> i64 {
        // Days since 1970-01-01 (H. Hinnant's days_from_civil).
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `z` days after 1970-01-01.
    pub fn from_unix_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Year and month, "2024-07".
    pub fn year_month(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// Day of the week, 0 = Monday.
    pub fn weekday(self) -> u32 {
        (self.days() + 3).rem_euclid(7) as u32
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_unix_days(self.days() + n)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
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
    fn month_and_weekday_names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(weekday_number("Tue"), Some(1));
        assert!(is_calendar_name("February") && !is_calendar_name("May"));
    }
}
