package org.mlplatform.worker.training;

/**
 * Encoded samples in one flat array ({@code count} samples of {@code sampleShape} each) and their
 * labels: a class index for classification, the standardised value for regression.
 */
public record Samples(float[] x, float[] y, int count, long[] sampleShape) {

    /** Floats per sample. */
    public int sampleSize() {
        long size = 1;
        for (long d : sampleShape) {
            size *= d;
        }
        return (int) size;
    }

    /** These samples in the order of {@code indices}. */
    Samples select(int[] indices) {
        int size = sampleSize();
        float[] xs = new float[indices.length * size];
        float[] ys = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(x, indices[i] * size, xs, i * size, size);
            ys[i] = y[indices[i]];
        }
        return new Samples(xs, ys, indices.length, sampleShape);
    }
}
