package io.simswarm.provisioner.cost;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Records instance-hours from instance state changes, each in its own transaction. */
@ApplicationScoped
public class UsageRecorder {

    /** An instance of the cluster as far as cost is concerned. */
    public record RunningInstance(String instanceId, String instanceType, boolean spot) {
    }

    /** Opens an interval for each instance that has none open. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void started(String cluster, List<RunningInstance> instances, Instant at) {
        for (RunningInstance instance : instances) {
            if (!InstanceUsage.isOpen(instance.instanceId())) {
                InstanceUsage usage = new InstanceUsage();
                usage.cluster = cluster;
                usage.instanceId = instance.instanceId();
                usage.instanceType = instance.instanceType();
                usage.spot = instance.spot();
                usage.startedAt = at;
                usage.persist();
            }
        }
    }

    /** Closes the open intervals of these instances. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void stopped(List<String> instanceIds, Instant at) {
        if (!instanceIds.isEmpty()) {
            InstanceUsage.openOf(instanceIds).forEach(usage -> usage.stoppedAt = at);
        }
    }
}
