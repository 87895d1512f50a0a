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
article-unread = نخوانده
article-bookmarked = نشانک‌دار
unread-empty = مقالهٔ نخوانده‌ای نمانده است. مقاله‌های تازه تا وقتی خوانده نشده‌اند اینجا می‌مانند.
source-empty = این منبع مقاله‌ای ندارد.

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
# The Jalali date filters (when the calendar is Jalali): an example day, year
# first, shown as the field's placeholder in the chosen digits.
search-day-example = ۱۴۰۵/۰۹/۱۳
search-day-unreadable = این تاریخ خوانده نشد. سال، ماه و روز را این‌گونه بنویسید: { $example }
search-day-after-max = این روز پس از «تا تاریخ» ({ $date }) است.
search-day-before-min = این روز پیش از «از تاریخ» ({ $date }) است.

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
reader-repair-why-mi = «{ $word }»: پیشوند «می» یا «نمی» پیش از فعل با نیم‌فاصله می‌آید.
reader-repair-why-plural = «{ $word }»: نشانهٔ جمع «ها» با نیم‌فاصله به واژه می‌پیوندد.
reader-repair-why-suffix = «{ $word }»: پسوندی مانند «ای»، «ام» یا «اند» پس از «ه» یا «ی» پایانی با نیم‌فاصله می‌آید.
reader-repair-why-comparative = «{ $word }»: «تر» و «ترین» با نیم‌فاصله به صفت می‌پیوندند.
reader-repair-why-compound = «{ $word }»: یک واژهٔ مرکب است که با نیم‌فاصله نوشته می‌شود.
reader-repair-from-lexicon = (از واژه‌نامه)
reader-repair-from-rule = (از قاعده)
reader-repair-why-close = بستن

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

## Panes: sources and smart lists, article list, reader

sources-label = منبع‌ها و فهرست‌ها
sources-title = منبع‌ها
smart-all = همهٔ مقاله‌ها
smart-unread = نخوانده‌ها
smart-bookmarks = نشانک‌ها
sources-unread-count = { $count } نخوانده
back-to-sources = منبع‌ها
pane-reader = مقاله
splitter-sources = تغییر پهنای ستون منبع‌ها
splitter-list = تغییر پهنای فهرست مقاله‌ها

## Reader (more)

reader-close = بستن مقاله
reader-empty = مقاله‌ای را برگزینید تا اینجا خوانده شود.
reader-empty-hint = برای دیدن میان‌برهای صفحه‌کلید، کلید ؟ را بزنید.
reader-mark-read = علامت‌گذاری به‌عنوان خوانده‌شده
reader-mark-unread = علامت‌گذاری به‌عنوان نخوانده
reader-open-original = باز کردن نسخهٔ اصلی در مرورگر
# Persian counts take the singular noun: «۵ دقیقه مطالعه».
reader-reading-time = { $minutes ->
    [0] کمتر از یک دقیقه مطالعه
   *[other] { $minutes } دقیقه مطالعه
}

## Settings (more)

settings-interface = رابط کاربری
settings-reading = خواندن
settings-theme-sepia = کاهی
settings-digits = رقم‌ها
settings-digits-persian = فارسی (۱۲۳)
settings-digits-latin = لاتین (123)
settings-calendar = تقویم
settings-calendar-jalali = هجری شمسی (جلالی)
settings-calendar-gregorian = میلادی
settings-font-size = اندازهٔ متن
settings-line-height = فاصلهٔ سطرها
settings-text-width = پهنای متن
settings-text-width-hint = بیشترین طول هر سطر مقاله، به نویسه.
settings-mark-read = مقاله با باز شدن خوانده‌شده به حساب بیاید

## Keyboard shortcuts

shortcuts-title = میان‌برهای صفحه‌کلید
shortcuts-hint = همین کلیدها با چینش فارسی صفحه‌کلید هم کار می‌کنند.
shortcuts-close = بستن
shortcut-next = مقالهٔ بعدی
shortcut-previous = مقالهٔ قبلی
shortcut-open = باز کردن مقالهٔ انتخاب‌شده
shortcut-bookmark = افزودن یا برداشتن نشانک
shortcut-toggle-read = خوانده یا نخوانده کردن
shortcut-search = جست‌وجو
shortcut-refresh = به‌روزرسانی خوراک‌ها
shortcut-go-all = رفتن به همهٔ مقاله‌ها
shortcut-go-unread = رفتن به نخوانده‌ها
shortcut-go-bookmarks = رفتن به نشانک‌ها
shortcut-help = نمایش این فهرست

## Dialogs

dialog-cancel = انصراف

## Feeds: subscriptions in the sources pane

feed-add-button = افزودن اشتراک
feed-add-title = اشتراک تازه
feed-add-url = نشانی خوراک یا وب‌سایت
feed-add-url-hint = نشانی خوراک یا هر صفحه‌ای از آن وب‌سایت را بنویسید؛ برگ خودش خوراک را پیدا می‌کند.
feed-add-folder = پوشه (اختیاری)
feed-add-submit = افزودن
feed-add-running = در حال یافتن خوراک…
# The time is relative («۲ ساعت پیش») or a date («۷ دی ۱۴۰۰»).
source-updated = { $time } به‌روز شد
source-never-updated = هنوز دریافت نشده
source-pending = در انتظار: همین که در دسترس باشد دریافت می‌شود
source-failed = آخرین به‌روزرسانی ناموفق بود:
source-menu = گزینه‌های { $title }
source-refresh = به‌روزرسانی این خوراک
source-rename = تغییر نام
source-move = انتقال به پوشه
source-full-text = دریافت متن کامل مقاله‌ها
source-unsubscribe = لغو اشتراک
source-remove = حذف منبع
source-rename-title = تغییر نام منبع
source-rename-label = نام تازه
source-rename-submit = ذخیره
source-move-title = انتقال «{ $title }» به پوشه
source-move-label = نام پوشه
source-move-hint = یکی از پوشه‌ها را برگزینید یا نام تازه‌ای بنویسید. برای بیرون آوردن از پوشه، این خانه را خالی بگذارید.
source-move-submit = انتقال
source-unsubscribe-title = اشتراک «{ $title }» لغو شود؟
source-remove-title = «{ $title }» حذف شود؟
source-remove-question = مقاله‌هایی که از این منبع در کتابخانه دارید نگه داشته شوند یا پاک شوند؟
source-remove-keep = نگه‌داشتن مقاله‌ها
source-remove-delete = پاک کردن مقاله‌ها

## Feeds: refreshing

sync-button = به‌روزرسانی همهٔ خوراک‌ها
sync-running = در حال به‌روزرسانی خوراک‌ها…
# Persian counts take the singular noun: «۳ از ۱۰ خوراک، ۲۴ مقالهٔ تازه». A comma, not a
# middle dot: beside Persian digits «·» reads as a zero (۰).
sync-progress = { $done } از { $total } خوراک، { $added } مقالهٔ تازه
sync-cancel = لغو
sync-done = به‌روزرسانی خوراک‌ها تمام شد
sync-stopped = به‌روزرسانی خوراک‌ها متوقف شد
sync-counts = { $added } مقالهٔ تازه، { $updated } مقالهٔ به‌روزشده
sync-failed-count = { $failed ->
    [0] همهٔ خوراک‌ها بی‌مشکل دریافت شدند.
   *[other] { $failed } خوراک به‌روز نشد:
}
sync-no-feeds = هنوز مشترک هیچ خوراکی نشده‌اید. با دکمهٔ «افزودن اشتراک» در ستون منبع‌ها شروع کنید.
sync-dismiss = بستن

## Feeds: the starter feeds offered on first start

default-feeds-title = چند خوراک برای شروع
default-feeds-intro = کتابخانهٔ شما هنوز خوراکی ندارد. می‌خواهید مشترک این خوراک‌ها شوید؟ هر کدام را بعداً می‌توانید لغو کنید.
default-feeds-accept = مشترک شدن
default-feeds-running = در حال افزودن…
default-feeds-dismiss = نه، ممنون

## Subscriptions as OPML, and saving a web page

opml-import = درون‌ریزی اشتراک‌ها (OPML)
opml-export = برون‌بری اشتراک‌ها (OPML)
opml-filter-name = فهرست اشتراک‌ها (OPML)
opml-import-done = { $added } اشتراک تازه افزوده شد؛ { $existing } اشتراک از پیش وجود داشت.
opml-export-done = { $feeds } اشتراک در { $path } ذخیره شد.
save-page-button = ذخیرهٔ صفحه
save-page-title = ذخیرهٔ یک صفحهٔ وب
save-page-url = نشانی صفحه
save-page-hint = متن صفحه در کتابخانه ذخیره می‌شود تا بدون اینترنت هم خوانده شود.
save-page-submit = ذخیره
save-page-running = در حال ذخیره…

## Settings: feeds

settings-feeds = خوراک‌ها
settings-refresh-minutes = به‌روزرسانی خودکار
settings-refresh-minutes-hint = خوراک‌ها در پس‌زمینه به‌روز می‌شوند، مگر وقتی رایانه به اینترنت وصل نیست.
settings-refresh-off = خاموش
# Persian counts take the singular noun: «هر ۱۵ دقیقه».
settings-refresh-every-minutes = هر { $minutes } دقیقه
settings-refresh-every-hour = هر ساعت
settings-refresh-every-hours = هر { $hours } ساعت

## Network: the proxy and routes (Settings, and each feed's menu)

settings-network = شبکه
settings-network-intro = جایی که سایت‌ها فیلتر شده‌اند، برگ می‌تواند خوراک‌ها را از راه پراکسی دریافت کند: همان درگاهی که v2rayN، Clash، سایفون یا Tor روی این رایانه باز می‌کند.
settings-proxy-kind = پراکسی
settings-proxy-none = بدون پراکسی
settings-proxy-system = پراکسی سیستم
settings-proxy-manual = نشانی دلخواه
settings-proxy-system-hint = در لینوکس، متغیرهای محیطی HTTP_PROXY، HTTPS_PROXY، ALL_PROXY و NO_PROXY؛ در ویندوز و macOS، تنظیم پراکسی سیستم.
settings-proxy-url = نشانی پراکسی
settings-proxy-url-hint = با http://، https://، socks5:// یا socks5h:// و پس از آن میزبان و درگاه. با socks5h:// نام سایت‌ها را هم خود پراکسی پیدا می‌کند، پس هیچ‌وقت از DNS فیلترینگ پرسیده نمی‌شود.
settings-proxy-user = نام کاربری (اگر پراکسی بخواهد)
settings-proxy-password-note = گذرواژه هیچ‌گاه در تنظیم‌ها نوشته نمی‌شود: پس از ذخیرهٔ پراکسی، آن را در پایین بنویسید تا برگ آن را در انبار گذرواژه‌های سیستم نگه دارد.
settings-proxy-password-missing = برگ گذرواژه‌ای برای این پراکسی ندارد: آن را اینجا بنویسید.
settings-proxy-password-in-session = گذرواژه فقط تا بسته‌شدن برگ نگه داشته می‌شود: این سیستم انبار گذرواژه ندارد، پس برگ بار بعد دوباره آن را می‌پرسد.
settings-proxy-password-in-store = گذرواژه‌ای در انبار گذرواژه‌های سیستم نگه داشته شده است.
settings-proxy-password-keep = نگه‌داشتن گذرواژه
settings-proxy-password = گذرواژهٔ پراکسی
settings-proxy-url-missing = نشانی پراکسی را بنویسید، مانند socks5h://127.0.0.1:1080
settings-proxy-url-scheme = نشانی پراکسی با http://، https://، socks5:// یا socks5h:// آغاز می‌شود، مانند socks5h://127.0.0.1:1080
settings-proxy-url-password = گذرواژه را در نشانی ننویسید: پس از ذخیرهٔ پراکسی، آن را در جای خودش بنویسید.
settings-route-policy = مسیرها
settings-route-iran = ایران: سایت‌های ایرانی مستقیم، بقیه از راه پراکسی
settings-route-all-proxy = همه از راه پراکسی
settings-route-direct = همه مستقیم، بدون پراکسی
settings-route-auto = خودکار: مستقیم، و هر جا فیلتر بود از راه پراکسی
settings-route-policy-hint = برای خوراک‌هایی که مسیر جداگانه‌ای ندارند. مسیر هر خوراک را از منوی آن در ستون منبع‌ها می‌توانید تعیین کنید.
settings-route-no-proxy = پراکسی‌ای تعیین نشده است، پس همهٔ خوراک‌ها مستقیم دریافت می‌شوند.
settings-network-save = ذخیرهٔ تنظیمات شبکه
settings-network-saving = در حال ذخیره…
settings-network-saved = ذخیره شد
settings-network-test-url = آزمودن یک نشانی
settings-network-test = آزمودن
settings-network-testing = در حال آزمودن…
settings-network-test-hint = نشانی را با تنظیمات ذخیره‌شده یک بار مستقیم و یک بار از راه پراکسی امتحان می‌کند.
settings-network-test-unsaved = آزمون با تنظیمات ذخیره‌شده انجام می‌شود: اول تغییرها را ذخیره کنید.
network-way-direct = مستقیم
network-way-proxy = از راه پراکسی
network-way-ok = در دسترس بود
network-way-no-proxy = امتحان نشد: پراکسی‌ای تعیین نشده است
network-route-direct = با تنظیمات ذخیره‌شده، این نشانی مستقیم دریافت می‌شود.
network-route-proxy = با تنظیمات ذخیره‌شده، این نشانی از راه پراکسی دریافت می‌شود.
network-route-auto = با تنظیمات ذخیره‌شده، این نشانی مستقیم دریافت می‌شود و اگر فیلتر باشد، از راه پراکسی.
source-route = مسیر این خوراک
source-route-default = طبق تنظیمات
source-route-direct = مستقیم
source-route-proxy = از راه پراکسی
source-route-auto = خودکار
source-route-worked-direct = آخرین بار مستقیم دریافت شد
source-route-worked-proxy = آخرین بار از راه پراکسی دریافت شد

## Low bandwidth: text only, folder routes, each feed's images, and the
## pages and images the reader fetches one article at a time

settings-text-only = فقط متن
settings-text-only-hint = برای اتصال کند یا گران: به‌روزرسانی فقط خود خوراک‌ها را می‌گیرد، بدون صفحهٔ مقاله‌ها و تصویرها؛ هنگام خواندن هر مقاله، هر وقت بخواهید می‌توانید آن‌ها را بگیرید.
settings-folder-routes = مسیر پوشه‌ها
settings-folder-routes-hint = برای خوراک‌هایی از هر پوشه که مسیر جداگانه‌ای ندارند.
settings-folder-route-default = طبق مسیرهای بالا
source-images = تصویرهای این خوراک
source-images-all = همهٔ تصویرها
source-images-first = نخستین تصویر هر مقاله
source-images-none = بدون تصویر
article-summary-mark = خلاصه
reader-summary-notice = این خلاصه‌ای است که خوراک فرستاده؛ متن کامل مقاله در صفحهٔ آن است.
reader-fetch-page = دریافت متن کامل مقاله
reader-fetching-page = در حال دریافت متن کامل مقاله…
reader-page-failed = متن کامل مقاله دریافت نشد:
reader-load-images = بارگذاری تصویرها ({ $count })
reader-loading-images = در حال بارگذاری تصویرها…
reader-images-failed = تصویرها بارگذاری نشدند:

## Bookmarks: tags, notes and their own search

bookmark-details = برچسب‌ها و یادداشت نشانک
bookmark-tags = برچسب‌ها
bookmark-tags-placeholder = افزودن برچسب…
bookmark-tags-hint = برای افزودن برچسب، کلید Enter یا ویرگول «،» را بزنید.
# Persian counts take the singular noun: «۲۰ برچسب».
bookmark-tags-full = هر نشانک حداکثر { $max } برچسب می‌تواند داشته باشد.
bookmark-tag-remove = برداشتن برچسب «{ $tag }»
bookmark-note = یادداشت
bookmark-note-placeholder = چرا این مقاله را نگه می‌دارید؟ یادداشت کنار نشانک می‌ماند.
bookmark-saving = در حال ذخیره…
bookmark-saved = ذخیره شد
bookmark-tags-title = برچسب‌های نشانک‌ها
bookmark-tag-count = { $count } نشانک
bookmarks-tag-title = نشانک‌های دارای برچسب «{ $tag }»
bookmarks-tag-empty = دیگر هیچ نشانکی این برچسب را ندارد.
bookmarks-search-label = جست‌وجو در نشانک‌ها
bookmarks-search-placeholder = جست‌وجو در نشانک‌ها…
bookmarks-search-results = نشانک‌های پیداشده

## Recovery and notices
recovery-title = برگ نتوانست کتابخانهٔ شما را باز کند
recovery-kept = پرونده همان‌طور که بود نگه داشته شد:
recovery-fresh = آغاز یک کتابخانهٔ تازه
recovery-restore = بازگردانی از پشتیبان…
recovery-backup-filter = پشتیبان‌های برگ
disk-full-notice = دیسک پر است: کمی جا باز کنید. چیزی از دست نرفت؛ وقتی جا باز شود، تغییرها دوباره ذخیره می‌شوند.
read-only-update-title = این کتابخانه اینجا باز نمی‌شود
read-only-update-hint = در درایو یا پوشهٔ این کتابخانه نمی‌شود نوشت و برگ نمی‌تواند آن را همان‌طور که هست بخواند (کتابخانه‌ای که نسخهٔ قدیمی‌تری از برگ ساخته، باید اول به‌روز شود و این کار نوشتن می‌خواهد). چیزی تغییر نکرد. کتابخانه را در پوشه‌ای که می‌شود در آن نوشت کپی کنید و آنجا بازش کنید، یا با همان برگی که آن را ساخته باز کنید.
read-only-notice = این کتابخانه فقط برای خواندن باز است: در درایو یا پوشه‌اش نمی‌شود نوشت. خواندن، جست‌وجو و برون‌بری کار می‌کند؛ نشانک‌ها، خوانده‌شدن‌ها، افزودن پرونده و به‌روزرسانی ذخیره نمی‌شوند.
settings-reset-notice = پروندهٔ تنظیمات خوانده نشد، پس تنظیمات پیش‌فرض به کار رفته است. پروندهٔ آسیب‌دیده کنارش با نام settings.json.damaged نگه داشته شد.
opened-subscribed = مشترک { $added } خوراک شدید؛ مقاله‌هایشان در راه است.
opened-existing = خوراک تازه‌ای برای مشترک شدن نبود: از پیش در منبع‌های شماست.
opened-imported = { $added } مقاله افزوده شد ({ $duplicates } مقاله از پیش در کتابخانه بود).
opened-failed = آنچه در برگ باز شد افزوده نشد.
notice-dismiss = بستن
backup-library = پشتیبان‌گیری از کتابخانه…
restore-library = بازگردانی از پشتیبان…
backup-filter-name = پشتیبان‌های برگ
backup-done = پشتیبان در { $path } ذخیره شد.
restore-done = بازگردانی شد. کتابخانهٔ پیشین با نام { $path } نگه داشته شد.
offline-notice = اتصالی نیست: هیچ خوراکی پاسخ نداد (شبکه قطع است یا پراکسی شما). کتابخانهٔ شما همه‌اش اینجاست؛ برگ خودش دوباره تلاش می‌کند و همین که اتصال برگشت، به‌روز می‌شود.
sync-offline = چیزی دریافت نشد: اتصالی نیست.

## Sync accounts: Settings, Accounts; the accounts in the sources pane and in the sync

settings-accounts = حساب‌های همگام‌سازی
settings-accounts-intro = برگ می‌تواند با حسابی روی یک سرور خوراک‌خوان (FreshRSS، Miniflux، Inoreader و…) همگام شود: اشتراک‌ها، خوانده‌شدن‌ها و نشانک‌ها در برگ و روی سرور یکی می‌مانند. تغییرهایی که بی‌اتصال در برگ می‌دهید نگه داشته می‌شوند و در همگام‌سازی بعدی فرستاده می‌شوند.
accounts-none = هنوز حسابی افزوده نشده است.
accounts-add-title = افزودن حساب
account-kind = نوع حساب
account-kind-greader = رابط Google Reader
account-kind-hint = سرورهای FreshRSS، Miniflux، Inoreader و بسیاری دیگر رابط Google Reader را دارند.
account-kind-fever = رابط Fever (فقط مقاله‌ها، خوانده‌شده‌ها و ذخیره‌شده‌ها)
account-url = نشانی سرور
account-url-hint = برای FreshRSS نشانی API آن، مانند https://rss.example.com/api/greader.php؛ برای Miniflux نشانی خود سرور. حساب Fever: نشانی FreshRSS به ‎/api/fever.php ختم می‌شود.
account-user = نام کاربری
account-password = گذرواژه
account-password-hint = برای FreshRSS گذرواژهٔ API که در نمایهٔ آن تعیین کرده‌اید، نه گذرواژهٔ ورود. برگ گذرواژه را در انبار گذرواژه‌های سیستم نگه می‌دارد، هرگز در کتابخانه.
account-add = افزودن و آزمودن
account-adding = در حال ورود به سرور…
account-added = حساب افزوده شد.
account-password-in-session = گذرواژه فقط تا بسته‌شدن برگ نگه داشته می‌شود: این سیستم انبار گذرواژه ندارد.
account-exists = این حساب از پیش در برگ هست.
account-password-again = دوباره گذرواژه (عوض شده است، یا برگ نتوانست نگهش دارد)
account-password-save = ذخیره و همگام‌سازی
account-last-sync = آخرین همگام‌سازی
account-never-synced = هنوز همگام نشده است
account-feeds = خوراک‌ها
account-pending = تغییرهای فرستاده‌نشده
account-failed = آخرین همگام‌سازی ناموفق بود:
account-sync = همگام‌سازی
account-syncing = در حال همگام‌سازی…
account-subscribe-url = اشتراک خوراکی تازه در این حساب
account-subscribe-hint = نشانی خوراک را بنویسید؛ اشتراک روی سرور ثبت می‌شود و سپس برگ حساب را همگام می‌کند.
account-subscribe-folder = پوشه (اختیاری)
account-subscribe = مشترک شدن
account-subscribing = در حال مشترک شدن…
account-subscribed = مشترک شدید: خوراک در ستون منبع‌ها، زیر این حساب است.
account-remove-question = حذف حساب از برگ چیزی را روی سرور تغییر نمی‌دهد. مقاله‌های خوراک‌های آن نگه داشته شوند (خوراک‌ها به‌صورت منبع‌هایی می‌مانند که دیگر به‌روز نمی‌شوند) یا پاک شوند؟
account-remove-pending = تغییرهایی که هنوز به سرور فرستاده نشده‌اند ({ $count }) از دست می‌روند.
account-remove-keep = حذف و نگه‌داشتن مقاله‌ها
account-remove = حذف همراه با مقاله‌ها
account-group-unknown = حساب همگام‌سازی
account-group-failed = آخرین همگام‌سازی این حساب ناموفق بود:
sync-accounts-running = در حال همگام‌سازی حساب‌ها…
sync-account-failed = حساب { $account } همگام نشد:
source-remove-account-hint = اشتراک این خوراک روی سرور حساب هم در همگام‌سازی بعدی لغو می‌شود.
