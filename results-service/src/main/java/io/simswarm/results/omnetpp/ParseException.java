package io.simswarm.results.omnetpp;

/** A line of a result file that cannot be understood; the message is the reason, for humans. */
public class ParseException extends Exception {

    public ParseException(String reason) {
        super(reason, null, false, false);
    }
}
