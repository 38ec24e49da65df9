package io.simswarm.commons.security;

import io.smallrye.jwt.build.Jwt;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

/**
 * Signs the bearer tokens that every service verifies: RS256, issuer {@value #ISSUER}, the name as subject and
 * {@code upn}, the role in {@code groups}. Only the provisioner holds the private key ({@code SIMSWARM_JWT_PRIVATE_KEY}).
 */
public final class AccessTokens {

    public static final String ISSUER = "simswarm";

    private AccessTokens() {
    }

    /** A token signed with the key configured as {@code smallrye.jwt.sign.key.location}. */
    public static String sign(String name, String role, Duration lifetime) {
        return Jwt.issuer(ISSUER).subject(name).upn(name).groups(Set.of(role)).expiresIn(lifetime).sign();
    }

    /** A token signed with {@code key}, for tools that hold the key themselves. */
    public static String sign(String name, String role, Duration lifetime, PrivateKey key) {
        return Jwt.issuer(ISSUER).subject(name).upn(name).groups(Set.of(role)).expiresIn(lifetime).sign(key);
    }
}
