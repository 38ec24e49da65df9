-- Repetitions until a confidence interval is tight: the campaign's targets ("queueingTime:mean ci95<=2%") and the
-- most repetitions a parameter point may get; null for a campaign with a fixed number of repetitions.
alter table campaign add column until jsonb;
alter table campaign add column max_repetitions integer;

-- One parameter point of such a campaign (its iteration variables without the repetition). Its runs are numbered as
-- OMNeT++ numbers them with --repeat=max_repetitions: run_numbers[k + 1] is repetition k. The runs released so far
-- are the rows of run with those numbers; the point is OPEN while more may come, then MET, BUDGET or NO_DATA.
create table point (
    id            bigserial    primary key,
    campaign_id   varchar(36)  not null references campaign (id) on delete cascade,
    position      integer      not null,
    itervars      jsonb        not null,
    run_numbers   integer[]    not null,
    state         varchar(16)  not null,
    measures      jsonb,
    evaluated_at  timestamptz,
    unique (campaign_id, position)
);
create index point_open_idx on point (campaign_id) where state = 'OPEN';
