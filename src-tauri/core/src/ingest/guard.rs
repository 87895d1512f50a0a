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

use std::panic::{catch_unwind, AssertUnwindSafe};

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
    catch_unwind(AssertUnwindSafe(parse)).map_err(|panic| {
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
