//! End to end, in the real window: a library file that is not a Barg
//! library is never overwritten. Barg says what happened, keeps the file,
//! and starts a fresh library when asked; damaged settings fall back to the
//! defaults with a notice. A library on a drive that cannot be written
//! opens for reading, with a notice that stays.

use barg_e2e::{Desktop, Result};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreadable_library_is_kept_and_a_fresh_one_started() -> Result<()> {
    let desktop = Desktop::start()?;
    let data_dir = desktop.new_data_dir("recovery")?;
    let junk = b"this is somebody's notes, not a Barg library";
    std::fs::write(data_dir.join("library.sqlite"), junk)?;
    std::fs::write(data_dir.join("settings.json"), "{ not json")?;

    let window = desktop.launch(&data_dir).await?;
    window.find("[data-testid=recovery]").await?;
    let reason = window.text_of("[data-testid=recovery-reason]").await?;
    assert!(
        reason.contains("برگ"),
        "the reason is told in Persian: {reason}"
    );
    window.screenshot("recovery-fa").await?;
    assert_eq!(
        std::fs::read(data_dir.join("library.sqlite"))?,
        junk,
        "the file is untouched while Barg asks"
    );

    window.click("[data-testid=recovery-fresh]").await?;
    window.find("[data-testid=article-row]").await?;
    let kept: Vec<_> = std::fs::read_dir(&data_dir)?
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("library.unreadable-")
        })
        .collect();
    assert_eq!(
        kept.len(),
        1,
        "the unreadable file is kept beside the new library"
    );
    assert_eq!(std::fs::read(kept[0].path())?, junk, "byte for byte");
    assert!(
        data_dir.join("settings.json.damaged").exists(),
        "the damaged settings file is kept too"
    );
    window.screenshot("recovered-fa").await?;
    window.quit().await?;

    // The next start opens the new library straight away.
    let window = desktop.launch(&data_dir).await?;
    assert!(
        window.find_all("[data-testid=recovery]").await?.is_empty(),
        "no recovery screen once a library is open"
    );
    window.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn damaged_settings_fall_back_to_defaults_with_a_notice() -> Result<()> {
    let desktop = Desktop::start()?;
    let data_dir = desktop.new_data_dir("damaged-settings")?;
    std::fs::write(
        data_dir.join("settings.json"),
        "{ \"settings\": { \"language\": 42 ",
    )?;
    let window = desktop.launch(&data_dir).await?;
    window.find("[data-testid=settings-reset-notice]").await?;
    assert_eq!(
        window
            .eval_string("return document.documentElement.lang")
            .await?,
        "fa",
        "the defaults are in use"
    );
    window.screenshot("settings-reset-fa").await?;
    window.quit().await?;
    Ok(())
}

/// A library made by a first start of the window on `mount`, closed again.
async fn library_made_on(
    desktop: &Desktop,
    mount: &crate::mount::TmpMount,
) -> Result<std::path::PathBuf> {
    let data_dir = mount.path().join("barg");
    std::fs::create_dir_all(&data_dir)?;
    let window = desktop.launch(&data_dir).await?;
    window.find("[data-testid=article-row]").await?;
    window.quit().await?;
    Ok(data_dir)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_library_on_a_read_only_drive_opens_for_reading_with_a_notice() -> Result<()> {
    let Some(mount) = crate::mount::TmpMount::new(20) else {
        return Ok(());
    };
    let desktop = Desktop::start()?;
    // A library made as usual (the sample and the settings), then the
    // drive it is on becomes read-only (a backup drive, a snapshot).
    let data_dir = library_made_on(&desktop, &mount).await?;
    mount.remount_read_only();

    let window = desktop.launch(&data_dir).await?;
    assert!(
        window.find_all("[data-testid=recovery]").await?.is_empty(),
        "a healthy library that cannot be written is not a recovery case"
    );
    let rows = window.find_all("[data-testid=article-row]").await?;
    assert!(!rows.is_empty(), "the articles are listed");
    let notice = window.text_of("[data-testid=read-only-notice]").await?;
    assert!(
        notice.contains("فقط برای خواندن"),
        "a notice in Persian says the library is open for reading only: {notice}"
    );
    window.screenshot("read-only-fa").await?;
    window.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_is_one_notice_that_goes_once_there_is_room() -> Result<()> {
    let Some(mount) = crate::mount::TmpMount::new(4) else {
        return Ok(());
    };
    let desktop = Desktop::start()?;
    let data_dir = library_made_on(&desktop, &mount).await?;
    let filler = mount.fill();

    let window = desktop.launch(&data_dir).await?;
    assert!(
        window.find_all("[data-testid=recovery]").await?.is_empty(),
        "a full disk is not a recovery case: the library opens"
    );
    assert!(
        !window
            .find_all("[data-testid=article-row]")
            .await?
            .is_empty(),
        "the articles are listed"
    );
    let notice = window.text_of("[data-testid=disk-full-notice]").await?;
    assert!(
        notice.contains("دیسک پر است"),
        "the window opens with one notice that the disk is full, before any change is tried: {notice}"
    );
    window.click("[data-testid=bookmark-toggle]").await?;
    assert!(
        window.find_all("[data-testid=error]").await?.is_empty(),
        "a change refused for want of space is the notice, not an error per action"
    );
    window.screenshot("disk-full-fa").await?;

    std::fs::remove_file(filler)?;
    window
        .wait_for_script(
            "the notice to go by itself once space is freed",
            "return !document.querySelector('[data-testid=disk-full-notice]');",
        )
        .await?;
    window.click("[data-testid=bookmark-toggle]").await?;
    window
        .wait_for_script(
            "the bookmark to be stored without a restart",
            "const b = document.querySelector('[data-testid=bookmark-toggle]'); return b && b.getAttribute('data-pressed') === 'true';",
        )
        .await?;
    assert!(
        window
            .find_all("[data-testid=disk-full-notice]")
            .await?
            .is_empty(),
        "the stored change raises no notice"
    );
    window.quit().await?;
    Ok(())
}
