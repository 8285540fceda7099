//! The aligned text table of `kg query`, `kg entities` and `kg analyze`.

use std::io::Write;

use comfy_table::{ColumnConstraint, ContentArrangement, ContentLineStyle, LineStyle, Row, Table, TableStyle, Width};

use crate::error::Result;

/// Writes rows as an aligned text table in psql's style (` a | b `, a `---+---` line
/// under the header, `(N rows)` below). Columns are as wide as their widest cell on a
/// terminal (display width, so CJK names and combining accents line up); a cell wider
/// than `max_width` columns is cut with "…"; line breaks and tabs in a cell become spaces.
pub fn write_text_table(out: &mut dyn Write, header: &[&str], rows: &[Vec<String>], max_width: u16) -> Result<()> {
    const PSQL: TableStyle = TableStyle::new()
        .header_lines(ContentLineStyle::none().junction('|'))
        .header_separator(LineStyle::none().fill('-').junction('+'))
        .content_lines(ContentLineStyle::none().junction('|'));
    let one_line = |s: &str| s.replace(['\n', '\r', '\t'], " ");
    let mut table = Table::new();
    table
        .load_style(PSQL)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_truncation_indicator("…")
        .set_header(header.iter().map(|h| one_line(h)).collect::<Vec<_>>());
    for r in rows {
        let mut row = Row::from(r.iter().map(|c| one_line(c)).collect::<Vec<_>>());
        row.max_height(1);
        table.add_row(row);
    }
    table.set_constraints(header.iter().map(|_| ColumnConstraint::UpperBoundary(Width::Fixed(max_width + 2))));
    for line in table.lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out, "({} row{})", rows.len(), if rows.len() == 1 { "" } else { "s" })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_tables_align_by_display_width_and_cut_long_cells() {
        let rows = vec![
            vec!["習近平".to_string(), "3".to_string()],
            vec!["Zoë".to_string(), "12".to_string()],
            vec!["a very long name that goes on\nand on".to_string(), "1".to_string()],
        ];
        let mut out = Vec::new();
        write_text_table(&mut out, &["label", "documents"], &rows, 16).expect("write");
        let text = String::from_utf8(out).expect("UTF-8");
        let expected = " label            | documents
------------------+-----------
 習近平           | 3
 Zoë              | 12
 a very long nam… | 1
(3 rows)
";
        assert_eq!(text, expected, "{text}");
    }
}
