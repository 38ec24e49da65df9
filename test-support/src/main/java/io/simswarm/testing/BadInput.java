package io.simswarm.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.specification.RequestSpecification;
import java.util.regex.Pattern;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

/**
 * One case of a catalogue of bad requests: what is sent, and the refusal it must get. {@link #assertRefused()} sends it
 * and checks the status, the {@code application/problem+json} type, that the detail holds the expected part of the
 * sentence, and that the sentence names no Java class or package.
 *
 * @param name        what is wrong, as the test report shows it
 * @param method      HTTP method
 * @param path        path of the request
 * @param contentType Content-Type of the body; none when null
 * @param body        body as sent, byte for byte; none when null
 * @param role        role of the caller's token; the default admin token when null
 * @param status      the expected status
 * @param sentence    a part of the expected detail
 */
public record BadInput(String name, String method, String path, String contentType, String body, String role,
        int status, String sentence) {

    /** A class, package or exception name in an answer: what a sentence for users never holds. */
    public static final Pattern JAVA_NAMES = Pattern.compile(
            "(java|jakarta|io\\.quarkus|io\\.simswarm|io\\.vertx|com\\.fasterxml|org\\.[a-z]+)\\.[A-Za-z]|Exception");

    /** A JSON request. */
    public static BadInput json(String name, String method, String path, String body, int status, String sentence) {
        return new BadInput(name, method, path, "application/json", body, null, status, sentence);
    }

    /** A request without a body. */
    public static BadInput bare(String name, String method, String path, int status, String sentence) {
        return new BadInput(name, method, path, null, null, null, status, sentence);
    }

    /** The same request with another Content-Type. */
    public BadInput typed(String type) {
        return new BadInput(name, method, path, type, body, role, status, sentence);
    }

    /** The same request by a caller with this role. */
    public BadInput by(String callerRole) {
        return new BadInput(name, method, path, contentType, body, callerRole, status, sentence);
    }

    /** Sends the request and checks the refusal. */
    public void assertRefused() {
        RequestSpecification request = given();
        if (role != null) {
            request.header("Authorization", "Bearer " + TestTokens.of("catalogue-" + role, role));
        }
        if (contentType != null) {
            request.contentType(contentType);
        }
        if (body != null) {
            request.body(body);
        }
        request.when().request(method, path)
                .then().statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", containsString(sentence))
                .body("detail", not(javaNames()));
    }

    private static Matcher<String> javaNames() {
        return Matchers.matchesPattern(Pattern.compile(".*(" + JAVA_NAMES.pattern() + ").*", Pattern.DOTALL));
    }

    @Override
    public String toString() {
        return name;
    }
}
