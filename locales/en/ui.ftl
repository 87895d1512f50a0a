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
article-unread = Unread
unread-empty = Nothing unread. New articles stay here until you read them.
source-empty = This source has no articles.

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

## Panes: sources and smart lists, article list, reader

sources-label = Sources and lists
sources-title = Sources
smart-all = All articles
smart-unread = Unread
smart-bookmarks = Bookmarks
sources-unread-count = { $count } unread
back-to-sources = Sources
pane-reader = Article
splitter-sources = Resize the sources pane
splitter-list = Resize the article list

## Reader (more)

reader-close = Close the article
reader-empty = Choose an article to read it here.
reader-empty-hint = Press ? to see the keyboard shortcuts.
reader-mark-read = Mark as read
reader-mark-unread = Mark as unread
reader-open-original = Open the original in the browser
reader-reading-time = { $minutes ->
    [0] Under a minute
   *[other] { $minutes } min read
}

## Settings (more)

settings-interface = Interface
settings-reading = Reading
settings-theme-sepia = Sepia
settings-digits = Digits
settings-digits-persian = Persian (۱۲۳)
settings-digits-latin = Latin (123)
settings-calendar = Calendar
settings-calendar-jalali = Solar Hijri (Jalali)
settings-calendar-gregorian = Gregorian
settings-font-size = Text size
settings-line-height = Line spacing
settings-text-width = Text width
settings-text-width-hint = The longest a line of the article may be, in characters.
settings-mark-read = Mark an article read when it is opened

## Keyboard shortcuts

shortcuts-title = Keyboard shortcuts
shortcuts-hint = The same keys work with the Persian keyboard layout.
shortcuts-close = Close
shortcut-next = Next article
shortcut-previous = Previous article
shortcut-open = Open the selected article
shortcut-bookmark = Add or remove the bookmark
shortcut-toggle-read = Mark read or unread
shortcut-search = Search
shortcut-refresh = Refresh the feeds
shortcut-go-all = Go to all articles
shortcut-go-unread = Go to unread
shortcut-go-bookmarks = Go to bookmarks
shortcut-help = Show this list
