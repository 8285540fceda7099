//! `kg export`: the whole store as RDF or DOT.

use std::io::Write;

use anyhow::{Context, Result};
use kg_graph::export::{export, ExportFormat};

use crate::cli::{ExportArgs, ExportFormatArg};

/// Runs `kg export`.
pub fn run(args: ExportArgs) -> Result<()> {
    let kg = crate::store_arg::open_existing(&args.store)?;
    let format = match args.format {
        ExportFormatArg::Turtle => ExportFormat::Turtle,
        ExportFormatArg::Ntriples => ExportFormat::NTriples,
        ExportFormatArg::Nquads => ExportFormat::NQuads,
        ExportFormatArg::Trig => ExportFormat::TriG,
        ExportFormatArg::Dot => ExportFormat::Dot,
    };
    match &args.out {
        Some(path) => {
            // Write beside the target and rename, so a failed export never leaves half a file.
            let tmp = path.with_extension("partial");
            let file = std::fs::File::create(&tmp).with_context(|| format!("{}", tmp.display()))?;
            let mut w = std::io::BufWriter::new(file);
            export(&kg, format, &mut w).with_context(|| format!("{}", path.display()))?;
            w.flush().with_context(|| format!("{}", tmp.display()))?;
            std::fs::rename(&tmp, path).with_context(|| format!("{}", path.display()))?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::new(stdout.lock());
            export(&kg, format, &mut w)?;
            w.flush()?;
        }
    }
    Ok(())
}
