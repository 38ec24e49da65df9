package io.simswarm.events;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The upload token of one run: lowercase hex of HMAC-SHA256 over {@code "<campaignId>:<runNumber>"} keyed with
 * the secret the scheduler and the results service share. A token authorises uploads for exactly one run.
 * The campaign token ({@link #signCampaign}) lets a campaign's workers lease runs from the scheduler.
 */
public final class RunToken {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /**
     * @param secret the shared secret; at least 16 characters
     */
    public RunToken(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the run-token secret must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The token of run {@code runNumber} of campaign {@code campaignId}. */
    public String sign(String campaignId, int runNumber) {
        return HexFormat.of().formatHex(mac(campaignId + ":" + runNumber));
    }

    /** True when {@code token} is the token of that run; compares in constant time. */
    public boolean verify(String campaignId, int runNumber, String token) {
        return matches(sign(campaignId, runNumber), token);
    }

    /** The token with which a campaign's workers lease runs: HMAC over {@code "<campaignId>:lease"}. */
    public String signCampaign(String campaignId) {
        return HexFormat.of().formatHex(mac(campaignId + ":lease"));
    }

    /** True when {@code token} is the lease token of that campaign; compares in constant time. */
    public boolean verifyCampaign(String campaignId, String token) {
        return matches(signCampaign(campaignId), token);
    }

    private static boolean matches(String expected, String token) {
        return token != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
