package org.mlplatform.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mlplatform.e2e.Platform.as;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code ./platform down} leaves nothing behind, and the next start keeps the data. */
@Tag("e2e")
@Order(100)
class RestartE2ETest {

    private static final List<Integer> PORTS = List.of(15432, 8180, 8080, 8081, 8082);

    @Test
    void shouldStopEveryProcessAndKeepTenantsAcrossRestarts() throws Exception {
        String slug = Platform.createTenant("durable", "Durable Inc", "alice");
        List<Long> pids = runningPids();
        assertThat(pids).hasSize(5);

        run("down");

        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("process %d is gone", pid)
                    .isFalse();
        }
        for (int port : PORTS) {
            assertThat(listening(port)).as("port %d is free", port).isFalse();
        }

        run("up", "--detach");

        as("admin")
                .get("/api/v1/admin/tenants/" + slug)
                .then()
                .statusCode(200)
                .body("name", equalTo("Durable Inc"));
        as("alice")
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("tenants.find { it.slug == '" + slug + "' }.role", equalTo("OWNER"));
    }

    private static List<Long> runningPids() throws IOException {
        try (Stream<Path> files = Files.list(Platform.DATA.resolve("run"))) {
            return files.filter(f -> f.toString().endsWith(".pid"))
                    .map(RestartE2ETest::read)
                    .map(s -> Long.parseLong(s.trim()))
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Platform.ROOT.resolve("platform").toString());
        command.addAll(List.of(args));
        Process process =
                new ProcessBuilder(command)
                        .directory(Platform.ROOT.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                        .start();
        process.getOutputStream().close();
        assertThat(process.waitFor(6, TimeUnit.MINUTES))
                .as("./platform %s finished", args[0])
                .isTrue();
        assertThat(process.exitValue()).as("exit code of ./platform %s", args[0]).isZero();
    }
}
