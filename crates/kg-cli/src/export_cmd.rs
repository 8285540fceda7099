//! `kg export`: the store, or a filtered part of it, as RDF, diagrams or tables.

use std::io::Write;

use anyhow::{Context, Result};
use kg_graph::dot::DotOptions;
use kg_graph::export::{export, export_csv, ExportFormat, ExportOptions};

use crate::cli::{ExportArgs, ExportFormatArg};

/// Runs `kg export`.
pub fn run(args: ExportArgs) -> Result<()> {
    let kg = crate::store_arg::open_existing(&args.store)?;
    let options = ExportOptions { filter: args.filter.filter()?, dot: DotOptions { edge_dates: args.edge_dates } };
    let format = match args.format {
        ExportFormatArg::Csv => {
            let dir = args.out.as_ref().context("--format csv writes nodes.csv and edges.csv: give --out DIR")?;
            let (nodes, edges) = export_csv(&kg, &options, dir).with_context(|| format!("{}", dir.display()))?;
            eprintln!("kg: wrote {} and {}", nodes.display(), edges.display());
            return Ok(());
        }
        // The other formats by the name `--format` gives them (kg_graph's table of names).
        other => {
            let name = clap::ValueEnum::to_possible_value(&other).context("an export format without a name")?;
            ExportFormat::from_name(name.get_name())?
        }
    };
    match &args.out {
        Some(path) => {
            // Write beside the target and rename, so a failed export never leaves half a file.
            let tmp = path.with_extension("partial");
            let file = std::fs::File::create(&tmp).with_context(|| format!("{}", tmp.display()))?;
            let mut w = std::io::BufWriter::new(file);
            let written = export(&kg, format, &options, &mut w).map_err(anyhow::Error::from).and_then(|()| Ok(w.flush()?));
            if let Err(e) = written {
                let _ = std::fs::remove_file(&tmp);
                return Err(e.context(path.display().to_string()));
            }
            std::fs::rename(&tmp, path).with_context(|| format!("{}", path.display()))?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            export(&kg, format, &options, &mut w)?;
            w.flush()?;
        }
    }
    Ok(())
}
