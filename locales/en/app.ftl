# Strings the Rust side shows itself (window title, error messages, command line),
# and the error texts the UI picks by error code (`error-<code>`).
app-title = Barg

error-not-found = This article is not in the library.
error-database = The library could not be read or written. Try again; if it keeps happening, restart Barg.
error-invalid-input = This input was not accepted.
error-settings = The settings could not be saved. Try again.
error-io = The file could not be read or written.
error-unsupported-format = This file format is not supported.
error-too-large = This file or page is too large to add. If it is a file, split it into smaller ones.
error-internal = Something unexpected went wrong. Try again.
error-network = The server could not be reached. Check the internet connection and try again.
error-timeout = The server took too long to answer. Try again in a little while.
error-http-status = The server answered with an error. Check the address, or try again later.
error-not-a-feed = No feed was found at this address. Try the address of the feed itself (RSS or Atom).
error-parse = This feed or file could not be read: it is broken in a way Barg's reader does not understand. Nothing else was affected.
error-read-only = This library is on a drive or in a folder that cannot be written, so it is open for reading only: reading, search and export work, changes cannot be saved.
error-disk-full = Your disk is full: free some space. Nothing was lost; this change was not saved.
error-filtered = This site is filtered on this network. Route it through a proxy: set one in Settings, Network, and choose the "Iran" preset or this feed's "proxy" route.
error-proxy-unreachable = The proxy cannot be reached. Check that your proxy program (v2rayN, Clash, Psiphon, Tor…) is running and that its address and port in Settings, Network, are right.
error-proxy-auth = The proxy refused the user name or password. Check them in Settings, Network.
error-account-auth = The sync server refused the user name or password. Check them in Settings, Accounts (for FreshRSS, the API password set in its profile).
error-account-answer = The sync server's answer is not what its API sends (a web page, or a broken answer). Check the account's address: for FreshRSS it ends in /api/greader.php or /api/fever.php.
error-account-unsupported = This kind of account cannot make this change: a Fever server only syncs articles, read and bookmarked. Make it on the server's own site.
error-no-credential-store = No password store answers on this system (GNOME Keyring or KWallet, Keychain, Credential Manager), so Barg cannot keep this password.
error-redirect-loop = This address sent Barg elsewhere too many times. Open it in a browser and paste the address it ends up at.
error-cancelled = The refresh was cancelled. What was fetched so far is kept; refresh again whenever you like.
error-foreign-library = This file is not a Barg library (or it is damaged). Barg has not changed it.
error-newer-library = This library was written by a newer version of Barg. Barg has not changed it; update Barg to open it.
error-already-subscribed = You are already subscribed to this feed. It is in the sources pane.

cli-library-unavailable = The library in { $path } could not be opened.
cli-sync-summary = { $added } new articles, { $updated } updated, { $unchanged } feeds unchanged, { $failed } feeds failed.
cli-import-summary = { $added } articles added, { $duplicates } duplicates, { $failed } files failed.
cli-search-fewer = Showing { $shown } of { $total } matching articles: a search ranks at most { $ranked } of them (the newest, and the newest with the words in their title). Narrow it with --from, --to or --source.
cli-import-some-failed = { $failed ->
    [one] One file could not be imported; the others were.
   *[other] { $failed } files could not be imported; the others were.
}
cli-sync-some-failed = { $failed ->
    [one] One feed could not be refreshed; what the others brought is stored.
   *[other] { $failed } feeds could not be refreshed; what the others brought is stored.
}
cli-read-only = The library can only be read here (its drive or folder cannot be written): reading, search and export work; changes are refused.
cli-import-nothing = No file could be imported.
cli-net-check-failed = Neither way reached this address.
cli-no-credential-store = No credential store answers on this system (a Secret Service such as GNOME Keyring or KWallet, the Keychain, the Credential Manager), so Barg keeps no password. Give it in BARG_PROXY_PASSWORD each time Barg starts.
cli-account-sync-failed = An account could not be synced; its changes wait in the library and are sent on the next sync.
cli-sync-offline = No connection: no feed answered (the network is down, or the proxy is). Your library is as it was; run the sync again once the connection is back.
cli-feed-pending = Subscribed, pending: the address cannot be reached now, so its feed is fetched by the first sync that reaches it.
cli-page-filled = The article's page replaced its summary.
cli-page-not-summary = This article is not a summary: it has its whole text.
cli-page-skipped = Not fetched: text only is on, or the feed fetches no pages.
