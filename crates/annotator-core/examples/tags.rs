//! Prints, for each token of a text, the English tagger's tag and its scores for the tags
//! that may follow the tag before: a look at why a name got its type.
//! Usage: cargo run --release -p annotator-core --example tags -- "Some text."   (or a file path)

use annotator_core::entities::context::Ctx;
use annotator_core::entities::tagger::features::{allowed, TAGS};
use annotator_core::entities::tagger::{model, scores_with};
use annotator_core::text::Document;
use annotator_core::Language;

fn main() {
    let Some(arg) = std::env::args().nth(1) else {
        eprintln!("usage: tags TEXT|FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&arg).unwrap_or(arg);
    let doc = Document::new(&text, Some(Language::En));
    let ctx = Ctx::new(&doc);
    let Some(model) = model(Language::En) else {
        eprintln!("no English model");
        std::process::exit(1);
    };
    let mut prev = 0;
    for (i, (tag, scores)) in scores_with(&ctx, model).into_iter().enumerate() {
        let shown: Vec<String> = (0..TAGS.len()).filter(|&t| allowed(prev, t) && scores[t] != 0.0).map(|t| format!("{} {:.1}", TAGS[t], scores[t])).collect();
        println!("{:20} {:7} {}", ctx.tk[i].text, TAGS[tag], shown.join("  "));
        prev = tag;
    }
}
