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

## Bookmarks

bookmark-add = افزودن نشانک
bookmark-remove = برداشتن نشانک

## Reader

reader-back = بازگشت
reader-author = نوشتهٔ { $author }

## Settings

settings-title = تنظیمات
settings-language = زبان رابط کاربری
settings-theme = پوسته
settings-theme-light = روشن
settings-theme-dark = تیره
settings-theme-system = هماهنگ با سیستم
# Language names are written in their own script in every interface.
language-fa = فارسی
language-en = English
