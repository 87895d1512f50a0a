# Strings the Rust side shows itself (window title, error messages, command line),
# and the error texts the UI picks by error code (`error-<code>`).
app-title = برگ

error-not-found = این مقاله در کتابخانه پیدا نشد.
error-database = کتابخانه خوانده یا نوشته نشد. دوباره امتحان کنید؛ اگر تکرار شد، برنامه را دوباره باز کنید.
error-invalid-input = این ورودی پذیرفته نشد.
error-settings = تنظیمات ذخیره نشد. دوباره امتحان کنید.
error-io = فایل خوانده یا نوشته نشد.
error-unsupported-format = قالب این فایل پشتیبانی نمی‌شود.
error-too-large = این فایل برای افزودن بیش از حد بزرگ است.
error-internal = خطای پیش‌بینی‌نشده‌ای رخ داد. دوباره امتحان کنید.

cli-library-unavailable = کتابخانهٔ { $path } باز نشد.
cli-import-summary = { $added } مقاله افزوده شد، { $duplicates } تکراری، { $failed } پرونده ناموفق.
cli-import-nothing = هیچ پرونده‌ای وارد نشد.
