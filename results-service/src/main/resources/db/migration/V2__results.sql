-- Campaigns this service knows: from campaign-events, or created by the first upload of one of their runs.
create table campaign (
    id          varchar(128) primary key,
    cluster     varchar(255),
    status      varchar(64),
    total_runs  integer      not null default 0,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null
);

-- Every accepted upload gets a new id; a run's rows and files are found through its current upload.
create sequence upload_id_seq;

-- One row per run with results: the pointer to its current upload and what the run header said.
create table run (
    campaign_id       varchar(128) not null references campaign (id),
    run_number        integer      not null,
    upload_id         bigint       not null unique,
    run_id            text,
    config_name       text,
    repetition        integer,
    itervar_names     text[]       not null,
    itervar_values    text[]       not null,
    attributes        jsonb        not null,
    config_entries    jsonb        not null,
    file_count        integer      not null,
    total_bytes       bigint       not null,
    scalar_count      bigint       not null,
    statistic_count   integer      not null,
    vector_count      integer      not null,
    parse_error_count integer      not null,
    uploaded_at       timestamptz  not null,
    primary key (campaign_id, run_number)
);

-- Files of an upload, as stored (path relative to the run's result directory).
create table result_file (
    upload_id bigint  not null,
    path      text    not null,
    size      bigint  not null,
    sha256    char(64) not null,
    primary key (upload_id, path)
);

-- Lines of result files that could not be parsed; the files themselves are stored regardless.
create table parse_error (
    upload_id bigint not null,
    file      text   not null,
    line      bigint not null,
    reason    text   not null
);
create index parse_error_upload on parse_error (upload_id);

-- Names are compared byte-wise (collate "C") so that prefix matches can use the indexes.
create table scalar (
    upload_id  bigint           not null,
    module     text collate "C" not null,
    name       text collate "C" not null,
    value      double precision not null,
    attributes json
);
create index scalar_upload_name on scalar (upload_id, name);

create table statistic (
    upload_id    bigint           not null,
    module       text collate "C" not null,
    name         text collate "C" not null,
    count        double precision,
    mean         double precision,
    stddev       double precision,
    min          double precision,
    max          double precision,
    sum          double precision,
    sqrsum       double precision,
    fields       json             not null,
    attributes   json,
    bin_lower    double precision[],
    bin_count    double precision[]
);
create index statistic_upload_name on statistic (upload_id, name);

-- Module parameters (par lines).
create table parameter (
    upload_id  bigint           not null,
    module     text collate "C" not null,
    name       text collate "C" not null,
    value      text             not null,
    attributes json
);
create index parameter_upload on parameter (upload_id);

-- Vector summaries; the data points stay in the stored .vec file, found again through the byte ranges.
create table vector (
    upload_id     bigint           not null,
    vector_key    text             not null,
    file          text             not null,
    vector_id     integer          not null,
    module        text collate "C" not null,
    name          text collate "C" not null,
    columns       varchar(8)       not null,
    attributes    json,
    count         bigint           not null,
    min           double precision,
    max           double precision,
    mean          double precision,
    stddev        double precision,
    sum           double precision,
    first_time    double precision,
    last_time     double precision,
    first_event   bigint,
    last_event    bigint,
    block_offsets bigint[]         not null,
    block_lengths bigint[]         not null,
    primary key (upload_id, vector_key)
);

-- Uploads replaced by a newer one: their files are deleted once readers had time to finish.
create table superseded_upload (
    upload_id     bigint       primary key,
    campaign_id   varchar(128) not null,
    run_number    integer      not null,
    superseded_at timestamptz  not null
);
