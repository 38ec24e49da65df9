package io.simswarm.provisioner.cluster;

/** Life-cycle state of a cluster; the transitional ones are finished by {@link ClusterOperations}. */
public enum ClusterState {
    CREATING, READY, RESIZING, HALTING, HALTED, RESUMING, DELETING, DELETED, FAILED;

    /** True while an operation is under way. */
    public boolean transitional() {
        return this == CREATING || this == RESIZING || this == HALTING || this == RESUMING || this == DELETING;
    }
}
