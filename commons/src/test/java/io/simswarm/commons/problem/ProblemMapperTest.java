package io.simswarm.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    /** What Jackson throws when it reads {@code json} as a {@link Body}. */
    private static Exception readFailure(String json) {
        try {
            new ObjectMapper().readValue(json, Body.class);
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
        assertThat(problem(response).detail()).startsWith("The request body is not valid JSON for this endpoint at "
                + "field 'workers': ");
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

    record Body(int workers) {
    }
}
