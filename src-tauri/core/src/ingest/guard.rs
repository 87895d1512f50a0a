//! Parsers of outside data run behind a guard: a panic inside a dependency
//! becomes this input's `Unreadable` error (code `parse`), and the rest of
//! the import or sync goes on.
//!
//! Known upstream defect this stands for: quick-xml 0.42 (inside feed-rs
//! 3.0, the newest on the registry) panics with "set_encoding() called after
//! prefix buffer was drained" on some malformed feeds
//! (`tests/fixtures/crashes/feed-quick-xml-set-encoding.xml`, found by
//! `make fuzz`). Take a fixed feed-rs or quick-xml as soon as there is one;
//! the guard stays for the next such defect.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};

thread_local! {
    /// Whether this thread is inside [`parse_guarded`].
    static GUARDED: Cell<bool> = const { Cell::new(false) };
}

/// Wraps the panic hook in place (the standard one, or libFuzzer's, which
/// aborts) so that it stays silent for a panic a guard is about to catch: a
/// guarded panic is a `parse` error with its own log line, not a backtrace
/// on the terminal or a crash the fuzzer reports. Any other panic reaches
/// the hook as before. Once per process, at the first guard.
fn quiet_inside_guards() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !GUARDED.with(Cell::get) {
                previous(info);
            }
        }));
    });
}

/// What a panic said (its payload is a `&str` or a `String` when it says
/// anything).
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default()
}

/// Runs `parse` on outside data. A panic inside it is `Err` with a message
/// that names `what` was being read and says it could not be.
pub(crate) fn parse_guarded<T>(what: &str, parse: impl FnOnce() -> T) -> Result<T, String> {
    quiet_inside_guards();
    let outer = GUARDED.with(|guarded| guarded.replace(true));
    let parsed = catch_unwind(AssertUnwindSafe(parse));
    GUARDED.with(|guarded| guarded.set(outer));
    parsed.map_err(|panic| {
        let detail = panic_message(panic.as_ref());
        tracing::warn!(%what, %detail, "a parser panicked on outside data");
        format!("the {what} could not be read (its parser failed: {detail})")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_is_an_error_that_names_what_was_read() {
        let caught = parse_guarded("feed", || -> u8 { panic!("a dependency broke") });
        let message = caught.expect_err("the panic does not escape");
        assert!(
            message.contains("feed could not be read") && message.contains("a dependency broke"),
            "it names the input and keeps the detail: {message}"
        );
        assert_eq!(
            parse_guarded("feed", || 7),
            Ok(7),
            "a parse that works passes through"
        );
    }
}
