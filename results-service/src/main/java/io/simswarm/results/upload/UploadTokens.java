package io.simswarm.results.upload;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.events.RunToken;
import io.simswarm.results.config.ResultsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the run tokens of uploads: {@code Bearer TOKEN} for one run, {@code Bearer RUN=TOKEN,RUN=TOKEN,...} for
 * a group. Runs before the body is read.
 */
@ApplicationScoped
public class UploadTokens {

    private final RunToken tokens;
    private final int maxGroupRuns;

    public UploadTokens(ResultsConfig config) {
        this.tokens = new RunToken(config.tokenSecret());
        this.maxGroupRuns = config.maxGroupRuns();
    }

    /** Throws 401 without a bearer token and 403 when the token is not the one of this run. */
    public void authorize(String campaignId, int runNumber, String authorization) {
        String token = bearer(authorization, "The upload needs the header 'Authorization: Bearer TOKEN' with the "
                + "token of run " + runNumber + ".");
        if (!tokens.verify(campaignId, runNumber, token)) {
            throw ApiException.forbidden("The token is not the upload token of run " + runNumber + " of campaign '"
                    + campaignId + "'.");
        }
    }

    /**
     * The runs of a group upload, in the order of the list, once every token is checked: 401 without a list,
     * 400 for a list that cannot be read or has too many runs, 403 naming the first run whose token is wrong.
     */
    public List<Integer> authorizeGroup(String campaignId, String authorization) {
        String list = bearer(authorization, "The group upload needs the header 'Authorization: Bearer "
                + "RUN=TOKEN,RUN=TOKEN,...' with the token of every run.");
        List<Integer> runs = new ArrayList<>();
        List<String> runTokens = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (String item : list.split(",", -1)) {
            String entry = item.strip();
            int equals = entry.indexOf('=');
            int run = equals < 0 ? -1 : RunNumbers.parse(entry.substring(0, equals).strip());
            String token = equals < 0 ? "" : entry.substring(equals + 1).strip();
            if (run < 0 || token.isEmpty()) {
                throw ApiException.badRequest("The Authorization header's run list cannot be read at '" + entry
                        + "': it must be RUN=TOKEN,RUN=TOKEN,... with decimal run numbers.");
            }
            if (!seen.add(run)) {
                throw ApiException.badRequest("The Authorization header names run " + run + " twice.");
            }
            runs.add(run);
            runTokens.add(token);
        }
        if (runs.size() > maxGroupRuns) {
            throw ApiException.badRequest("The group holds " + runs.size() + " runs, more than the limit of "
                    + maxGroupRuns + " runs per group upload.");
        }
        for (int i = 0; i < runs.size(); i++) {
            if (!tokens.verify(campaignId, runs.get(i), runTokens.get(i))) {
                throw ApiException.forbidden("The token given for run " + runs.get(i) + " is not the upload token of "
                        + "run " + runs.get(i) + " of campaign '" + campaignId + "'.");
            }
        }
        return runs;
    }

    /** The credentials of a {@code Bearer} Authorization header; 401 when there are none. */
    private static String bearer(String authorization, String missing) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiException.unauthorized(missing);
        }
        String value = authorization.strip();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("The Authorization header must carry a Bearer token.");
        }
        String credentials = value.substring(7).strip();
        if (credentials.isEmpty()) {
            throw ApiException.unauthorized(missing);
        }
        return credentials;
    }
}
