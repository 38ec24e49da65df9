package io.simswarm.scheduler.lease;

import java.util.List;
import java.util.UUID;

/** What a worker is told when it asks for a run. */
public sealed interface LeaseAnswer {

    /** The answer as the body of a lease exchange. */
    String toText();

    /** A run to do: lease id, run number, attempt number, upload token and URL, heartbeat interval. */
    record Granted(UUID lease, int run, int attempt, String token, String upload, int heartbeatSeconds) {

        String toText() {
            return "lease " + lease + "\nrun " + run + "\nattempt " + attempt + "\ntoken " + token + "\nupload "
                    + upload + "\nheartbeat " + heartbeatSeconds + "\n";
        }
    }

    /**
     * One or more runs to do in this order, one block of lines each (separated by an empty line); the first block
     * also names where several runs of the campaign can be uploaded in one archive.
     */
    record Leases(List<Granted> leases, String groupUpload) implements LeaseAnswer {

        public Leases {
            if (leases.isEmpty()) {
                throw new IllegalArgumentException("a lease answer grants at least one run");
            }
            leases = List.copyOf(leases);
        }

        @Override
        public String toText() {
            StringBuilder text = new StringBuilder(200 * leases.size());
            for (int i = 0; i < leases.size(); i++) {
                if (i > 0) {
                    text.append('\n');
                }
                text.append(leases.get(i).toText());
                if (i == 0) {
                    text.append("group-upload ").append(groupUpload).append('\n');
                }
            }
            return text.toString();
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
