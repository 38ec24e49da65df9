-- A sample campaign runs only the first sample_runs of the runs it selects, to give a later estimate durations to
-- go on; the other runs are recorded CANCELLED, so the campaign's size is known too. Null: every run.
alter table campaign add column sample_runs integer;
