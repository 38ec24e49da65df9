package io.simswarm.provisioner.cluster;

import io.simswarm.docker.DockerEndpoint;
import io.simswarm.docker.TlsMaterial;
import io.simswarm.provisioner.config.ProvisionerConfig;
import io.simswarm.provisioner.tls.ClusterSecret;
import io.simswarm.provisioner.tls.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Where each cluster's Docker API answers, and with which TLS material. */
@ApplicationScoped
public class ClusterEndpoints {

    /** Port of the managers' Docker API over mutual TLS. */
    public static final int DOCKER_TLS_PORT = 2376;

    private final ProvisionerConfig config;
    private final ClusterStore store;
    private final SecretCipher cipher;

    public ClusterEndpoints(ProvisionerConfig config, ClusterStore store, SecretCipher cipher) {
        this.config = config;
        this.store = store;
        this.cipher = cipher;
    }

    /** The Docker endpoint other services use; null while an EC2 cluster has no address yet. */
    public String dockerHost(Cluster cluster) {
        if (cluster.isLocal()) {
            return config.local().dockerHost();
        }
        Optional<String> override = override(cluster);
        if (override.isPresent()) {
            return override.get();
        }
        return cluster.elasticIp == null ? null : "tcp://" + cluster.elasticIp + ":" + DOCKER_TLS_PORT;
    }

    /** True when the endpoint needs the cluster's client certificate. */
    public boolean tls(Cluster cluster) {
        String host = dockerHost(cluster);
        return cluster.provider == Provider.AWS && host != null && host.startsWith("tcp://");
    }

    /** The endpoint with its TLS material, empty when the cluster has no address yet. */
    public Optional<DockerEndpoint> endpoint(Cluster cluster) {
        String host = dockerHost(cluster);
        if (host == null) {
            return Optional.empty();
        }
        if (!tls(cluster)) {
            return Optional.of(DockerEndpoint.plain(host));
        }
        return clientMaterial(cluster.name).map(material -> new DockerEndpoint(host, material));
    }

    /** The client certificate, key and CA of an EC2 cluster, decrypted. */
    public Optional<TlsMaterial> clientMaterial(String cluster) {
        return store.secret(cluster).map(this::decrypt);
    }

    /** The private key of the cluster's EC2 key pair, decrypted, when it has one. */
    public Optional<String> sshKey(String cluster) {
        return store.secret(cluster).map(secret -> secret.sshKeyEnc).map(cipher::decrypt);
    }

    private TlsMaterial decrypt(ClusterSecret secret) {
        return new TlsMaterial(secret.caCertPem, secret.clientCertPem, cipher.decrypt(secret.clientKeyEnc));
    }

    private Optional<String> override(Cluster cluster) {
        if (cluster.dockerHostOverride != null) {
            return Optional.of(cluster.dockerHostOverride);
        }
        return Optional.ofNullable(config.aws().dockerHostOverride().get(cluster.name));
    }
}
