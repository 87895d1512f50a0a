# Strings of the web interface (ui/). Every id here must also be in en/ui.ftl.

## Navigation

nav-label = اصلی
nav-library = کتابخانه
nav-bookmarks = نشانک‌ها
nav-settings = تنظیمات

## Article lists

library-title = کتابخانه
library-empty = کتابخانه خالی است. مقاله‌ها پس از دریافت خوراک‌ها اینجا می‌آیند.
bookmarks-title = نشانک‌ها
bookmarks-empty = هنوز نشانکی نگذاشته‌اید. برای نگه‌داشتن مقاله‌ای در اینجا، آن را نشانک‌گذاری کنید.
list-loading = در حال بارگذاری…
list-load-more = نمایش بیشتر
list-retry = تلاش دوباره
article-untitled = بی‌عنوان

## Search

search-label = جست‌وجو در کتابخانه
search-placeholder = جست‌وجو…
search-title = نتیجه‌های جست‌وجو
# Persian counts take the singular noun: «۱۲ نتیجه».
search-count = { $count } نتیجه
search-count-capped = بیش از { $count } نتیجه
search-empty = چیزی پیدا نشد. واژه‌های دیگری را امتحان کنید یا پالایه‌ای را بردارید.
search-filters = پالایه‌ها
search-source = منبع
search-source-all = همهٔ منبع‌ها
search-bookmarked = فقط نشانک‌دارها
search-unread = فقط نخوانده‌ها
search-from = از تاریخ
search-to = تا تاریخ

## Import and export

import-button = افزودن پرونده‌ها
import-filter-name = مقاله‌ها و خوراک‌ها
import-drop = پرونده‌ها را رها کنید تا به کتابخانه افزوده شوند
import-running = در حال افزودن…
import-files-done = { $done } از { $total } پرونده
import-counts = افزوده: { $added } · تکراری: { $duplicates } · ناموفق: { $failed }
import-done = افزودن پرونده‌ها تمام شد
import-failures = این پرونده‌ها افزوده نشدند:
import-dismiss = بستن
export-button = برون‌بری
export-running = در حال برون‌بری…
export-json = کل کتابخانه (JSON)
export-json-bookmarks = نشانک‌ها (JSON)
export-html = نشانک‌ها برای مرورگر (HTML)
export-md = نشانک‌ها (Markdown)
export-done = { $articles } مقاله و { $bookmarks } نشانک در { $path } ذخیره شد.

## Bookmarks

bookmark-add = افزودن نشانک
bookmark-remove = برداشتن نشانک

## Reader

reader-back = بازگشت
reader-author = نوشتهٔ { $author }
reader-show-original = نمایش متن اصلی

## Settings

settings-title = تنظیمات
settings-language = زبان رابط کاربری
settings-theme = پوسته
settings-theme-light = روشن
settings-theme-dark = تیره
settings-theme-system = هماهنگ با سیستم
settings-repair = اصلاح نیم‌فاصله
settings-repair-hint = متن فارسی با نیم‌فاصله‌های جاافتاده، رقم‌های فارسی و فاصله‌گذاری درست نشانه‌ها نمایش داده می‌شود. متن ذخیره‌شده هرگز تغییر نمی‌کند.
# Language names are written in their own script in every interface.
language-fa = فارسی
language-en = English
