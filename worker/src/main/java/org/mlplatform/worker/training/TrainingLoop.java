package org.mlplatform.worker.training;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.L2Loss;
import ai.djl.training.loss.Loss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import ai.djl.util.Pair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.mlplatform.contract.training.EpochMetrics;
import org.mlplatform.contract.training.Hyperparameters;
import org.mlplatform.serving.trained.Networks;
import org.mlplatform.serving.trained.Preprocessing;

/**
 * The training loop, the same for a platform job and a direct run: per epoch a seeded shuffle, one
 * optimizer step per batch, the training and validation figures, a checkpoint, early stopping on
 * the monitored loss (validation, or training without a validation split) keeping the best weights.
 * Between batches it asks {@link TrainingProgress#stopRequested()} and checks the time limit.
 *
 * <p>Determinism: the initial weights come from the engine seeded with the run's seed, and every
 * epoch reseeds the engine (dropout) and the shuffle from (seed, epoch), so a run resumed from a
 * checkpoint after epoch e trains epochs e+1... exactly as an uninterrupted run. The engine's
 * random generator is global: two runs in one JVM at the same time are not reproducible.
 */
public final class TrainingLoop {

    /**
     * One run at a time per JVM: DJL's PyTorch engine allows one gradient collector at a time, and
     * the engine's random generator is global, so parallel runs would fail or lose their
     * reproducibility. A second job waits here (its lease renewed meanwhile).
     */
    private static final ReentrantLock ONE_RUN_AT_A_TIME = new ReentrantLock();

    private final TrainingPlan plan;
    private final TrainingProgress progress;
    private final Hyperparameters hp;
    private final Preprocessing preprocessing;
    private final long deadline;

    public TrainingLoop(TrainingPlan plan, TrainingProgress progress) {
        this.plan = plan;
        this.progress = progress;
        this.hp = plan.hyperparameters();
        this.preprocessing = plan.data().preprocessing();
        this.deadline =
                plan.timeLimit() == null
                        ? Long.MAX_VALUE
                        : System.nanoTime() + plan.timeLimit().toNanos();
    }

    /** Runs the loop to its end, early stop, stop request or time limit. */
    public TrainingRun run() throws TrainingException, TrainingStoppedException {
        try {
            ONE_RUN_AT_A_TIME.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainingException("Interrupted while waiting to train", true, e);
        }
        try {
            return runAlone();
        } finally {
            ONE_RUN_AT_A_TIME.unlock();
        }
    }

    private TrainingRun runAlone() throws TrainingException, TrainingStoppedException {
        // Grad mode is per thread and on by default in a new one: the optimizer's in-place
        // updates of the weights must run outside it (a gradient collector turns it on for the
        // forward and backward pass only).
        Engine engine = Engine.getEngine("PyTorch"); // loads the natives in a direct run
        JniUtils.setGradMode(false);
        Block block;
        try {
            block = Networks.build(plan.architecture(), preprocessing);
        } catch (IllegalArgumentException e) {
            throw TrainingException.badData(e.getMessage());
        }
        Loss loss =
                preprocessing.classifies()
                        ? new SoftmaxCrossEntropyLoss("loss")
                        : new L2Loss("loss");
        ResumableOptimizer optimizer =
                new ResumableOptimizer(hp.optimizer(), hp.learningRate(), hp.momentum());
        try (Model model = Model.newInstance("model", plan.device(), "PyTorch")) {
            model.setBlock(block);
            engine.setRandomSeed(seed(hp.seed()));
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(loss)
                            .optOptimizer(optimizer)
                            .optDevices(new ai.djl.Device[] {plan.device()});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(BatchSteps.batchShape(preprocessing, 1));
                for (Pair<String, Parameter> p : block.getParameters()) {
                    optimizer.name(p.getValue().getId(), p.getKey());
                }
                return train(trainer, block, optimizer);
            }
        } catch (IOException | MalformedModelException e) {
            throw new TrainingException("Training failed: " + e.getMessage(), true, e);
        }
    }

    private TrainingRun train(Trainer trainer, Block block, ResumableOptimizer optimizer)
            throws IOException,
                    MalformedModelException,
                    TrainingException,
                    TrainingStoppedException {
        NDManager manager = trainer.getManager();
        int start = 1;
        double bestLoss = Double.POSITIVE_INFINITY;
        EpochMetrics best = null;
        byte[] bestWeights = null;
        int waited = 0;
        if (plan.warmStart() != null) {
            WarmStart.load(plan.warmStart(), plan.device(), block);
            progress.log("INFO", "Started from the warm-start model's weights.");
        }
        if (plan.resumeFrom() != null) {
            CheckpointFile.Contents saved = CheckpointFile.read(plan.resumeFrom());
            Weights.restore(saved.weights(), this::freshBlock, block, manager);
            try (DataInputStream in =
                    new DataInputStream(new ByteArrayInputStream(saved.optimizer()))) {
                optimizer.load(in, manager);
            }
            start = saved.state().epoch() + 1;
            bestLoss = saved.state().bestLoss();
            best = saved.state().bestMetrics();
            bestWeights = saved.bestWeights();
            waited = saved.state().epochsWithoutImprovement();
            progress.log("INFO", "Resumed from the checkpoint of epoch " + saved.state().epoch());
        }
        BatchSteps steps = new BatchSteps(trainer, preprocessing);
        List<EpochMetrics> history = new ArrayList<>();
        int last = start - 1;
        for (int epoch = start; epoch <= hp.epochs(); epoch++) {
            EpochMetrics metrics = epoch(steps, epoch);
            history.add(metrics);
            progress.epochEnded(metrics);
            if (!Double.isFinite(metrics.trainLoss())) {
                throw TrainingException.badData(
                        ("Training diverged in epoch %d: the loss is no longer a number. Lower the"
                                        + " learningRate.")
                                .formatted(epoch));
            }
            last = epoch;
            double monitored =
                    metrics.validationLoss() != null
                            ? metrics.validationLoss()
                            : metrics.trainLoss();
            if (monitored < bestLoss || bestWeights == null) {
                bestLoss = monitored;
                best = metrics;
                bestWeights = Weights.save(block);
                waited = 0;
            } else {
                waited++;
            }
            checkpoint(epoch, block, optimizer, bestLoss, best, bestWeights, waited);
            if (hp.earlyStoppingPatience() > 0 && waited >= hp.earlyStoppingPatience()) {
                progress.log(
                        "INFO",
                        "Early stopping after epoch %d: no better validation loss for %d epochs;"
                                        .formatted(epoch, waited)
                                + " keeping the weights of epoch "
                                + best.epoch());
                break;
            }
        }
        if (bestWeights == null) {
            throw new TrainingException(
                    "The checkpoint holds no weights to finish with.", false, null);
        }
        return new TrainingRun(bestWeights, best, last, history, preprocessing);
    }

    private EpochMetrics epoch(BatchSteps steps, int epoch)
            throws TrainingException, TrainingStoppedException {
        long started = System.nanoTime();
        Engine.getEngine("PyTorch").setRandomSeed(seed(Split.epochSeed(hp.seed(), epoch)));
        Samples train = plan.data().train();
        int[] order = Split.epochOrder(train.count(), hp.seed(), epoch);
        EpochStats stats = new EpochStats(preprocessing);
        int size = train.sampleSize();
        for (int from = 0; from < order.length; from += hp.batchSize()) {
            checkStop(epoch);
            int count = Math.min(hp.batchSize(), order.length - from);
            float[] x = new float[count * size];
            float[] y = new float[count];
            for (int i = 0; i < count; i++) {
                int sample = order[from + i];
                System.arraycopy(train.x(), sample * size, x, i * size, size);
                y[i] = train.y()[sample];
            }
            steps.train(x, y, count, stats);
        }
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        EpochStats validation = steps.evaluate(plan.data().validation());
        double seconds = (System.nanoTime() - started) / 1e9;
        boolean hasValidation = !validation.empty();
        return new EpochMetrics(
                epoch,
                hp.epochs(),
                stats.loss(),
                hasValidation ? validation.loss() : null,
                stats.accuracy(),
                hasValidation ? validation.accuracy() : null,
                stats.mae(),
                hasValidation ? validation.mae() : null,
                stats.rmse(),
                hasValidation ? validation.rmse() : null,
                seconds,
                train.count() / Math.max(trainSeconds, 1e-9));
    }

    private void checkStop(int epoch) throws TrainingException, TrainingStoppedException {
        Optional<TrainingStoppedException.Reason> stop = progress.stopRequested();
        if (stop.isPresent()) {
            throw new TrainingStoppedException(stop.get(), epoch);
        }
        if (System.nanoTime() - deadline > 0) {
            String reason =
                    plan.timeLimitReason() == null
                            ? "The job ran out of its training time."
                            : plan.timeLimitReason();
            throw new TrainingException(reason, false, null);
        }
    }

    private void checkpoint(
            int epoch,
            Block block,
            ResumableOptimizer optimizer,
            double bestLoss,
            EpochMetrics best,
            byte[] bestWeights,
            int waited)
            throws IOException, TrainingException {
        ByteArrayOutputStream state = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(state)) {
            optimizer.save(out);
        }
        Path file = plan.workDir().resolve("checkpoint-" + epoch + ".bin");
        try {
            CheckpointFile.write(
                    file,
                    new CheckpointFile.State(epoch, bestLoss, best, waited, preprocessing),
                    Weights.save(block),
                    bestWeights,
                    state.toByteArray());
            progress.checkpointSaved(epoch, file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Block freshBlock() {
        return Networks.build(plan.architecture(), preprocessing);
    }

    private static int seed(long seed) {
        return (int) (seed ^ (seed >>> 32));
    }
}
