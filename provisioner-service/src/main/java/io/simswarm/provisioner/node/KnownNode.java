package io.simswarm.provisioner.node;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;

/** A swarm node as last seen by {@link NodeWatcher}. */
@Entity
@Table(name = "known_node")
@IdClass(KnownNode.Key.class)
public class KnownNode extends PanacheEntityBase {

    @Id
    public String cluster;

    @Id
    @Column(name = "node_id")
    public String nodeId;

    public String hostname;

    public String state;

    /** Primary key: cluster and node id. */
    public record Key(String cluster, String nodeId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    public static List<KnownNode> ofCluster(String cluster) {
        return list("cluster", cluster);
    }
}
