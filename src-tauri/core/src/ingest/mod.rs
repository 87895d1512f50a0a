//! Turning outside material into articles. Each format has its own module.

pub mod plain_text;
