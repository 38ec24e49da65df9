package io.simswarm.results.omnetpp;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line of an OMNeT++ result file into tokens: separated by spaces or tabs, a token with spaces is
 * double-quoted and may contain backslash escapes ({@code \"}, {@code \\}, {@code \n}, {@code \t}, {@code \r},
 * {@code \b}, {@code \f}, {@code \xHH}).
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    /** True for lines without content: empty, only whitespace, or a {@code #} comment. */
    public static boolean isBlankOrComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t') {
                return c == '#';
            }
        }
        return true;
    }

    public static List<String> tokenize(String line) throws ParseException {
        List<String> tokens = new ArrayList<>(6);
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && isSpace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return tokens;
            }
            if (line.charAt(i) == '"') {
                i = quoted(line, i + 1, tokens);
            } else {
                int start = i;
                while (i < n && !isSpace(line.charAt(i))) {
                    i++;
                }
                tokens.add(line.substring(start, i));
            }
        }
    }

    private static int quoted(String line, int i, List<String> tokens) throws ParseException {
        StringBuilder token = new StringBuilder();
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i++);
            if (c == '"') {
                if (i < n && !isSpace(line.charAt(i))) {
                    throw new ParseException("unexpected character after closing quote at column " + (i + 1));
                }
                tokens.add(token.toString());
                return i;
            }
            if (c != '\\') {
                token.append(c);
                continue;
            }
            if (i >= n) {
                break;
            }
            i = escape(line, i, token);
        }
        throw new ParseException("unterminated quoted string");
    }

    private static int escape(String line, int i, StringBuilder token) throws ParseException {
        char e = line.charAt(i++);
        switch (e) {
            case 'n' -> token.append('\n');
            case 't' -> token.append('\t');
            case 'r' -> token.append('\r');
            case 'b' -> token.append('\b');
            case 'f' -> token.append('\f');
            case 'x' -> {
                int end = i;
                while (end < line.length() && end < i + 2 && Character.digit(line.charAt(end), 16) >= 0) {
                    end++;
                }
                if (end == i) {
                    throw new ParseException("\\x escape without hex digits at column " + i);
                }
                token.append((char) Integer.parseInt(line.substring(i, end), 16));
                return end;
            }
            default -> token.append(e);
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t';
    }
}
