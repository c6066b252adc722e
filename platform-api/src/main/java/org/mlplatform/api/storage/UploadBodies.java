package org.mlplatform.api.storage;

import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.mlplatform.api.common.InvalidRequestException;
import org.mlplatform.contract.common.ProblemDetail.FieldError;

/** What every upload endpoint needs from its request: the declared length, or the form's file. */
public final class UploadBodies {

    /** Stores one upload body of a known or unknown length. */
    @FunctionalInterface
    public interface Upload<T> {
        T store(InputStream content, Long contentLength);
    }

    private UploadBodies() {}

    /** The declared {@code Content-Length}, or null when it is absent or not a number. */
    public static Long contentLength(HttpHeaders headers) {
        String value = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return value == null ? null : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Stores the part {@code file} of a multipart form (Quarkus has already written it to disk);
     * 400 when the form has no such part.
     */
    public static <T> T fromForm(FileUpload file, Upload<T> upload) {
        if (file == null) {
            throw new InvalidRequestException(
                    "The form has no part 'file'.",
                    List.of(new FieldError("file", "must not be missing")));
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return upload.store(in, file.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
