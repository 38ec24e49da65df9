package io.simswarm.results.campaign;

import io.simswarm.commons.problem.ApiException;
import java.util.regex.Pattern;

/** Campaign ids become folder names and object keys: letters, digits, '.', '_' and '-', at most 128. */
public final class CampaignIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    private CampaignIds() {
    }

    /** Whether the id is valid (see {@link #check}). */
    public static boolean usable(String campaignId) {
        return campaignId != null && VALID.matcher(campaignId).matches() && !campaignId.equals(".")
                && !campaignId.contains("..");
    }

    public static void check(String campaignId) {
        if (!usable(campaignId)) {
            throw ApiException.badRequest("The campaign id '" + campaignId + "' is not valid: use at most 128 "
                    + "letters, digits, '.', '_' and '-'.");
        }
    }
}
