package io.simswarm.scheduler.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import com.github.dockerjava.transport.DockerHttpClient;
import io.simswarm.docker.DockerEndpoint;
import io.simswarm.docker.DockerErrors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Swarm calls the scheduler makes, as raw Engine API 1.41 requests: docker-java's model has no
 * replicated-job service mode, so services, tasks and logs are handled as JSON here.
 */
public class SwarmApi {

    private static final String API = "/v1.41";

    private final DockerEndpoint endpoint;
    private final DockerHttpClient http;
    private final ObjectMapper json;

    public SwarmApi(DockerEndpoint endpoint, DockerHttpClient http, ObjectMapper json) {
        this.endpoint = endpoint;
        this.http = http;
        this.json = json;
    }

    public String endpoint() {
        return endpoint.host();
    }

    /** Creates a service from its spec (Engine API ServiceSpec), and the overlay networks it names, and returns its id. */
    public String createService(ObjectNode spec) {
        for (JsonNode network : spec.path("TaskTemplate").path("Networks")) {
            ensureTaskNetwork(network.path("Target").asText());
        }
        JsonNode created = call(Request.Method.POST, API + "/services/create", spec, "create service "
                + spec.path("Name").asText());
        return created.path("ID").asText();
    }

    /**
     * Makes the overlay network {@code name} for tasks unless it exists ({@code host} and {@code none} are the
     * engine's own). Not attachable: only the services of the swarm join it.
     */
    public void ensureTaskNetwork(String name) {
        if (name.equals("host") || name.equals("none") || networkExists(name)) {
            return;
        }
        ObjectNode spec = json.createObjectNode().put("Name", name).put("Driver", "overlay").put("CheckDuplicate", true);
        spec.putObject("Labels").put(Labels.ROLE, "tasks-network");
        try {
            call(Request.Method.POST, API + "/networks/create", spec, "create network " + name);
        } catch (DockerUnavailableException e) {
            if (!networkExists(name)) { // made by another scheduler at the same moment: fine
                throw e;
            }
        }
    }

    private boolean networkExists(String name) {
        byte[] answer = send(Request.Method.GET, API + "/networks/" + name, null, "inspect network " + name, true);
        try {
            return answer.length > 0 && json.readTree(answer).hasNonNull("Id");
        } catch (IOException e) {
            return false;
        }
    }

    /** The address of this engine's host on {@code docker_gwbridge}: where tasks on an overlay network reach it. */
    public String hostAddressForTasks() {
        JsonNode network = call(Request.Method.GET, API + "/networks/docker_gwbridge", null,
                "inspect network docker_gwbridge");
        for (JsonNode config : network.path("IPAM").path("Config")) {
            if (config.hasNonNull("Gateway")) {
                return config.path("Gateway").asText();
            }
        }
        throw new DockerUnavailableException("the Docker endpoint " + endpoint.host()
                + " has no gateway address on docker_gwbridge");
    }

    /** The CPUs of the largest node that can take tasks (ready and active); 0 when there is none. */
    public double largestNodeCpus() {
        JsonNode nodes = call(Request.Method.GET, API + "/nodes", null, "list nodes");
        double largest = 0;
        for (JsonNode node : nodes) {
            if ("ready".equals(node.path("Status").path("State").asText())
                    && "active".equals(node.path("Spec").path("Availability").asText())) {
                largest = Math.max(largest, node.path("Description").path("Resources").path("NanoCPUs").asLong() / 1e9);
            }
        }
        return largest;
    }

    /** Services that carry all of {@code labels}. */
    public List<SwarmService> services(Map<String, String> labels) {
        JsonNode list = call(Request.Method.GET, API + "/services?filters=" + labelFilter(labels), null,
                "list services");
        List<SwarmService> services = new ArrayList<>();
        for (JsonNode service : list) {
            Map<String, String> found = new HashMap<>();
            service.path("Spec").path("Labels").fields().forEachRemaining(e -> found.put(e.getKey(),
                    e.getValue().asText()));
            services.add(new SwarmService(service.path("ID").asText(), service.path("Spec").path("Name").asText(),
                    found));
        }
        return services;
    }

    /**
     * Removes the services that carry all of {@code labels}, then every container that carries them: the exited
     * tasks of these services and those of services removed earlier whose containers were left behind.
     *
     * @return whether no service and no container with these labels was left to remove: a task container that Swarm
     *         starts while its service is being removed shows up only on a later call
     */
    public boolean removeServices(Map<String, String> labels) {
        List<SwarmService> services = services(labels);
        for (SwarmService service : services) {
            removeService(service.id());
        }
        return removeContainers(labels) == 0 && services.isEmpty();
    }

    /** Removes a service; a service that is already gone is fine. */
    public void removeService(String idOrName) {
        send(Request.Method.DELETE, API + "/services/" + idOrName, null, "remove service " + idOrName, true);
    }

    /** The tasks of a service, newest state first is not guaranteed. */
    public List<SwarmTask> tasks(String serviceId) {
        JsonNode list = call(Request.Method.GET, API + "/tasks?filters=" + filter("service", List.of(serviceId)),
                null, "list tasks of service " + serviceId);
        List<SwarmTask> tasks = new ArrayList<>();
        for (JsonNode task : list) {
            JsonNode status = task.path("Status");
            JsonNode container = status.path("ContainerStatus");
            Integer exitCode = container.has("ExitCode") && container.has("ContainerID")
                    ? container.path("ExitCode").asInt() : null;
            String error = status.hasNonNull("Err") ? status.path("Err").asText() : null;
            tasks.add(new SwarmTask(task.path("ID").asText(), task.path("Slot").asInt(0),
                    status.path("State").asText(), status.path("Message").asText(), error, exitCode,
                    container.hasNonNull("ContainerID") ? container.path("ContainerID").asText() : null,
                    parseTime(status.path("Timestamp").asText(null))));
        }
        return tasks;
    }

    /** Everything a service's tasks wrote to stdout and stderr, in order, as text. */
    public String serviceLogs(String serviceId) {
        byte[] raw = bytes(Request.Method.GET, API + "/services/" + serviceId + "/logs?stdout=1&stderr=1",
                "read the logs of service " + serviceId);
        return new String(LogFrames.demux(raw), StandardCharsets.UTF_8);
    }

    /** Removes the (exited) containers a removed service leaves behind. */
    public void removeContainersOf(String serviceName) {
        removeContainers(Map.of("com.docker.swarm.service.name", serviceName));
    }

    /**
     * Removes the containers that carry all of {@code labels} and returns how many there were; one that is gone, or
     * that Docker is removing already (as it does with the tasks of a removed service), is fine.
     */
    private int removeContainers(Map<String, String> labels) {
        JsonNode list = call(Request.Method.GET, API + "/containers/json?all=1&filters=" + labelFilter(labels), null,
                "list containers labelled " + labels);
        for (JsonNode container : list) {
            send(Request.Method.DELETE, API + "/containers/" + container.path("Id").asText() + "?force=1&v=1", null,
                    "remove container", true);
        }
        return list.size();
    }

    private JsonNode call(Request.Method method, String path, JsonNode body, String what) {
        byte[] answer = send(method, path, body, what, false);
        try {
            return answer.length == 0 ? json.createObjectNode() : json.readTree(answer);
        } catch (IOException e) {
            throw new DockerUnavailableException("the Docker endpoint " + endpoint.host()
                    + " gave an unreadable answer to " + what, e);
        }
    }

    private byte[] bytes(Request.Method method, String path, String what) {
        return send(method, path, null, what, false);
    }

    /** Sends a request; with {@code goneIsFine} a 404, or a 409 for a removal already in progress, is success. */
    private byte[] send(Request.Method method, String path, JsonNode body, String what, boolean goneIsFine) {
        Request.Builder request = Request.builder().method(method).path(path);
        if (body != null) {
            try {
                request.body(new ByteArrayInputStream(json.writeValueAsBytes(body)))
                        .putHeader("Content-Type", "application/json");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (Response response = http.execute(request.build()); InputStream in = response.getBody()) {
            byte[] answer = in == null ? new byte[0] : readAll(in);
            int status = response.getStatusCode();
            if (goneIsFine && (status == 404
                    || status == 409 && message(answer, status).contains("already in progress"))) {
                return answer;
            }
            if (status >= 300) {
                throw new DockerUnavailableException("the Docker endpoint " + endpoint.host() + " refused to " + what
                        + ": " + message(answer, status));
            }
            return answer;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DockerUnavailableException known) {
                throw known;
            }
            throw new DockerUnavailableException("the Docker endpoint " + endpoint.host() + " cannot be reached to "
                    + what + ": " + DockerErrors.reason(endpoint, e), e);
        }
    }

    private String message(byte[] answer, int status) {
        try {
            JsonNode node = json.readTree(answer);
            if (node != null && node.hasNonNull("message")) {
                return node.path("message").asText();
            }
        } catch (IOException e) {
            // not JSON: use the text
        }
        String text = new String(answer, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "HTTP " + status : text;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
    }

    /** The {@code filters} query value that selects objects carrying all of {@code labels}. */
    private String labelFilter(Map<String, String> labels) {
        return filter("label", labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    private String filter(String key, List<String> values) {
        try {
            String filters = json.writeValueAsString(Map.of(key, values));
            return URLEncoder.encode(filters, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant parseTime(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
