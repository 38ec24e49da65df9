-- Clusters, their secrets, the instance-hours they used, the campaigns running on them and the
-- nodes last seen in their swarms.
create table cluster (
    name                  varchar(40)  primary key,
    provider              varchar(16)  not null,
    state                 varchar(16)  not null,
    failure_reason        text,
    workers               integer      not null,
    instance_type         varchar(64),
    manager_instance_type varchar(64),
    region                varchar(32),
    spot                  boolean      not null default false,
    idle_halt_seconds     integer      not null default 0,
    ssh_cidr              varchar(64),
    api_cidr              varchar(64),
    docker_host_override  varchar(255),
    elastic_ip            varchar(64),
    idle_since            timestamptz,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null
);

-- Private keys are AES-GCM encrypted (base64 of iv || ciphertext); certificates are PEM.
create table cluster_secret (
    cluster          varchar(40) primary key references cluster (name) on delete cascade,
    ca_cert_pem      text not null,
    ca_key_enc       text not null,
    client_cert_pem  text not null,
    client_key_enc   text not null,
    server_cert_pem  text not null,
    ssh_key_enc      text
);

-- One row per interval an instance was running: opened at launch/start, closed at stop/terminate.
create table instance_usage (
    id             bigserial   primary key,
    cluster        varchar(40) not null,
    instance_id    varchar(32) not null,
    instance_type  varchar(64) not null,
    spot           boolean     not null,
    started_at     timestamptz not null,
    stopped_at     timestamptz
);
create index instance_usage_cluster on instance_usage (cluster);
create unique index instance_usage_open on instance_usage (instance_id) where stopped_at is null;

create table running_campaign (
    campaign_id varchar(64) primary key,
    cluster     varchar(40) not null,
    since       timestamptz not null
);
create index running_campaign_cluster on running_campaign (cluster);

create table known_node (
    cluster    varchar(40) not null,
    node_id    varchar(64) not null,
    hostname   varchar(255),
    state      varchar(16) not null,
    primary key (cluster, node_id)
);
