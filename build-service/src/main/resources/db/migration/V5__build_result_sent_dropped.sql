-- Build results are announced through the outbox (V4) in the transaction that records them; the time Kafka
-- acknowledged them is no longer kept here.
drop index if exists build_unsent;
alter table build drop column result_sent_at;
