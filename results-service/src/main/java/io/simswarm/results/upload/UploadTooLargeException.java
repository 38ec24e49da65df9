package io.simswarm.results.upload;

/** Thrown while reading an upload as soon as it exceeds the size limit. */
class UploadTooLargeException extends RuntimeException {

    UploadTooLargeException(String message) {
        super(message, null, false, false);
    }
}
