package org.mlplatform.serving.artifact;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code serving.properties} of a DJL model archive, as far as validation needs it.
 *
 * <p>Keys: {@code engine} ({@code PyTorch} or {@code OnnxRuntime}), {@code option.modelName} (the
 * model file without extension), and, so that a model without declared shapes can run a trial
 * inference, {@code option.inputNames} (comma-separated), {@code option.inputShapes} (one shape per
 * input, separated by {@code ;}, dimensions by {@code ,}; {@code -1} for any size, e.g. {@code
 * 1,4;1,8}) and {@code option.inputDataTypes} (DJL names, comma-separated, default {@code
 * float32}).
 */
public record ServingProperties(
        Optional<String> engine,
        Optional<String> modelName,
        List<String> inputNames,
        List<List<Long>> inputShapes,
        List<String> inputDataTypes) {

    public static final String FILE_NAME = "serving.properties";

    public static ServingProperties read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return new ServingProperties(
                value(properties, "engine"),
                value(properties, "option.modelName"),
                split(properties.getProperty("option.inputNames"), ","),
                shapes(properties.getProperty("option.inputShapes")),
                split(properties.getProperty("option.inputDataTypes"), ",").stream()
                        .map(t -> t.toLowerCase(Locale.ROOT))
                        .toList());
    }

    private static Optional<String> value(Properties properties, String key) {
        return Optional.ofNullable(properties.getProperty(key))
                .map(String::trim)
                .filter(v -> !v.isEmpty());
    }

    private static List<String> split(String value, String separator) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(separator)).map(String::trim).toList();
    }

    private static List<List<Long>> shapes(String value) {
        List<List<Long>> shapes = new ArrayList<>();
        for (String shape : split(value, ";")) {
            try {
                shapes.add(
                        split(shape.replaceAll("[()\\[\\]]", ""), ",").stream()
                                .map(Long::parseLong)
                                .toList());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "option.inputShapes in serving.properties is not like 1,4;1,8: " + value);
            }
        }
        return shapes;
    }
}
