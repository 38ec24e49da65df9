package io.simswarm.results.query;

import io.simswarm.commons.problem.ApiException;

/**
 * OMNeT++-style name patterns: {@code ?} is any character except '.', {@code *} any run of characters without
 * '.', {@code **} any run of characters, {@code {a-z}} / {@code {^0-9}} a character set, and a backslash makes
 * the next character literal. Everything else matches itself. Translated to an anchored PostgreSQL regular
 * expression; patterns without wildcards are compared for equality. A pattern is bounded, so that no query spends its
 * time on the pattern: at most {@link #MAX_LENGTH} characters and {@link #MAX_WILDCARDS} wildcards.
 */
public final class Glob {

    /** The longest pattern taken; OMNeT++'s module paths and result names are far shorter. */
    public static final int MAX_LENGTH = 1000;
    /** The most wildcards ({@code *}, {@code **}, {@code ?}, a set) one pattern may hold. */
    public static final int MAX_WILDCARDS = 32;

    private final String pattern;

    /**
     * @throws ApiException (400) for a pattern longer than {@link #MAX_LENGTH} or with more than
     *                      {@link #MAX_WILDCARDS} wildcards
     */
    public Glob(String pattern) {
        this.pattern = pattern;
        if (pattern.length() > MAX_LENGTH) {
            throw ApiException.badRequest("A name pattern of " + pattern.length() + " characters is too long: at most "
                    + MAX_LENGTH + " are taken.");
        }
        int wildcards = wildcards();
        if (wildcards > MAX_WILDCARDS) {
            throw ApiException.badRequest("The pattern '" + pattern + "' has " + wildcards + " wildcards: at most "
                    + MAX_WILDCARDS + " are taken.");
        }
    }

    public boolean isLiteral() {
        return literalPrefix().length() == unescaped().length() && !hasWildcard();
    }

    /** The pattern with escapes resolved; meaningful when {@link #isLiteral()}. */
    public String unescaped() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                c = pattern.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The literal characters before the first wildcard (for an index-friendly LIKE prefix). */
    public String literalPrefix() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?' || c == '{') {
                break;
            }
            if (c == '\\' && i + 1 < pattern.length()) {
                c = pattern.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private boolean hasWildcard() {
        return wildcards() > 0;
    }

    /** How many wildcards the pattern holds; {@code **} counts once. */
    private int wildcards() {
        int count = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '{') {
                count++;
                if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    i++;
                }
            }
        }
        return count;
    }

    public String toRegex() {
        StringBuilder re = new StringBuilder("^");
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                if (i + 1 < n && pattern.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else {
                    re.append("[^.]*");
                }
            } else if (c == '?') {
                re.append("[^.]");
            } else if (c == '{') {
                i = charSet(i, re);
            } else if (c == '\\' && i + 1 < n) {
                literal(pattern.charAt(++i), re);
            } else {
                literal(c, re);
            }
        }
        return re.append('$').toString();
    }

    private int charSet(int open, StringBuilder re) {
        int close = pattern.indexOf('}', open);
        if (close < 0) {
            throw ApiException.badRequest("The pattern '" + pattern + "' has a '{' without a closing '}'.");
        }
        String body = pattern.substring(open + 1, close);
        if (body.isEmpty() || body.contains("..")) {
            throw ApiException.badRequest("The pattern '" + pattern + "' has an unsupported set '{" + body
                    + "}': use a character set like {a-z} or {^0-9}.");
        }
        re.append('[');
        int start = 0;
        if (body.charAt(0) == '^') {
            re.append('^');
            start = 1;
        }
        for (int i = start; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '-' && i > start && i < body.length() - 1) {
                re.append('-');
            } else if (Character.isLetterOrDigit(c)) {
                re.append(c);
            } else {
                re.append('\\').append(c);
            }
        }
        re.append(']');
        return close;
    }

    private static void literal(char c, StringBuilder re) {
        if (Character.isLetterOrDigit(c) || c == '_' || c > 127) {
            re.append(c);
        } else {
            re.append('\\').append(c);
        }
    }
}
