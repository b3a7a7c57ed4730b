//! The app's number formatters are the model's, shared with the CLI and the exports
//! ([`model::fmt`]); this re-export keeps older call sites (`crate::format::pct`) compiling
//! until they use `model::fmt` directly.

pub use model::fmt::{count, count_f, deaths, money, money_opt, parse_number, pct, rate};
