-- One row per build request (REST or Kafka). The table doubles as the work queue shared by all instances:
-- a worker claims a QUEUED row with "for update skip locked" and keeps heartbeat_at fresh while it works.
create table build (
    id               uuid         primary key,
    status           varchar(16)  not null,
    campaign_id      varchar(200),
    request_event_id uuid,
    repo_url         text         not null,
    ref              text,
    workdir          text         not null,
    base_image       text         not null,
    build_command    text         not null,
    docker_host      text         not null,
    registry         text,
    commit_sha       varchar(64),
    spec_hash        varchar(64),
    cache_key        varchar(64),
    image            text,
    image_workdir    text,
    cached           boolean      not null default false,
    error            text,
    claim_id         uuid,
    heartbeat_at     timestamptz,
    attempts         integer      not null default 0,
    created_at       timestamptz  not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    result_sent_at   timestamptz
);

create index build_queued on build (created_at) where status = 'QUEUED';
create index build_commit on build (commit_sha);
create index build_unsent on build (finished_at) where campaign_id is not null and result_sent_at is null;

-- The build log, appended in chunks while the build runs.
create table build_log (
    build_id uuid    not null references build (id) on delete cascade,
    seq      integer not null,
    text     text    not null,
    primary key (build_id, seq)
);

-- Which build makes (or made) the image of a cache key on a Docker engine: the guard that lets identical
-- requests, on any instance, produce exactly one image build.
create table image_claim (
    cache_key   varchar(64) not null,
    docker_host text        not null,
    build_id    uuid        not null references build (id) on delete cascade,
    claimed_at  timestamptz not null,
    primary key (cache_key, docker_host)
);
