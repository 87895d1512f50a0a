# Strings of the web interface (ui/). Every id here must also be in fa/ui.ftl.

## Navigation

nav-label = Main
nav-library = Library
nav-bookmarks = Bookmarks
nav-settings = Settings

## Article lists

library-title = Library
library-empty = The library is empty. Articles appear here once feeds are fetched.
bookmarks-title = Bookmarks
bookmarks-empty = No bookmarks yet. Bookmark an article to keep it here.
list-loading = Loading…
list-load-more = Show more
list-retry = Try again
article-untitled = Untitled

## Search

search-label = Search the library
search-placeholder = Search…
search-title = Search results
search-count = { $count ->
    [one] { $count } result
   *[other] { $count } results
}
search-count-capped = More than { $count } results
search-empty = Nothing found. Try other words or remove a filter.
search-filters = Filters
search-source = Source
search-source-all = All sources
search-bookmarked = Bookmarked only
search-unread = Unread only
search-from = From
search-to = To

## Import and export

import-button = Import files
import-filter-name = Articles and feeds
import-drop = Drop the files to add them to the library
import-running = Importing…
import-files-done = { $done } of { $total ->
    [one] { $total } file
   *[other] { $total } files
}
import-counts = Added: { $added } · Duplicates: { $duplicates } · Failed: { $failed }
import-done = Import finished
import-failures = These files were not added:
import-dismiss = Close
export-button = Export
export-running = Exporting…
export-json = Whole library (JSON)
export-json-bookmarks = Bookmarks (JSON)
export-html = Bookmarks for browsers (HTML)
export-md = Bookmarks (Markdown)
export-done = Saved { $articles ->
    [one] { $articles } article
   *[other] { $articles } articles
} and { $bookmarks ->
    [one] { $bookmarks } bookmark
   *[other] { $bookmarks } bookmarks
} to { $path }.

## Bookmarks

bookmark-add = Add bookmark
bookmark-remove = Remove bookmark

## Reader

reader-back = Back
reader-author = By { $author }
reader-show-original = Show original

## Settings

settings-title = Settings
settings-language = Interface language
settings-theme = Theme
settings-theme-light = Light
settings-theme-dark = Dark
settings-theme-system = Follow the system
settings-repair = Repair half-spaces
settings-repair-hint = Shows Persian text with lost half-spaces restored, Persian digits and tidy spacing around punctuation. The stored text is never changed.
# Language names are written in their own script in every interface.
language-fa = فارسی
language-en = English
