package org.mlplatform.contract.inference;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Maps DJL's data type names (as in model signatures) to the protocol's datatypes and back. */
public final class Datatypes {

    private static final Map<String, String> DJL_TO_V2 =
            Map.ofEntries(
                    Map.entry("boolean", "BOOL"),
                    Map.entry("int8", "INT8"),
                    Map.entry("uint8", "UINT8"),
                    Map.entry("int16", "INT16"),
                    Map.entry("int32", "INT32"),
                    Map.entry("int64", "INT64"),
                    Map.entry("float16", "FP16"),
                    Map.entry("float32", "FP32"),
                    Map.entry("float64", "FP64"),
                    Map.entry("string", "BYTES"));

    private Datatypes() {}

    /** The protocol's datatype for a DJL data type name; empty when there is none. */
    public static Optional<String> fromDjl(String djlName) {
        return djlName == null
                ? Optional.empty()
                : Optional.ofNullable(DJL_TO_V2.get(djlName.toLowerCase(Locale.ROOT)));
    }

    /** DJL's data type name for a protocol datatype; empty when it is not a protocol datatype. */
    public static Optional<String> toDjl(String v2Name) {
        if (v2Name == null) {
            return Optional.empty();
        }
        String wanted = v2Name.toUpperCase(Locale.ROOT);
        return DJL_TO_V2.entrySet().stream()
                .filter(e -> e.getValue().equals(wanted))
                .map(Map.Entry::getKey)
                .findFirst();
    }
}
