package io.simswarm.commons.security;

import java.util.List;

/**
 * The roles a SimSwarm bearer token carries (claim {@code groups}). Each role holds the rights of the ones before it:
 * a viewer reads, a runner also submits and cancels or retries its own campaigns, an admin does everything.
 * {@link #SERVICE} is given to SimSwarm services calling one another with the internal key.
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String RUNNER = "runner";
    public static final String ADMIN = "admin";
    public static final String SERVICE = "service";

    /** The roles a person's token may carry, weakest first. */
    public static final List<String> USER_ROLES = List.of(VIEWER, RUNNER, ADMIN);

    private Roles() {
    }
}
