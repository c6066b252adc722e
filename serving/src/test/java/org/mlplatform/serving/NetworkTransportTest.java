package org.mlplatform.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.epoll.Epoll;
import io.netty.incubator.channel.uring.IOUring;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.Test;

class NetworkTransportTest {

    @Test
    void vertxPrefersIoUringThenEpollFromTheJarsTheRuntimeShips() {
        String expected =
                IOUring.isAvailable() ? "io_uring" : Epoll.isAvailable() ? "epoll" : "nio";
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        try {
            assertThat(NetworkTransport.name(vertx)).isEqualTo(expected);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void withoutThePreferenceVertxUsesJavaNio() {
        Vertx vertx = Vertx.vertx();
        try {
            assertThat(NetworkTransport.name(vertx)).isEqualTo("nio");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
