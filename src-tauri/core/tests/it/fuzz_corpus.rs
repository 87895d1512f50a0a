//! Replays every saved fuzz input (`fuzz/corpus/<target>/`, seeds and what
//! `make fuzz` found) through its target: none may panic. The fuzzers
//! themselves need nightly and run under `make fuzz`; this part runs in
//! `make test` on stable.

use std::path::Path;

use crate::support::{files_under, fixtures};

#[test]
fn every_saved_fuzz_input_runs_without_a_panic() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus");
    let mut replayed = 0;
    for (name, target) in barg_core::fuzzing::TARGETS {
        let dir = corpus.join(name);
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries.flatten() {
            let bytes = std::fs::read(entry.path()).unwrap();
            let outcome = std::panic::catch_unwind(|| target(&bytes));
            assert!(
                outcome.is_ok(),
                "fuzz target {name} panics on {}",
                entry.path().display()
            );
            replayed += 1;
        }
    }
    // The real feeds and pages of the test fixtures are seeds too (make fuzz
    // is pointed at them as extra corpus folders), kept in one place.
    let fixtures = fixtures();
    for (name, target) in [
        ("feeds", barg_core::fuzzing::feed as fn(&[u8])),
        ("html", barg_core::fuzzing::html),
    ] {
        for path in files_under(&fixtures.join(name)) {
            let bytes = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| target(&bytes));
            assert!(
                outcome.is_ok(),
                "fuzz target {name} panics on {}",
                path.display()
            );
            replayed += 1;
        }
    }
    assert!(replayed >= 12, "every target has seeds ({replayed} inputs)");
}
