package io.simswarm.results.upload;

/** Run numbers as a group upload spells them: decimal, without sign or leading zeros ({@code 0} is fine). */
final class RunNumbers {

    private RunNumbers() {
    }

    /** The run number {@code text} spells, or -1 when it spells none (or one past {@link Integer#MAX_VALUE}). */
    static int parse(String text) {
        int length = text.length();
        if (length == 0 || length > 10 || (text.charAt(0) == '0' && length > 1)) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }
}
