# Strings the Rust side shows itself (window title, error messages, command line),
# and the error texts the UI picks by error code (`error-<code>`).
app-title = برگ

error-not-found = این مقاله در کتابخانه پیدا نشد.
error-database = کتابخانه خوانده یا نوشته نشد. دوباره امتحان کنید؛ اگر تکرار شد، برنامه را دوباره باز کنید.
error-invalid-input = این ورودی پذیرفته نشد.
error-settings = تنظیمات ذخیره نشد. دوباره امتحان کنید.
error-io = فایل خوانده یا نوشته نشد.
error-unsupported-format = قالب این فایل پشتیبانی نمی‌شود.
error-too-large = این فایل یا صفحه برای افزودن بیش از حد بزرگ است. اگر فایل است، آن را به چند فایل کوچک‌تر تقسیم کنید.
error-internal = خطای پیش‌بینی‌نشده‌ای رخ داد. دوباره امتحان کنید.
error-network = اتصال به سرور برقرار نشد. اتصال اینترنت را بررسی کنید و دوباره امتحان کنید.
error-timeout = سرور به‌موقع پاسخ نداد. کمی بعد دوباره امتحان کنید.
error-http-status = سرور با خطا پاسخ داد. نشانی را بررسی کنید یا کمی بعد دوباره امتحان کنید.
error-not-a-feed = در این نشانی خوراکی پیدا نشد. نشانی خود خوراک (RSS یا Atom) را امتحان کنید.
error-redirect-loop = این نشانی پشت سر هم به نشانی‌های دیگری هدایت شد. آن را در مرورگر باز کنید و نشانی‌ای را که سرانجام باز می‌شود اینجا بنویسید.
error-cancelled = به‌روزرسانی لغو شد. آنچه تا این لحظه دریافت شده بود نگه داشته شد؛ هر وقت خواستید دوباره به‌روزرسانی کنید.
error-foreign-library = این پرونده کتابخانهٔ برگ نیست (یا آسیب دیده است). برگ به آن دست نزده است.
error-newer-library = این کتابخانه را نسخهٔ تازه‌تری از برگ نوشته است. برگ به آن دست نزده است؛ برای باز کردنش برگ را به‌روز کنید.
error-already-subscribed = مشترک این خوراک هستید. آن را در ستون منبع‌ها پیدا می‌کنید.

cli-library-unavailable = کتابخانهٔ { $path } باز نشد.
cli-sync-summary = { $added } مقالهٔ تازه، { $updated } به‌روزشده، { $unchanged } خوراک بی‌تغییر، { $failed } خوراک ناموفق.
cli-import-summary = { $added } مقاله افزوده شد، { $duplicates } تکراری، { $failed } پرونده ناموفق.
cli-import-nothing = هیچ پرونده‌ای وارد نشد.
