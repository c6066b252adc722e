package org.mlplatform.serving;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mlplatform.contract.inference.CallFrames;

/**
 * The answers of one coalesced exchange. They finish on serving threads and are written on the
 * connection's event loop, all that finished since the last write in one.
 */
final class AnswerOutbox {

    private final HttpServerResponse response;
    private final Context loop;
    private final Queue<byte[]> done = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private int remaining;

    AnswerOutbox(HttpServerResponse response, Context loop, int calls) {
        this.response = response;
        this.loop = loop;
        this.remaining = calls;
    }

    void add(int index, CallFrames.Answer answer) {
        done.add(CallFrames.answer(index, answer));
        if (scheduled.compareAndSet(false, true)) {
            loop.runOnContext(write -> drain());
        }
    }

    private void drain() {
        scheduled.set(false);
        Buffer out = Buffer.buffer();
        for (byte[] answer = done.poll(); answer != null; answer = done.poll()) {
            out.appendBytes(answer);
            remaining--;
        }
        if (out.length() == 0 || response.ended() || response.closed()) {
            return;
        }
        if (remaining == 0) {
            response.end(out);
        } else {
            response.write(out);
        }
    }
}
