-- Schema version 6: low bandwidth and summaries that do not stay so.

-- Which images of a feed's articles a sync downloads: all, the first of
-- each article, or none (the reader fetches the rest when asked).
ALTER TABLE sources ADD COLUMN images TEXT NOT NULL DEFAULT 'all'
    CHECK (images IN ('all', 'first', 'none'));

-- An article stored with only its feed's summary (its page not yet had):
-- later syncs, and opening it, fetch the page. `page_tries` counts the
-- syncs whose fetch of the page failed; after a few, only the reader asks.
ALTER TABLE articles ADD COLUMN summary_only INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN page_tries INTEGER NOT NULL DEFAULT 0;

-- Feed articles of earlier versions that are as short as a summary and
-- link to a page (a sync replaces a summary only by a longer page).
UPDATE articles SET summary_only = 1
 WHERE url IS NOT NULL AND length(body_text) < 600
   AND source_id IN (SELECT id FROM sources WHERE kind = 'feed');

CREATE INDEX articles_summaries ON articles (source_id, sort_at) WHERE summary_only = 1;
