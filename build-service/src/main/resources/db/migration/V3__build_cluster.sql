-- The cluster a build targets (null when the request named only a Docker endpoint or none) and whether that
-- endpoint needs the cluster's client certificates, which the build service fetches from the provisioner.
alter table build add column cluster text;
alter table build add column docker_tls boolean not null default false;
