//! Trains the English name tagger (src/entities/tagger) and writes its model file.
//!
//! ```sh
//! cargo run --release -p annotator-core --example train_tagger -- \
//!     ../shared/corpora/conll2003/train.jsonl ../shared/corpora/conll2003/dev.jsonl \
//!     crates/annotator-core/data/model/en_tagger.bin
//! ```
//!
//! Input: JSON lines `{"text": …, "entities": [{"start", "end", "type"}]}` with offsets in
//! code points and types PER, LOC, ORG, MISC (the corpora in ../shared/corpora use this form;
//! any corpus of your own in it will do). The second file is only scored, after each epoch
//! (token accuracy and exact-span F1 of PER/LOC/ORG), to report the model; it never trains.
//! Deterministic: the same files give the same model, byte for byte.
//! Options (environment): `EPOCHS` (default 12), `RUNS` (perceptrons averaged into the model,
//! each with its own document order; default 5), `MIN_WEIGHT` (pruning threshold, default
//! 3: on the knee of F1 against size, and what the page's 1 MB budget leaves, see the model card), `SWEEP=1` to print F1 and size for several thresholds.

use std::io::Write;

use annotator_core::entities::context::Ctx;
use annotator_core::entities::tagger::model::Model;
use annotator_core::entities::tagger::train::{gold_tags, Example, Trainer};
use annotator_core::entities::tagger::features::N_TAGS;
use annotator_core::entities::tagger::spans;
use annotator_core::text::Document;
use annotator_core::Language;

struct Doc {
    text: String,
    /// Entity byte ranges of `text` with their class (1 PER, 2 LOC, 3 ORG, 4 MISC).
    spans: Vec<(std::ops::Range<usize>, usize)>,
}

fn read(path: &str) -> Vec<Doc> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).ok()?;
            let text = v["text"].as_str()?.to_string();
            // Code points to bytes.
            let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
            let spans = v["entities"]
                .as_array()?
                .iter()
                .filter_map(|e| {
                    let class = match e["type"].as_str()? {
                        "PER" => 1,
                        "LOC" => 2,
                        "ORG" => 3,
                        "MISC" => 4,
                        _ => return None,
                    };
                    let (s, t) = (e["start"].as_u64()? as usize, e["end"].as_u64()? as usize);
                    Some((*bytes.get(s)?..*bytes.get(t)?, class))
                })
                .collect();
            Some(Doc { text, spans })
        })
        .collect()
}

/// Exact-span F1 of PER/LOC/ORG (as the corpus scorer counts them) of `model` on `docs`.
fn span_f1(examples: &[Example], model: &Model) -> f64 {
    let (mut tp, mut pred, mut gold) = (0usize, 0usize, 0usize);
    for ex in examples {
        let got: Vec<_> = spans(&annotator_core::entities::tagger::tag_with(&ex.ctx, model)).into_iter().filter(|(_, k)| k.is_some()).collect();
        let want: Vec<_> = spans(&ex.gold).into_iter().filter(|(_, k)| k.is_some()).collect();
        pred += got.len();
        gold += want.len();
        tp += got.iter().filter(|g| want.contains(g)).count();
    }
    let (p, r) = (tp as f64 / pred.max(1) as f64, tp as f64 / gold.max(1) as f64);
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// A training example of `doc` (the document of `d`'s text).
fn example<'a>(doc: &'a Document<'a>, d: &Doc) -> Example<'a> {
    // The corpora are NFC already: byte offsets of the text are those of the document.
    let starts: Vec<usize> = doc.tokens.iter().map(|t| t.range.start).collect();
    let ctx = Ctx::new(doc);
    let gold = gold_tags(&ctx, &starts, &d.spans);
    Example { ctx, gold }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [train, dev, out] = [0, 1, 2].map(|i| args.get(i).cloned().unwrap_or_else(|| panic!("usage: train_tagger TRAIN.jsonl DEV.jsonl OUT.bin")));
    let env = |k: &str, d: f64| std::env::var(k).ok().and_then(|v| v.parse().ok()).unwrap_or(d);
    let epochs = env("EPOCHS", 12.0) as usize;
    let min_weight = env("MIN_WEIGHT", 3.0) as f32;
    let (train, dev) = (read(&train), read(&dev));
    let train_docs: Vec<Document> = train.iter().map(|d| Document::new(&d.text, Some(Language::En))).collect();
    let dev_docs: Vec<Document> = dev.iter().map(|d| Document::new(&d.text, Some(Language::En))).collect();
    let train_ex: Vec<Example> = train_docs.iter().zip(&train).map(|(doc, d)| example(doc, d)).collect();
    let dev_ex: Vec<Example> = dev_docs.iter().zip(&dev).map(|(doc, d)| example(doc, d)).collect();
    // Several perceptrons, each visiting the documents in its own fixed order, averaged into
    // one linear model: a single run's score moves by ±0.005 with any small change of
    // features or order; the average of a few moves less.
    let runs = env("RUNS", 5.0) as usize;
    let mut sum: std::collections::BTreeMap<u32, [f32; N_TAGS]> = std::collections::BTreeMap::new();
    for run in 0..runs {
        let mut trainer = Trainer::default();
        let mut order: Vec<usize> = (0..train_ex.len()).collect();
        let mut seed: u64 = 0x5eed + run as u64;
        for epoch in 1..=epochs {
            // Fisher-Yates with a fixed LCG: the same order every time.
            for i in (1..order.len()).rev() {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                order.swap(i, (seed >> 33) as usize % (i + 1));
            }
            let acc = trainer.epoch(&train_ex, &order);
            eprintln!("run {run}, epoch {epoch}: train token accuracy {acc:.4}");
        }
        for (k, w) in trainer.averaged() {
            let e = sum.entry(k).or_insert([0.0; N_TAGS]);
            e.iter_mut().zip(w).for_each(|(a, b)| *a += b / runs as f32);
        }
    }
    let weights: Vec<(u32, [f32; N_TAGS])> = sum.into_iter().collect();
    eprintln!("{} features", weights.len());
    let thresholds: Vec<f32> = if env("SWEEP", 0.0) > 0.0 { vec![0.0, 0.5, 1.0, 2.0, min_weight, 4.0] } else { vec![min_weight] };
    for t in thresholds {
        let bytes: &'static [u8] = Box::leak(Model::write(&weights, t).into_boxed_slice());
        let model = Model::read(bytes).expect("a model just written reads back");
        let gz = gzip_len(bytes);
        eprintln!("min weight {t}: {} features, {} bytes ({} gzip), dev span F1 {:.4}", model.len(), bytes.len(), gz, span_f1(&dev_ex, &model));
        if t == min_weight {
            std::fs::write(&out, bytes).unwrap_or_else(|e| panic!("{out}: {e}"));
        }
    }
    let _ = std::io::stderr().flush();
}

/// Size after gzip -9, for the report (via the system's gzip; 0 where there is none).
fn gzip_len(bytes: &[u8]) -> usize {
    let child = std::process::Command::new("gzip").arg("-9c").stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped()).spawn();
    let Ok(mut child) = child else { return 0 };
    // Written from another thread: gzip's output would fill its pipe while we still write.
    let writer = child.stdin.take().map(|mut stdin| {
        let bytes = bytes.to_vec();
        std::thread::spawn(move || stdin.write_all(&bytes))
    });
    let len = child.wait_with_output().map(|o| o.stdout.len()).unwrap_or(0);
    writer.map(|w| w.join());
    len
}
