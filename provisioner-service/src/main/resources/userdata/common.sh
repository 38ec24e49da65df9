# Helpers of the SimSwarm node scripts: reading instance metadata and the cluster's SSM parameters.
# Settings (environment): SIMSWARM_PARAM_PATH (e.g. /simswarm/mycluster), SIMSWARM_REGION,
# SIMSWARM_AWS_ENDPOINT (optional: an endpoint URL for the AWS CLI, e.g. a local AWS emulator),
# SIMSWARM_AWS (AWS CLI command, default aws), SIMSWARM_DOCKER (docker CLI command, default docker).

simswarm_log() { printf '%s simswarm: %s\n' "$(date '+%F %T')" "$*" >&2; }

simswarm_aws() {
    local endpoint=()
    [ -z "${SIMSWARM_AWS_ENDPOINT:-}" ] || endpoint=(--endpoint-url "$SIMSWARM_AWS_ENDPOINT")
    ${SIMSWARM_AWS:-aws} --region "$SIMSWARM_REGION" "${endpoint[@]}" "$@"
}

simswarm_docker() { ${SIMSWARM_DOCKER:-docker} "$@"; }

# Instance metadata (IMDSv2), e.g. simswarm_imds local-ipv4.
simswarm_imds() {
    local token
    token="$(curl -sf -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 300' http://169.254.169.254/latest/api/token)"
    curl -sf -H "X-aws-ec2-metadata-token: $token" "http://169.254.169.254/latest/meta-data/$1"
}

simswarm_param_put() {
    simswarm_aws ssm put-parameter --name "$SIMSWARM_PARAM_PATH/$1" --type "$2" --value "$3" --overwrite >/dev/null
}

simswarm_param_get() {
    simswarm_aws ssm get-parameter --name "$SIMSWARM_PARAM_PATH/$1" --with-decryption \
        --query Parameter.Value --output text 2>/dev/null
}

simswarm_swarm_state() { simswarm_docker info --format '{{.Swarm.LocalNodeState}}'; }

simswarm_advertise_addr() {
    if [ -n "${SIMSWARM_ADVERTISE_ADDR:-}" ]; then echo "$SIMSWARM_ADVERTISE_ADDR"; else simswarm_imds local-ipv4; fi
}
