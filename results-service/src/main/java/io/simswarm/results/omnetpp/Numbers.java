package io.simswarm.results.omnetpp;

/** Numbers as OMNeT++ writes them: decimal or exponent notation, {@code nan}, {@code inf}, {@code -inf}. */
public final class Numbers {

    private Numbers() {
    }

    public static double parse(String token) throws ParseException {
        switch (token) {
            case "nan", "-nan", "+nan", "NaN", "-NaN", "NAN", "-NAN" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "Inf", "INF", "infinity", "Infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-Inf", "-INF", "-infinity", "-Infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                if (!looksNumeric(token)) {
                    throw new ParseException("'" + token + "' is not a number");
                }
                try {
                    return Double.parseDouble(token);
                } catch (NumberFormatException e) {
                    throw new ParseException("'" + token + "' is not a number");
                }
            }
        }
    }

    public static long parseLong(String token) throws ParseException {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw new ParseException("'" + token + "' is not an integer");
        }
    }

    /**
     * True for digits with signs, points and exponent letters only, at least one digit: the tokens {@link #parse}
     * hands to {@link Double#parseDouble}, none of which needs escaping when written out again.
     */
    public static boolean looksNumeric(String token) {
        if (token.isEmpty()) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != 'e' && c != 'E' && c != '+' && c != '-') {
                return false;
            }
        }
        return digit;
    }
}
