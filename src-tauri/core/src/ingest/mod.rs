//! Turning outside material into articles. Each format has its own module;
//! [`Library::import_file`] detects the format and stores what it finds, in
//! batches of short write transactions, skipping what the library has.

pub mod barg_json;
pub mod decode;
pub mod feed;
pub(crate) mod guard;
pub mod html;
pub mod plain_text;
pub mod sanitize;

use std::io::{BufRead, BufReader, Read, Seek};
use std::path::Path;

use crate::{Code, InsertOutcome, Library, LibraryError, SourceKind, Timestamp};

/// Files other than streamed formats (plain text, Barg JSON Lines) larger
/// than this are refused: they are parsed whole.
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;

/// Articles stored per write transaction.
const BATCH: usize = 500;

#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    #[error("not a format Barg can import")]
    UnsupportedFormat,
    #[error("the file is too large")]
    TooLarge,
    #[error("the file is damaged: {0}")]
    Malformed(String),
    /// A parser of outside data failed on it unexpectedly (see `guard`).
    #[error("{0}")]
    Unreadable(String),
    #[error(transparent)]
    Library(#[from] LibraryError),
}

impl IngestError {
    pub fn code(&self) -> Code {
        match self {
            IngestError::Io(_) => Code::Io,
            IngestError::UnsupportedFormat => Code::UnsupportedFormat,
            IngestError::TooLarge => Code::TooLarge,
            IngestError::Malformed(_) => Code::InvalidInput,
            IngestError::Unreadable(_) => Code::Parse,
            IngestError::Library(inner) => inner.code(),
        }
    }
}

/// The formats Barg imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    PlainText,
    Html,
    Feed,
    BargJson,
}

/// A file's first bytes, read to tell its format…
const HEAD_BYTES: usize = 4096;
/// …of which this many are looked at for markup (a feed's or page's root
/// element comes early; half of them must be UTF-8 for unknown text).
const SNIFF_BYTES: usize = 2048;

/// Guesses the format from the first bytes (and the file name as a hint).
pub fn detect_format(path: &Path, head: &[u8]) -> Result<Format, IngestError> {
    let text = String::from_utf8_lossy(&head[..head.len().min(SNIFF_BYTES)]).to_ascii_lowercase();
    let text = text.trim_start_matches('\u{FEFF}').trim_start();
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if head.starts_with(&[0x1f, 0x8b]) {
        // Gzip: feeds are the gzipped files met in practice.
        return Ok(Format::Feed);
    }
    if text.starts_with(barg_json::HEADER_START) {
        return Ok(Format::BargJson);
    }
    if text.starts_with('{') && text.contains("jsonfeed.org") {
        return Ok(Format::Feed);
    }
    if text.contains("<rss") || text.contains("<feed") || text.contains("<rdf:rdf") {
        return Ok(Format::Feed);
    }
    if text.contains("<html")
        || text.contains("<!doctype html")
        || text.contains("<body")
        || matches!(extension.as_str(), "html" | "htm")
    {
        return Ok(Format::Html);
    }
    if head.contains(&0) {
        return Err(IngestError::UnsupportedFormat);
    }
    match extension.as_str() {
        "txt" | "text" | "md" | "" => Ok(Format::PlainText),
        "json" | "xml" | "rss" | "atom" => Err(IngestError::Malformed("no feed found".into())),
        _ if std::str::from_utf8(&head[..head.len().min(SNIFF_BYTES / 2)]).is_ok() => {
            Ok(Format::PlainText)
        }
        _ => Err(IngestError::UnsupportedFormat),
    }
}

/// What one import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub added: u64,
    pub duplicates: u64,
}

impl ImportCounts {
    fn count(&mut self, outcomes: &[InsertOutcome]) {
        for outcome in outcomes {
            match outcome {
                InsertOutcome::Added(_) => self.added += 1,
                InsertOutcome::Duplicate(_) => self.duplicates += 1,
            }
        }
    }
}

impl Library {
    /// Imports one file of any supported format. A file that fails adds
    /// nothing it had not already stored; the library stays as it was.
    pub fn import_file(&self, path: &Path, now: Timestamp) -> Result<ImportCounts, IngestError> {
        let mut file = std::fs::File::open(path)?;
        let mut head = vec![0u8; HEAD_BYTES];
        let read = read_up_to(&mut file, &mut head)?;
        head.truncate(read);
        let format = detect_format(path, &head)?;
        file.rewind()?;
        match format {
            Format::PlainText => {
                let encoding = decode::detect_encoding(&head);
                self.import_plain_text(BufReader::new(file), encoding, path, now)
            }
            Format::BargJson => barg_json::import(self, BufReader::new(file), now),
            Format::Html | Format::Feed => {
                let size = file.metadata()?.len();
                if size > MAX_FILE_BYTES {
                    return Err(IngestError::TooLarge);
                }
                let mut bytes = Vec::with_capacity(size as usize);
                file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
                let bytes = decode::gunzip_if_needed(bytes)?;
                let text = decode::decode(&bytes).text;
                if format == Format::Html {
                    self.import_page(&text, path, now)
                } else {
                    self.import_feed_file(&text, path, now)
                }
            }
        }
    }

    /// Streams a text file line by line: memory stays flat however large it is.
    fn import_plain_text(
        &self,
        reader: impl BufRead,
        encoding: &'static encoding_rs::Encoding,
        path: &Path,
        now: Timestamp,
    ) -> Result<ImportCounts, IngestError> {
        let source = self.ensure_well_known(crate::articles::IMPORTED_FILES, now)?;
        let name = path.display().to_string();
        let mut splitter = plain_text::Splitter::default();
        let mut counts = ImportCounts::default();
        let mut batch = Vec::new();
        let mut index = 0;
        let mut to_article = |story: plain_text::TextArticle| {
            index += 1;
            story.into_new_article(format!("{name}#{index}"), None)
        };
        for line in reader.split(b'\n') {
            let line = line?;
            let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&line);
            let (line, _) = encoding.decode_without_bom_handling(line);
            if let Some(story) = splitter.push_line(&line) {
                batch.push(to_article(story));
                if batch.len() >= BATCH {
                    counts.count(&self.add_articles(source, &batch, now)?);
                    batch.clear();
                }
            }
        }
        if let Some(story) = splitter.finish() {
            batch.push(to_article(story));
        }
        counts.count(&self.add_articles(source, &batch, now)?);
        Ok(counts)
    }

    fn import_page(
        &self,
        text: &str,
        path: &Path,
        now: Timestamp,
    ) -> Result<ImportCounts, IngestError> {
        let page = html::extract(text, None)?;
        let source = self.ensure_well_known(crate::articles::SAVED_PAGES, now)?;
        let article = page.into_article(path.display().to_string(), None);
        let mut counts = ImportCounts::default();
        counts.count(&self.add_articles(source, &[article], now)?);
        Ok(counts)
    }

    fn import_feed_file(
        &self,
        text: &str,
        path: &Path,
        now: Timestamp,
    ) -> Result<ImportCounts, IngestError> {
        let parsed = feed::parse(text, None)?;
        let locator = format!("file-feed:{}", path.display());
        let title = parsed.title.unwrap_or_else(|| {
            path.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        });
        let source = self.ensure_source(SourceKind::File, &title, &locator, now)?;
        let mut counts = ImportCounts::default();
        for chunk in parsed.items.chunks(BATCH) {
            counts.count(&self.add_articles(source, chunk, now)?);
        }
        Ok(counts)
    }
}

fn read_up_to(reader: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}
