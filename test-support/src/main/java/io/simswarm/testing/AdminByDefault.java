package io.simswarm.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.authentication.ExplicitNoAuthScheme;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.FilterableRequestSpecification;
import java.util.regex.Pattern;

/**
 * Every REST Assured request of a test carries an admin token unless it sets its own Authorization header or asks for
 * none ({@code given().auth().none()}); the runner's lease and upload paths, which take HMAC tokens, get none. So the
 * tests of the service's behaviour run with authentication on, and the security tests choose their callers.
 */
public class AdminByDefault implements QuarkusTestBeforeEachCallback {

    private static final Pattern RUNNER_PATHS = Pattern.compile("/campaigns/[^/]+/(leases(/.*)?|results|runs/[^/]+/results)");

    private static final Filter FILTER = new AdminTokenFilter();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        install();
    }

    /**
     * Adds the admin-token filter to REST Assured's defaults, for tests that start a service outside Quarkus's test
     * framework (a packaged jar as a process of its own); {@code RestAssured.reset()} takes it away.
     */
    public static void install() {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }

    private static final class AdminTokenFilter implements Filter {

        private String token;

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                FilterContext context) {
            boolean runnerPath = "POST".equals(request.getMethod())
                    && RUNNER_PATHS.matcher(request.getDerivedPath()).matches();
            if (!runnerPath && !request.getHeaders().hasHeaderWithName("Authorization")
                    && !(request.getAuthenticationScheme() instanceof ExplicitNoAuthScheme)) {
                request.header("Authorization", "Bearer " + token());
            }
            return context.next(request, response);
        }

        private synchronized String token() {
            if (token == null) {
                token = TestTokens.of("tester", "admin");
            }
            return token;
        }
    }
}
