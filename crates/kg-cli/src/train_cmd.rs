//! `kg train`: rebuild the shipped models from the public data sets.

use std::fs;
use std::time::Instant;

use anyhow::{Context, Result};

use crate::cli::TrainArgs;

/// Trains and writes `clusters.tsv`, `pos.bin`, `pos-tagdict.tsv` and `ner.bin` into `--out`.
pub fn run(args: TrainArgs) -> Result<()> {
    let started = Instant::now();
    let models = kg_train::training::train_all(&args.datasets, |line| eprintln!("train: {line} ({:.1?})", started.elapsed()))?;
    for bytes in [&models.ner, &models.pos] {
        kg_train::training::verify(bytes).map_err(anyhow::Error::msg).context("a trained model does not read back")?;
    }
    fs::create_dir_all(&args.out).with_context(|| format!("{}: cannot create the folder", args.out.display()))?;
    let files: [(&str, &[u8]); 4] = [
        ("clusters.tsv", models.clusters.as_bytes()),
        ("pos.bin", &models.pos),
        ("pos-tagdict.tsv", models.tagdict.as_bytes()),
        ("ner.bin", &models.ner),
    ];
    for (name, bytes) in files {
        let path = args.out.join(name);
        fs::write(&path, bytes).with_context(|| format!("{}: cannot write", path.display()))?;
        eprintln!("train: wrote {} ({} bytes)", path.display(), bytes.len());
    }
    eprintln!("train: done in {:.1?}; rebuild kg to ship the new models", started.elapsed());
    Ok(())
}
