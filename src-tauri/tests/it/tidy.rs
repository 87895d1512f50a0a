//! The structural rules of ARCHITECTURE.md that reading the files can check:
//! core's modules form no cycle, no source file outgrows one job, core
//! knows no Tauri and no clock, the mock runtime never ships, the network
//! is reached through one client, and every path the document names exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::support::{files_under, repo};

/// The Rust source of a file without its comments and its test module.
fn code_of(path: &Path) -> String {
    // A module's tests in their own file (`db/tests.rs`) are tests too.
    if path.file_name().is_some_and(|n| n == "tests.rs") {
        return String::new();
    }
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]") {
        Some(tests) => &text[..tests],
        None => &text[..],
    };
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level module a file of `core/src` belongs to (`store`, `db`…);
/// `None` for the crate root.
fn module_of(core_src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(core_src).unwrap();
    let first = relative.components().next()?.as_os_str().to_string_lossy();
    let name = first.trim_end_matches(".rs").to_owned();
    (name != "lib").then_some(name)
}

/// Which module each name the crate root re-exports comes from.
fn reexports(core_src: &Path) -> BTreeMap<String, String> {
    let lib = std::fs::read_to_string(core_src.join("lib.rs")).unwrap();
    let reexport = regex::Regex::new(r"pub use (\w+)::(?:\{([^}]*)\}|(\w+));").unwrap();
    let mut names = BTreeMap::new();
    for found in reexport.captures_iter(&lib) {
        let module = found[1].to_owned();
        let list = found.get(2).or(found.get(3)).unwrap().as_str();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            names.insert(name.to_owned(), module.clone());
        }
    }
    names.insert("Timestamp".into(), "lib".into());
    names
}

/// module → the other top-level modules it uses (`crate::x`, or a name the
/// crate root re-exports from `x`).
fn core_imports() -> BTreeMap<String, BTreeSet<String>> {
    let core_src = repo().join("src-tauri/core/src");
    let names = reexports(&core_src);
    let path = regex::Regex::new(r"crate::(\{[^}]*\}|\w+)").unwrap();
    let mut imports: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files_under(&core_src, &["rs"]) {
        let Some(module) = module_of(&core_src, &file) else {
            continue;
        };
        let code = code_of(&file);
        let used = imports.entry(module.clone()).or_default();
        for found in path.captures_iter(&code) {
            let group = found[1].trim_start_matches('{').trim_end_matches('}');
            for name in group.split(',') {
                let name = name.trim().split("::").next().unwrap_or("").trim();
                let target = names.get(name).cloned().unwrap_or_else(|| name.to_owned());
                if !target.is_empty() && target != module && target != "lib" && target != "self" {
                    used.insert(target);
                }
            }
        }
    }
    imports
}

/// A path from `from` back to itself through `imports`, if there is one.
fn cycle_through(imports: &BTreeMap<String, BTreeSet<String>>, from: &str) -> Option<Vec<String>> {
    let mut stack = vec![vec![from.to_owned()]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = path.last().unwrap();
        for next in imports.get(last).into_iter().flatten() {
            if next == from {
                let mut cycle = path.clone();
                cycle.push(next.clone());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push(longer);
            }
        }
    }
    None
}

#[test]
fn core_modules_import_each_other_in_no_cycle() {
    let imports = core_imports();
    assert!(
        imports
            .get("store")
            .is_some_and(|used| used.contains("db") && used.contains("index")),
        "the import graph was read (store uses db and index): {imports:?}"
    );
    let cycles: Vec<String> = imports
        .keys()
        .filter_map(|module| cycle_through(&imports, module))
        .map(|cycle| cycle.join(" → "))
        .collect();
    assert!(
        cycles.is_empty(),
        "barg-core's top-level modules must form a tree of layers; these import each other: {cycles:#?}"
    );
}

/// Each module's layer: 0 for one that uses no other, else one above the
/// highest module it uses (the graph has no cycle: see the test above).
fn layers(imports: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    fn depth(
        module: &str,
        imports: &BTreeMap<String, BTreeSet<String>>,
        known: &mut BTreeMap<String, usize>,
    ) -> usize {
        if let Some(&d) = known.get(module) {
            return d;
        }
        let d = imports
            .get(module)
            .into_iter()
            .flatten()
            .map(|used| depth(used, imports, known) + 1)
            .max()
            .unwrap_or(0);
        known.insert(module.to_owned(), d);
        d
    }
    let mut known = BTreeMap::new();
    let modules: BTreeSet<&String> = imports.keys().chain(imports.values().flatten()).collect();
    for module in &modules {
        depth(module, imports, &mut known);
    }
    let top = known.values().copied().max().unwrap_or(0);
    let mut layers = vec![Vec::new(); top + 1];
    for (module, d) in known {
        layers[top - d].push(module);
    }
    layers
}

#[test]
fn architecture_md_draws_core_layers_as_the_code_has_them() {
    let imports = core_imports();
    if imports.keys().any(|m| cycle_through(&imports, m).is_some()) {
        return; // the cycle test says what is wrong
    }
    let drawn: Vec<String> = layers(&imports)
        .iter()
        .map(|layer| layer.join(", "))
        .collect();
    let doc = std::fs::read_to_string(repo().join("ARCHITECTURE.md")).unwrap();
    let block = doc
        .split("```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("ARCHITECTURE.md draws the layers in a ```text block");
    let documented: Vec<String> = block.lines().map(str::to_owned).collect();
    assert_eq!(
        documented, drawn,
        "ARCHITECTURE.md's drawing of core's layers is not the code's: put this one in it"
    );
}

#[test]
fn no_source_file_is_over_600_lines() {
    let mut long = Vec::new();
    for dir in ["src-tauri/src", "src-tauri/core/src"] {
        for file in files_under(&repo().join(dir), &["rs"]) {
            let lines = std::fs::read_to_string(&file).unwrap().lines().count();
            if lines > 600 {
                long.push(format!("{} ({lines} lines)", file.display()));
            }
        }
    }
    assert!(
        long.is_empty(),
        "a file this long does more than one job: split it by job: {long:?}"
    );
}

/// The `[section]` of a Cargo.toml, as text.
fn manifest_section(manifest: &str, section: &str) -> String {
    let start = manifest
        .find(&format!("\n[{section}]"))
        .unwrap_or_else(|| panic!("[{section}] is in the manifest"));
    let rest = &manifest[start + section.len() + 3..];
    rest[..rest.find("\n[").unwrap_or(rest.len())].to_owned()
}

#[test]
fn barg_core_knows_no_tauri_and_the_mock_runtime_never_ships() {
    let core = std::fs::read_to_string(repo().join("src-tauri/core/Cargo.toml")).unwrap();
    assert!(
        !core.contains("tauri"),
        "barg-core must not depend on Tauri: it is the plain library both edges call"
    );
    let app = std::fs::read_to_string(repo().join("src-tauri/Cargo.toml")).unwrap();
    let shipped = manifest_section(&app, "dependencies");
    let tauri_line = shipped
        .lines()
        .find(|l| l.starts_with("tauri ") || l.starts_with("tauri."))
        .expect("the app depends on tauri");
    assert!(
        !tauri_line.contains("test"),
        "Tauri's `test` feature (the mock runtime) belongs to [dev-dependencies], not the shipped binary: {tauri_line}"
    );
}

#[test]
fn core_reads_no_clock_and_only_the_fetcher_reaches_the_network() {
    let core_src = repo().join("src-tauri/core/src");
    for file in files_under(&core_src, &["rs"]) {
        let code = code_of(&file);
        let name = file.strip_prefix(&core_src).unwrap().display().to_string();
        // The fetcher, the I/O edge, keeps its one cache of time (hosts
        // found filtered, for a day) on tokio's monotonic clock, which tests
        // can pause and advance; nothing else in core reads a clock.
        let code = if name == "feeds/fetch.rs" {
            code.replace("tokio::time::Instant::now", "")
        } else {
            code
        };
        assert!(
            !code.contains("SystemTime") && !code.contains("Instant::now"),
            "{name}: core takes `now` from its caller, never from the clock"
        );
        // (`feeds/filtering.rs` is the fetcher's own: how its errors are
        // told apart, and its resolver.)
        assert!(
            name == "feeds/fetch.rs" || name == "feeds/filtering.rs" || !code.contains("reqwest"),
            "{name}: the network is reached only through feeds::fetch::Fetcher"
        );
    }
}

#[test]
fn every_path_architecture_md_names_exists() {
    let root = repo();
    let doc = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let quoted = regex::Regex::new(r"`([^`\s]+)`").unwrap();
    let bases = [
        "",
        "src-tauri/",
        "src-tauri/core/",
        "src-tauri/core/src/",
        "src-tauri/tests/it/",
        "src-tauri/core/tests/it/",
        "ui/src/lib/",
        "locales/",
    ];
    let mut checked = 0;
    let mut missing = Vec::new();
    for found in quoted.captures_iter(&doc) {
        let token = &found[1];
        let looks_like_path = !token.starts_with('@')
            && !token.contains("::")
            && !token.contains('<')
            && (token.contains('/')
                || [
                    ".rs", ".ts", ".md", ".toml", ".json", ".svelte", ".sql", ".py",
                ]
                .iter()
                .any(|ext| token.ends_with(ext)));
        // Build output (`target/…`) and home folders exist only after a run.
        if !looks_like_path || token.starts_with("~/") || token.starts_with("target/") {
            continue;
        }
        checked += 1;
        if !bases
            .iter()
            .any(|base| root.join(base).join(token).exists())
        {
            missing.push(token.to_owned());
        }
    }
    assert!(checked > 40, "the document's paths were found ({checked})");
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md names paths that do not exist (update it with the structure): {missing:?}"
    );
}
