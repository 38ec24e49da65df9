-- Failure classes: why an attempt failed (MODEL_ERROR, TIMEOUT, EXIT_CODE, SYSTEM) and, for a model error,
-- OMNeT++'s message; the class of a run's latest attempt; a campaign's own rules (exit code or output pattern ->
-- RETRY or EXIT) that override the default decision per class.
alter table attempt add column failure_class varchar(16);
alter table attempt add column failure_message text;
alter table run add column failure_class varchar(16);
alter table campaign add column exit_rules jsonb;
