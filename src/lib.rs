//! Article Annotator's page: a Leptos (client-side rendered) app that shows an article with
//! its entities highlighted beside a sidebar of casualties and a timeline. It only renders
//! what the engine (`annotator-core`) returns.
//!
//! - [`render`]: pure view logic (layout of marks, sidebar summaries, charts, exports, file
//!   input), tested natively;
//! - [`state`]: the view state the components share;
//! - [`components`]: the Leptos components that turn those into DOM;
//! - [`dom`]: the few direct DOM effects (scroll, flash, download, clipboard, files);
//! - [`background`]: large articles annotated in a worker, off the main thread;
//! - [`session`]: what the standalone page remembers across reloads (the article on screen,
//!   the recent ones);
//! - [`app`]: the page's wiring;
//! - `embed`: the JavaScript API (`annotate`, `mount`) for CMS embedding.

pub mod app;
pub mod background;
pub mod components;
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod render;
pub mod session;
pub mod state;

/// The first article the product must handle: shown annotated on first load.
pub const SEED_ARTICLE: &str = include_str!("../seeds/000_4b482bd7dbe4f5f8.txt");
