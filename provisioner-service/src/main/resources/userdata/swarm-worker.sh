# Joins the swarm as a worker with the token and address the manager stored under the cluster's
# SSM path, waiting for them to appear. Idempotent.
# Settings: SIMSWARM_ADVERTISE_ADDR (default: the instance's private address),
# SIMSWARM_JOIN_TIMEOUT (seconds to wait for the manager, default 900).

advertise="$(simswarm_advertise_addr)"
if [ "$(simswarm_swarm_state)" = active ]; then
    simswarm_log "already a swarm member"
    exit 0
fi
deadline=$((SECONDS + ${SIMSWARM_JOIN_TIMEOUT:-900}))
until token="$(simswarm_param_get join-token-worker)" && manager="$(simswarm_param_get manager-address)" &&
    [ -n "$token" ] && [ -n "$manager" ]; do
    if [ "$SECONDS" -ge "$deadline" ]; then
        simswarm_log "no join token under $SIMSWARM_PARAM_PATH after ${SIMSWARM_JOIN_TIMEOUT:-900}s"
        exit 1
    fi
    sleep 3
done
simswarm_log "joining the swarm at $manager, advertising $advertise"
simswarm_docker swarm join --token "$token" --advertise-addr "$advertise" "$manager" >/dev/null
