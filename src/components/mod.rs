//! Leptos components: small, each drawing one part of the page from plain data.

pub mod article;
pub mod card;
pub mod editor;
pub mod find;
pub mod help;
pub mod input;
pub mod sidebar;
pub mod toolbar;
