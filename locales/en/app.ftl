# Strings the Rust side shows itself (window title, error messages, command line),
# and the error texts the UI picks by error code (`error-<code>`).
app-title = Barg

error-not-found = This article is not in the library.
error-database = The library could not be read or written. Try again; if it keeps happening, restart Barg.
error-invalid-input = This input was not accepted.
error-settings = The settings could not be saved. Try again.
error-io = The file could not be read or written.
error-unsupported-format = This file format is not supported.
error-too-large = This file is too large to import.
error-internal = Something unexpected went wrong. Try again.

cli-library-unavailable = The library in { $path } could not be opened.
cli-import-summary = { $added } articles added, { $duplicates } duplicates, { $failed } files failed.
cli-import-nothing = No file could be imported.
