package org.mlplatform.contract.dataset;

import java.util.List;

/**
 * The profile of an image-zip dataset.
 *
 * @param imageCount all images
 * @param classes the classes (folders), by name
 * @param minWidth the narrowest image, in pixels; likewise the others
 */
public record ImageZipProfile(
        long imageCount,
        List<ImageClassCount> classes,
        int minWidth,
        int maxWidth,
        int minHeight,
        int maxHeight) {}
