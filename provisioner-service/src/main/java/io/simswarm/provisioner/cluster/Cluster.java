package io.simswarm.provisioner.cluster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A cluster: a Docker Swarm on this machine's engine or on EC2 instances. */
@Entity
@Table(name = "cluster")
public class Cluster extends PanacheEntityBase {

    /** Name of the cluster every service knows: the local engine's. */
    public static final String LOCAL = "local";

    @Id
    public String name;

    @Enumerated(EnumType.STRING)
    public Provider provider;

    @Enumerated(EnumType.STRING)
    public ClusterState state;

    @Column(name = "failure_reason")
    public String failureReason;

    /** Desired number of workers. */
    public int workers;

    @Column(name = "instance_type")
    public String instanceType;

    @Column(name = "manager_instance_type")
    public String managerInstanceType;

    public String region;

    public boolean spot;

    @Column(name = "idle_halt_seconds")
    public int idleHaltSeconds;

    @Column(name = "ssh_cidr")
    public String sshCidr;

    @Column(name = "api_cidr")
    public String apiCidr;

    /** Docker endpoint of the manager when it is not tcp://ELASTIC_IP:2376 (a tunnel, a test engine). */
    @Column(name = "docker_host_override")
    public String dockerHostOverride;

    /** Registry (host:port) the nodes of an existing swarm pull images from; null: none (provider existing only). */
    public String registry;

    /** Public address of the manager, fixed for the cluster's life (it survives halt and resume). */
    @Column(name = "elastic_ip")
    public String elasticIp;

    /** Since when no campaign runs on the cluster; null while one runs or the cluster is not ready. */
    @Column(name = "idle_since")
    public Instant idleSince;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Cluster findByName(String name) {
        return findById(name);
    }

    public static List<Cluster> listOrdered() {
        return list("order by createdAt, name");
    }

    public static List<Cluster> inState(ClusterState state) {
        return list("state", state);
    }

    /** Moves to {@code next}, clearing any earlier failure. */
    public void moveTo(ClusterState next) {
        state = next;
        failureReason = null;
        updatedAt = Instant.now();
        idleSince = next == ClusterState.READY ? updatedAt : null;
    }

    public void fail(String reason) {
        state = ClusterState.FAILED;
        failureReason = reason;
        updatedAt = Instant.now();
        idleSince = null;
    }

    public boolean isLocal() {
        return provider == Provider.LOCAL;
    }

    /** A swarm made elsewhere, which SimSwarm uses but does not start, resize, halt or resume. */
    public boolean isExisting() {
        return provider == Provider.EXISTING;
    }
}
