package io.simswarm.scheduler.lease;

import java.util.UUID;

/** What a worker is told when it asks for a run. */
public sealed interface LeaseAnswer {

    /** The answer as the body of a lease exchange. */
    String toText();

    /** A run to do: lease id, run number, attempt number, upload token and URL, heartbeat interval. */
    record Granted(UUID lease, int run, int attempt, String token, String upload, int heartbeatSeconds)
            implements LeaseAnswer {

        @Override
        public String toText() {
            return "lease " + lease + "\nrun " + run + "\nattempt " + attempt + "\ntoken " + token + "\nupload "
                    + upload + "\nheartbeat " + heartbeatSeconds + "\n";
        }
    }

    /** Nothing to lease now, but runs in flight may come back: ask again after {@code seconds}. */
    record Wait(int seconds) implements LeaseAnswer {

        @Override
        public String toText() {
            return "wait " + seconds + "\n";
        }
    }

    /** Nothing left for this worker: it may exit (a bare lease call answers 204 instead of this text). */
    record Done() implements LeaseAnswer {

        @Override
        public String toText() {
            return "none\n";
        }
    }
}
