package org.mlplatform.api.storage;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;

/**
 * The one way a blob is sent to a client: streamed from the store in 64 KiB reads, with its {@code
 * Content-Length} and {@code ETag}.
 *
 * <p>Memory stays bounded whatever the client's speed: the body is written on the worker thread to
 * Quarkus REST's response stream, which blocks that thread while Vert.x's write queue is full until
 * the connection drains (and fails the copy, closing the blob, when the client goes away), so at
 * most a few chunks are in flight per download. {@code BlobDownloadBackpressureTest} guards this.
 */
public final class BlobResponses {

    static final int CHUNK = 64 * 1024;

    private BlobResponses() {}

    /**
     * A 200 streaming the blob, which it closes once sent or on failure, with {@code
     * Content-Length} and the given {@code ETag}; add further headers to the builder.
     */
    public static Response.ResponseBuilder ok(BlobContent content, String etag) {
        StreamingOutput body =
                out -> {
                    try (content) {
                        InputStream in = content.stream();
                        byte[] buffer = new byte[CHUNK];
                        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                            out.write(buffer, 0, n);
                        }
                    }
                };
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, content.size())
                .header(HttpHeaders.ETAG, etag);
    }
}
