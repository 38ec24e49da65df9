package io.simswarm.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer ({@code application/problem+json}).
 *
 * @param type   a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title  short summary of the kind of problem
 * @param status HTTP status code
 * @param detail human sentence explaining this occurrence
 * @param errors individual findings (e.g. one per invalid field); omitted when empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<String> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }
}
