package io.simswarm.scheduler.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the ServiceSpec of a Swarm replicated-job (Engine API 1.41): {@code TotalCompletions} tasks, at most
 * {@code MaxConcurrent} at a time, restarted on failure a bounded number of times.
 */
public class JobSpec {

    private final ObjectMapper json;
    private final String name;
    private final String image;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private List<String> command = List.of();
    private String dir;
    private String hostname;
    private String network;
    private int completions = 1;
    private int concurrent = 1;
    private int restarts;
    private double cpus;
    private double cpuLimit;
    private Isolation isolation;

    public JobSpec(ObjectMapper json, String name, String image) {
        this.json = json;
        this.name = name;
        this.image = image;
    }

    public JobSpec label(String key, String value) {
        labels.put(key, value);
        return this;
    }

    public JobSpec env(String key, String value) {
        if (value != null && !value.isEmpty()) {
            env.put(key, value);
        }
        return this;
    }

    public JobSpec command(List<String> argv) {
        command = List.copyOf(argv);
        return this;
    }

    public JobSpec dir(String workdir) {
        dir = workdir;
        return this;
    }

    /** Container host name; may use Swarm templates such as {@code {{.Node.Hostname}}}. */
    public JobSpec hostname(String template) {
        hostname = template;
        return this;
    }

    public JobSpec network(String name) {
        network = name;
        return this;
    }

    public JobSpec tasks(int total, int maxConcurrent) {
        completions = total;
        concurrent = maxConcurrent;
        return this;
    }

    /** Restarts of a task that exits non-zero (Swarm's on-failure restart policy; at least 1, as 0 means unlimited). */
    public JobSpec restarts(int max) {
        restarts = max;
        return this;
    }

    /**
     * CPUs reserved on the node for each task: Swarm places the task only on a node with that many CPUs not reserved
     * by other tasks, and keeps it pending ("no suitable node") until there is one.
     */
    public JobSpec cpus(double reserved) {
        cpus = reserved;
        return this;
    }

    /** CPUs each task's container may use at most (a cgroup quota; nothing is reserved). */
    public JobSpec cpuLimit(double limit) {
        cpuLimit = limit;
        return this;
    }

    /**
     * Runs the task's container as {@code isolation.user()} with every capability dropped and with limits on its
     * memory and process count. The task gets no Docker socket and no host network from this spec.
     */
    public JobSpec isolated(Isolation limits) {
        isolation = limits;
        return this;
    }

    public String name() {
        return name;
    }

    public ObjectNode toJson() {
        ObjectNode spec = json.createObjectNode();
        spec.put("Name", name);
        spec.set("Labels", json.valueToTree(labels));
        ObjectNode template = spec.putObject("TaskTemplate");
        ObjectNode container = template.putObject("ContainerSpec");
        container.put("Image", image);
        if (!command.isEmpty()) {
            container.set("Command", json.valueToTree(command));
        }
        ArrayNode envList = container.putArray("Env");
        env.forEach((key, value) -> envList.add(key + "=" + value));
        if (dir != null && !dir.isBlank()) {
            container.put("Dir", dir);
        }
        if (hostname != null) {
            container.put("Hostname", hostname);
        }
        container.set("Labels", json.valueToTree(labels));
        if (cpus > 0) {
            template.with("Resources").putObject("Reservations").put("NanoCPUs", Math.round(cpus * 1e9));
        }
        if (isolation != null || cpuLimit > 0) {
            ObjectNode limits = template.with("Resources").putObject("Limits");
            if (cpuLimit > 0) {
                limits.put("NanoCPUs", Math.round(cpuLimit * 1e9));
            }
            if (isolation != null) {
                container.put("User", isolation.user());
                container.putArray("CapabilityDrop").add("ALL");
                limits.put("MemoryBytes", isolation.memoryBytes());
                limits.put("Pids", isolation.pids());
            }
        }
        template.putObject("RestartPolicy")
                .put("Condition", "on-failure")
                .put("MaxAttempts", Math.max(1, restarts))
                .put("Delay", 1_000_000_000L);
        if (network != null && !network.isBlank()) {
            template.putArray("Networks").addObject().put("Target", network);
        }
        spec.putObject("Mode").putObject("ReplicatedJob")
                .put("MaxConcurrent", concurrent)
                .put("TotalCompletions", completions);
        return spec;
    }
}
