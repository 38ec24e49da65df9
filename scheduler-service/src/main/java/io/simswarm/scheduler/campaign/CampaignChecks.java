package io.simswarm.scheduler.campaign;

import io.simswarm.commons.security.RepoUrls;
import io.simswarm.scheduler.point.Target;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a campaign request must be beyond its fields' annotations: a repository URL, ref, workdir and base image the
 * build service and git can use. Refused here, at submission, they cannot fail the campaign later, after its build
 * was queued.
 */
final class CampaignChecks {

    private static final Pattern WITH_SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)(.*)");
    /** {@code user@host:path}, the one form of an ssh URL without a scheme (README, Security). */
    private static final Pattern SCP_LIKE = Pattern.compile("[^@/:]+@[^@/:]+:.+");
    /** Characters git refuses in a ref name ({@code git check-ref-format}), and spaces. */
    private static final Pattern REF_CHARACTERS = Pattern.compile("[\\s\\p{Cntrl}~^:?*\\[\\\\]");
    private static final Pattern REPEAT = Pattern.compile("(^|\\s)--repeat\\b");
    private static final Pattern IMAGE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:@-]*");

    private CampaignChecks() {
    }

    /** What is wrong with the request, one sentence fragment per field; empty when nothing is. */
    static List<String> problems(CampaignRequest request, boolean allowFileRepos) {
        List<String> problems = new ArrayList<>();
        String url = request.repoUrl().strip();
        RepoUrls.refusal(url, allowFileRepos).or(() -> urlProblem(url)).ifPresent(problems::add);
        String ref = blankToNull(request.ref());
        if (ref != null && !isRefName(ref)) {
            problems.add("ref '" + ref + "' is not a branch, tag or commit: git refuses names that start with '-',"
                    + " contain spaces, '..', '~', '^', ':', '?', '*', '[' or '\\', or end with '/', '.' or '.lock'");
        }
        String workdir = blankToNull(request.workdir());
        if (workdir != null && !isInside(workdir)) {
            problems.add("workdir '" + workdir + "' must be a folder inside the repository, relative to its root");
        }
        String image = blankToNull(request.baseImage());
        if (image != null && !IMAGE.matcher(image).matches()) {
            problems.add("baseImage '" + image + "' is not an image reference such as ubuntu:24.04 or"
                    + " registry:5000/team/image:tag");
        }
        problems.addAll(precisionProblems(request));
        return problems;
    }

    /**
     * Precision targets must parse, {@code maxRepetitions} needs them, and with them the scheduler sets the
     * repetitions itself ({@code --repeat}), so the simulation arguments must not.
     */
    private static List<String> precisionProblems(CampaignRequest request) {
        List<String> problems = new ArrayList<>();
        List<String> until = request.until() == null ? List.of() : request.until();
        for (int i = 0; i < until.size(); i++) {
            try {
                Target.parse(until.get(i));
            } catch (IllegalArgumentException e) {
                String sentence = e.getMessage();
                problems.add("until[" + i + "]: " + sentence.substring(0, sentence.length() - 1));
            }
        }
        if (!until.isEmpty() && request.sampleRuns() != null) {
            problems.add("sampleRuns and until do not go together: a sample runs a fixed number of runs");
        }
        if (until.isEmpty() && request.maxRepetitions() != null) {
            problems.add("maxRepetitions applies only with until (the precision targets it bounds)");
        }
        String simArgs = request.simArgs();
        if (!until.isEmpty() && simArgs != null && REPEAT.matcher(simArgs).find()) {
            problems.add("simArgs must not set --repeat with until: the scheduler adds repetitions itself, up to"
                    + " maxRepetitions");
        }
        return problems;
    }

    /** Why {@code url}, which {@link RepoUrls} lets through, is still no git URL; empty when it is one. */
    private static Optional<String> urlProblem(String url) {
        if (url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.of("repoUrl '" + url + "' contains spaces or control characters");
        }
        Matcher withScheme = WITH_SCHEME.matcher(url);
        if (withScheme.matches()) {
            boolean file = withScheme.group(1).equalsIgnoreCase("file");
            if (!file && withScheme.group(2).isEmpty()) {
                return Optional.of("repoUrl '" + url + "' names no host");
            }
            String path = withScheme.group(3);
            if (path.isEmpty() || path.equals("/")) {
                return Optional.of("repoUrl '" + url + "' names no repository path");
            }
            return Optional.empty();
        }
        if (url.startsWith("/") || SCP_LIKE.matcher(url).matches()) {
            return Optional.empty();
        }
        return Optional.of("repoUrl '" + url + "' is not a git URL (use https://..., ssh://..., git://..."
                + " or user@host:path)");
    }

    private static boolean isRefName(String ref) {
        return !ref.startsWith("-") && !ref.startsWith("/") && !ref.endsWith("/") && !ref.endsWith(".")
                && !ref.endsWith(".lock") && !ref.contains("..") && !ref.contains("@{") && !ref.contains("//")
                && !ref.equals("@") && !REF_CHARACTERS.matcher(ref).find();
    }

    private static boolean isInside(String workdir) {
        try {
            Path path = Path.of(workdir).normalize();
            return !path.isAbsolute() && !path.startsWith("..") && !workdir.contains("\\");
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
