-- The modification time each file had where it was written (from its tar entry), so that downloads restore it and
-- opp_scavetool finds the .vci indexes up to date; null for files uploaded before it was recorded.
alter table result_file add column modified_at timestamptz;
