#!/bin/bash
# Writes nginx's configuration for one of two roles and runs nginx in the foreground.
#   GATEWAY_ROUTES=public (default): the stack's published entry. /api/campaigns, /api/builds,
#       /api/clusters go to the scheduler, build service and provisioner (the /api prefix removed),
#       /api/results/... to the results service (/api/results removed), / serves the dashboard.
#       With GATEWAY_TLS_CERT and GATEWAY_TLS_KEY naming readable files it also listens with TLS on 8443.
#   GATEWAY_ROUTES=runs: what a run container may call and nothing else: the lease routes of the
#       scheduler and the upload routes of the results service.
# SIMSWARM_OIDC_URL + SIMSWARM_OIDC_CLIENT_ID (+ SIMSWARM_OIDC_ROLES_CLAIM): the dashboard offers sign-in through
# that identity provider (its config.js gets window.SIMSWARM_OIDC; public role only).
# Service addresses: SCHEDULER_ADDR, BUILD_ADDR, PROVISIONER_ADDR, RESULTS_ADDR (host:port). Names are
# resolved through Docker's DNS at request time (every replica's address: the stack's services use DNS
# round robin), so a service that starts later, restarts or scales is found; a replica that refuses the
# connection is skipped for the next one.
set -euo pipefail
ROUTES="${GATEWAY_ROUTES:-public}"
SCHEDULER="${SCHEDULER_ADDR:-scheduler:8083}"
BUILD="${BUILD_ADDR:-build:8082}"
PROVISIONER="${PROVISIONER_ADDR:-provisioner:8081}"
RESULTS="${RESULTS_ADDR:-results:8084}"
CONF=/tmp/nginx.conf

# A location passing its requests to ADDR with PREFIX removed from the path.
# usage: proxy_to ADDR PREFIX
proxy_to() {
    cat <<LOC
            set \$upstream $1;
            rewrite ^$2(/.*)\$ \$1 break;
            proxy_pass http://\$upstream;
LOC
}

public_locations() {
    cat <<LOC
        location ~ ^/api/(campaigns|builds|clusters)(/|\$) {
            set \$service \$1;
$(proxy_to "\$service_addr" /api)
        }
        location /api/results/ {
$(proxy_to "$RESULTS" /api/results)
        }
        location /api/ {
            default_type application/problem+json;
            return 404 '{"title":"Not Found","status":404,"detail":"There is no such API here; the APIs are /api/campaigns, /api/builds, /api/clusters and /api/results."}';
        }
$(oidc_config_location)
        location / {
            root /usr/share/simswarm/dashboard;
            try_files \$uri \$uri/ /index.html;
        }
LOC
}

# The dashboard's config.js with the identity provider added, when one is configured.
OIDC_CONFIG=/tmp/simswarm-config.js
js_string() { local value=${1//[\"\\]/}; printf '"%s"' "$value"; }
oidc_config_location() {
    [[ -n "${SIMSWARM_OIDC_URL:-}" && -n "${SIMSWARM_OIDC_CLIENT_ID:-}" ]] || return 0
    { cat /usr/share/simswarm/dashboard/config.js 2>/dev/null
      printf '\nwindow.SIMSWARM_OIDC = {"issuer": %s, "clientId": %s, "rolesClaim": %s};\n' \
          "$(js_string "$SIMSWARM_OIDC_URL")" "$(js_string "$SIMSWARM_OIDC_CLIENT_ID")" \
          "$(js_string "${SIMSWARM_OIDC_ROLES_CLAIM:-groups}")"; } >"$OIDC_CONFIG"
    cat <<LOC
        location = /config.js {
            default_type text/javascript;
            add_header Cache-Control no-cache;
            alias $OIDC_CONFIG;
        }
LOC
}

# Which service answers /api/campaigns, /api/builds, /api/clusters (public role only).
service_map() {
    [[ "$ROUTES" == public ]] || return 0
    cat <<MAP
    map \$service \$service_addr {
        campaigns $SCHEDULER;
        builds    $BUILD;
        clusters  $PROVISIONER;
    }
MAP
}

runs_locations() {
    cat <<LOC
        location ~ ^/api/campaigns/[^/]+/leases(/.*)?\$ {
            limit_except POST { deny all; }
$(proxy_to "$SCHEDULER" /api)
        }
        location ~ ^/api/results/campaigns/[^/]+/(runs/[0-9]+/)?results\$ {
            limit_except POST { deny all; }
$(proxy_to "$RESULTS" /api/results)
        }
        location / {
            default_type application/problem+json;
            return 403 '{"title":"Forbidden","status":403,"detail":"Run containers may only lease runs and upload their results here."}';
        }
LOC
}

locations() {
    if [[ "$ROUTES" == runs ]]; then runs_locations; else public_locations; fi
}

tls_server() {
    [[ "$ROUTES" == public && -n "${GATEWAY_TLS_CERT:-}" && -n "${GATEWAY_TLS_KEY:-}" ]] || return 0
    [[ -r "$GATEWAY_TLS_CERT" && -r "$GATEWAY_TLS_KEY" ]] ||
        { echo "gateway: GATEWAY_TLS_CERT/GATEWAY_TLS_KEY name files that cannot be read" >&2; exit 2; }
    cat <<SRV
    server {
        listen 8443 ssl;
        ssl_certificate $GATEWAY_TLS_CERT;
        ssl_certificate_key $GATEWAY_TLS_KEY;
        ssl_protocols TLSv1.2 TLSv1.3;
$(locations)
    }
SRV
}

cat >"$CONF" <<CONFIG
worker_processes ${GATEWAY_WORKERS:-2};
pid /tmp/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log ${GATEWAY_ACCESS_LOG:-off};
    sendfile on;
    server_tokens off;
    resolver 127.0.0.11 valid=5s ipv6=off;
    client_max_body_size 0;
    proxy_request_buffering off;
    proxy_buffering off;
    proxy_http_version 1.1;
    proxy_read_timeout 1h;
    proxy_set_header Host \$http_host;
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto \$scheme;
    client_body_temp_path /tmp/nginx-body;
    proxy_temp_path /tmp/nginx-proxy;
$(service_map)
    server {
        listen 8080;
        location = /healthz { access_log off; default_type text/plain; return 200 'ok'; }
$(locations)
    }
$(tls_server)
}
CONFIG
nginx -t -c "$CONF" -q
exec nginx -c "$CONF" -g 'daemon off;'
