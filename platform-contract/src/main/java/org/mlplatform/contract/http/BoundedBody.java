package org.mlplatform.contract.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.function.Consumer;

/**
 * Reads a request body whole on its event loop, refusing one larger than a limit before holding it:
 * at once when its declared length is larger, else as soon as it grows larger (a chunked body). The
 * gateway's and the worker's inference routes read their bodies this way.
 */
public final class BoundedBody {

    private BoundedBody() {}

    /**
     * Reads the body of {@code request} (which Quarkus hands to a route paused) and gives it to
     * {@code then}, or calls {@code tooLarge} once when it is larger than {@code limit} bytes; a
     * connection that fails while the body is read calls neither.
     */
    public static void read(
            HttpServerRequest request, long limit, Consumer<Buffer> then, Runnable tooLarge) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared = length == null ? -1 : parseLength(length);
        if (declared > limit) {
            tooLarge.run();
            return;
        }
        Buffer body = Buffer.buffer(declared < 0 ? 1024 : (int) declared);
        boolean[] refused = {false};
        request.handler(
                chunk -> {
                    if (refused[0]) {
                        return;
                    }
                    if (body.length() + chunk.length() > limit) {
                        refused[0] = true;
                        tooLarge.run();
                        return;
                    }
                    body.appendBuffer(chunk);
                });
        request.exceptionHandler(e -> refused[0] = true);
        request.endHandler(
                end -> {
                    if (!refused[0]) {
                        then.accept(body);
                    }
                });
        request.resume();
    }

    private static long parseLength(String value) {
        try {
            return Math.max(0, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
