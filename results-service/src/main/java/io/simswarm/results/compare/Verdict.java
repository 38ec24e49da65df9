package io.simswarm.results.compare;

import java.util.Locale;

/** What the comparison of one scalar at one parameter point says. */
public enum Verdict {
    /** The values are the same, or their difference is significant at no level and surely below the margin. */
    SAME,
    /** The difference is significant at the chosen α after Holm's correction. */
    DIFFERENT,
    /** Not significant, but the data cannot rule out a difference larger than the margin (too few or noisy runs). */
    INCONCLUSIVE;

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
