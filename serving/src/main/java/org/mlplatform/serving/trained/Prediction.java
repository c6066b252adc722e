package org.mlplatform.serving.trained;

import java.util.List;

/**
 * What a trained model answered for a batch.
 *
 * @param labels classification: the most probable class of each sample; null for regression
 * @param probabilities classification: [N, C] class probabilities in {@code classes} order
 * @param values regression: the prediction of each sample in label units; null otherwise
 */
public record Prediction(List<String> labels, float[][] probabilities, float[] values) {}
