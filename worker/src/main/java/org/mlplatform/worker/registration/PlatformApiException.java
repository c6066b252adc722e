package org.mlplatform.worker.registration;

/** platform-api could not be reached or refused a call; the message says why, for humans. */
public class PlatformApiException extends RuntimeException {

    public PlatformApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
