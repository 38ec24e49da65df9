package io.simswarm.scheduler.campaign;

import io.simswarm.commons.problem.ApiException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A memory size as users write it ({@code 512m}, {@code 2g}, {@code 1073741824}), read into bytes. */
public final class MemorySize {

    /** The least memory a run may be given: below it not even the runner and a shell start reliably. */
    public static final long MIN_BYTES = 64L << 20;
    /** The most memory a run may be given; larger values are typing mistakes rather than machines. */
    public static final long MAX_BYTES = 4096L << 30;

    private static final Pattern SIZE = Pattern.compile("(\\d{1,13})\\s*([kmgt]?)i?b?");

    private MemorySize() {
    }

    /** Bytes of {@code text}; a 400 answer with a sentence when it is not a size between 64m and 4096g. */
    public static long parse(String field, String text) {
        Matcher m = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw ApiException.badRequest(field + " must be a size such as 512m or 2g, not '" + shortened(text) + "'.");
        }
        long bytes = Long.parseLong(m.group(1));
        int shift = switch (m.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        if (bytes > (MAX_BYTES >> shift) || (bytes << shift) < MIN_BYTES) {
            throw ApiException.badRequest(field + " must be between 64m and 4096g, not '" + shortened(text) + "'.");
        }
        return bytes << shift;
    }

    /** {@code bytes} the way people write it: the largest unit that divides it. */
    public static String format(long bytes) {
        String[] units = {"t", "g", "m", "k"};
        for (int i = 0; i < units.length; i++) {
            int shift = 40 - 10 * i;
            if (bytes >= (1L << shift) && bytes % (1L << shift) == 0) {
                return (bytes >> shift) + units[i];
            }
        }
        return Long.toString(bytes);
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
