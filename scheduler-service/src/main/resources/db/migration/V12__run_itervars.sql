-- The iteration variables of each run as OMNeT++ lists them at expansion (-q runs), in its order:
-- [{"name": "n", "value": "4"}, ...]; null for runs expanded before they were recorded.
alter table run add column itervars jsonb;
