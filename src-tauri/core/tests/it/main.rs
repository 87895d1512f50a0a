//! barg-core's integration tests, one binary (each `tests/*.rs` would be
//! linked on its own): the library on real SQLite files, real fixtures and a
//! real HTTP server on 127.0.0.1.

// A test that unwraps fails with the error, which is what a test should do.
#![allow(clippy::unwrap_used)]

mod support;

mod accounts;
mod bandwidth;
mod faults;
mod fuzz_corpus;
mod hostile;
mod import;
mod library;
mod network;
mod search;
mod sync;
mod titles;
