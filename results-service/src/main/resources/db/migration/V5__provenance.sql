-- Provenance: how a campaign's image was built (from build-requests and build-results) and how each run was made
-- (the simswarm-run.json its runner uploads with the results).
alter table campaign
    add column repo_url           text,
    add column ref                text,
    add column workdir            text,
    add column base_image         text,
    add column build_command      text,
    add column build_id           text,
    add column commit_sha         text,
    add column image              text,
    add column build_cached       boolean,
    add column build_requested_at timestamptz,
    add column build_finished_at  timestamptz;

alter table run add column provenance jsonb;
