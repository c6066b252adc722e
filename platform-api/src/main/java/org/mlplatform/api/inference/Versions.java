package org.mlplatform.api.inference;

/** Version path segments of the protocol: positive integers as strings. */
final class Versions {

    private Versions() {}

    /** The version, or null when absent or not a positive integer. */
    static Integer parse(String version) {
        if (version == null || version.isEmpty() || version.length() > 9) {
            return null;
        }
        for (int i = 0; i < version.length(); i++) {
            if (!Character.isDigit(version.charAt(i))) {
                return null;
            }
        }
        int v = Integer.parseInt(version);
        return v > 0 ? v : null;
    }
}
