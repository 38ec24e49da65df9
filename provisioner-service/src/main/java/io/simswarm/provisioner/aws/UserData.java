package io.simswarm.provisioner.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user data of a manager or worker instance: a header exporting the cluster's settings, then the scripts kept
 * under {@code userdata/} in the resources: {@code common.sh}, {@code install-docker.sh} (only on EC2) and the swarm
 * part ({@code swarm-manager.sh} or {@code swarm-worker.sh}, the part tests also run against namespace nodes).
 */
public final class UserData {

    /** EC2 refuses user data above 16 KiB (before base64). */
    public static final int LIMIT = 16 * 1024;

    private UserData() {
    }

    /** Settings the scripts read. */
    public record Settings(String cluster, String region, String parameterPath, String caPem, String serverCertPem,
            String registryImage) {
    }

    public static String manager(Settings settings) {
        Map<String, String> env = common(settings, AwsNames.MANAGER);
        env.put("SIMSWARM_CA_PEM", settings.caPem());
        env.put("SIMSWARM_SERVER_CERT_PEM", settings.serverCertPem());
        env.put("SIMSWARM_REGISTRY_IMAGE", settings.registryImage());
        return render(settings, AwsNames.MANAGER, env, "swarm-manager.sh");
    }

    public static String worker(Settings settings) {
        return render(settings, AwsNames.WORKER, common(settings, AwsNames.WORKER), "swarm-worker.sh");
    }

    /** The text of one script under {@code userdata/}. */
    public static String script(String name) {
        try (InputStream in = UserData.class.getResourceAsStream("/userdata/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource userdata/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> common(Settings settings, String role) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SIMSWARM_CLUSTER", settings.cluster());
        env.put("SIMSWARM_ROLE", role);
        env.put("SIMSWARM_REGION", settings.region());
        env.put("SIMSWARM_PARAM_PATH", settings.parameterPath());
        return env;
    }

    private static String render(Settings settings, String role, Map<String, String> env, String swarmPart) {
        StringBuilder text = new StringBuilder()
                .append("#!/bin/bash\n")
                .append("# SimSwarm ").append(role).append(" of cluster ").append(settings.cluster()).append('\n')
                .append("set -euo pipefail\n")
                .append("exec >>/var/log/simswarm-user-data.log 2>&1\n");
        env.forEach((key, value) -> text.append("export ").append(key).append('=').append(quote(value)).append('\n'));
        for (String part : new String[] {"common.sh", "install-docker.sh", swarmPart}) {
            text.append("\n# ---- ").append(part).append('\n').append(script(part));
        }
        String rendered = text.toString();
        if (rendered.getBytes(StandardCharsets.UTF_8).length > LIMIT) {
            throw new IllegalStateException("the " + role + " user data exceeds EC2's 16 KiB limit");
        }
        return rendered;
    }

    /** Single-quoted for the shell. */
    static String quote(String value) {
        return "'" + (value == null ? "" : value.replace("'", "'\\''")) + "'";
    }
}
