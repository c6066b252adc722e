package org.mlplatform.contract.inference;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Several inference calls for one deployment in one HTTP exchange between the gateway and a worker
 * ({@code POST /v2/models/{deployment}/calls}): the gateway sends the calls that reached it in the
 * same event-loop turn together, so under load one request, one read and one write on each side
 * carry many calls instead of one each. The request holds each call's Open Inference Protocol body
 * as a 4-byte big-endian length and the bytes. The response streams each call's answer as soon as
 * it is done, in the order they finish (calls of one exchange may land in different batches): the
 * call's 2-byte index, a 2-byte status, a 4-byte batch-item count, a 4-byte length and the JSON.
 */
public final class CallFrames {

    /** The media type of both bodies. */
    public static final String MEDIA_TYPE = "application/vnd.mlplatform.inference-calls";

    /**
     * The header of a worker's answer to one call ({@code POST /v2/models/{deployment}/infer}): how
     * many requests ran in the batch that answered it (a coalesced answer carries the count in its
     * frame).
     */
    public static final String BATCH_ITEMS_HEADER = "Inference-Batch-Items";

    /** The most calls one exchange carries. */
    public static final int MAX_CALLS = 64;

    /** An answer's index, status, batch items and length. */
    private static final int ANSWER_HEAD = 12;

    /** One call's answer: what the worker would have answered that call alone. */
    public record Answer(int status, int batchItems, byte[] body) {}

    private CallFrames() {}

    /** The request body for {@code calls}. */
    public static byte[] requests(List<byte[]> calls) {
        int size = 0;
        for (byte[] call : calls) {
            size += 4 + call.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (byte[] call : calls) {
            out.putInt(call.length).put(call);
        }
        return out.array();
    }

    /**
     * The calls in a request body.
     *
     * @throws IllegalArgumentException when the body is not a sequence of 1 to {@link #MAX_CALLS}
     *     length-prefixed calls
     */
    public static List<byte[]> readRequests(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body == null ? new byte[0] : body);
        List<byte[]> calls = new ArrayList<>();
        try {
            while (in.hasRemaining()) {
                calls.add(bytes(in, in.getInt()));
            }
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("The calls end in the middle of a call");
        }
        if (calls.isEmpty() || calls.size() > MAX_CALLS) {
            throw new IllegalArgumentException(
                    "A request holds 1 to " + MAX_CALLS + " calls, not " + calls.size());
        }
        return calls;
    }

    /** One answer as the response carries it: {@code answer} is the call at {@code index}'s. */
    public static byte[] answer(int index, Answer answer) {
        return ByteBuffer.allocate(ANSWER_HEAD + answer.body().length)
                .putShort((short) index)
                .putShort((short) answer.status())
                .putInt(answer.batchItems())
                .putInt(answer.body().length)
                .put(answer.body())
                .array();
    }

    /** Reads answers from a response as its bytes arrive, however they are cut. */
    public static final class AnswerReader {

        /** Gets each answer with the index of its call. */
        public interface Listener {
            void answered(int index, Answer answer);
        }

        private final Listener listener;
        private byte[] pending = new byte[0];

        public AnswerReader(Listener listener) {
            this.listener = listener;
        }

        /**
         * Takes the next bytes of the response.
         *
         * @throws IllegalArgumentException when they cannot be answers
         */
        public void feed(byte[] bytes) {
            ByteBuffer in = ByteBuffer.allocate(pending.length + bytes.length);
            in.put(pending).put(bytes).flip();
            while (in.remaining() >= ANSWER_HEAD) {
                int start = in.position();
                int index = in.getShort() & 0xffff;
                int status = in.getShort();
                int batchItems = in.getInt();
                int length = in.getInt();
                if (length < 0) {
                    throw new IllegalArgumentException("An answer of " + length + " bytes");
                }
                if (in.remaining() < length) {
                    in.position(start);
                    break;
                }
                byte[] body = new byte[length];
                in.get(body);
                listener.answered(index, new Answer(status, batchItems, body));
            }
            pending = new byte[in.remaining()];
            in.get(pending);
        }

        /** Whether the bytes so far end between two answers. */
        public boolean atBoundary() {
            return pending.length == 0;
        }
    }

    /**
     * The answers in a whole response body, by call index.
     *
     * @throws IllegalArgumentException when the body is not a sequence of answers
     */
    public static Answer[] readAnswers(byte[] body, int calls) {
        Answer[] answers = new Answer[calls];
        AnswerReader reader =
                new AnswerReader(
                        (index, answer) -> {
                            if (index >= calls) {
                                throw new IllegalArgumentException("No call " + index);
                            }
                            answers[index] = answer;
                        });
        reader.feed(body);
        if (!reader.atBoundary()) {
            throw new IllegalArgumentException("The answers end in the middle of an answer");
        }
        return answers;
    }

    private static byte[] bytes(ByteBuffer in, int length) {
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException(
                    "A length of "
                            + length
                            + " bytes does not fit the "
                            + in.remaining()
                            + " left");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }
}
