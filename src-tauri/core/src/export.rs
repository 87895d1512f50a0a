//! Exports: the whole library or the bookmarks as Barg's JSON Lines
//! ([`crate::ingest::barg_json`]), and the bookmarks as Netscape bookmark HTML
//! (what every browser imports) or Markdown.

use std::io::Write;

use crate::ingest::barg_json::{self, ExportCounts};
use crate::ingest::IngestError;
use crate::text::escape_html;
use crate::{ArticleFilter, Library, Timestamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Barg's lossless JSON Lines.
    Json,
    /// Netscape bookmark file (bookmarks only).
    Html,
    /// Markdown list (bookmarks only).
    Markdown,
}

/// Writes an export. HTML and Markdown always hold the bookmarks only.
pub fn export(
    library: &Library,
    format: ExportFormat,
    bookmarks_only: bool,
    out: &mut impl Write,
    now: Timestamp,
) -> Result<ExportCounts, IngestError> {
    if format == ExportFormat::Json {
        return barg_json::export(library, out, bookmarks_only, now);
    }
    let mut bookmarks = Vec::new();
    let mut offset = 0;
    loop {
        let page = library.list_articles(&ArticleFilter {
            bookmarked_only: true,
            limit: crate::articles::MAX_PAGE,
            offset,
            ..Default::default()
        })?;
        if page.is_empty() {
            break;
        }
        offset += page.len() as u32;
        for summary in page {
            let url = library.article(summary.id)?.url;
            bookmarks.push((summary, url));
        }
    }
    if format == ExportFormat::Html {
        writeln!(out, "<!DOCTYPE NETSCAPE-Bookmark-file-1>")?;
        writeln!(
            out,
            "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=UTF-8\">"
        )?;
        writeln!(out, "<TITLE>Bookmarks</TITLE>\n<H1>Barg</H1>\n<DL><p>")?;
        for (summary, url) in &bookmarks {
            let mut line = String::from("    <DT><A HREF=\"");
            // Articles without a web address point back into the library.
            escape_html(
                url.as_deref()
                    .unwrap_or(&format!("barg:article/{}", summary.id)),
                &mut line,
            );
            line.push_str(&format!(
                "\" ADD_DATE=\"{}\">",
                summary.bookmarked_at.unwrap_or(0)
            ));
            escape_html(&summary.title, &mut line);
            line.push_str("</A>");
            writeln!(out, "{line}")?;
        }
        writeln!(out, "</DL><p>")?;
    } else {
        writeln!(out, "# Barg bookmarks\n")?;
        for (summary, url) in &bookmarks {
            let title = summary.title.replace(['[', ']'], "");
            match url {
                Some(url) => writeln!(out, "- [{title}](<{url}>) — {}", summary.source_title)?,
                None => writeln!(out, "- {title} — {}", summary.source_title)?,
            }
        }
    }
    out.flush()?;
    Ok(ExportCounts {
        articles: bookmarks.len() as u64,
        bookmarks: bookmarks.len() as u64,
    })
}
