-- Who submitted a campaign: the subject of their token (shown as the campaign's owner; the column owner names the
-- scheduler instance looking after it)
alter table campaign add column submitted_by varchar(200);
