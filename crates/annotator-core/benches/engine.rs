//! Throughput of the whole engine and of each stage, natively, on real news text: the seed
//! article alone (per-article latency) and the development articles concatenated to at
//! least 1 MB (MB/s). The development set is read from ../shared/eval-dev when it is there
//! (it is never copied into the repo); otherwise the seed is repeated.
//!
//! Run: cargo bench -p annotator-core --bench engine

use annotator_core::text::Document;
use annotator_core::{annotate, casualties, entities, timeline, Options};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

const SEED: &str = include_str!("../../../seeds/000_4b482bd7dbe4f5f8.txt");

fn corpus(lang: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval-dev/articles");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().contains(&format!("-{lang}-")))
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    if texts.is_empty() {
        texts.push(SEED.to_string());
    }
    let mut out = String::new();
    while out.len() < 1_048_576 {
        for t in &texts {
            out.push_str(t);
            out.push_str("\n\n");
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let opts = Options::parse(None, Some("2020-10-04")).unwrap();
    let mut g = c.benchmark_group("seed article");
    g.throughput(Throughput::Bytes(SEED.len() as u64));
    g.bench_function("annotate", |b| b.iter(|| annotate(black_box(SEED), &opts).unwrap()));
    g.finish();

    for lang in ["vi", "en"] {
        let text = corpus(lang);
        let doc = Document::new(&text, None);
        let ents = entities::extract(&doc);
        let tl = timeline::extract(&doc, opts.date);
        let mut g = c.benchmark_group(format!("1 MB {lang}"));
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.sample_size(10);
        g.bench_function("whole engine", |b| b.iter(|| annotate(black_box(&text), &opts).unwrap()));
        g.bench_function("normalise+segment", |b| b.iter(|| Document::new(black_box(&text), None)));
        g.bench_function("entities", |b| b.iter(|| entities::extract(black_box(&doc))));
        g.bench_function("timeline", |b| b.iter(|| timeline::extract(black_box(&doc), opts.date)));
        g.bench_function("casualties", |b| b.iter(|| casualties::extract(black_box(&doc), &ents, &tl, opts.date)));
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
