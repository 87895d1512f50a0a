//! Replays every saved fuzz input (`fuzz/corpus/<target>/`, seeds and what
//! `make fuzz` found) through its target: none may panic. The fuzzers
//! themselves need nightly and run under `make fuzz`; this part runs in
//! `make test` on stable.

use std::path::Path;

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
    assert!(replayed >= 12, "every target has seeds ({replayed} inputs)");
}
