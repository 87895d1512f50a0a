//! Opening links in the user's own browser on Linux.
//!
//! The launch goes through the launchers the `open` crate knows (xdg-open,
//! gio, …) like tauri-plugin-opener's does, with one difference: the
//! JavaScriptCore options Barg put in its environment for its own web view
//! (`tune_javascript_engine_for_a_long_session`) are taken out, so a WebKit
//! browser started from Barg runs with its own defaults.

use std::io;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// A launcher that cannot open the link (no handler, no display) says so at
/// once; one still running after this has handed the link on.
const FAILURE_WINDOW: Duration = Duration::from_millis(500);

/// Opens `url` with the first launcher that takes it. Blocks for up to
/// `FAILURE_WINDOW` per launcher tried.
pub(crate) fn open(url: &str) -> io::Result<()> {
    let mut failure = None;
    for mut command in open::commands(url) {
        for name in crate::javascript_engine::javascript_engine_options_set() {
            command.env_remove(name);
        }
        command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // Its own process group: the browser outlives Barg and is not
        // stopped by a Ctrl+C meant for Barg's terminal.
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let launcher = command.get_program().to_string_lossy().into_owned();
        match command.spawn() {
            Ok(child) => match settle(child)? {
                None => return Ok(()),
                Some(status) if status.success() => return Ok(()),
                Some(status) => {
                    failure = Some(io::Error::other(format!("{launcher} exited with {status}")));
                }
            },
            Err(error) => {
                failure = Some(io::Error::new(error.kind(), format!("{launcher}: {error}")))
            }
        }
    }
    Err(failure.unwrap_or_else(|| io::Error::other("no program to open links with")))
}

/// The launcher's exit status if it ends within `FAILURE_WINDOW`; otherwise
/// `None`, and a thread waits for it so it leaves no zombie.
fn settle(mut child: Child) -> io::Result<Option<std::process::ExitStatus>> {
    let deadline = Instant::now() + FAILURE_WINDOW;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            std::thread::spawn(move || child.wait());
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}
