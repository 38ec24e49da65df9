-- Events this service has handled, so redeliveries are recognised (see io.simswarm.commons.messaging.ConsumedEvents).
create table consumed_event (
    event_id    uuid        not null,
    consumer    varchar(64) not null,
    consumed_at timestamptz not null,
    primary key (event_id, consumer)
);
