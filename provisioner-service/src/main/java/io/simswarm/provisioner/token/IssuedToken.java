package io.simswarm.provisioner.token;

import java.time.Instant;

/** A token just issued; the token itself is shown this once and stored nowhere. */
public record IssuedToken(String name, String role, Instant expiresAt, String token) {
}
