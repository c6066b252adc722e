package org.mlplatform.worker.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlplatform.contract.training.EpochMetrics;
import org.mlplatform.serving.trained.Preprocessing;

/**
 * The state of a run after an epoch, in one file: a header, the loop's counters and preprocessing
 * as JSON, the current weights, the best weights so far and the optimizer's state.
 */
final class CheckpointFile {

    private static final String MAGIC = "mlplatform-checkpoint-1";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /**
     * The loop's counters.
     *
     * @param epoch the last finished epoch
     * @param bestLoss the best monitored loss so far (validation, or training without a split)
     * @param bestMetrics the figures of the best epoch
     * @param epochsWithoutImprovement for early stopping
     */
    record State(
            int epoch,
            double bestLoss,
            EpochMetrics bestMetrics,
            int epochsWithoutImprovement,
            Preprocessing preprocessing) {}

    /** A checkpoint read back. */
    record Contents(State state, byte[] weights, byte[] bestWeights, byte[] optimizer) {}

    private CheckpointFile() {}

    static void write(Path file, State state, byte[] weights, byte[] best, byte[] optimizer)
            throws IOException {
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeUTF(MAGIC);
            writeBytes(out, JSON.writeValueAsBytes(state));
            writeBytes(out, weights);
            writeBytes(out, best);
            writeBytes(out, optimizer);
        }
    }

    static Contents read(Path file) throws IOException, TrainingException {
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new TrainingException(
                        "The checkpoint to resume from is not one this worker wrote.", false, null);
            }
            State state = JSON.readValue(readBytes(in), State.class);
            return new Contents(state, readBytes(in), readBytes(in), readBytes(in));
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > Integer.MAX_VALUE - 16) {
            throw new IOException("corrupt checkpoint");
        }
        return in.readNBytes(length);
    }
}
