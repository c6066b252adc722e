package org.mlplatform.serving.artifact;

import java.util.Locale;
import java.util.regex.Pattern;
import org.mlplatform.contract.model.ModelFormat;

/**
 * Turns what went wrong while loading or running a model into a reason a person can act on. The
 * engines' own messages stay in the text: they name the operator, opset or file offset.
 */
public final class FailureReasons {

    private static final int MAX_LENGTH = 2000;
    private static final Pattern LOAD_MODEL_FROM =
            Pattern.compile("Load model from \\S+ failed:\\s*");

    private FailureReasons() {}

    /** The artifact's bytes are not of the declared format at all. */
    public static String wrongFormat(ModelFormat declared, FileKind actual) {
        String expected =
                switch (declared) {
                    case ONNX -> "an ONNX model";
                    case TORCHSCRIPT -> "a TorchScript archive saved with torch.jit.save";
                    case DJL -> "a DJL model archive (.zip)";
                };
        String hint =
                switch (actual) {
                    case ONNX -> " Upload it again with format onnx.";
                    case ZIP -> " Upload it again with format torchscript or djl.";
                    case PICKLE ->
                            " Export it with torch.jit.trace(...).save(...) or torch.onnx.export.";
                    case UNKNOWN -> "";
                };
        return "The file was uploaded as "
                + declared.wireName()
                + " but is not "
                + expected
                + ": it looks like "
                + actual.description()
                + "."
                + hint;
    }

    /** Loading with the engine failed. */
    public static String loadFailed(ModelFormat format, String engine, Throwable error) {
        String message = message(error);
        String lower = message.toLowerCase(Locale.ROOT);
        if (unsupported(lower)) {
            return limit(
                    "The model uses an operator or opset that the "
                            + engine
                            + " engine of this worker does not support: "
                            + message);
        }
        return limit(
                switch (format) {
                    case ONNX ->
                            "The file is not a valid ONNX model (the ONNX Runtime could not parse"
                                    + " it): "
                                    + message;
                    case TORCHSCRIPT ->
                            "The file is not a TorchScript archive saved with torch.jit.save: "
                                    + message;
                    case DJL ->
                            "The model in the DJL archive could not be loaded with the "
                                    + engine
                                    + " engine: "
                                    + message;
                });
    }

    /** The archive itself is unusable (unsafe entries, too big, no model file). */
    public static String badArchive(String message) {
        return limit("The DJL model archive cannot be used: " + message);
    }

    /** The model loaded but a trial inference on zeros failed. */
    public static String inferenceFailed(String engine, Throwable error) {
        String message = message(error);
        String prefix =
                unsupported(message.toLowerCase(Locale.ROOT))
                        ? "The model uses an operator that the "
                                + engine
                                + " engine of this worker does not support (trial inference"
                                + " on zeros failed): "
                        : "The model loaded but a trial inference on zeros of its input shapes"
                                + " failed in the "
                                + engine
                                + " engine: ";
        return limit(prefix + message);
    }

    private static boolean unsupported(String lower) {
        return lower.contains("could not find an implementation")
                || lower.contains("no opset import for domain")
                || lower.contains("unsupported opset")
                || lower.contains("opset") && lower.contains("not supported")
                || lower.contains("is not a registered function/op")
                || lower.contains("unknown builtin op")
                || lower.contains("unknown type name")
                || lower.contains("unsupported operator")
                || lower.contains("not_implemented");
    }

    /** The innermost message that says something, with the exception types left out. */
    public static String message(Throwable error) {
        String best = null;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                best = t.getMessage().strip();
            }
        }
        return best == null ? error.getClass().getSimpleName() : withoutLocalPaths(best);
    }

    /** The worker's temporary paths mean nothing to the uploader and should not leak to them. */
    private static String withoutLocalPaths(String message) {
        return LOAD_MODEL_FROM.matcher(message).replaceAll("").replaceAll("\\s+", " ").strip();
    }

    private static String limit(String reason) {
        return reason.length() <= MAX_LENGTH ? reason : reason.substring(0, MAX_LENGTH - 1) + "…";
    }
}
