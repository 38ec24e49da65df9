-- A campaign: one build of a project, one ini configuration and a run filter, expanded into runs.
create table campaign (
    id                  varchar(36)   primary key,
    cluster             varchar(128)  not null,
    repo_url            text          not null,
    ref                 text,
    workdir             text,
    ini_file            text,
    config              varchar(256)  not null,
    run_filter          text,
    sim_args            text,
    base_image          text,
    build_command       text,
    run_command         text          not null,
    max_parallel        integer       not null,
    retries             integer       not null,
    run_timeout_seconds integer       not null,
    cpus_per_run        double precision not null,
    docker_host         text,
    docker_tls          boolean       not null default false,
    registry            text,
    status              varchar(16)   not null,
    error               text,
    build_id            varchar(64),
    commit_sha          varchar(64),
    image               text,
    image_workdir       text,
    total_runs          integer       not null default 0,
    worker_generation   integer       not null default 0,
    services_removed    boolean       not null default false,
    submitted_at        timestamptz   not null,
    build_finished_at   timestamptz,
    started_at          timestamptz,
    finished_at         timestamptz
);
create index campaign_status_idx on campaign (status);

-- One run of a campaign: a run number of the configuration, and where it stands.
create table run (
    id            bigserial    primary key,
    campaign_id   varchar(36)  not null references campaign (id) on delete cascade,
    run_number    integer      not null,
    state         varchar(16)  not null,
    attempts      integer      not null default 0,
    budget_used   integer      not null default 0,
    node          varchar(256),
    exit_code     integer,
    started_at    timestamptz,
    finished_at   timestamptz,
    duration_ms   bigint,
    error         text,
    stored_at     timestamptz,
    unique (campaign_id, run_number)
);
create index run_pending_idx on run (campaign_id, run_number) where state = 'PENDING';
create index run_state_idx on run (campaign_id, state);

-- One attempt to run a run: the lease a pilot worker holds while it runs it, then its outcome.
create table attempt (
    id           uuid         primary key,
    run_id       bigint       not null references run (id) on delete cascade,
    campaign_id  varchar(36)  not null,
    run_number   integer      not null,
    number       integer      not null,
    worker       varchar(256),
    started_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    finished_at  timestamptz,
    outcome      varchar(16),
    exit_code    integer,
    duration_ms  bigint,
    upload       varchar(16),
    log_tail     text
);
create index attempt_open_idx on attempt (expires_at) where finished_at is null;
create index attempt_run_idx on attempt (run_id);
