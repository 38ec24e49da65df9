package io.simswarm.cli.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Formats measured values compactly: six significant digits, no trailing zeros; NaN, inf and -inf as in CSV. */
public final class Numbers {

    private Numbers() {
    }

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.6g", value);
        if (text.contains("e")) {
            return text;
        }
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    /**
     * Rounded to {@code digits} significant digits, without trailing zeros, as plain digits from 0.0001 to a million
     * and with an exponent beyond: {@code 0.000312}, {@code 1.41}, {@code 1.5e-7}.
     */
    public static String rounded(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return format(value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros();
        double magnitude = Math.abs(rounded.doubleValue());
        return magnitude >= 1e-4 && magnitude < 1e6 ? rounded.toPlainString()
                : rounded.toString().replace("E+", "e").replace('E', 'e');
    }
}
