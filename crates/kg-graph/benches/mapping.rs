//! RDF mapping and storing: `cargo bench -p kg-graph --bench mapping`.
//!
//! Documents are extracted from the repository's sample articles once; the benchmark
//! times turning them into quads, and storing them through the bulk writer into a store
//! in memory.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use kg_extract::Extractor;
use kg_graph::writer::DocumentWriter;
use kg_graph::{document_quads, DocumentMeta, KnowledgeGraph};

fn mapping(c: &mut Criterion) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/samples");
    let mut paths: Vec<_> = std::fs::read_dir(dir).expect("data/samples").flatten().map(|e| e.path()).collect();
    paths.sort();
    let extractor = Extractor::new();
    let docs: Vec<_> = paths
        .iter()
        .enumerate()
        .map(|(i, p)| extractor.extract(&format!("d{i}"), &std::fs::read_to_string(p).expect("sample"), None).expect("extract"))
        .collect();
    let meta = DocumentMeta::default();
    let quads: u64 = docs.iter().map(|d| document_quads(d, &meta).len() as u64).sum();
    let mut g = c.benchmark_group("graph");
    g.throughput(Throughput::Elements(quads));
    g.bench_function("RDF mapping", |b| b.iter(|| docs.iter().map(|d| document_quads(black_box(d), &meta).len()).sum::<usize>()));
    g.bench_function("resolve and store (in memory)", |b| {
        b.iter(|| {
            let kg = KnowledgeGraph::in_memory().expect("store");
            let mut writer = DocumentWriter::new(&kg).expect("writer");
            for d in &docs {
                writer.put(d, &meta).expect("put");
            }
            writer.finish().expect("finish");
        })
    });
    g.finish();
}

criterion_group!(benches, mapping);
criterion_main!(benches);
