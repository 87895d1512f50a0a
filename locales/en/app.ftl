# Strings the Rust side shows itself (window title, error messages, command line),
# and the error texts the UI picks by error code (`error-<code>`).
app-title = Barg

error-not-found = This article is not in the library.
error-database = The library could not be read or written. Try again; if it keeps happening, restart Barg.
error-invalid-input = This input was not accepted.
error-settings = The settings could not be saved. Try again.
error-io = The file could not be read or written.
error-internal = Something unexpected went wrong. Try again.
