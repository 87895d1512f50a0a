//! Every user-visible string is in both languages: the two locales have the
//! same message ids, every .ftl file parses, and every id the code uses
//! (UI `t('…')`, Rust `.text(…, "…")`, error codes) exists.

use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::support::{files_under, repo};

use barg_app::ipc::ErrorCode;
use fluent_bundle::FluentResource;
use strum::IntoEnumIterator;

const LANGUAGES: [&str; 2] = ["fa", "en"];

/// Message ids per locale, checking that each file parses.
fn message_ids(language: &str) -> BTreeSet<String> {
    let files = files_under(&repo().join("locales").join(language), &["ftl"]);
    assert!(!files.is_empty(), "locales/{language} has .ftl files");
    let mut ids = BTreeSet::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        let resource = FluentResource::try_new(source)
            .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", file.display()));
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                assert!(
                    ids.insert(message.id.name.to_owned()),
                    "{} is defined twice in {language}",
                    message.id.name
                );
            }
        }
    }
    ids
}

#[test]
fn both_locales_have_the_same_message_ids() {
    let [fa, en] = LANGUAGES.map(message_ids);
    let only_fa: Vec<_> = fa.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&fa).collect();
    assert!(
        only_fa.is_empty() && only_en.is_empty(),
        "only in fa: {only_fa:?}; only in en: {only_en:?}"
    );
}

#[test]
fn every_message_id_the_code_uses_exists() {
    let known = message_ids("en");
    let mut used: Vec<(String, PathBuf)> = Vec::new();

    let ui_call = regex::Regex::new(r#"\bt\(\s*['"]([A-Za-z][\w-]*)['"]"#).unwrap();
    let ui_files = files_under(&repo().join("ui/src"), &["ts", "svelte"]);
    for file in ui_files
        .iter()
        .filter(|f| !f.to_string_lossy().ends_with(".test.ts"))
    {
        let source = std::fs::read_to_string(file).unwrap();
        used.extend(
            ui_call
                .captures_iter(&source)
                .map(|c| (c[1].to_owned(), file.clone())),
        );
    }
    // `messages.text(language, "id", …)` and the command line's
    // `out.message("id", …)`.
    let rust_call =
        regex::Regex::new(r#"(?:\.text\([^,()]+,|\.message\()\s*"([a-z][\w-]*)""#).unwrap();
    let rust_files = files_under(&repo().join("src-tauri/src"), &["rs"]);
    for file in &rust_files {
        let source = std::fs::read_to_string(file).unwrap();
        used.extend(
            rust_call
                .captures_iter(&source)
                .map(|c| (c[1].to_owned(), file.clone())),
        );
    }
    assert!(
        used.iter().any(|(id, _)| id == "cli-import-summary")
            && used.iter().any(|(id, _)| id == "app-title"),
        "the window's and the command line's message ids were both found"
    );
    for code in ErrorCode::iter() {
        used.push((
            code.message_id(),
            PathBuf::from("src-tauri/src/ipc.rs (ErrorCode)"),
        ));
    }

    assert!(
        used.len() > 20,
        "the scan finds the ids in use (found {})",
        used.len()
    );
    let missing: Vec<_> = used.iter().filter(|(id, _)| !known.contains(id)).collect();
    assert!(
        missing.is_empty(),
        "ids used but not defined in locales/: {missing:?}"
    );
}

#[test]
fn every_error_message_belongs_to_an_error_code() {
    let codes: BTreeSet<String> = ErrorCode::iter().map(|c| c.message_id()).collect();
    let orphans: Vec<_> = message_ids("en")
        .into_iter()
        .filter(|id| id.starts_with("error-") && !codes.contains(id))
        .collect();
    assert!(
        orphans.is_empty(),
        "error texts no code can show: {orphans:?}"
    );
}
