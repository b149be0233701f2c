//! How long the first annotation takes (lexicons, gazetteers and patterns are built on first
//! use) against the next ones. Run: cargo run --release -p annotator-core --example cold
use annotator_core::{annotate, Options};
use std::time::Instant;

const SEED: &str = include_str!("../../../seeds/000_4b482bd7dbe4f5f8.txt");

fn main() {
    let opts = Options::default();
    let t = Instant::now();
    annotator_core::entities::lexicon::Lexicon::get();
    println!("lexicon + gazetteers: {:?}", t.elapsed());
    let t = Instant::now();
    annotate(SEED, &opts).unwrap();
    println!("first vi annotation (rest of the cold start): {:?}", t.elapsed());
    let t = Instant::now();
    annotate(SEED, &opts).unwrap();
    println!("second vi annotation: {:?}", t.elapsed());
    let t = Instant::now();
    annotate("Five people were killed in Paris on Monday, officials said.", &opts).unwrap();
    println!("first en annotation (en patterns): {:?}", t.elapsed());
}
