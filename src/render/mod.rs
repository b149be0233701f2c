//! Pure view logic (no DOM): what the components draw, computed and tested natively.

pub mod layout;
pub mod summary;
