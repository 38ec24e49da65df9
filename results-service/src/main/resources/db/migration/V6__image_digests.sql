-- Provenance that tells two campaigns of the same commit and spec apart: the digests of the image and base image
-- (from build-results) and the version the simulation program reported (from the campaign's STARTED event)
alter table campaign
    add column image_digest      text,
    add column base_image_digest text,
    add column simulator_version text;
