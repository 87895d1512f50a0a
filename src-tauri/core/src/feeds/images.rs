//! The offline image cache. Images in stored articles are downloaded once
//! into a content-addressed folder (`<sha256>` files, so the same picture
//! under two addresses is stored once) with a size budget; the oldest
//! images of unbookmarked articles are evicted first, and images of
//! bookmarked articles never. The reader loads images only from this cache
//! (through the app's own URI scheme), never from the network, so reading
//! works with the network off, images included.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

use super::discover::attribute_value;
use super::fetch::{Fetched, Fetcher};
use super::{blocking, Cancel};
use crate::{Code, Library, LibraryError, Timestamp};

/// Images larger than this are not kept.
pub const MAX_IMAGE_BYTES: usize = 10 * 1024 * 1024;

pub use crate::articles::ImagePolicy;

/// Images fetched at once.
const CONCURRENT_FETCHES: usize = 8;

/// The `src` of every `<img>` in sanitized HTML, in order, once each.
pub fn image_urls(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut urls: Vec<String> = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find("<img").map(|i| at + i) {
        let end = lower[start..].find('>').map_or(lower.len(), |i| start + i);
        if let Some(src) = attribute_value(&html[start..end], "src") {
            if (src.starts_with("http://") || src.starts_with("https://")) && !urls.contains(&src) {
                urls.push(src);
            }
        }
        at = end;
    }
    urls
}

/// `html` with every image pointed at the cache: `src` becomes `prefix`
/// followed by the percent-encoded original address. An image in `missing`
/// (the cache lacks it) loses its `src` for a `data-uncached` mark, so the
/// web view asks for nothing, and the same article once its images came is
/// different HTML (shown anew, the images loaded). No image is ever
/// fetched from the web view.
pub fn point_images_at_cache(
    html: &str,
    prefix: &str,
    missing: &std::collections::HashSet<String>,
) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len() + 64);
    let mut at = 0;
    while let Some(start) = lower[at..].find("<img").map(|i| at + i) {
        let end = lower[start..].find('>').map_or(lower.len(), |i| start + i);
        let tag = &html[start..end];
        out.push_str(&html[at..start]);
        match (tag.find(" src=\""), attribute_value(tag, "src")) {
            (Some(src_at), Some(src)) => {
                let value_start = src_at + 6;
                let value_end = tag[value_start..]
                    .find('"')
                    .map_or(tag.len(), |i| value_start + i);
                if missing.contains(&src) {
                    out.push_str(&tag[..src_at]);
                    out.push_str(" data-uncached=\"\"");
                    out.push_str(tag.get(value_end + 1..).unwrap_or(""));
                } else {
                    out.push_str(&tag[..value_start]);
                    out.push_str(prefix);
                    out.extend(url::form_urlencoded::byte_serialize(src.as_bytes()));
                    out.push_str(&tag[value_end..]);
                }
            }
            _ => out.push_str(tag),
        }
        at = end;
    }
    out.push_str(&html[at..]);
    out
}

/// What one round of image fetching did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImageCounts {
    pub fetched: u64,
    pub already_cached: u64,
    pub failed: u64,
    pub evicted: u64,
}

/// The cache folder and its budget.
#[derive(Debug, Clone)]
pub struct ImageCache {
    dir: PathBuf,
    budget_bytes: u64,
}

impl ImageCache {
    pub fn new(dir: impl Into<PathBuf>, budget_bytes: u64) -> Self {
        Self {
            dir: dir.into(),
            budget_bytes,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path_of(&self, hash: &str) -> PathBuf {
        self.dir.join(&hash[..2]).join(hash)
    }

    /// The cached file and media type of an image address, if cached.
    pub fn lookup(
        &self,
        library: &Library,
        url: &str,
    ) -> Result<Option<(PathBuf, String)>, LibraryError> {
        let found: Option<(String, Option<String>)> = library.read(|conn| {
            Ok(conn
                .prepare_cached(
                    "SELECT hash, mime FROM images WHERE url = ?1 AND hash IS NOT NULL",
                )?
                .query_row([url], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?)
        })?;
        Ok(found.map(|(hash, mime)| {
            (
                self.path_of(&hash),
                mime.unwrap_or_else(|| "application/octet-stream".into()),
            )
        }))
    }

    /// Those of `urls` the cache lacks (the reader offers to fetch them).
    pub fn missing(
        &self,
        library: &Library,
        urls: &[String],
    ) -> Result<std::collections::HashSet<String>, LibraryError> {
        let mut missing = std::collections::HashSet::new();
        for url in urls {
            if self.lookup(library, url)?.is_none() {
                missing.insert(url.clone());
            }
        }
        Ok(missing)
    }

    /// Downloads the images of these articles that the cache lacks, then
    /// keeps the cache within its budget.
    pub async fn fetch_for(
        &self,
        library: &Arc<Library>,
        fetcher: &Arc<Fetcher>,
        articles: Vec<(i64, Vec<String>)>,
        now: Timestamp,
        cancel: &Cancel,
    ) -> Result<ImageCounts, LibraryError> {
        let (cached, missing) = {
            let library = Arc::clone(library);
            blocking(move || library.link_images(&articles)).await?
        };
        let mut counts = ImageCounts {
            already_cached: cached,
            ..ImageCounts::default()
        };
        let slots = Arc::new(tokio::sync::Semaphore::new(CONCURRENT_FETCHES));
        let mut tasks = tokio::task::JoinSet::new();
        for url in missing {
            let (fetcher, cache, cancel, slots) = (
                Arc::clone(fetcher),
                self.clone(),
                cancel.clone(),
                Arc::clone(&slots),
            );
            tasks.spawn(async move {
                let _slot = slots.acquire_owned().await;
                let result = cache.fetch_one(&fetcher, &url, &cancel).await;
                (url, result)
            });
        }
        while let Some(joined) = tasks.join_next().await {
            let Ok((url, result)) = joined else { continue };
            let library = Arc::clone(library);
            match result {
                Ok((hash, mime, size)) => {
                    counts.fetched += 1;
                    blocking(move || {
                        library.record_image(&url, Some((&hash, &mime, size)), None, now)
                    })
                    .await?;
                }
                Err(code) => {
                    counts.failed += 1;
                    blocking(move || library.record_image(&url, None, Some(code), now)).await?;
                }
            }
        }
        counts.evicted = self.evict(library).await?;
        Ok(counts)
    }

    /// Fetches one image into the cache: `(hash, media type, size)` or an
    /// error code.
    async fn fetch_one(
        &self,
        fetcher: &Fetcher,
        url: &str,
        cancel: &Cancel,
    ) -> Result<(String, String, u64), Code> {
        let body = match fetcher.get(url, None, cancel).await {
            Ok(Fetched::Body(body)) => body,
            Ok(Fetched::NotModified) => return Err(Code::HttpStatus),
            Err(error) => return Err(error.code()),
        };
        if body.bytes.len() > MAX_IMAGE_BYTES {
            return Err(Code::TooLarge);
        }
        let Some(mime) = image_type(body.content_type.as_deref(), &body.bytes) else {
            return Err(Code::UnsupportedFormat);
        };
        let hash = format!("{:x}", Sha256::digest(&body.bytes));
        let path = self.path_of(&hash);
        let size = body.bytes.len() as u64;
        let bytes = body.bytes;
        let written = tokio::task::spawn_blocking(move || -> std::io::Result<()> {
            if path.exists() {
                return Ok(());
            }
            let parent = path.parent().unwrap_or(Path::new("."));
            std::fs::create_dir_all(parent)?;
            // Beside, then renamed: a crash never leaves half an image
            // under its hash. Not synced to the disk: a lost image is
            // fetched again.
            let partial = crate::fs::partial_path(&path);
            std::fs::write(&partial, &bytes)?;
            std::fs::rename(&partial, &path)
        })
        .await;
        match written {
            Ok(Ok(())) => Ok((hash, mime, size)),
            _ => Err(Code::Io),
        }
    }

    /// Removes the oldest images of unbookmarked articles until the cache is
    /// within budget; returns how many were removed.
    pub async fn evict(&self, library: &Arc<Library>) -> Result<u64, LibraryError> {
        let library = Arc::clone(library);
        let cache = self.clone();
        blocking(move || {
            let evicted = library.evict_images(cache.budget_bytes)?;
            let mut removed = 0;
            for hash in evicted {
                if std::fs::remove_file(cache.path_of(&hash)).is_ok() {
                    removed += 1;
                }
            }
            Ok(removed)
        })
        .await
    }
}

/// The media type of image bytes: the server's, when it says image, else
/// sniffed from the first bytes. `None` for anything that is not an image
/// (an HTML error page sent with status 200, for instance). SVG is refused:
/// it can carry script.
fn image_type(content_type: Option<&str>, bytes: &[u8]) -> Option<String> {
    let sniffed = if bytes.starts_with(b"\x89PNG") {
        Some("image/png")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"GIF8") {
        Some("image/gif")
    } else if bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else if bytes.len() > 12 && &bytes[4..12] == b"ftypavif" {
        Some("image/avif")
    } else {
        None
    };
    match (sniffed, content_type) {
        (Some(kind), _) => Some(kind.to_owned()),
        // A declared image type is believed unless the bytes are markup.
        (None, Some(declared))
            if declared.starts_with("image/")
                && !declared.contains("svg")
                && !bytes.trim_ascii_start().starts_with(b"<") =>
        {
            Some(
                declared
                    .split(';')
                    .next()
                    .unwrap_or(declared)
                    .trim()
                    .to_owned(),
            )
        }
        _ => None,
    }
}

impl Library {
    /// Records which images each article shows, in one transaction; returns
    /// how many distinct addresses are cached already and those that are not.
    fn link_images(
        &self,
        articles: &[(i64, Vec<String>)],
    ) -> Result<(u64, Vec<String>), LibraryError> {
        self.write(|tx| {
            let mut seen = std::collections::HashSet::new();
            let (mut cached, mut missing) = (0, Vec::new());
            for (article, urls) in articles {
                for url in urls {
                    tx.prepare_cached(
                        "INSERT INTO article_images (article_id, url) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                    )?
                    .execute(params![article, url])?;
                    if !seen.insert(url.as_str()) {
                        continue;
                    }
                    let is_cached = tx
                        .prepare_cached("SELECT 1 FROM images WHERE url = ?1 AND hash IS NOT NULL")?
                        .exists([url])?;
                    if is_cached {
                        cached += 1;
                    } else {
                        missing.push(url.clone());
                    }
                }
            }
            Ok((cached, missing))
        })
    }

    fn record_image(
        &self,
        url: &str,
        stored: Option<(&str, &str, u64)>,
        error_code: Option<Code>,
        now: Timestamp,
    ) -> Result<(), LibraryError> {
        let (hash, mime, size) = match stored {
            Some((hash, mime, size)) => (Some(hash), Some(mime), size as i64),
            None => (None, None, 0),
        };
        self.write(|tx| {
            tx.execute(
                "INSERT INTO images (url, hash, mime, size, fetched_at, error_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (url) DO UPDATE SET hash = excluded.hash, mime = excluded.mime,
                     size = excluded.size, fetched_at = excluded.fetched_at, error_code = excluded.error_code",
                params![url, hash, mime, size, now, error_code.map(Code::as_str)],
            )?;
            Ok(())
        })
    }

    /// Forgets the oldest images of unbookmarked articles until the cached
    /// bytes fit `budget`; returns the hashes no image uses any more.
    fn evict_images(&self, budget: u64) -> Result<Vec<String>, LibraryError> {
        self.write(|tx| {
            let total: i64 = tx.query_row(
                "SELECT coalesce(sum(size), 0) FROM images WHERE hash IS NOT NULL",
                [],
                |r| r.get(0),
            )?;
            let mut over = total - budget as i64;
            let mut freed = Vec::new();
            if over <= 0 {
                return Ok(freed);
            }
            let candidates: Vec<(String, String, i64)> = tx
                .prepare(
                    "SELECT i.url, i.hash, i.size FROM images i
                     WHERE i.hash IS NOT NULL AND NOT EXISTS (
                         SELECT 1 FROM article_images ai JOIN bookmarks b ON b.article_id = ai.article_id
                         WHERE ai.url = i.url)
                     ORDER BY i.fetched_at, i.url",
                )?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<_, _>>()?;
            for (url, hash, size) in candidates {
                if over <= 0 {
                    break;
                }
                tx.execute("DELETE FROM images WHERE url = ?1", [&url])?;
                let still_used: bool =
                    tx.query_row("SELECT EXISTS (SELECT 1 FROM images WHERE hash = ?1)", [&hash], |r| r.get(0))?;
                if !still_used {
                    freed.push(hash);
                    over -= size;
                }
            }
            Ok(freed)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_found_and_pointed_at_the_cache() {
        let html = r#"<p>متن</p><img src="https://x.example/a.jpg?w=1&amp;h=2" alt="الف"><IMG alt="b" src="http://y.example/b.png"><img src="https://x.example/a.jpg?w=1&amp;h=2">"#;
        assert_eq!(
            image_urls(html),
            vec![
                "https://x.example/a.jpg?w=1&h=2".to_owned(),
                "http://y.example/b.png".to_owned()
            ],
            "each image once, entities decoded"
        );
        let missing = ["http://y.example/b.png".to_owned()].into();
        let pointed = point_images_at_cache(html, "barg-image://localhost/", &missing);
        assert!(
            pointed.contains(r#"<img src="barg-image://localhost/https%3A%2F%2Fx.example%2Fa.jpg%3Fw%3D1%26h%3D2" alt="الف">"#),
            "{pointed}"
        );
        assert!(
            pointed.contains(r#"<IMG alt="b" data-uncached="">"#),
            "an image the cache lacks asks the web view for nothing: {pointed}"
        );
        assert!(
            !pointed.contains("\"https://"),
            "no image is left pointing at the web: {pointed}"
        );
    }

    #[test]
    fn only_real_images_are_kept() {
        assert_eq!(
            image_type(Some("text/html"), b"\x89PNG\r\n").as_deref(),
            Some("image/png")
        );
        assert_eq!(
            image_type(Some("image/svg+xml"), b"<svg onload=x>"),
            None,
            "SVG can carry script"
        );
        assert_eq!(
            image_type(Some("text/html"), b"<html>"),
            None,
            "an error page is not an image"
        );
    }
}
