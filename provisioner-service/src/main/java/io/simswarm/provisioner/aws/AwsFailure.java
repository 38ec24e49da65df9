package io.simswarm.provisioner.aws;

import io.simswarm.commons.problem.ApiException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** An AWS call that failed, with the AWS error code when AWS answered. */
public class AwsFailure extends RuntimeException {

    private final String code;
    private final int status;

    public AwsFailure(String message, String code, int status, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.status = status;
    }

    /** Runs an AWS call named {@code action} (e.g. "EC2 RunInstances"), turning its failure into an AwsFailure. */
    public static <T> T call(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String message = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new AwsFailure(action + " was rejected by AWS with " + code + ": " + message, code,
                    e.statusCode(), e);
        } catch (SdkClientException e) {
            throw new AwsFailure(action + " failed before AWS answered: " + e.getMessage(), null, 0, e);
        }
    }

    public static void run(String action, Runnable call) {
        call(action, () -> {
            call.run();
            return null;
        });
    }

    public String code() {
        return code;
    }

    public boolean is(String errorCode) {
        return errorCode.equals(code);
    }

    /** The answer to a REST caller: 400 when AWS blamed the request, 502 otherwise. */
    public ApiException toApi() {
        boolean callerError = status >= 400 && status < 500;
        String sentence = getMessage().endsWith(".") ? getMessage() : getMessage() + ".";
        return callerError
                ? ApiException.badRequest(sentence)
                : new ApiException(502, "Bad gateway", sentence);
    }
}
