package io.simswarm.scheduler.docker;

/**
 * The confinement of a task's container: the user it runs as ({@code uid:gid}, numeric so that any image has it),
 * the most memory it may use in bytes and the most processes it may have.
 */
public record Isolation(String user, long memoryBytes, long pids) {
}
