-- The estimate made when a campaign was submitted (runs, core-hours with their spread, wall time, cost), kept to be
-- set against what the campaign took once it ends.
alter table campaign add column estimate jsonb;

-- Longest expected first: a run's expected duration (ms) from earlier runs of the same configuration, set when the
-- campaign is expanded; PENDING runs are leased longest first, runs without one after them by number.
alter table run add column expected_ms double precision;
create index run_pending_longest_idx on run (campaign_id, expected_ms desc nulls last, run_number)
    where state = 'PENDING';
