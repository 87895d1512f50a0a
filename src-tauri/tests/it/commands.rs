//! The command layer through Tauri's mock runtime: the same commands, state
//! and plugins as the app, called the way the web view calls them.

use barg_app::{run_app, AppState, MAIN_WINDOW};
use barg_core::ops::DataFolder;
use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewUrl, WebviewWindowBuilder};

struct TestApp {
    _app: tauri::App<tauri::test::MockRuntime>,
    window: tauri::WebviewWindow<tauri::test::MockRuntime>,
    _data_dir: tempfile::TempDir,
}

fn start(data_dir: tempfile::TempDir) -> TestApp {
    let app = run_app(mock_builder())
        .build(mock_context(noop_assets()))
        .expect("the app builds on the mock runtime");
    app.manage(AppState::open(DataFolder::new(data_dir.path())).expect("the library opens"));
    let window = WebviewWindowBuilder::new(&app, MAIN_WINDOW, WebviewUrl::default())
        .build()
        .expect("a window");
    TestApp {
        _app: app,
        window,
        _data_dir: data_dir,
    }
}

fn invoke(app: &TestApp, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: tauri::ipc::CallbackFn(0),
        error: tauri::ipc::CallbackFn(1),
        url: "tauri://localhost".parse().expect("a valid URL"),
        body: tauri::ipc::InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(&app.window, request)
        .map(|body| body.deserialize::<Value>().expect("a JSON response"))
}

fn list(app: &TestApp, bookmarked_only: bool) -> Vec<Value> {
    let page = invoke(
        app,
        "list_articles",
        json!({ "filter": { "bookmarkedOnly": bookmarked_only, "limit": 50 } }),
    )
    .expect("list_articles succeeds");
    page.as_array().expect("a list").clone()
}

#[test]
fn the_first_start_lists_the_sample_in_camel_case_json() {
    let app = start(tempfile::tempdir().unwrap());
    let page = list(&app, false);
    assert_eq!(page.len(), 4, "the sample library has four articles");
    let first = &page[0];
    for key in [
        "id",
        "title",
        "titleDir",
        "sourceTitle",
        "publishedAt",
        "fetchedAt",
        "snippet",
        "snippetDir",
        "bookmarked",
    ] {
        assert!(
            first.get(key).is_some(),
            "the UI reads `{key}` from every row: {first}"
        );
    }
    let persian = page
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("رؤسای"))
        .expect("the Persian story");
    assert_eq!(persian["titleDir"], "rtl");
    assert_eq!(persian["bookmarked"], false);
}

#[test]
fn an_article_opens_with_its_safe_html_body_and_direction() {
    let app = start(tempfile::tempdir().unwrap());
    let id = list(&app, false)[0]["id"].clone();
    let article = invoke(&app, "get_article", json!({ "id": id })).expect("get_article succeeds");
    assert_eq!(article["dir"], "rtl", "{article}");
    let body = article["bodyHtml"].as_str().unwrap();
    assert!(
        body.starts_with("<p dir="),
        "the body is HTML paragraphs with their own direction: {body}"
    );
}

#[test]
fn a_missing_article_is_a_coded_error() {
    let app = start(tempfile::tempdir().unwrap());
    let error = invoke(&app, "get_article", json!({ "id": 424242 })).expect_err("no such article");
    assert_eq!(
        error["code"], "not-found",
        "the UI picks error-not-found by this code: {error}"
    );
    assert!(
        error["message"].as_str().is_some_and(|m| !m.is_empty()),
        "a developer-facing message comes along"
    );
    let error = invoke(
        &app,
        "set_bookmark",
        json!({ "id": 424242, "bookmarked": true }),
    )
    .expect_err("no such article");
    assert_eq!(error["code"], "not-found");
}

#[test]
fn bookmarks_set_through_commands_show_in_the_bookmarks_list() {
    let app = start(tempfile::tempdir().unwrap());
    let id = list(&app, false)[2]["id"].clone();
    invoke(
        &app,
        "set_bookmark",
        json!({ "id": id, "bookmarked": true }),
    )
    .expect("bookmarking succeeds");
    let bookmarks = list(&app, true);
    assert_eq!(bookmarks.len(), 1);
    assert_eq!(bookmarks[0]["id"], id);
    assert_eq!(bookmarks[0]["bookmarked"], true);
    invoke(
        &app,
        "set_bookmark",
        json!({ "id": id, "bookmarked": false }),
    )
    .expect("un-bookmarking succeeds");
    assert!(list(&app, true).is_empty(), "the bookmark is gone");
}

#[test]
fn settings_start_persian_and_persist_across_restarts() {
    let library_dir = tempfile::tempdir().unwrap();
    let open_app = || {
        let app = run_app(mock_builder())
            .build(mock_context(noop_assets()))
            .unwrap();
        app.manage(AppState::open(DataFolder::new(library_dir.path())).unwrap());
        let window = WebviewWindowBuilder::new(&app, MAIN_WINDOW, WebviewUrl::default())
            .build()
            .unwrap();
        TestApp {
            _app: app,
            window,
            _data_dir: tempfile::tempdir().unwrap(),
        }
    };
    let app = open_app();
    let settings = invoke(&app, "get_settings", json!({})).expect("get_settings succeeds");
    assert_eq!(
        settings,
        json!({
            "language": "fa", "theme": "system", "repairHalfSpaces": true,
            "fontSize": 18, "lineHeight": 1.9, "textWidth": 42, "digits": "persian",
            "calendar": "jalali", "markReadOnOpen": true, "paneWidths": [220, 380],
            "refreshMinutes": 30, "feedsOffered": false
        }),
        "a first start is Persian, with Persian digits and the Jalali calendar"
    );
    let chosen = json!({
        "language": "en", "theme": "sepia", "repairHalfSpaces": false,
        "fontSize": 22, "lineHeight": 2.0, "textWidth": 60, "digits": "latin",
        "calendar": "gregorian", "markReadOnOpen": false, "paneWidths": [250, 400],
        "refreshMinutes": 0, "feedsOffered": true
    });
    let saved =
        invoke(&app, "set_settings", json!({ "settings": chosen })).expect("set_settings succeeds");
    assert_eq!(saved, chosen, "what was chosen is what is stored");
    drop(app);

    let restarted = open_app();
    let settings = invoke(&restarted, "get_settings", json!({})).expect("get_settings succeeds");
    assert_eq!(settings, chosen, "settings survive a restart");
    let clamped = invoke(
        &restarted,
        "set_settings",
        json!({ "settings": { "fontSize": 200, "lineHeight": 0.1, "paneWidths": [1, 5000] } }),
    )
    .expect("out-of-range numbers are clamped, not refused");
    assert_eq!(
        clamped["fontSize"], 28,
        "the font stops at its largest size"
    );
    assert_eq!(
        clamped["paneWidths"],
        json!([160, 800]),
        "panes stay usable"
    );
}

#[test]
fn bad_settings_input_is_rejected_not_stored() {
    let app = start(tempfile::tempdir().unwrap());
    let result = invoke(
        &app,
        "set_settings",
        json!({ "settings": { "language": "de", "theme": "dark" } }),
    );
    assert!(result.is_err(), "an unknown language is refused");
    let settings = invoke(&app, "get_settings", json!({})).unwrap();
    assert_eq!(settings["language"], "fa", "nothing was stored");
}

#[test]
fn a_damaged_settings_file_falls_back_to_defaults() {
    let data_dir = tempfile::tempdir().unwrap();
    std::fs::write(data_dir.path().join("settings.json"), "{ not json").unwrap();
    let app = start(data_dir);
    let settings = invoke(&app, "get_settings", json!({})).expect("damaged settings never fail");
    assert_eq!(
        (
            &settings["language"],
            &settings["theme"],
            &settings["repairHalfSpaces"]
        ),
        (&json!("fa"), &json!("system"), &json!(true)),
        "the defaults: {settings}"
    );
    let saved = invoke(
        &app,
        "set_settings",
        json!({ "settings": { "language": "en", "theme": "light" } }),
    );
    assert!(
        saved.is_ok(),
        "new settings can be saved over a damaged file: {saved:?}"
    );
}

#[test]
fn search_finds_every_spelling_and_returns_marked_parts() {
    let app = start(tempfile::tempdir().unwrap());
    let result = invoke(
        &app,
        "search",
        json!({ "query": { "text": "رييس جمهور", "limit": 10 } }),
    )
    .expect("search succeeds");
    assert_eq!(result["total"], 3, "{result}");
    let hit = &result["hits"][0];
    assert!(
        hit["article"]["title"].is_string() && hit["score"].is_f64(),
        "{hit}"
    );
    let marked: Vec<&str> = hit["snippetParts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["hit"] == true)
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(!marked.is_empty(), "the snippet marks the hits: {hit}");
    let nothing = invoke(
        &app,
        "search",
        json!({ "query": { "text": "\"(*", "limit": 10 } }),
    )
    .expect("odd input is safe");
    assert_eq!(nothing["total"], 0);
}

#[test]
fn sources_are_listed_with_their_counts() {
    let app = start(tempfile::tempdir().unwrap());
    let sources = invoke(&app, "list_sources", json!({})).expect("list_sources succeeds");
    assert_eq!(
        sources,
        json!([{ "id": 1, "title": "برگ · Barg", "kind": "sample", "articleCount": 4, "unreadCount": 4,
                 "url": null, "siteUrl": null, "folder": null, "lastSuccessAt": null, "lastErrorCode": null,
                 "fetchFullText": true, "route": null, "routeWorked": null, "pending": false,
                 "images": "all", "accountId": null, "titleDir": "rtl" }])
    );
}

#[test]
fn a_persian_article_can_be_read_repaired_or_as_stored() {
    let app = start(tempfile::tempdir().unwrap());
    let page = list(&app, false);
    let id = page
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("رؤسای"))
        .unwrap()["id"]
        .clone();
    let stored = invoke(&app, "get_article", json!({ "id": id, "repair": false })).unwrap();
    let repaired = invoke(&app, "get_article", json!({ "id": id, "repair": true })).unwrap();
    assert!(
        stored["title"].as_str().unwrap().contains("دقیقهای"),
        "as stored: {}",
        stored["title"]
    );
    assert!(
        repaired["title"]
            .as_str()
            .unwrap()
            .contains("دقیقه\u{200C}ای"),
        "repaired: {}",
        repaired["title"]
    );
    let body = repaired["bodyHtml"].as_str().unwrap();
    assert!(
        body.contains("رئیس\u{200C}جمهور") && body.contains("<p dir=\"rtl\">"),
        "markup intact, text repaired: {body}"
    );
    let again = invoke(&app, "get_article", json!({ "id": id })).unwrap();
    assert_eq!(
        again["title"], stored["title"],
        "repair never changes what is stored"
    );
}

#[test]
fn exports_write_the_chosen_file() {
    let app = start(tempfile::tempdir().unwrap());
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("library.jsonl");
    let report = invoke(
        &app,
        "export_library",
        json!({ "format": "json", "bookmarksOnly": false, "path": path }),
    )
    .expect("export succeeds");
    assert_eq!(report["articles"], 4);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap().lines().count(),
        6,
        "header, one source, four articles"
    );
    let bad = invoke(
        &app,
        "export_library",
        json!({ "format": "json", "bookmarksOnly": false, "path": "/no/such/dir/x.jsonl" }),
    );
    assert_eq!(
        bad.unwrap_err()["code"],
        "io",
        "an unwritable place is an io error"
    );
}
