//! Sources and articles: their types, the well-known sources, the list of
//! sources, and (in `list`) reading articles and their read state. Storing
//! an article is `store`'s.

use rusqlite::params;

mod list;

pub(crate) use list::summary_from_row;

use crate::text::Direction;
use crate::{Code, Library, LibraryError, Timestamp};

/// Where a source's articles come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum SourceKind {
    /// Bundled with the app.
    Sample,
    /// Imported from files.
    File,
    /// Saved web pages.
    Web,
    /// A subscribed feed.
    Feed,
}

impl SourceKind {
    /// The name stored in `sources.kind` (`sample`, `file`, `web`, `feed`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// A source every library may have, known by its locator. Its title is
/// stored in both languages (the interface shows it as stored).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WellKnownSource {
    pub kind: SourceKind,
    pub locator: &'static str,
    pub title: &'static str,
}

/// The articles bundled with Barg.
pub const SAMPLE: WellKnownSource = WellKnownSource {
    kind: SourceKind::Sample,
    locator: "sample:barg",
    title: "برگ · Barg",
};
/// Text files imported one by one.
pub const IMPORTED_FILES: WellKnownSource = WellKnownSource {
    kind: SourceKind::File,
    locator: "file:imported",
    title: "پرونده‌ها · Files",
};
/// Web pages saved from their address or imported as files.
pub const SAVED_PAGES: WellKnownSource = WellKnownSource {
    kind: SourceKind::Web,
    locator: "web:saved",
    title: "صفحه‌های ذخیره‌شده · Saved pages",
};

/// An article about to be stored. `body_html` must already be safe (built by
/// [`crate::text::paragraphs_to_html`] or sanitized).
#[derive(Debug, Clone)]
pub struct NewArticle {
    /// Stable identity within its source (a feed's guid, a file's path…).
    pub guid: String,
    pub url: Option<String>,
    pub title: String,
    pub author: Option<String>,
    pub published_at: Option<Timestamp>,
    pub language: Option<String>,
    pub body_html: String,
    pub body_text: String,
}

/// What happened to an article handed to [`Library::add_article`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertOutcome {
    Added(i64),
    /// Already in the library (same guid in the source, same URL, or same
    /// content); the existing id is given.
    Duplicate(i64),
}

/// One row of an article list.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSummary {
    pub id: i64,
    pub title: String,
    pub title_dir: Direction,
    pub source_title: String,
    /// The direction its source's name reads in ("Blogs on امیررضا قادری" is ltr).
    pub source_title_dir: Direction,
    pub published_at: Option<Timestamp>,
    pub fetched_at: Timestamp,
    /// The first line of the text, cut at a word near 240 characters.
    pub snippet: String,
    pub snippet_dir: Direction,
    pub bookmarked_at: Option<Timestamp>,
    pub source_id: i64,
    pub read: bool,
    /// Only its feed's summary is stored: its page is still to be had.
    pub summary_only: bool,
}

/// One article, as the reader shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub summary: ArticleSummary,
    pub url: Option<String>,
    pub author: Option<String>,
    pub body_html: String,
    pub body_text: String,
    pub dir: Direction,
    pub language: Option<String>,
    /// How far the reader got last time: 0.0 (top) to 1.0 (end).
    pub reading_position: f64,
    /// The bookmark's tags and note (empty when not bookmarked).
    pub tags: Vec<String>,
    pub note: Option<String>,
}

/// A common reading speed for Persian and English prose.
pub const WORDS_PER_MINUTE: u32 = 200;

impl ArticleSummary {
    /// Its Persian title and snippet with lost half-spaces, digits and
    /// punctuation spacing repaired for display, as the reader shows the
    /// article with repair on (left-to-right text is left as it is).
    pub fn repaired(mut self) -> Self {
        if self.title_dir == Direction::Rtl {
            self.title = crate::persian::repair_text(&self.title);
        }
        if self.snippet_dir == Direction::Rtl {
            self.snippet = crate::persian::repair_text(&self.snippet);
        }
        self
    }
}

impl Article {
    /// Minutes to read the body at [`WORDS_PER_MINUTE`], at least one.
    pub fn reading_minutes(&self) -> u32 {
        let words = self.body_text.split_whitespace().count() as u32;
        words.div_ceil(WORDS_PER_MINUTE).max(1)
    }
}

/// Which articles a list shows, and which page of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFilter {
    /// Only bookmarked articles, newest bookmark first.
    pub bookmarked_only: bool,
    /// Only articles not yet read.
    pub unread_only: bool,
    /// Only this source's articles.
    pub source_id: Option<i64>,
    /// Only bookmarks with this tag (with `bookmarked_only`).
    pub tag: Option<String>,
    pub limit: u32,
    pub offset: u32,
}

impl Default for ArticleFilter {
    fn default() -> Self {
        Self {
            bookmarked_only: false,
            unread_only: false,
            source_id: None,
            tag: None,
            limit: 100,
            offset: 0,
        }
    }
}

/// Lists never return more than this many rows at once.
pub const MAX_PAGE: u32 = 500;

pub(crate) const SUMMARY_COLUMNS: &str = "a.id, a.title, s.title, a.published_at, a.fetched_at, \
     substr(a.body_text, 1, 600), b.created_at, a.direction, a.source_id, a.read_at IS NOT NULL, a.summary_only";

/// How many columns [`SUMMARY_COLUMNS`] has; a query's own columns follow.
pub(crate) const SUMMARY_COLUMN_COUNT: usize = 11;

impl Library {
    /// The id of a well-known source, creating it if needed.
    pub fn ensure_well_known(
        &self,
        source: WellKnownSource,
        now: Timestamp,
    ) -> Result<i64, LibraryError> {
        self.ensure_source(source.kind, source.title, source.locator, now)
    }

    /// Returns the id of the source with this `locator`, creating it if needed.
    pub fn ensure_source(
        &self,
        kind: SourceKind,
        title: &str,
        locator: &str,
        now: Timestamp,
    ) -> Result<i64, LibraryError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO sources (kind, title, locator, created_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (locator) DO NOTHING",
                params![kind.as_str(), title, locator, now],
            )?;
            Ok(tx.query_row(
                "SELECT id FROM sources WHERE locator = ?1",
                [locator],
                |r| r.get(0),
            )?)
        })
    }
}

/// Which images of a feed's articles a sync downloads (low bandwidth: the
/// reader fetches the others when asked).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::Display,
)]
#[strum(serialize_all = "kebab-case")]
pub enum ImagePolicy {
    #[default]
    All,
    /// The first image of each article (its picture, usually).
    First,
    None,
}

impl ImagePolicy {
    /// Those of an article's image addresses this policy downloads.
    pub fn pick(self, mut urls: Vec<String>) -> Vec<String> {
        match self {
            ImagePolicy::All => urls,
            ImagePolicy::First => {
                urls.truncate(1);
                urls
            }
            ImagePolicy::None => Vec::new(),
        }
    }
}

/// A source as the source filter lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub id: i64,
    pub title: String,
    pub kind: SourceKind,
    pub article_count: i64,
    pub unread_count: i64,
    /// For feeds: the feed's address.
    pub url: Option<String>,
    pub site_url: Option<String>,
    pub folder: Option<String>,
    pub last_success_at: Option<Timestamp>,
    /// Why the last fetch failed, if it did.
    pub last_error_code: Option<Code>,
    pub fetch_full_text: bool,
    /// A feed's own route (`None`: the network settings' default).
    pub route: Option<crate::network::Route>,
    /// The way the feed's last successful fetch went.
    pub route_worked: Option<crate::network::Way>,
    /// Subscribed while unreachable; fetched by the first sync that reaches it.
    pub pending: bool,
    /// Which of its articles' images a sync downloads.
    pub images: ImagePolicy,
    /// The sync account whose subscription it is (`None`: Barg's own).
    pub account_id: Option<i64>,
    /// The direction its name reads in ("Blogs on امیررضا قادری" is ltr).
    pub title_dir: Direction,
}

impl Library {
    /// Every source with its number of articles, by title.
    pub fn sources(&self) -> Result<Vec<Source>, LibraryError> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT s.id, s.title, s.kind,
                        (SELECT count(*) FROM articles a WHERE a.source_id = s.id),
                        (SELECT count(*) FROM articles a WHERE a.source_id = s.id AND a.read_at IS NULL),
                        CASE WHEN s.kind = 'feed' AND s.account_id IS NULL THEN s.locator END, s.site_url, s.folder,
                        s.last_success_at, s.last_error_code, s.fetch_full_text,
                        s.route, s.route_worked, s.pending, s.images, s.account_id
                 FROM sources s ORDER BY s.folder IS NOT NULL, s.folder, s.title",
            )?;
            let rows = stmt.query_map([], |r| {
                let title: String = r.get(1)?;
                Ok(Source {
                    id: r.get(0)?,
                    title_dir: crate::text::title_direction(&title, Direction::Rtl),
                    title,
                    // A kind this Barg does not know (a later Barg's) is
                    // listed as a file source rather than hiding every source.
                    kind: r
                        .get::<_, String>(2)?
                        .parse()
                        .unwrap_or(SourceKind::File),
                    article_count: r.get(3)?,
                    unread_count: r.get(4)?,
                    url: r.get(5)?,
                    site_url: r.get(6)?,
                    folder: r.get(7)?,
                    last_success_at: r.get(8)?,
                    last_error_code: r.get::<_, Option<String>>(9)?.as_deref().map(Code::from_stored),
                    fetch_full_text: r.get(10)?,
                    route: r.get::<_, Option<String>>(11)?.and_then(|s| s.parse().ok()),
                    route_worked: r.get::<_, Option<String>>(12)?.and_then(|s| s.parse().ok()),
                    pending: r.get(13)?,
                    images: r.get::<_, String>(14)?.parse().unwrap_or_default(),
                    account_id: r.get(15)?,
                })
            })?;
            Ok(rows.collect::<Result<Vec<_>, _>>()?)
        })
    }
}
