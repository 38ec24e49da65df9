#!/bin/bash
# Writes the broker's settings from deploy/kafka/server.properties.in (KAFKA_ADVERTISED_HOST is the
# name clients reach it by), formats the data folder on first start and runs the broker.
set -euo pipefail
DATA=/var/lib/simswarm/kafka
CONFIG=/tmp/server.properties
CP='/opt/kafka/libs/*'
sed -e "s|@CONTROLLER@|localhost:9093|g" -e "s|@LISTENER@|:9092|g" \
    -e "s|@ADVERTISED@|${KAFKA_ADVERTISED_HOST:-kafka}:9092|g" -e "s|@DATA@|$DATA/data|g" \
    -e "s|@PARTITIONS@|${KAFKA_PARTITIONS:-3}|g" /opt/kafka/server.properties.in >"$CONFIG"
if [[ ! -f "$DATA/data/meta.properties" ]]; then
    mkdir -p "$DATA/data"
    [[ -s "$DATA/cluster.id" ]] || java -cp "$CP" kafka.tools.StorageTool random-uuid | tail -n 1 >"$DATA/cluster.id"
    java -cp "$CP" kafka.tools.StorageTool format -t "$(<"$DATA/cluster.id")" -c "$CONFIG"
fi
# shellcheck disable=SC2086 # KAFKA_HEAP_OPTS holds several JVM options
exec java ${KAFKA_HEAP_OPTS:--Xms128m -Xmx384m} -XX:+ExitOnOutOfMemoryError -cp "$CP" kafka.Kafka "$CONFIG"
