//! The app's integration tests, one binary: the commands through Tauri's
//! mock runtime, the command line run as the built binary (and killed
//! mid-write), the limits (`make bench`), and the locale files.

// A test that unwraps fails with the error, which is what a test should do.
#![allow(clippy::unwrap_used)]

mod support;

mod accounts;
mod bandwidth;
mod bindings;
mod cli;
mod commands;
mod crash;
mod limits;
mod locales;
mod network;
mod tidy;
