package io.simswarm.scheduler.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the Docker engine has of a campaign, asked with the docker command like a person would. */
public final class SwarmServices {

    private SwarmServices() {
    }

    /** Names of the services labelled with the campaign. */
    public static List<String> of(String campaignId) {
        return docker("service", "ls", "-q", "--filter", "label=io.simswarm.campaign=" + campaignId);
    }

    /** Names of the campaign's services with that role. */
    public static List<String> of(String campaignId, String role) {
        return docker("service", "ls", "-q", "--filter", "label=io.simswarm.campaign=" + campaignId, "--filter",
                "label=io.simswarm.role=" + role);
    }

    /** Containers (running or exited) of the campaign's tasks. */
    public static List<String> containers(String campaignId) {
        return docker("ps", "-aq", "--filter", "label=io.simswarm.campaign=" + campaignId);
    }

    /** Running containers of the campaign's worker tasks. */
    public static List<String> runningWorkers(String campaignId) {
        return docker("ps", "-q", "--filter", "label=io.simswarm.campaign=" + campaignId, "--filter",
                "label=io.simswarm.role=workers");
    }

    /** The Swarm task a container runs. */
    public static String taskOf(String containerId) {
        return docker("inspect", "--format", "{{index .Config.Labels \"com.docker.swarm.task.id\"}}", containerId)
                .get(0);
    }

    /** The {@code Resources} of a service's task template (limits and reservations) as JSON text. */
    public static String resources(String serviceId) {
        return docker("service", "inspect", "--format", "{{json .Spec.TaskTemplate.Resources}}", serviceId).get(0);
    }

    /** Kills a container as a crash would (SIGKILL, no clean-up inside). */
    /** The environment of a service's tasks, as {@code NAME=value} lines. */
    public static List<String> environment(String serviceId) {
        return docker("service", "inspect", "--format",
                "{{range .Spec.TaskTemplate.ContainerSpec.Env}}{{println .}}{{end}}", serviceId);
    }

    public static void kill(String containerId) {
        docker("kill", containerId);
    }

    /** The host name of this engine's swarm node. */
    public static String nodeName() {
        return docker("info", "--format", "{{.Name}}").get(0);
    }

    /** Removes the campaign's services and their containers (what a test run leaves when it is interrupted). */
    public static void removeAll(String campaignId) {
        List<String> services = of(campaignId);
        if (!services.isEmpty()) {
            List<String> rm = new ArrayList<>(List.of("service", "rm"));
            rm.addAll(services);
            docker(rm.toArray(String[]::new));
        }
        List<String> containers = containers(campaignId);
        if (!containers.isEmpty()) {
            List<String> rm = new ArrayList<>(List.of("rm", "-f"));
            rm.addAll(containers);
            docker(rm.toArray(String[]::new));
        }
    }

    private static List<String> docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
