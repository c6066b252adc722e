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
 * as a 4-byte big-endian length and the bytes; the response holds, in the same order, each call's
 * answer as a 2-byte status, a 4-byte batch-item count, a 4-byte length and the JSON bytes.
 */
public final class CallFrames {

    /** The media type of both bodies. */
    public static final String MEDIA_TYPE = "application/vnd.mlplatform.inference-calls";

    /** The most calls one exchange carries. */
    public static final int MAX_CALLS = 64;

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

    /** The response body for {@code answers}. */
    public static byte[] answers(List<Answer> answers) {
        int size = 0;
        for (Answer answer : answers) {
            size += 10 + answer.body().length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        for (Answer answer : answers) {
            out.putShort((short) answer.status())
                    .putInt(answer.batchItems())
                    .putInt(answer.body().length)
                    .put(answer.body());
        }
        return out.array();
    }

    /**
     * The answers in a response body.
     *
     * @throws IllegalArgumentException when the body is not a sequence of answers
     */
    public static List<Answer> readAnswers(byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(body);
        List<Answer> answers = new ArrayList<>();
        try {
            while (in.hasRemaining()) {
                int status = in.getShort();
                int batchItems = in.getInt();
                answers.add(new Answer(status, batchItems, bytes(in, in.getInt())));
            }
        } catch (BufferUnderflowException e) {
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
