package io.simswarm.provisioner.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A request for a bearer token.
 *
 * @param name    who the token is for; becomes its subject and the owner of what it creates
 * @param role    viewer, runner or admin
 * @param expires how long it is valid: a number and a unit (m, h, d), e.g. 30d, at most 365d; 30d when absent
 */
public record TokenRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]*",
                message = "must start with a letter or digit and hold only letters, digits, '.', '_', '@' and '-'")
        String name,
        @NotBlank @Pattern(regexp = "viewer|runner|admin", message = "must be viewer, runner or admin") String role,
        @Pattern(regexp = "[1-9][0-9]{0,5}[mhd]", message = "must be a number and a unit (m, h or d), e.g. 30d")
        String expires) {
}
