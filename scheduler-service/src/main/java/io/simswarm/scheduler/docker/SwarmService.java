package io.simswarm.scheduler.docker;

import java.util.Map;

/**
 * A Swarm service created by the scheduler.
 *
 * @param id     service id
 * @param name   service name
 * @param labels the service's labels
 */
public record SwarmService(String id, String name, Map<String, String> labels) {
}
