-- Schema version 5: each feed's network route (NULL: the default for
-- everything, from the network settings) and the way its last successful
-- fetch went, for the feed's menu.
ALTER TABLE sources ADD COLUMN route TEXT CHECK (route IN ('direct', 'proxy', 'auto'));
ALTER TABLE sources ADD COLUMN route_worked TEXT;
