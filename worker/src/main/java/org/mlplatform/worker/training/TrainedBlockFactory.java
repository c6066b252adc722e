package org.mlplatform.worker.training;

/**
 * The block factory that archives trained before the serving runtime became a module of its own
 * name in their {@code serving.properties}; the worker's validation of such an archive (uploaded
 * again as a DJL archive) still finds it. New archives name {@link
 * org.mlplatform.serving.trained.TrainedBlockFactory}.
 */
public class TrainedBlockFactory extends org.mlplatform.serving.trained.TrainedBlockFactory {

    private static final long serialVersionUID = 1L;
}
