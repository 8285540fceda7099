//! Publication dates as metadata writes them, to ISO `YYYY-MM-DD`.

use kg_model::calendar::{month_number, Date};

/// Normalises a metadata date: ISO dates and date-times (`2024-07-24T10:00:00Z`),
/// Reuters-style `26-FEB-1987 15:01:01.79`, `24 July 2024`, `July 24, 2024`.
pub fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(d) = s.get(..10).and_then(Date::parse_iso) {
        return Some(d.iso());
    }
    let words: Vec<&str> = s.split(|c: char| c.is_whitespace() || c == ',' || c == '-' || c == '/').filter(|w| !w.is_empty()).collect();
    let num = |w: &str| w.parse::<u32>().ok();
    for k in 0..words.len().saturating_sub(2) {
        let (a, b, c) = (words[k], words[k + 1], words[k + 2]);
        // Day Month Year
        if let (Some(d), Some(m), Some(y)) = (num(a), month_number(b), num(c)) {
            if let Some(date) = Date::new(y as i32, m, d) {
                return Some(date.iso());
            }
        }
        // Month Day Year
        if let (Some(m), Some(d), Some(y)) = (month_number(a), num(b), num(c)) {
            if let Some(date) = Date::new(y as i32, m, d) {
                return Some(date.iso());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_metadata_formats() {
        assert_eq!(normalize_date("2024-07-24T10:00:00Z").as_deref(), Some("2024-07-24"));
        assert_eq!(normalize_date("26-FEB-1987 15:01:01.79").as_deref(), Some("1987-02-26"));
        assert_eq!(normalize_date("Friday, January 4, 2019").as_deref(), Some("2019-01-04"));
        assert_eq!(normalize_date("4 January 2019").as_deref(), Some("2019-01-04"));
        assert_eq!(normalize_date("soon"), None);
    }
}
