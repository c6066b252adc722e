package org.mlplatform.serving.engine;

/**
 * The DJL engine this worker loaded.
 *
 * @param name the engine name, such as {@code PyTorch}
 * @param version the engine's (native library's) version, such as {@code 2.7.1}
 * @param device the device the worker computes on, such as {@code cpu()}
 */
public record EngineInfo(String name, String version, String device) {}
