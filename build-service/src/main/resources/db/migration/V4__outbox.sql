-- Events waiting to be sent to Kafka, written in the transaction of the state change they announce
-- (see io.simswarm.commons.messaging.Outbox); the relay deletes each once Kafka has acknowledged it.
create table outbox (
    seq         bigserial     primary key,
    event_id    uuid          not null,
    topic       varchar(128)  not null,
    record_key  varchar(256),
    payload     text          not null,
    created_at  timestamptz   not null default now()
);
