//! OPML, the subscription list every reader imports and exports (the `opml`
//! crate). Folders are outlines that hold feed outlines; Barg keeps one
//! level of folders, so deeper ones are named by their path (`A / B`).

use crate::{Code, Library, LibraryError, Timestamp};

/// One feed of an OPML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpmlFeed {
    pub title: String,
    pub url: String,
    pub site_url: Option<String>,
    pub folder: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum OpmlError {
    #[error("not an OPML file: {0}")]
    Malformed(String),
    /// Its parser failed on it unexpectedly.
    #[error("{0}")]
    Unreadable(String),
    #[error(transparent)]
    Library(#[from] LibraryError),
}

impl OpmlError {
    pub fn code(&self) -> Code {
        match self {
            OpmlError::Malformed(_) => Code::InvalidInput,
            OpmlError::Unreadable(_) => Code::Parse,
            OpmlError::Library(inner) => inner.code(),
        }
    }
}

/// What importing an OPML file did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpmlCounts {
    pub added: u64,
    pub existing: u64,
}

/// The feeds of an OPML document.
pub fn parse(text: &str) -> Result<Vec<OpmlFeed>, OpmlError> {
    let text = text.trim_start_matches('\u{feff}');
    let document =
        crate::ingest::guard::parse_guarded("subscription list", || opml::OPML::from_str(text))
            .map_err(OpmlError::Unreadable)?
            .map_err(|e| OpmlError::Malformed(e.to_string()))?;
    let mut feeds = Vec::new();
    collect(&document.body.outlines, None, &mut feeds);
    Ok(feeds)
}

fn collect(outlines: &[opml::Outline], folder: Option<&str>, feeds: &mut Vec<OpmlFeed>) {
    for outline in outlines {
        let name = outline
            .title
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&outline.text)
            .trim();
        match outline
            .xml_url
            .as_deref()
            .and_then(|u| super::normalize_url(u).ok())
        {
            Some(url) => feeds.push(OpmlFeed {
                title: crate::ingest::sanitize::clean_text(if name.is_empty() {
                    &url
                } else {
                    name
                }),
                url,
                site_url: outline.html_url.clone(),
                folder: folder.map(str::to_owned),
            }),
            None => {
                let path = match folder {
                    Some(parent) => format!("{parent} / {name}"),
                    None => name.to_owned(),
                };
                let path = crate::ingest::sanitize::clean_text(&path);
                collect(
                    &outline.outlines,
                    Some(&path).filter(|p| !p.is_empty()).map(String::as_str),
                    feeds,
                );
            }
        }
    }
}

/// An OPML document of these feeds, grouped by folder.
pub fn write(feeds: &[OpmlFeed], title: &str) -> String {
    let mut document = opml::OPML {
        head: Some(opml::Head {
            title: Some(title.to_owned()),
            ..Default::default()
        }),
        ..Default::default()
    };
    let outline_of = |feed: &OpmlFeed| opml::Outline {
        text: feed.title.clone(),
        title: Some(feed.title.clone()),
        r#type: Some("rss".into()),
        xml_url: Some(feed.url.clone()),
        html_url: feed.site_url.clone(),
        ..Default::default()
    };
    let mut folders: Vec<opml::Outline> = Vec::new();
    for feed in feeds {
        match &feed.folder {
            None => document.body.outlines.push(outline_of(feed)),
            Some(folder) => match folders.iter_mut().find(|o| &o.text == folder) {
                Some(outline) => outline.outlines.push(outline_of(feed)),
                None => folders.push(opml::Outline {
                    text: folder.clone(),
                    title: Some(folder.clone()),
                    outlines: vec![outline_of(feed)],
                    ..Default::default()
                }),
            },
        }
    }
    document.body.outlines.extend(folders);
    document.to_string().unwrap_or_else(|_| {
        String::from("<?xml version=\"1.0\"?><opml version=\"2.0\"><head/><body/></opml>")
    })
}

impl Library {
    /// Subscribes to every feed of an OPML document (not fetched yet).
    pub fn import_opml(&self, text: &str, now: Timestamp) -> Result<OpmlCounts, OpmlError> {
        let mut counts = OpmlCounts::default();
        for feed in parse(text)? {
            match self.add_feed(
                &feed.url,
                &feed.title,
                feed.site_url.as_deref(),
                feed.folder.as_deref(),
                now,
            ) {
                Ok(_) => counts.added += 1,
                Err(LibraryError::AlreadySubscribed(_)) => counts.existing += 1,
                Err(other) => return Err(other.into()),
            }
        }
        Ok(counts)
    }

    /// Every subscription as an OPML document.
    pub fn export_opml(&self) -> Result<(String, usize), LibraryError> {
        let feeds: Vec<OpmlFeed> = self
            .sources()?
            .into_iter()
            .filter_map(|s| {
                Some(OpmlFeed {
                    url: s.url?,
                    title: s.title,
                    site_url: s.site_url,
                    folder: s.folder,
                })
            })
            .collect();
        Ok((write(&feeds, "Barg (برگ)"), feeds.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_and_feeds_survive_a_round_trip() {
        let feeds = vec![
            OpmlFeed {
                title: "بی‌بی‌سی فارسی".into(),
                url: "https://feeds.bbci.co.uk/persian/rss.xml".into(),
                site_url: Some("https://www.bbc.com/persian".into()),
                folder: Some("خبر".into()),
            },
            OpmlFeed {
                title: "Blog".into(),
                url: "https://blog.example/feed".into(),
                site_url: None,
                folder: None,
            },
        ];
        let text = write(&feeds, "test");
        let mut back = parse(&text).unwrap();
        back.sort_by(|a, b| a.title.cmp(&b.title));
        let mut expected = feeds.clone();
        expected.sort_by(|a, b| a.title.cmp(&b.title));
        assert_eq!(
            back, expected,
            "titles with half-spaces, folders and addresses come back: {text}"
        );
    }

    #[test]
    fn nested_folders_are_named_by_path_and_junk_is_refused() {
        let text = r#"<?xml version="1.0"?><opml version="1.0"><head/><body>
            <outline text="A"><outline text="B"><outline text="f" xmlUrl="http://f.example/rss"/></outline></outline>
            <outline text="bad" xmlUrl="javascript:alert(1)"/>
        </body></opml>"#;
        let feeds = parse(text).unwrap();
        assert_eq!(feeds.len(), 1, "a script address is no feed: {feeds:?}");
        assert_eq!(feeds[0].folder.as_deref(), Some("A / B"));
        assert!(parse("<html>").is_err(), "a page is not OPML");
    }
}
