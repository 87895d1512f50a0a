-- Schema version 5: each feed's network route (NULL: the default for
-- everything, from the network settings) and the way its last successful
-- fetch went, for the feed's menu.
ALTER TABLE sources ADD COLUMN route TEXT CHECK (route IN ('direct', 'proxy', 'auto'));
ALTER TABLE sources ADD COLUMN route_worked TEXT;
-- A feed subscribed while its address could not be reached (offline,
-- filtered, the proxy down): kept with the address as typed, and completed
-- (its feed found, its title taken) by the first sync that reaches it.
ALTER TABLE sources ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;
