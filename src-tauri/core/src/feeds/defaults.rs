//! Real Persian news feeds offered (never forced) on a first start; each can
//! be unsubscribed like any other.

/// (title, feed address, language)
pub const DEFAULT_FEEDS: &[(&str, &str, &str)] = &[
    (
        "بی‌بی‌سی فارسی",
        "https://feeds.bbci.co.uk/persian/rss.xml",
        "fa",
    ),
    ("دویچه‌وله فارسی", "https://rss.dw.com/rdf/rss-per-all", "fa"),
    ("یورونیوز فارسی", "https://parsi.euronews.com/rss", "fa"),
    ("ایسنا", "https://www.isna.ir/rss", "fa"),
    ("ایرنا", "https://www.irna.ir/rss", "fa"),
    ("زومیت", "https://www.zoomit.ir/feed/", "fa"),
];
