-- When the campaign's current worker service was created (read by any scheduler instance).
alter table campaign add column workers_started_at timestamptz;
