package io.simswarm.cli.token;

import com.fasterxml.jackson.databind.JsonNode;
import io.simswarm.cli.CliException;
import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.RequestBody;
import io.simswarm.cli.http.Service;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code simswarm token ...}: bearer tokens for the services (an admin issues them). */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Bearer tokens for the services: the provisioner signs them, every service accepts them.")
public class TokenCommand {

    private static final Set<String> ROLES = Set.of("viewer", "runner", "admin");
    private static final Pattern EXPIRES = Pattern.compile("([1-9][0-9]{0,5})([mhd])");
    private static final Duration MAX_LIFETIME = Duration.ofDays(365);

    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Issue a token (admin only) and print it on stdout, alone on its line.",
                "Give it to its holder as SIMSWARM_TOKEN or as token=... in ~/.config/simswarm/config.properties."})
    int create(@Parameters(paramLabel = "NAME", description = "Who the token is for; owns what it submits.")
            String name,
            @Option(names = "--role", required = true, paramLabel = "ROLE",
                    description = "viewer (read), runner (also submit; cancel and retry own campaigns) or admin.")
            String role,
            @Option(names = "--expires", paramLabel = "DURATION", defaultValue = "30d",
                    description = "How long it is valid: a number and m, h or d, at most 365d (default: 30d).")
            String expires) {
        checkRole(role);
        checkExpires(expires);
        JsonNode issued = endpoints.client(Service.PROVISIONER).post("/tokens",
                new RequestBody().put("name", name).put("role", role).put("expires", expires).fields());
        PrintWriter err = spec.commandLine().getErr();
        err.printf("%s token for '%s', valid until %s:%n", issued.path("role").asText(), issued.path("name").asText(),
                issued.path("expiresAt").asText());
        err.flush();
        spec.commandLine().getOut().println(issued.path("token").asText());
        return 0;
    }

    private static void checkRole(String role) {
        if (!ROLES.contains(role)) {
            throw new CliException("--role '" + role + "' is not a role: use viewer, runner or admin", 2);
        }
    }

    /** The provisioner's rule for a token's lifetime: a number and m, h or d, at most a year. */
    private static void checkExpires(String expires) {
        Matcher written = EXPIRES.matcher(expires);
        if (!written.matches()) {
            throw new CliException("--expires '" + expires + "' is not a lifetime: write a number from 1 with m, h or"
                    + " d, e.g. 90m, 12h or 30d", 2);
        }
        long amount = Long.parseLong(written.group(1));
        Duration lifetime = switch (written.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new CliException("--expires '" + expires + "' is too long: a token is valid for at most "
                    + MAX_LIFETIME.toDays() + "d", 2);
        }
    }
}
