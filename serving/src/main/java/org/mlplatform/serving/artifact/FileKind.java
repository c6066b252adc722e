package org.mlplatform.serving.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a file looks like from its first bytes, to tell a person which format they uploaded. */
public enum FileKind {
    /** A zip archive: TorchScript ({@code torch.jit.save}) or a DJL model archive. */
    ZIP("a zip archive (TorchScript or DJL model archive)"),
    /** A protobuf message starting with ModelProto's ir_version field: an ONNX model. */
    ONNX("an ONNX model (protobuf)"),
    /** A Python pickle, as {@code torch.save} writes for a state dict or a whole module. */
    PICKLE("a Python pickle (torch.save), not a TorchScript archive (torch.jit.save)"),
    /** Anything else. */
    UNKNOWN("neither an ONNX model nor a zip archive");

    private final String description;

    FileKind(String description) {
        this.description = description;
    }

    /** For a person: "a zip archive (...)". */
    String description() {
        return description;
    }

    public static FileKind of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        if (head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return ZIP;
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x80 && head[1] >= 2 && head[1] <= 5) {
            return PICKLE;
        }
        // ModelProto field 1 (ir_version, varint) has tag 0x08; real versions are small numbers.
        if (head.length >= 2 && head[0] == 0x08 && head[1] > 0 && head[1] < 0x20) {
            return ONNX;
        }
        return UNKNOWN;
    }
}
