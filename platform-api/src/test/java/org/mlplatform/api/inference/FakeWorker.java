package org.mlplatform.api.inference;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An inference worker played by the JDK's HTTP server on a free port; records what it got. */
final class FakeWorker implements AutoCloseable {

    /** One call as the worker saw it. */
    record Call(String path, String authorization, String contentType, String body) {}

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    /** Answers every call with the status, the body, and the optional Retry-After. */
    FakeWorker(int status, String answer, int batchItems, String retryAfter) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    byte[] in = exchange.getRequestBody().readAllBytes();
                    calls.add(
                            new Call(
                                    exchange.getRequestURI().getPath(),
                                    exchange.getRequestHeaders().getFirst("Authorization"),
                                    exchange.getRequestHeaders().getFirst("Content-Type"),
                                    new String(in, StandardCharsets.UTF_8)));
                    byte[] out = answer.getBytes(StandardCharsets.UTF_8);
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
