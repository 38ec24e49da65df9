package io.simswarm.provisioner.cluster;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.provisioner.tls.ClusterSecret;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.function.Consumer;

/** Short transactions on clusters for the long-running operations, which must not hold one while they wait. */
@ApplicationScoped
public class ClusterStore {

    private final EntityManager entityManager;

    public ClusterStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A detached copy of the cluster. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Cluster load(String name) {
        Cluster cluster = Cluster.findByName(name);
        if (cluster == null) {
            throw ApiException.notFound("There is no cluster named '" + name + "'.");
        }
        entityManager.detach(cluster);
        return cluster;
    }

    /** Applies {@code change} to the cluster and commits; returns a detached copy of the result. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Cluster update(String name, Consumer<Cluster> change) {
        Cluster cluster = Cluster.findByName(name);
        change.accept(cluster);
        entityManager.flush();
        entityManager.detach(cluster);
        return cluster;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ClusterSecret> secret(String cluster) {
        Optional<ClusterSecret> secret = ClusterSecret.findByIdOptional(cluster);
        secret.ifPresent(entityManager::detach);
        return secret;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void saveSecret(ClusterSecret secret) {
        ClusterSecret existing = ClusterSecret.findById(secret.cluster);
        if (existing != null) {
            secret.sshKeyEnc = secret.sshKeyEnc != null ? secret.sshKeyEnc : existing.sshKeyEnc;
            existing.delete();
            entityManager.flush();
        }
        secret.persist();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void saveSshKey(String cluster, String encryptedKey) {
        ClusterSecret secret = ClusterSecret.findById(cluster);
        if (secret != null) {
            secret.sshKeyEnc = encryptedKey;
        }
    }
}
