//! Files in and out through the window and the system's file dialogs (GTK's,
//! answered with xdotool as a user types a path into them): an import whose
//! articles are then listed and found by search however their words are
//! typed; an export and a backup written where the user said.

use std::path::Path;

use barg_e2e::{Desktop, Result};

/// A real Persian feed (Hossein Derakhshan's weblog, 2005; see the fixtures'
/// SOURCES.md): seven items, written with Arabic yeh (ي) where Persian
/// keyboards type ی.
const FEED: &str =
    "src-tauri/core/tests/fixtures/feeds/persian/pear__XML_Feed_Parser/samples/hoder.xml";
const FEED_ITEMS: i64 = 7;

async fn total_rows(window: &barg_e2e::Window) -> Result<i64> {
    window
        .wait_for_script(
            "the whole list to be known",
            "return document.querySelector('[data-testid=article-list]')?.getAttribute('aria-busy') === 'false'",
        )
        .await?;
    Ok(window
        .eval(
            "return Number(document.querySelector('[data-testid=article-list]').dataset.totalRows)",
        )
        .await?
        .as_i64()
        .unwrap_or(-1))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_a_feed_file_through_the_file_dialog() -> Result<()> {
    let desktop = Desktop::start()?;
    let data_dir = desktop.new_data_dir("import")?;
    let window = desktop.launch(&data_dir).await?;
    window.decline_feed_offer().await?;
    let before = total_rows(&window).await?;

    window.click("[data-testid=import-button]").await?;
    let feed = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(FEED)
        .canonicalize()?;
    desktop.answer_file_dialog(&feed)?;

    window.find("[data-testid=import-summary]").await?;
    window.screenshot("import-summary-fa").await?;
    let summary = window.text_of("[data-testid=import-summary]").await?;
    assert!(
        summary.contains('۷'),
        "the summary counts the seven added items in Persian digits: {summary}"
    );
    assert!(
        window
            .find_all("[data-testid=import-failure]")
            .await?
            .is_empty(),
        "nothing failed: {summary}"
    );
    assert_eq!(
        total_rows(&window).await?,
        before + FEED_ITEMS,
        "the list shows the seven new articles"
    );

    // Typed with Persian ی, the feed's Arabic ي is found and highlighted.
    window
        .find("[data-testid=search-input]")
        .await?
        .send_keys("لینکدونی")
        .await?;
    window
        .wait_for_script(
            "search hits from the imported feed",
            "return document.querySelectorAll('[data-testid=search-hit]').length >= 2",
        )
        .await?;
    let marks = window
        .eval("return [...document.querySelectorAll('[data-testid=search-results] mark')].map(m => m.textContent)")
        .await?;
    let marks: Vec<String> = serde_json::from_value(marks)?;
    assert!(
        marks.iter().any(|m| m.contains("لينکدونی")),
        "the hit is highlighted in its original spelling: {marks:?}"
    );
    window.click("[data-testid=search-hit]").await?;
    window.find("[data-testid=reader-title]").await?;
    let title = window.text_of("[data-testid=reader-title]").await?;
    assert!(
        title.contains("لينکدونی"),
        "the hit opens in the reader: {title}"
    );
    window.screenshot("import-hit-fa").await?;
    window.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_and_back_up_through_the_save_dialog() -> Result<()> {
    let desktop = Desktop::start()?;
    let data_dir = desktop.new_data_dir("export")?;
    let window = desktop.launch(&data_dir).await?;
    window.decline_feed_offer().await?;
    let articles = total_rows(&window).await?;
    let out = desktop.new_data_dir("exports")?;

    let export = out.join("همه.jsonl");
    window.click("[data-testid=export-button]").await?;
    window.click("[data-testid=export-json]").await?;
    desktop.answer_file_dialog(&export)?;
    window.find("[data-testid=export-result]").await?;
    let notice = window.text_of("[data-testid=export-result]").await?;
    let listing: Vec<_> = std::fs::read_dir(&out)?
        .map(|e| e.unwrap().path())
        .collect();
    eprintln!("DEBUG notice={notice:?} listing={listing:?}");
    let lines = std::fs::read_to_string(&export)?;
    assert_eq!(
        lines
            .lines()
            .filter(|l| l.starts_with(r#"{"type":"article""#))
            .count() as i64,
        articles,
        "the export holds every article of the list, at the path typed"
    );

    let backup = out.join("backup.barg");
    window.click("[data-testid=export-button]").await?;
    window.click("[data-testid=backup-library]").await?;
    desktop.answer_file_dialog(&backup)?;
    window.find("[data-testid=backup-result]").await?;
    assert!(
        window
            .find_all("[data-testid=export-result]")
            .await?
            .is_empty(),
        "the export's notice gives way to the backup's"
    );
    let header = read_saved(&backup)?;
    assert!(
        header.starts_with(b"SQLite format 3\0"),
        "the backup is a SQLite file where the user said"
    );
    window.screenshot("backup-done-fa").await?;
    window.quit().await?;
    Ok(())
}

/// The file the app saved at `path`; when there is none, the error names
/// what its folder holds instead.
fn read_saved(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        let folder = path.parent().expect("a saved file is in a folder");
        let held: Vec<_> = std::fs::read_dir(folder)
            .map(|entries| entries.flatten().map(|e| e.file_name()).collect())
            .unwrap_or_default();
        format!(
            "nothing saved at {}: {e}; the folder holds {held:?}",
            path.display()
        )
        .into()
    })
}
