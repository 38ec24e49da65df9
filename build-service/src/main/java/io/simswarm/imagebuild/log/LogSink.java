package io.simswarm.imagebuild.log;

import java.util.List;

/** Where a build writes its log, one line at a time. */
public interface LogSink {

    /** Appends {@code text}; several lines may be given at once, separated by newlines. */
    void line(String text);

    /** The last {@code n} lines written so far (fewer when there are fewer). */
    List<String> tail(int n);
}
