package org.mlplatform.portal.api;

/** Query parameters: a blank search is no search. */
final class Strings {

    private Strings() {}

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
