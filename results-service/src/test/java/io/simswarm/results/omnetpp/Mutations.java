package io.simswarm.results.omnetpp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Damaged copies of a file, for fuzzing: each copy applies a few of these, chosen by a seeded {@link Random} so that
 * a failure names the seed that reproduces it: flip, drop, repeat or insert bytes, cut the file, swap or repeat
 * whole lines, and splice in tokens the result-file grammar finds hard (quotes, escapes, huge and special numbers,
 * very long words, NUL and non-UTF-8 bytes).
 */
public final class Mutations {

    private static final String[] TOKENS = {"\"", "\\", "\\\"", " \"unterminated", "nan", "-inf", "inf", "1e400",
        "-1e-400", "18446744073709551616", "-9223372036854775809", "0x1p3", "1,5", "\t", "\r", "\n", "\n\n", " ",
        "version 3\n", "run\n", "attr\n", "scalar . x\n", "statistic m s\n", "field count -1\n", "bin -inf 3\n",
        "vector 0 m v ETV\n", "vector 99999999999 m v\n", "0\t1\t2\t3\n", "par m p\n", "itervar\n", "config\n",
        "x".repeat(70_000), "\u0000", "\u00ff\u00fe", "é", "😀"};

    private Mutations() {
    }

    /** The {@code seed}-th damaged copy of {@code original}. */
    public static byte[] of(byte[] original, long seed) {
        Random random = new Random(seed);
        byte[] data = original;
        int steps = 1 + random.nextInt(4);
        for (int i = 0; i < steps; i++) {
            data = step(data, random);
        }
        return data;
    }

    private static byte[] step(byte[] data, Random random) {
        if (data.length == 0) {
            return token(random);
        }
        int at = random.nextInt(data.length);
        return switch (random.nextInt(8)) {
            case 0 -> flip(data, at, random);
            case 1 -> splice(data, at, Math.min(data.length, at + 1 + random.nextInt(64)), new byte[0]);
            case 2 -> splice(data, at, at, Arrays.copyOfRange(data, at, Math.min(data.length, at + 1
                    + random.nextInt(256))));
            case 3 -> Arrays.copyOf(data, at);
            case 4 -> splice(data, at, at, token(random));
            case 5 -> splice(data, at, Math.min(data.length, at + 1 + random.nextInt(16)), token(random));
            case 6 -> lines(data, random, false);
            default -> lines(data, random, true);
        };
    }

    private static byte[] flip(byte[] data, int at, Random random) {
        byte[] copy = data.clone();
        copy[at] = (byte) random.nextInt(256);
        return copy;
    }

    private static byte[] token(Random random) {
        return TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] splice(byte[] data, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + insert.length);
        out.write(data, 0, from);
        out.write(insert, 0, insert.length);
        out.write(data, to, data.length - to);
        return out.toByteArray();
    }

    /** Swaps two lines, or repeats one line many times. */
    private static byte[] lines(byte[] data, Random random, boolean repeat) {
        String[] lines = new String(data, StandardCharsets.ISO_8859_1).split("\n", -1);
        int a = random.nextInt(lines.length);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (repeat && i == a) {
                line = (line + "\n").repeat(1 + random.nextInt(50)) + line;
            } else if (!repeat && i == a) {
                line = lines[random.nextInt(lines.length)];
            }
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
