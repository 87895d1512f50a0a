//! The end-to-end tests, one binary: the real `barg` in a real WebKitGTK
//! window under Xvfb, driven through tauri-driver, one window at a time.
//! `window_bench` is the window half of `make bench` (ignored here).

// A test that unwraps fails with the error, which is what a test should do.
#![allow(clippy::unwrap_used)]

#[path = "../../../support/freshrss.rs"]
mod freshrss;
#[path = "../../../../src-tauri/core/tests/it/support/mount.rs"]
mod mount;
#[path = "../../../../src-tauri/core/tests/it/support/proxies.rs"]
mod proxies;
#[path = "../../../../src-tauri/core/tests/it/support/server.rs"]
mod server;

mod accounts;
mod bandwidth;
mod feeds;
mod first_start;
mod hostile;
mod import;
mod network;
mod open_target;
mod persian_text;
mod reading;
mod recovery;
mod window_bench;
