package org.mlplatform.worker.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The model fixtures of src/test/resources/models, and corrupt variants built from them. */
public final class ModelFixtures {

    private ModelFixtures() {}

    /** The bytes of a fixture, such as {@code tiny-mlp.onnx}. */
    public static byte[] bytes(String name) {
        try (InputStream in = ModelFixtures.class.getResourceAsStream("/models/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes bytes to a file in dir. */
    public static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** A zip with the given entries (name → bytes), in order. */
    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return buffer.toByteArray();
    }

    /** Text as UTF-8 bytes. */
    public static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static void writeTo(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
    }
}
