package io.simswarm.scheduler.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** What an attempt's failure leads to. */
public enum ExitAction {
    /** Try the run again while its retry budget lasts. */
    RETRY,
    /** Fail the run now, whatever budget is left. */
    EXIT;

    /** Reads {@code retry} or {@code exit} in any case, as AWS Batch does. */
    @JsonCreator
    public static ExitAction of(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
