package org.mlplatform.contract.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads a request body whole on its event loop, refusing one larger than a limit before holding it:
 * at once when its declared length is larger, else as soon as it grows larger (a chunked body).
 * Memory is taken as bytes arrive, never for a length a caller only declares; a {@link BodyBudget}
 * bounds what all bodies read this way hold together. The gateway's and the worker's inference
 * routes read their bodies this way.
 */
public final class BoundedBody {

    /** What a declared length may allocate ahead of its bytes; the buffer grows past it. */
    static final int MAX_INITIAL_CAPACITY = 64 * 1024;

    private static final BodyBudget.Account UNLIMITED = BodyBudget.UNLIMITED.account("anyone");

    /** How a read ended, other than with the whole body. */
    public interface Refusals {
        /** The body is larger than the limit. */
        void tooLarge();

        /** The body does not fit in the budget: in its owner's share, or in the whole. */
        void overBudget(BodyBudget.Shortage shortage);
    }

    private BoundedBody() {}

    /**
     * Reads the body of {@code request} (which Quarkus hands to a route paused) and gives it to
     * {@code then}, or calls {@code tooLarge} once when it is larger than {@code limit} bytes; a
     * connection that fails while the body is read calls neither.
     */
    public static void read(
            HttpServerRequest request, long limit, Consumer<Buffer> then, Runnable tooLarge) {
        read(
                request,
                limit,
                UNLIMITED,
                (body, release) -> then.accept(body),
                new Refusals() {
                    @Override
                    public void tooLarge() {
                        tooLarge.run();
                    }

                    @Override
                    public void overBudget(BodyBudget.Shortage shortage) {
                        throw new IllegalStateException("an unlimited budget refused a body");
                    }
                });
    }

    /**
     * Reads the body of {@code request}, counting its bytes in {@code account} as they arrive, and
     * gives it to {@code then} with the call that lets its bytes go (the caller runs it once the
     * body is no longer held, such as when its answer is sent). Otherwise calls one of {@code
     * refusals} once, having let go of what was counted; a connection that fails while the body is
     * read calls nothing and lets go too.
     */
    public static void read(
            HttpServerRequest request,
            long limit,
            BodyBudget.Account account,
            BiConsumer<Buffer, Runnable> then,
            Refusals refusals) {
        long declared = declaredLength(request);
        if (declared > limit) {
            refusals.tooLarge();
            return;
        }
        Buffer body =
                Buffer.buffer(declared < 0 ? 1024 : (int) Math.min(declared, MAX_INITIAL_CAPACITY));
        Held held = new Held(account);
        boolean[] refused = {false};
        // Paused until every handler is set: Quarkus resumes a request as soon as one is, and a
        // body that arrived while the call waited (for its key's check) is then delivered at once.
        request.pause();
        request.exceptionHandler(
                e -> {
                    refused[0] = true;
                    held.run();
                });
        request.endHandler(
                end -> {
                    if (!refused[0]) {
                        then.accept(body, held);
                    }
                });
        request.handler(
                chunk -> {
                    if (refused[0]) {
                        return;
                    }
                    long size = (long) body.length() + chunk.length();
                    if (size > limit) {
                        refused[0] = true;
                        held.run();
                        refusals.tooLarge();
                        return;
                    }
                    BodyBudget.Shortage shortage = held.grow(chunk.length());
                    if (shortage != null) {
                        refused[0] = true;
                        held.run();
                        refusals.overBudget(shortage);
                        return;
                    }
                    body.appendBuffer(chunk);
                });
        request.resume();
    }

    /** The bytes one body holds in its budget; running it lets them go (once). */
    private static final class Held extends AtomicLong implements Runnable {
        private final transient BodyBudget.Account account;

        Held(BodyBudget.Account account) {
            this.account = account;
        }

        /** Counts the bytes; null when they fit, else why they do not (nothing counted). */
        BodyBudget.Shortage grow(long bytes) {
            BodyBudget.Shortage shortage = account.take(bytes);
            if (shortage == null) {
                addAndGet(bytes);
            }
            return shortage;
        }

        @Override
        public void run() {
            long bytes = getAndSet(0);
            if (bytes > 0) {
                account.give(bytes);
            }
        }
    }

    /**
     * Reads and drops a body its {@code Content-Length} declares at most {@code maxBytes} long,
     * then runs {@code then}; answering only after the body keeps the connection usable for the
     * next call. False, having read nothing, for a longer body or one of unknown length.
     */
    public static boolean drop(HttpServerRequest request, long maxBytes, Runnable then) {
        long declared = declaredLength(request);
        if (declared < 0 || declared > maxBytes) {
            return false;
        }
        request.pause(); // until every handler is set (see read)
        request.exceptionHandler(e -> {});
        request.endHandler(end -> then.run());
        request.handler(chunk -> {});
        request.resume();
        return true;
    }

    /** The body's length as its {@code Content-Length} declares it; -1 without one. */
    static long declaredLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return -1;
        }
        try {
            return Math.max(0, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
