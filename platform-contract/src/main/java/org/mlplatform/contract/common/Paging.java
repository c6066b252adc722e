package org.mlplatform.contract.common;

/** Paging limits shared by every list endpoint. */
public final class Paging {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    private Paging() {}

    /** Clamps a requested page size to 1..{@value #MAX_SIZE}; null means the default. */
    public static int clampSize(Integer size) {
        if (size == null) {
            return DEFAULT_SIZE;
        }
        return Math.max(1, Math.min(MAX_SIZE, size));
    }

    /** A negative or missing page number means the first page. */
    public static int clampPage(Integer page) {
        return page == null ? 0 : Math.max(0, page);
    }
}
