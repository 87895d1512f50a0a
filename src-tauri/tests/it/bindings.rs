//! The IPC contract has one source, the Rust wire types: this test writes
//! their TypeScript twins (and the constants the UI shares with Rust) to
//! `ui/src/lib/generated/ipc.ts`, and fails when the committed file was not
//! what it wrote, so a change on one side can never be forgotten on the
//! other. Run `cargo test -p barg --test it bindings` and commit the file.
//! It also checks that the UI calls only commands the app registers, and
//! every one of them.

use std::collections::BTreeSet;

use barg_app::ipc;
use barg_app::settings::{self, Settings};
use strum::IntoEnumIterator;
use ts_rs::TS;

use crate::support::repo;

const GENERATED: &str = "ui/src/lib/generated/ipc.ts";

/// `export type …` for every wire type, then the shared constants.
fn typescript() -> String {
    // IDs, counts and Unix seconds stay far below 2^53: plain numbers.
    let cfg = ts_rs::Config::new().with_large_int("number");
    let types = [
        ipc::CommandError::decl(&cfg),
        ipc::ErrorCode::decl(&cfg),
        ipc::Direction::decl(&cfg),
        ipc::SourceKind::decl(&cfg),
        ipc::ArticleFilter::decl(&cfg),
        ipc::ArticleSummary::decl(&cfg),
        ipc::Article::decl(&cfg),
        ipc::SearchQuery::decl(&cfg),
        ipc::TextPart::decl(&cfg),
        ipc::SearchHit::decl(&cfg),
        ipc::SearchResult::decl(&cfg),
        ipc::Source::decl(&cfg),
        ipc::ImportProgress::decl(&cfg),
        ipc::ImportFailure::decl(&cfg),
        ipc::ImportReport::decl(&cfg),
        ipc::ExportFormat::decl(&cfg),
        ipc::ExportReport::decl(&cfg),
        ipc::SyncProgress::decl(&cfg),
        ipc::SyncFailure::decl(&cfg),
        ipc::SyncReport::decl(&cfg),
        ipc::OpmlImportReport::decl(&cfg),
        ipc::OpmlExportReport::decl(&cfg),
        ipc::SavedPage::decl(&cfg),
        ipc::DefaultFeed::decl(&cfg),
        ipc::TagCount::decl(&cfg),
        ipc::StartupState::decl(&cfg),
        ipc::Route::decl(&cfg),
        ipc::Way::decl(&cfg),
        ipc::ProxyKind::decl(&cfg),
        ipc::RoutePolicy::decl(&cfg),
        ipc::NetworkSettings::decl(&cfg),
        ipc::WayCheck::decl(&cfg),
        ipc::NetworkCheck::decl(&cfg),
        ipc::PasswordKept::decl(&cfg),
        ipc::ImagePolicy::decl(&cfg),
        ipc::PageFetch::decl(&cfg),
        ipc::AccountKind::decl(&cfg),
        ipc::Account::decl(&cfg),
        ipc::AddedAccount::decl(&cfg),
        ipc::AccountSyncResult::decl(&cfg),
        barg_app::open_target::Opened::decl(&cfg),
        settings::Language::decl(&cfg),
        settings::Theme::decl(&cfg),
        settings::Digits::decl(&cfg),
        settings::Calendar::decl(&cfg),
        Settings::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust wire types by src-tauri/tests/it/bindings.rs\n\
         // (`cargo test -p barg --test it bindings`). Do not edit: change the Rust.\n\n",
    );
    for declaration in types {
        out.push_str("export ");
        out.push_str(&declaration);
        out.push_str("\n\n");
    }
    let range = |name: &str, min: f64, max: f64, step: f64| {
        format!(
            "/** [min, max, step] */\nexport const {name} = [{min}, {max}, {step}] as const;\n\n"
        )
    };
    let (font, line, width) = (
        settings::FONT_SIZE_RANGE,
        settings::LINE_HEIGHT_RANGE,
        settings::TEXT_WIDTH_RANGE,
    );
    out.push_str(&range(
        "FONT_SIZE_RANGE",
        font.min.into(),
        font.max.into(),
        font.step.into(),
    ));
    // Through their decimal text: an f32's f64 is 1.399999976…
    let decimal = |x: f32| x.to_string().parse::<f64>().unwrap();
    out.push_str(&range(
        "LINE_HEIGHT_RANGE",
        decimal(line.min),
        decimal(line.max),
        decimal(line.step),
    ));
    out.push_str(&range(
        "TEXT_WIDTH_RANGE",
        width.min.into(),
        width.max.into(),
        width.step.into(),
    ));
    let [[a, b], [c, d]] = settings::PANE_WIDTH_RANGES;
    out.push_str(&format!(
        "/** [min, max] of the sources pane and of the list pane. */\n\
         export const PANE_WIDTH_RANGES = [[{a}, {b}], [{c}, {d}]] as const;\n\n"
    ));
    out.push_str(&format!(
        "export const REFRESH_MINUTES_MAX = {};\n\n",
        settings::REFRESH_MINUTES_MAX
    ));
    let choices = |name: &str, values: Vec<serde_json::Value>, ty: &str| {
        format!(
            "export const {name}: readonly {ty}[] = {};\n\n",
            serde_json::Value::from(values)
        )
    };
    out.push_str(&choices(
        "LANGUAGES",
        wire_names::<settings::Language>(),
        "Language",
    ));
    out.push_str(&choices("THEMES", wire_names::<settings::Theme>(), "Theme"));
    out.push_str(&choices(
        "DIGITS",
        wire_names::<settings::Digits>(),
        "Digits",
    ));
    out.push_str(&choices(
        "CALENDARS",
        wire_names::<settings::Calendar>(),
        "Calendar",
    ));
    out.push_str(&format!(
        "/** What a first start has, and what damaged settings fall back to. */\n\
         export const DEFAULT_SETTINGS: Settings = {};\n\n",
        serde_json::to_string(&Settings::default()).unwrap()
    ));
    out.push_str(&format!(
        "/** Search stops counting matches here. */\nexport const SEARCH_TOTAL_CAP = {};\n",
        barg_core::search::TOTAL_CAP
    ));
    out
}

/// Every value of a settings enum as it crosses IPC.
fn wire_names<T: IntoEnumIterator + serde::Serialize>() -> Vec<serde_json::Value> {
    T::iter()
        .map(|v| serde_json::to_value(v).unwrap())
        .collect()
}

#[test]
fn the_committed_typescript_bindings_are_generated_from_the_rust_types() {
    let path = repo().join(GENERATED);
    let wanted = typescript();
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != wanted {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &wanted).unwrap();
        panic!(
            "{GENERATED} was not generated from the current Rust wire types; \
             it is now: check it (`npm run check` in ui/) and commit it"
        );
    }
}

/// The command names registered with `generate_handler!` in `lib.rs`.
fn registered_commands() -> BTreeSet<String> {
    let lib = std::fs::read_to_string(repo().join("src-tauri/src/lib.rs")).unwrap();
    let start = lib
        .find("generate_handler![")
        .expect("lib.rs registers its commands with generate_handler!");
    let list = &lib[start + "generate_handler![".len()..];
    let list = &list[..list.find(']').unwrap()];
    list.split(',')
        .map(|entry| entry.trim().rsplit("::").next().unwrap_or("").to_owned())
        .filter(|name| !name.is_empty())
        .collect()
}

/// The command names `backend.ts` invokes (`call('name'` / `call<T>('name'`).
fn invoked_commands() -> BTreeSet<String> {
    let backend = std::fs::read_to_string(repo().join("ui/src/lib/backend.ts")).unwrap();
    let call = regex::Regex::new(r#"\bcall(?:<[^>]*>)?\(\s*'([a-z_]+)'"#).unwrap();
    call.captures_iter(&backend)
        .map(|c| c[1].to_owned())
        .collect()
}

#[test]
fn the_ui_calls_exactly_the_commands_the_app_registers() {
    let registered = registered_commands();
    let invoked = invoked_commands();
    assert!(
        registered.len() >= 20 && invoked.len() >= 20,
        "both lists were read: {registered:?} / {invoked:?}"
    );
    let unknown: Vec<_> = invoked.difference(&registered).collect();
    assert!(
        unknown.is_empty(),
        "the UI invokes commands the app does not register (they would fail at run time): {unknown:?}"
    );
    let unused: Vec<_> = registered.difference(&invoked).collect();
    assert!(
        unused.is_empty(),
        "the app registers commands no UI function calls: {unused:?}"
    );
}

#[test]
fn only_backend_ts_talks_to_rust() {
    let ui = repo().join("ui/src");
    let tauri_api = regex::Regex::new(r#"from\s+'@tauri-apps/(api|plugin-[a-z-]+)[^']*'"#).unwrap();
    let mut others = Vec::new();
    for file in crate::support::files_under(&ui, &["ts", "svelte"]) {
        let text = std::fs::read_to_string(&file).unwrap();
        let name = file.strip_prefix(&ui).unwrap().display().to_string();
        if name != "lib/backend.ts" && !name.ends_with(".test.ts") && tauri_api.is_match(&text) {
            others.push(name);
        }
    }
    assert!(
        others.is_empty(),
        "only lib/backend.ts may import Tauri (its calls are the ones checked against the app): {others:?}"
    );
}
