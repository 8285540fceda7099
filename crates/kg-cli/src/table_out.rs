//! Tables printed by `kg analyze` and `kg entities`: aligned text, CSV or JSON.

use std::io::Write;

use anyhow::Result;
use serde_json::{Map, Value};

use crate::cli::TableFormat;

/// A result table: column names and rows of JSON values.
pub struct Table {
    /// Column names.
    pub columns: Vec<&'static str>,
    /// Rows of values.
    pub rows: Vec<Vec<Value>>,
}

/// A value as a table cell: text as it is, numbers without trailing zeros, lists joined
/// with `separator`.
fn cell(v: &Value, separator: &str) -> String {
    match v {
        Value::Null => String::new(),
        Value::Array(items) => items.iter().map(|i| cell(i, separator)).collect::<Vec<_>>().join(separator),
        Value::String(s) => s.clone(),
        Value::Number(n) => match n.as_f64() {
            Some(f) if n.is_f64() => {
                let s = format!("{f:.6}");
                s.trim_end_matches('0').trim_end_matches('.').to_string()
            }
            _ => n.to_string(),
        },
        other => other.to_string(),
    }
}

/// Writes a table in `format`.
pub fn write_table(t: &Table, format: TableFormat, out: &mut dyn Write) -> Result<()> {
    match format {
        TableFormat::Json => {
            let rows: Vec<Value> = t
                .rows
                .iter()
                .map(|r| Value::Object(t.columns.iter().map(|c| c.to_string()).zip(r.iter().cloned()).collect::<Map<_, _>>()))
                .collect();
            serde_json::to_writer_pretty(&mut *out, &rows)?;
            writeln!(out)?;
        }
        TableFormat::Csv => {
            let mut w = kg_graph::tables::csv_writer(&mut *out);
            w.write_record(&t.columns)?;
            for r in &t.rows {
                let full = |v: &Value| match v {
                    Value::Number(n) => n.to_string(),
                    other => cell(other, " | "),
                };
                w.write_record(r.iter().map(full))?;
            }
            w.flush()?;
        }
        TableFormat::Table => {
            let cells: Vec<Vec<String>> = t.rows.iter().map(|r| r.iter().map(|v| cell(v, "; ")).collect()).collect();
            kg_graph::text_table::write_text_table(out, &t.columns, &cells, 70)?;
        }
    }
    Ok(())
}
