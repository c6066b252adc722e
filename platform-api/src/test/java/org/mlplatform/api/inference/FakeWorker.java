package org.mlplatform.api.inference;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.mlplatform.contract.inference.CallFrames;

/**
 * An inference worker played by the JDK's HTTP server on a free port; records what it got. It
 * answers coalesced calls ({@link CallFrames}) as a real worker does: each call in its frame (the
 * last call first) when the status is 200, the exchange as a whole otherwise (as a worker refusing
 * the token would).
 */
final class FakeWorker implements AutoCloseable {

    /** One call as the worker saw it; the calls of one coalesced exchange share its path. */
    record Call(String path, String authorization, String contentType, String body) {}

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger exchanges = new AtomicInteger();
    private final HttpServer server;

    /** Answers every call with the status, the body, and the optional Retry-After. */
    FakeWorker(int status, String answer, int batchItems, String retryAfter) throws IOException {
        this(status, in -> answer, batchItems, retryAfter);
    }

    /** Answers every call 200 with its own request body. */
    static FakeWorker echoing() throws IOException {
        return new FakeWorker(200, in -> in, 1, null);
    }

    private FakeWorker(int status, UnaryOperator<String> answer, int batchItems, String retryAfter)
            throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    exchanges.incrementAndGet();
                    byte[] in = exchange.getRequestBody().readAllBytes();
                    String path = exchange.getRequestURI().getPath();
                    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                    String type = exchange.getRequestHeaders().getFirst("Content-Type");
                    boolean coalesced = CallFrames.MEDIA_TYPE.equals(type);
                    List<String> bodies =
                            coalesced
                                    ? CallFrames.readRequests(in).stream()
                                            .map(b -> new String(b, StandardCharsets.UTF_8))
                                            .toList()
                                    : List.of(new String(in, StandardCharsets.UTF_8));
                    bodies.forEach(body -> calls.add(new Call(path, authorization, type, body)));
                    if (coalesced && status == 200) {
                        // Last call first: a real worker answers in the order calls finish.
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        for (int i = bodies.size() - 1; i >= 0; i--) {
                            byte[] body =
                                    answer.apply(bodies.get(i)).getBytes(StandardCharsets.UTF_8);
                            out.writeBytes(
                                    CallFrames.answer(
                                            i, new CallFrames.Answer(200, batchItems, body)));
                        }
                        exchange.getResponseHeaders().add("Content-Type", CallFrames.MEDIA_TYPE);
                        exchange.sendResponseHeaders(200, out.size());
                        exchange.getResponseBody().write(out.toByteArray());
                        exchange.close();
                        return;
                    }
                    byte[] out = answer.apply(bodies.get(0)).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.getResponseHeaders()
                            .add("Inference-Batch-Items", Integer.toString(batchItems));
                    if (retryAfter != null) {
                        exchange.getResponseHeaders().add("Retry-After", retryAfter);
                    }
                    exchange.sendResponseHeaders(status, out.length);
                    exchange.getResponseBody().write(out);
                    exchange.close();
                });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A URL where nothing listens: the port was free a moment ago and is closed again. */
    static String refusingUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
