//! JavaScriptCore's options for Barg's one long-lived page (the module is
//! Linux's only: `lib.rs` declares it so).

/// WebKitGTK's JavaScript engine is tuned for pages that load and go away,
/// or for heavy scripts; Barg's one page lives for the whole session and
/// its scripts are light (a frame's work is a few rows). By default JSC
/// collects the young generation only once 32 MB are allocated and keeps
/// whatever survived that in the old generation until a rare full
/// collection, so a long session holds a heap of mostly dead objects; and
/// its optimizing compilers spend memory on code that is fast enough
/// without them.
/// Measured on the million-article library (window bench: 100 articles
/// opened, 20,000 rows scrolled), the app with its WebKit processes after
/// the session: 360–374 MB by default, 312–313 MB with the collector set
/// as in `JAVASCRIPT_ENGINE_OPTIONS`, and 297 MB with the optimizing
/// compilers off too (the empty window: 211 MB throughout), with no frame
/// over 50 ms and opening p95 unchanged. The live heap after each collection stays about 6 MB.
/// Only JSC's own options (read from the environment: WebKitGTK has no API
/// for them) do this, and a value the user set wins. Programs Barg starts
/// go without them (`system_browser`). Must run before any thread starts:
/// it changes the environment.
pub(crate) fn tune_javascript_engine_for_a_long_session() {
    let set = JAVASCRIPT_ENGINE_OPTIONS
        .iter()
        .filter(|(name, _)| std::env::var_os(name).is_none())
        .map(|&(name, value)| {
            std::env::set_var(name, value);
            name
        })
        .collect();
    let _ = JAVASCRIPT_ENGINE_OPTIONS_SET.set(set);
}

/// JavaScriptCore's options for Barg's page, with what each was measured to
/// do (see `tune_javascript_engine_for_a_long_session`).
const JAVASCRIPT_ENGINE_OPTIONS: [(&str, &str); 4] = [
    // Every collection is a full one: the live heap is small, so marking
    // all of it costs a few ms. Alone: 328–329 MB.
    ("JSC_useGenerationalGC", "0"),
    // The heap JSC grows from before it collects: 8 MB, not 32 MB. With
    // the line above: 312–313 MB.
    ("JSC_largeHeapSize", "8388608"),
    // The interpreter and the baseline compiler only. Without any
    // compiler: 289 MB, opening p95 24 ms; this keeps the baseline one.
    ("JSC_useDFGJIT", "0"),
    ("JSC_useFTLJIT", "0"),
];

/// The options `tune_javascript_engine_for_a_long_session` put in the
/// environment; programs Barg starts (the system browser) go without them.
static JAVASCRIPT_ENGINE_OPTIONS_SET: std::sync::OnceLock<Vec<&'static str>> =
    std::sync::OnceLock::new();

pub(crate) fn javascript_engine_options_set() -> &'static [&'static str] {
    JAVASCRIPT_ENGINE_OPTIONS_SET
        .get()
        .map_or(&[], Vec::as_slice)
}
