package io.simswarm.commons.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.simswarm.commons.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps callers from other machines, simulation runs among them, to the few endpoints they need. When
 * {@code simswarm.http.remote-calls} is set, a request whose peer is not on this machine's loopback is answered
 * 403 unless {@code "METHOD /path"} matches that pattern; calls from loopback (the command line, the other
 * services of a workstation) pass untouched. A service that listens on every interface so that runs can reach its
 * lease or upload endpoint thereby opens nothing else to them. Behind a gateway that routes only such endpoints
 * to the runs' network, the setting is {@code any}.
 */
@ApplicationScoped
public class RunNetworkGuard {

    /** The setting's value that lets every caller through (behind a gateway). */
    public static final String ANY = "any";

    private final Optional<Pattern> remoteCalls;
    private final ObjectMapper json;

    public RunNetworkGuard(@ConfigProperty(name = "simswarm.http.remote-calls") Optional<String> remoteCalls,
            ObjectMapper json) {
        this.remoteCalls = remoteCalls.filter(p -> !p.isBlank() && !p.equals(ANY)).map(Pattern::compile);
        this.json = json;
    }

    void install(@Observes Router router) {
        remoteCalls.ifPresent(allowed -> {
            Log.infof("callers from other machines may reach only: %s", allowed.pattern());
            router.route().order(Integer.MIN_VALUE).handler(this::guard);
        });
    }

    /** Whether a request of {@code method} to {@code path} from {@code peer} may go on. */
    boolean allows(String peer, String method, String path) {
        return remoteCalls.isEmpty() || isLoopback(peer) || remoteCalls.get().matcher(method + " " + path).matches();
    }

    private void guard(RoutingContext context) {
        HttpServerRequest request = context.request();
        SocketAddress peer = request.remoteAddress();
        if (allows(peer == null ? null : peer.hostAddress(), request.method().name(), request.path())) {
            context.next();
            return;
        }
        Problem problem = Problem.of(403, "Forbidden", "This endpoint is not open to other machines: only the"
                + " endpoints simulation runs need are. Call it from the machine the service runs on, or through the"
                + " gateway.");
        try {
            context.response().setStatusCode(403).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(403);
        }
    }

    private static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
