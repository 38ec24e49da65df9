-- Attempts of a run lost to the system (its worker died, its upload could not reach the results service): they
-- do not count against the run's retry budget, up to their own cap.
alter table run add column system_failures integer not null default 0;
