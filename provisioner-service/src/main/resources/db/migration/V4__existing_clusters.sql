-- Clusters of provider 'existing' (a swarm made elsewhere) name the registry their nodes pull images from.
alter table cluster add column registry varchar(255);
