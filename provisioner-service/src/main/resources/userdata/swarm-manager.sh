# Makes this node the swarm's manager and publishes what workers need to join: the worker join
# token (SecureString) and the manager's address, under the cluster's SSM path. Idempotent.
# Settings: SIMSWARM_ADVERTISE_ADDR (default: the instance's private address),
# SIMSWARM_REGISTRY_IMAGE (optional: run an image registry service on port 5000 of every node).

advertise="$(simswarm_advertise_addr)"
if [ "$(simswarm_swarm_state)" != active ]; then
    simswarm_log "initialising the swarm, advertising $advertise"
    simswarm_docker swarm init --advertise-addr "$advertise" >/dev/null
fi
simswarm_param_put join-token-worker SecureString "$(simswarm_docker swarm join-token -q worker)"
simswarm_param_put manager-address String "$advertise:2377"
if [ -n "${SIMSWARM_REGISTRY_IMAGE:-}" ] && ! simswarm_docker service inspect simswarm-registry >/dev/null 2>&1; then
    simswarm_docker service create --detach --name simswarm-registry --publish 5000:5000 \
        --constraint node.role==manager "$SIMSWARM_REGISTRY_IMAGE" >/dev/null
fi
simswarm_log "manager ready; join token stored under $SIMSWARM_PARAM_PATH"
