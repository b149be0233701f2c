//! Prints how long each stage of the engine takes on one file: a quick profile between
//! criterion runs. Usage: cargo run --release -p annotator-core --example stages -- FILE

use std::time::Instant;

use annotator_core::text::Document;
use annotator_core::{casualties, entities, timeline, Date};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: stages FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let mb = text.len() as f64 / 1e6;
    // Warm up (the lexicon and models are parsed on first use), as the browser benchmark does.
    let head: String = text.chars().take(50_000).collect();
    let _ = entities::extract(&Document::new(&head, None));
    let t = Instant::now();
    let doc = Document::new(&text, None);
    let d0 = t.elapsed();
    let t = Instant::now();
    let mentions = entities::recognize::recognize(&doc);
    let d1a = t.elapsed();
    let ents = entities::resolve::resolve(&doc, mentions);
    let d1 = t.elapsed();
    let reference = Date::parse_iso("2020-10-04");
    let t = Instant::now();
    let tl = timeline::extract(&doc, reference);
    let d2 = t.elapsed();
    let t = Instant::now();
    let cas = casualties::extract(&doc, &ents, &tl, reference);
    let d3 = t.elapsed();
    for (name, d) in [("normalise+segment", d0), ("entities", d1), ("  of which mentions", d1a), ("  and resolve", d1 - d1a), ("timeline", d2), ("casualties", d3)] {
        println!("{name:18} {:8.1} ms  {:7.1} MB/s", d.as_secs_f64() * 1e3, mb / d.as_secs_f64());
    }
    println!("{} entities, {} dates, {} casualty items", ents.len(), tl.len(), cas.len());
}
