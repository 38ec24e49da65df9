package io.simswarm.scheduler.docker;

/** Quoting for /bin/sh. */
public final class Shell {

    private Shell() {
    }

    /** {@code value} as one single-quoted shell word. */
    public static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
