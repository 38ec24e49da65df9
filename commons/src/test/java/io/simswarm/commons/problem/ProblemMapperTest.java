package io.simswarm.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();

    private static Problem problem(Response response) {
        assertThat(response.getMediaType()).hasToString(Problem.MEDIA_TYPE);
        return (Problem) response.getEntity();
    }

    @Test
    void apiExceptionKeepsItsStatusAndSentence() {
        Response response = mapper.mapApi(ApiException.conflict("The campaign c1 has already ended."));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(problem(response)).isEqualTo(new Problem("about:blank", "Conflict", 409,
                "The campaign c1 has already ended.", List.of()));
    }

    @Test
    void aServiceThatIsBusyForAWhileSaysWhenToComeBack() {
        Response busy = mapper.mapApi(ApiException.unavailable("The staging area is full.", 5));
        Response down = mapper.mapApi(ApiException.unavailable("The provisioner cannot be asked."));

        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(problem(busy).detail()).isEqualTo("The staging area is full.");
        assertThat(down.getHeaderString("Retry-After")).isNull();
    }

    /** What Jackson throws when it reads {@code json} as a {@link Body}. */
    private static Exception readFailure(String json) {
        try {
            new ObjectMapper().disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT).readValue(json, Body.class);
        } catch (Exception e) {
            return e;
        }
        throw new AssertionError("'" + json + "' was read without a failure");
    }

    @Test
    void mistypedJsonValueNamesTheField() {
        Exception failure = readFailure("{\"workers\":\"many\"}");
        assertThat(failure).isInstanceOf(MismatchedInputException.class);

        Response response = mapper.mapMismatchedInput((MismatchedInputException) failure);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(problem(response).detail()).isEqualTo("The request body is not valid JSON for this endpoint at "
                + "field 'workers': it must be a whole number from -2147483648 to 2147483647, not \"many\".");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"workers\": 1.5}|at field 'workers': it must be a whole number from -2147483648 to 2147483647, not 1.5.",
        "{\"workers\": 99999999999}|at field 'workers': it must be a whole number from -2147483648 to 2147483647,"
                + " not 99999999999.",
        "{\"spot\": \"yes\"}|at field 'spot': it must be true or false, not \"yes\".",
        "{\"action\": \"RETRI\"}|at field 'action': it must be one of RETRY, EXIT, not \"RETRI\".",
        "{\"names\": {\"a\": 1}}|at field 'names': it must be a JSON array, not an object.",
        "{\"inner\": [1]}|at field 'inner': it must be a JSON object, not an array.",
        "[1, 2]|: it must be a JSON object, not an array.",
        "{\"workers\": tru}|: Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object"
    })
    void unreadableValuesAreNamedInWordsWithoutJavaTypes(String json, String expected) {
        Exception failure = readFailure(json);

        Response response = mapper.mapUnreadableJson((JsonProcessingException) failure);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(problem(response).detail()).startsWith("The request body is not valid JSON for this endpoint"
                + (expected.startsWith(":") ? "" : " ") + expected)
                .doesNotContainPattern("java|fasterxml|Exception|JsonToken|\\[Source");
    }

    @Test
    void unparsableJsonWrappedInABadRequestSaysWhatIsWrong() {
        Response response = mapper.mapWebApplication(new BadRequestException(readFailure("{\"workers\": ")));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(problem(response).detail()).startsWith("The request body is not valid JSON for this endpoint: "
                + "Unexpected end-of-input");
    }

    @Test
    void webApplicationExceptionUsesTheReasonPhrase() {
        Response response = mapper.mapWebApplication(new NotFoundException());

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(problem(response).title()).isEqualTo("Not Found");
    }

    @Test
    void unexpectedFailuresLeakNoClassNames() {
        Response response = mapper.mapUnexpected(new IllegalStateException("pool exhausted in com.example.Secret"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(problem(response).detail()).startsWith("The service failed unexpectedly; its log has the details")
                .doesNotContain("IllegalStateException").doesNotContain("com.example");
    }

    enum Action { RETRY, EXIT }

    record Inner(int x) {
    }

    record Body(Integer workers, Boolean spot, Action action, List<String> names, Inner inner) {
    }
}
