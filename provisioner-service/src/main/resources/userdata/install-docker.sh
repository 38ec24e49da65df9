# Installs and configures Docker on a fresh Amazon Linux 2023 instance. Runs only on real EC2
# instances (first part of the user data); the swarm part that follows is the one tests also run.
# The manager's engine also listens on tcp://0.0.0.0:2376 with mutual TLS: CA and server
# certificate come with the user data, the server key from the cluster's SSM parameters.
# Settings: SIMSWARM_ROLE (manager|worker), SIMSWARM_CLUSTER, SIMSWARM_CA_PEM, SIMSWARM_SERVER_CERT_PEM.

simswarm_log "installing Docker"
dnf install -y docker
instance_id="$(simswarm_imds instance-id)"
mkdir -p /etc/docker /etc/systemd/system/docker.service.d
if [ "$SIMSWARM_ROLE" = manager ]; then
    install -d -m 700 /etc/docker/tls
    printf '%s\n' "$SIMSWARM_CA_PEM" >/etc/docker/tls/ca.pem
    printf '%s\n' "$SIMSWARM_SERVER_CERT_PEM" >/etc/docker/tls/server-cert.pem
    (umask 077 && simswarm_param_get tls/server-key >/etc/docker/tls/server-key.pem)
    [ -s /etc/docker/tls/server-key.pem ] || { simswarm_log "cannot read the server key from SSM"; exit 1; }
    cat >/etc/docker/daemon.json <<JSON
{
  "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2376"],
  "tlsverify": true,
  "tlscacert": "/etc/docker/tls/ca.pem",
  "tlscert": "/etc/docker/tls/server-cert.pem",
  "tlskey": "/etc/docker/tls/server-key.pem",
  "labels": ["simswarm.instance-id=$instance_id", "simswarm.cluster=$SIMSWARM_CLUSTER"]
}
JSON
    # "hosts" in daemon.json conflicts with the -H flag of the packaged unit.
    cat >/etc/systemd/system/docker.service.d/simswarm.conf <<'UNIT'
[Service]
ExecStart=
ExecStart=/usr/bin/dockerd --containerd=/run/containerd/containerd.sock
UNIT
else
    cat >/etc/docker/daemon.json <<JSON
{
  "labels": ["simswarm.instance-id=$instance_id", "simswarm.cluster=$SIMSWARM_CLUSTER"]
}
JSON
fi
systemctl daemon-reload
systemctl enable --now docker
