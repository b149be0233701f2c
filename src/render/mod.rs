//! Pure view logic (no DOM): what the components draw, computed and tested natively.

pub mod chart;
pub mod corrections;
pub mod export;
pub mod find;
pub mod input;
pub mod layout;
pub mod reopen;
pub mod summary;
