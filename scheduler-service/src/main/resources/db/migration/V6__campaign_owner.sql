-- Which scheduler instance looks after a campaign (expansion, workers, tracking, clean-up) and until when; another
-- instance takes the campaign over once the time has passed without renewal (its owner died).
alter table campaign add column owner varchar(160);
alter table campaign add column owner_until timestamptz;
create index campaign_owner_idx on campaign (owner);
