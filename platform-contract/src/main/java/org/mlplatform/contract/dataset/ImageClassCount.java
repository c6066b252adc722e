package org.mlplatform.contract.dataset;

/** One class (folder) of an image dataset and how many images it holds. */
public record ImageClassCount(String name, long count) {}
