package org.mlplatform.worker.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.mlplatform.contract.model.ModelSignature;

/**
 * A trained model packed as a DJL archive, proven loadable, with what the job reports about it.
 *
 * @param zip the archive
 * @param modelDir the unpacked archive it was zipped from
 */
public record TrainedArtifact(
        Path zip,
        Path modelDir,
        ModelSignature signature,
        Map<String, Double> metrics,
        List<String> classes,
        int epochs,
        TrainingRun run) {}
