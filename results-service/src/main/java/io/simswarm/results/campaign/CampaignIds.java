package io.simswarm.results.campaign;

import io.simswarm.commons.problem.ApiException;
import java.util.regex.Pattern;

/** Campaign ids become folder names and object keys: letters, digits, '.', '_' and '-', at most 128. */
public final class CampaignIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    private CampaignIds() {
    }

    public static void check(String campaignId) {
        if (campaignId == null || !VALID.matcher(campaignId).matches() || campaignId.equals(".")
                || campaignId.contains("..")) {
            throw ApiException.badRequest("The campaign id '" + campaignId + "' is not valid: use at most 128 "
                    + "letters, digits, '.', '_' and '-'.");
        }
    }
}
