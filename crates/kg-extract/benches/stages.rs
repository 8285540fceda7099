//! Per-stage timings of extraction: `cargo bench -p kg-extract --bench stages`.
//!
//! The input is the repository's sample articles, or the first 500 articles of a JSON
//! Lines file named by `KG_BENCH_JSONL` (for example Reuters-21578 from ../shared).
//! Each stage runs on the output of the stages before it, prepared outside the timing.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kg_extract::mentions::{coref, find_mentions, refine as ner_mentions, TextView};
use kg_extract::rules::clauses::{mentions_by_sentence, Discourse, SentenceMentions, SentenceView};
use kg_extract::rules::{self, Context};
use kg_extract::text::{sentences, tokens};
use kg_extract::Extractor;

/// The texts to measure on.
fn texts() -> Vec<String> {
    if let Ok(path) = std::env::var("KG_BENCH_JSONL") {
        let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        return data
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").or_else(|| v.get("body")).and_then(|t| t.as_str()).map(str::to_string))
            .take(500)
            .collect();
    }
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/samples");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("data/samples").flatten().map(|e| e.path()).collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).expect("sample")).collect()
}

fn stages(c: &mut Criterion) {
    let extractor = Extractor::new();
    let lex = extractor.lexicon();
    let texts = texts();
    let words: u64 = texts.iter().map(|t| t.split_whitespace().count() as u64).sum();
    let chars: Vec<Vec<char>> = texts.iter().map(|t| t.chars().collect()).collect();
    let toks: Vec<_> = texts.iter().map(|t| tokens::tokenize(t)).collect();
    let sents: Vec<_> = toks.iter().map(|t| sentences::split_sentences(t)).collect();
    let views: Vec<TextView> = (0..texts.len()).map(|i| TextView::new(lex, &toks[i], &sents[i], &chars[i])).collect();
    let types: Vec<_> = views.iter().map(|v| ner_mentions::token_types(extractor.ner(), v)).collect();
    let found: Vec<_> = (0..texts.len()).map(|i| ner_mentions::refine(lex, find_mentions(lex, &views[i]), &types[i], &views[i])).collect();
    let resolved: Vec<_> = (0..texts.len()).map(|i| coref::resolve(lex, &views[i], &found[i])).collect();

    let mut g = c.benchmark_group("extraction stages");
    g.throughput(Throughput::Elements(words));
    g.bench_function("tokenize", |b| b.iter(|| texts.iter().map(|t| tokens::tokenize(black_box(t)).len()).sum::<usize>()));
    g.bench_function("split sentences", |b| b.iter(|| toks.iter().map(|t| sentences::split_sentences(black_box(t)).len()).sum::<usize>()));
    g.bench_function("named-entity recognition", |b| {
        b.iter(|| views.iter().map(|v| ner_mentions::token_types(extractor.ner(), v).len()).sum::<usize>())
    });
    g.bench_function("mentions", |b| {
        b.iter(|| {
            (0..texts.len()).map(|i| ner_mentions::refine(lex, find_mentions(lex, &views[i]), &types[i], &views[i]).len()).sum::<usize>()
        })
    });
    g.bench_function("coreference", |b| {
        b.iter(|| (0..texts.len()).map(|i| coref::resolve(lex, &views[i], &found[i]).entities.len()).sum::<usize>())
    });
    g.bench_function("rules", |b| {
        b.iter(|| {
            let mut n = 0;
            for i in 0..texts.len() {
                let types: Vec<_> = resolved[i].entities.iter().map(|d| d.entity_type).collect();
                let mut discourse = Discourse::default();
                let sentence_views: Vec<SentenceView> = sents[i]
                    .iter()
                    .zip(mentions_by_sentence(&sents[i], &found[i]))
                    .map(|(s, ids)| {
                        let mentions = SentenceMentions { all: &found[i], ids };
                        SentenceView::new(lex, &views[i], *s, mentions, &resolved[i].of_mention, &types, &mut discourse)
                    })
                    .collect();
                let cx = Context {
                    lex,
                    view: &views[i],
                    mentions: &found[i],
                    resolution: &resolved[i],
                    types: &types,
                    sentences: &sentence_views,
                };
                let findings = rules::apply_all(&cx);
                n += findings.relations.iter().map(Vec::len).sum::<usize>() + findings.quotes.len();
            }
            n
        })
    });
    g.bench_function("whole extraction", |b| {
        b.iter(|| {
            texts
                .iter()
                .enumerate()
                .map(|(i, t)| extractor.extract(&format!("d{i}"), black_box(t), None).map_or(0, |d| d.relations.len()))
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
