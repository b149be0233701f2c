//! Article Annotator's page: a Leptos (client-side rendered) app that shows an article with
//! its entities highlighted beside a sidebar of casualties and a timeline. It only renders
//! what the engine (`annotator-core`) returns.
//!
//! - [`render`]: pure view logic (layout of marks into paragraphs, sidebar summaries);
//! - [`components`]: the Leptos components that turn those into DOM;
//! - [`app`]: the page's state and wiring.

pub mod app;
pub mod components;
pub mod render;

/// The first article the product must handle: shown annotated on first load.
pub const SEED_ARTICLE: &str = include_str!("../seeds/000_4b482bd7dbe4f5f8.txt");
