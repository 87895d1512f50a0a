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
article-bookmarked = Bookmarked
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
# The Jalali date filters (when the calendar is Jalali): an example day, year
# first, shown as the field's placeholder in the chosen digits.
search-day-example = 1405/09/13
search-day-unreadable = Not a date. Write the year, month and day like this: { $example }
search-day-after-max = This is after the “To” date ({ $date }).
search-day-before-min = This is before the “From” date ({ $date }).

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
reader-repair-why-mi = “{ $word }”: the verb prefix می or نمی is written with a half-space before the verb.
reader-repair-why-plural = “{ $word }”: the plural ending ها is joined to its word with a half-space.
reader-repair-why-suffix = “{ $word }”: an ending such as ای, ام or اند after a final ه or ی takes a half-space.
reader-repair-why-comparative = “{ $word }”: تر and ترین are joined to their adjective with a half-space.
reader-repair-why-compound = “{ $word }”: a compound word, written with a half-space.
reader-repair-from-lexicon = (from the lexicon)
reader-repair-from-rule = (by rule)
reader-repair-why-close = Close

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

## Dialogs

dialog-cancel = Cancel

## Feeds: subscriptions in the sources pane

feed-add-button = Add subscription
feed-add-title = New subscription
feed-add-url = Feed or website address
feed-add-url-hint = Type the feed’s address or any page of the website; Barg finds the feed itself.
feed-add-folder = Folder (optional)
feed-add-submit = Add
feed-add-running = Looking for the feed…
# The time is relative ("2 hours ago") or a date ("Dec 28, 2021").
source-updated = Updated { $time }
source-never-updated = Not fetched yet
source-pending = pending: fetched once it can be reached
source-failed = The last refresh failed:
source-menu = Options for { $title }
source-refresh = Refresh this feed
source-rename = Rename
source-move = Move to folder
source-full-text = Fetch full article text
source-unsubscribe = Unsubscribe
source-remove = Remove source
source-rename-title = Rename source
source-rename-label = New name
source-rename-submit = Save
source-move-title = Move “{ $title }” to a folder
source-move-label = Folder name
source-move-hint = Pick a folder or type a new name. Leave it empty to take the feed out of its folder.
source-move-submit = Move
source-unsubscribe-title = Unsubscribe from “{ $title }”?
source-remove-title = Remove “{ $title }”?
source-remove-question = Keep this source’s articles in the library, or delete them?
source-remove-keep = Keep the articles
source-remove-delete = Delete the articles

## Feeds: refreshing

sync-button = Refresh all feeds
sync-running = Refreshing the feeds…
sync-progress = { $done } of { $total ->
    [one] { $total } feed
   *[other] { $total } feeds
} · { $added ->
    [one] { $added } new article
   *[other] { $added } new articles
}
sync-cancel = Cancel
sync-done = Feeds refreshed
sync-stopped = Refresh stopped
sync-counts = { $added ->
    [one] { $added } new article
   *[other] { $added } new articles
} · { $updated } updated
sync-failed-count = { $failed ->
    [0] Every feed was fetched without a problem.
    [one] { $failed } feed could not be refreshed:
   *[other] { $failed } feeds could not be refreshed:
}
sync-no-feeds = You have no subscriptions yet. Start with “Add subscription” in the sources pane.
sync-dismiss = Close

## Feeds: the starter feeds offered on first start

default-feeds-title = A few feeds to start with
default-feeds-intro = Your library has no feeds yet. Subscribe to these? You can unsubscribe from any of them later.
default-feeds-accept = Subscribe
default-feeds-running = Subscribing…
default-feeds-dismiss = No thanks

## Subscriptions as OPML, and saving a web page

opml-import = Import subscriptions (OPML)
opml-export = Export subscriptions (OPML)
opml-filter-name = Subscription list (OPML)
opml-import-done = Added { $added ->
    [one] { $added } subscription
   *[other] { $added } subscriptions
}; { $existing } already there.
opml-export-done = Saved { $feeds ->
    [one] { $feeds } subscription
   *[other] { $feeds } subscriptions
} to { $path }.
save-page-button = Save page
save-page-title = Save a web page
save-page-url = Page address
save-page-hint = The page’s text is saved in the library, to read without a connection.
save-page-submit = Save
save-page-running = Saving…

## Settings: feeds

settings-feeds = Feeds
settings-refresh-minutes = Refresh automatically
settings-refresh-minutes-hint = Feeds refresh in the background, except while the computer is offline.
settings-refresh-off = Off
settings-refresh-every-minutes = Every { $minutes } minutes
settings-refresh-every-hour = Every hour
settings-refresh-every-hours = Every { $hours } hours

## Network: the proxy and routes (Settings, and each feed's menu)

settings-network = Network
settings-network-intro = Where sites are filtered, Barg can fetch feeds through a proxy: the port your v2rayN, Clash, Psiphon or Tor opens on this computer.
settings-proxy-kind = Proxy
settings-proxy-none = No proxy
settings-proxy-system = The system’s proxy
settings-proxy-manual = An address of my own
settings-proxy-system-hint = On Linux, the HTTP_PROXY, HTTPS_PROXY, ALL_PROXY and NO_PROXY environment variables; on Windows and macOS, the system’s proxy setting.
settings-proxy-url = Proxy address
settings-proxy-url-hint = http://, https://, socks5:// or socks5h://, then the host and port. With socks5h:// the proxy also looks up the sites’ names, so the filter’s DNS is never asked.
settings-proxy-user = User name (if the proxy asks for one)
settings-proxy-password-note = The password is never written to the settings: once the proxy is saved, type it below and Barg keeps it in the system’s credential store.
settings-proxy-password-missing = Barg has no password for this proxy: type it here.
settings-proxy-password-in-session = The password is kept only until Barg closes: this system has no credential store, so Barg asks for it again next time.
settings-proxy-password-in-store = A password is kept in the system’s credential store.
settings-proxy-password-keep = Keep password
settings-proxy-password = Proxy password
settings-proxy-url-missing = Enter the proxy’s address, such as socks5h://127.0.0.1:1080.
settings-proxy-url-scheme = A proxy address starts with http://, https://, socks5:// or socks5h://, such as socks5h://127.0.0.1:1080.
settings-proxy-url-password = Leave the password out of the address: type it in its own field once the proxy is saved.
settings-route-policy = Routes
settings-route-iran = Iran: Iranian sites direct, others through the proxy
settings-route-all-proxy = Everything through the proxy
settings-route-direct = Nothing through the proxy
settings-route-auto = Automatic: direct, the proxy where filtered
settings-route-policy-hint = For the feeds without a route of their own. A feed’s own route is in its menu in the sources pane.
settings-route-no-proxy = No proxy is set, so every feed comes directly.
settings-network-save = Save network settings
settings-network-saving = Saving…
settings-network-saved = Saved
settings-network-test-url = Test an address
settings-network-test = Test
settings-network-testing = Testing…
settings-network-test-hint = Tries the address directly and through the proxy, with the saved settings.
settings-network-test-unsaved = The test uses the saved settings: save your changes first.
network-way-direct = Directly
network-way-proxy = Through the proxy
network-way-ok = Reached
network-way-no-proxy = Not tried: no proxy is set
network-route-direct = With the saved settings, this address comes directly.
network-route-proxy = With the saved settings, this address comes through the proxy.
network-route-auto = With the saved settings, this address comes directly, or through the proxy if it is filtered.
source-route = Route for this feed
source-route-default = As in the settings
source-route-direct = Direct
source-route-proxy = Through the proxy
source-route-auto = Automatic
source-route-worked-direct = Last came directly
source-route-worked-proxy = Last came through the proxy

## Low bandwidth: text only, folder routes, each feed's images, and the
## pages and images the reader fetches one article at a time

settings-text-only = Text only
settings-text-only-hint = For a slow or costly connection: refreshes fetch the feeds alone, with no article pages and no images; the reader still fetches them when you ask.
settings-folder-routes = Folder routes
settings-folder-routes-hint = For the feeds in a folder that have no route of their own.
settings-folder-route-default = As the routes above
source-images = Images for this feed
source-images-all = All images
source-images-first = The first image of each article
source-images-none = No images
article-summary-mark = summary
reader-summary-notice = This is the feed’s summary; the whole article is on its page.
reader-fetch-page = Fetch the whole article
reader-fetching-page = Fetching the whole article…
reader-page-failed = The whole article could not be fetched:
reader-load-images = Load images ({ $count })
reader-loading-images = Loading images…
reader-images-failed = The images could not be loaded:

## Bookmarks: tags, notes and their own search

bookmark-details = Bookmark tags and note
bookmark-tags = Tags
bookmark-tags-placeholder = Add a tag…
bookmark-tags-hint = Press Enter or type a comma to add a tag.
bookmark-tags-full = A bookmark can have at most { $max } tags.
bookmark-tag-remove = Remove the tag “{ $tag }”
bookmark-note = Note
bookmark-note-placeholder = Why keep this article? The note stays with the bookmark.
bookmark-saving = Saving…
bookmark-saved = Saved
bookmark-tags-title = Bookmark tags
bookmark-tag-count = { $count ->
    [one] { $count } bookmark
   *[other] { $count } bookmarks
}
bookmarks-tag-title = Bookmarks tagged “{ $tag }”
bookmarks-tag-empty = No bookmark has this tag any more.
bookmarks-search-label = Search the bookmarks
bookmarks-search-placeholder = Search bookmarks…
bookmarks-search-results = Bookmarks found

## Recovery and notices
recovery-title = Barg could not open your library
recovery-kept = The file was kept exactly as it was:
recovery-fresh = Start a fresh library
recovery-restore = Restore a backup…
recovery-backup-filter = Barg backups
disk-full-notice = Your disk is full: free some space. Nothing was lost; changes are saved again once there is room.
read-only-update-title = This library cannot be opened here
read-only-update-hint = Its drive or folder cannot be written, and Barg cannot read it as it is (a library from an earlier Barg must be updated first, which needs a write). Nothing was changed. Copy the library to a folder you can write to and open it there, or open it with the Barg that made it.
read-only-notice = This library is open for reading only: its drive or folder cannot be written. Reading, search and export work; bookmarks, read marks, imports and refreshes cannot be saved.
settings-reset-notice = Your settings file could not be read, so the default settings are in use. The damaged file was kept beside it as settings.json.damaged.
opened-subscribed = { $added ->
    [one] Subscribed to one feed; its articles are on their way.
   *[other] Subscribed to { $added } feeds; their articles are on their way.
}
opened-existing = Nothing new to subscribe to: already in your sources.
opened-imported = { $added } articles imported ({ $duplicates } were already in the library).
opened-failed = What was opened in Barg could not be added.
notice-dismiss = Dismiss
backup-library = Back up the library…
restore-library = Restore from a backup…
backup-filter-name = Barg backups
backup-done = Backed up to { $path }.
restore-done = Restored. The library it replaced was kept as { $path }.
offline-notice = No connection: no feed answered (the network is down, or your proxy is). Your library is all here; Barg tries again by itself and refreshes as soon as the connection is back.
sync-offline = Nothing could be fetched: there is no connection.

## Sync accounts: Settings, Accounts; the accounts in the sources pane and in the sync

settings-accounts = Sync accounts
settings-accounts-intro = Barg can sync with an account on a feed reader server (FreshRSS, Miniflux, Inoreader…): subscriptions, what you have read and your bookmarks stay the same in Barg and on the server. Changes you make in Barg without a connection are kept and sent on the next sync.
accounts-none = No account added yet.
accounts-add-title = Add an account
account-kind = Kind of account
account-kind-greader = Google Reader API
account-kind-hint = FreshRSS, Miniflux, Inoreader and many other servers speak the Google Reader API.
account-kind-fever = Fever API (items, read and saved only)
account-url = Server address
account-url-hint = For FreshRSS, the address of its API, such as https://rss.example.com/api/greader.php; for Miniflux, the server’s own address. A Fever account: FreshRSS’s ends in /api/fever.php.
account-user = User name
account-password = Password
account-password-hint = For FreshRSS, the API password set in its profile, not the one you log in with. Barg keeps the password in the system’s credential store, never in the library.
account-add = Add and test
account-adding = Logging in…
account-added = Account added.
account-password-in-session = The password is kept only until Barg closes: this system has no credential store.
account-exists = This account is already in Barg.
account-password-again = The password again (it changed, or Barg could not keep it)
account-password-save = Save and sync
account-last-sync = Last sync
account-never-synced = Not synced yet
account-feeds = Feeds
account-pending = Changes not yet sent
account-failed = The last sync failed:
account-sync = Sync now
account-syncing = Syncing…
account-subscribe-url = Subscribe this account to a feed
account-subscribe-hint = Type the feed’s address: the server subscribes to it, then Barg syncs the account.
account-subscribe-folder = Folder (optional)
account-subscribe = Subscribe
account-subscribing = Subscribing…
account-subscribed = Subscribed: the feed is in the sources pane, under this account.
account-remove-question = Removing the account from Barg changes nothing on its server. Keep its feeds’ articles (the feeds stay as sources that are no longer refreshed), or delete them?
account-remove-pending = { $count ->
    [one] One change not yet sent to the server is lost.
   *[other] { $count } changes not yet sent to the server are lost.
}
account-remove-keep = Remove, keep the articles
account-remove = Remove with the articles
account-group-unknown = Sync account
account-group-failed = This account’s last sync failed:
sync-accounts-running = Syncing the accounts…
sync-account-failed = { $account } could not be synced:
source-remove-account-hint = Its subscription on the account’s server is also cancelled at the next sync.
