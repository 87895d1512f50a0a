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

## Bookmarks

bookmark-add = Add bookmark
bookmark-remove = Remove bookmark

## Reader

reader-back = Back
reader-author = By { $author }

## Settings

settings-title = Settings
settings-language = Interface language
settings-theme = Theme
settings-theme-light = Light
settings-theme-dark = Dark
settings-theme-system = Follow the system
# Language names are written in their own script in every interface.
language-fa = فارسی
language-en = English
