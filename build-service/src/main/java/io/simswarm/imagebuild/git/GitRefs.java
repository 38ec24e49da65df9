package io.simswarm.imagebuild.git;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a ref a build names (branch, tag, commit sha, {@code HEAD}) before it reaches git: git's own rules for ref
 * names ({@code git check-ref-format}), and never a word starting with a dash, which a git command line would take for
 * an option ({@code --upload-pack=...}).
 */
public final class GitRefs {

    /** The longest ref a build may name; git hosts refuse far shorter ones in practice. */
    public static final int MAX_LENGTH = 255;

    private static final Pattern FORBIDDEN = Pattern.compile("[\\x00-\\x20\\x7f~^:?*\\[\\\\]|\\.\\.|@\\{|//");

    private GitRefs() {
    }

    /** Why {@code ref} cannot name a commit, or empty when it looks like a ref. */
    public static Optional<String> problem(String ref) {
        if (ref.length() > MAX_LENGTH) {
            return Optional.of("ref is " + ref.length() + " characters long; a branch, tag or commit has at most "
                    + MAX_LENGTH);
        }
        if (ref.startsWith("-")) {
            return Optional.of("ref '" + ref + "' starts with '-', like a command option: name a branch, tag or"
                    + " commit");
        }
        if (FORBIDDEN.matcher(ref).find() || ref.startsWith("/") || ref.endsWith("/") || ref.endsWith(".")
                || ref.endsWith(".lock") || ref.equals("@") || ref.contains("/.") || ref.startsWith(".")) {
            return Optional.of("ref '" + printable(ref) + "' is not a branch, tag or commit name (no spaces,"
                    + " control characters, '..', '~', '^', ':', '?', '*', '[' or '\\')");
        }
        return Optional.empty();
    }

    private static String printable(String text) {
        return text.codePoints().mapToObj(c -> c < 0x20 || c == 0x7f ? "?" : Character.toString(c))
                .reduce("", String::concat);
    }
}
