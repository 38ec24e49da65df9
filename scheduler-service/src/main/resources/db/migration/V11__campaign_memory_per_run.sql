-- Most memory one run's container may use (bytes); campaigns submitted before the limit existed get 2 GiB.
alter table campaign add column memory_per_run bigint not null default 2147483648;
