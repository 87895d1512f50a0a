//! A saved web page: the main content extracted (dom_smoothie, which keeps
//! half-spaces and reports the page's direction and language), sanitized.

use super::sanitize::{clean_text, html_to_text, sanitize_html};
use super::IngestError;
use crate::persian::jalali::YearMonthDay;
use crate::text::{detect_direction, Direction};

/// An extracted page.
#[derive(Debug, Clone)]
pub struct Page {
    pub title: String,
    pub author: Option<String>,
    pub published_at: Option<i64>,
    pub language: Option<String>,
    /// Sanitized HTML wrapped in a `<div dir lang>` of the page's direction.
    pub body_html: String,
    pub body_text: String,
}

impl Page {
    /// The page as an article known by `guid` (its address, or the file
    /// it was imported from).
    pub fn into_article(self, guid: String, url: Option<String>) -> crate::NewArticle {
        crate::NewArticle {
            guid,
            url,
            title: self.title,
            author: self.author,
            published_at: self.published_at,
            language: self.language,
            body_html: self.body_html,
            body_text: self.body_text,
        }
    }
}

/// Extracts the article of an HTML page; `url` (if known) resolves links.
pub fn extract(html: &str, url: Option<&str>) -> Result<Page, IngestError> {
    let base = url.and_then(|u| url::Url::parse(u).ok());
    // Only the dependency is guarded (see `feed::parse`).
    let article = super::guard::parse_guarded("page", || {
        let mut readability =
            dom_smoothie::Readability::new(html, base.as_ref().map(url::Url::as_str), None)
                .map_err(|e| IngestError::Malformed(e.to_string()))?;
        readability
            .parse()
            .map_err(|e| IngestError::Malformed(format!("no article found: {e}")))
    })
    .map_err(IngestError::Unreadable)??;
    let clean = sanitize_html(&article.content, base.as_ref());
    let body_text = html_to_text(&clean);
    if body_text.trim().is_empty() {
        return Err(IngestError::Malformed(
            "the page has no article text".into(),
        ));
    }
    // Half of real Persian pages carry no dir: detect it from the text.
    let dir = match article.dir.as_deref() {
        Some("rtl") => Direction::Rtl,
        Some("ltr") => Direction::Ltr,
        _ => detect_direction(&body_text, Direction::Ltr),
    };
    let language = article
        .lang
        .map(|l| l.to_ascii_lowercase())
        // A language tag is letters, digits and hyphens; anything else is
        // not a language (and must not reach an attribute).
        .filter(|l| {
            !l.is_empty()
                && l.len() <= 35
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    let lang_attr = language
        .as_deref()
        .map(|l| format!(" lang=\"{l}\""))
        .unwrap_or_default();
    Ok(Page {
        title: clean_text(&article.title),
        author: article
            .byline
            .map(|b| clean_text(&b))
            .filter(|b| !b.is_empty()),
        published_at: article.published_time.as_deref().and_then(parse_iso8601),
        language,
        body_html: format!("<div dir=\"{}\"{lang_attr}>{clean}</div>", dir.as_str()),
        body_text,
    })
}

/// Unix seconds of an ISO 8601 / RFC 3339 timestamp (`2019-05-17T14:30:00+04:30`);
/// a bare date counts as midnight UTC.
pub fn parse_iso8601(text: &str) -> Option<i64> {
    let text = text.trim();
    let (date, time) = text.split_once(['T', ' ']).unwrap_or((text, "00:00:00Z"));
    let mut d = date.split('-').map(|p| p.parse::<i64>().ok());
    let (year, month, day) = (d.next()??, d.next()??, d.next()??);
    let (clock, offset) = match time.find(['Z', 'z', '+', '-']) {
        Some(at) => (&time[..at], &time[at..]),
        None => (time, "Z"),
    };
    let mut c = clock
        .split(':')
        .map(|p| p.split('.').next().and_then(|p| p.parse::<i64>().ok()));
    let (hour, minute, second) = (
        c.next().flatten()?,
        c.next().flatten().unwrap_or(0),
        c.next().flatten().unwrap_or(0),
    );
    let offset_seconds = match offset.chars().next() {
        Some('+') | Some('-') => {
            let sign = if offset.starts_with('-') { -1 } else { 1 };
            let digits: String = offset[1..].chars().filter(char::is_ascii_digit).collect();
            let (h, m) = (
                digits.get(..2)?.parse::<i64>().ok()?,
                digits.get(2..4).unwrap_or("0").parse::<i64>().ok()?,
            );
            sign * (h * 3600 + m * 60)
        }
        _ => 0,
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || year < 1970 {
        return None;
    }
    let days = YearMonthDay {
        year: i32::try_from(year).ok()?,
        month: month as u8,
        day: day as u8,
    }
    .gregorian_unix_days();
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset_seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_timestamps_with_zones() {
        assert_eq!(parse_iso8601("2021-12-28T00:00:00Z"), Some(1_640_649_600));
        assert_eq!(
            parse_iso8601("2021-12-28T03:30:00+03:30"),
            Some(1_640_649_600),
            "Tehran time"
        );
        assert_eq!(parse_iso8601("2021-12-28"), Some(1_640_649_600));
        assert_eq!(
            parse_iso8601("0001-01-01T00:00:00Z"),
            None,
            "the zero date is no date"
        );
        assert_eq!(parse_iso8601("yesterday"), None);
    }
}
