package org.mlplatform.api.common;

import java.util.List;

/** The caller is known but not allowed to do this: 403. */
public class ForbiddenException extends ApiException {

    public ForbiddenException(String detail) {
        this("forbidden", "Forbidden", detail);
    }

    protected ForbiddenException(String type, String title, String detail) {
        super(403, type, title, detail, List.of());
    }

    /** A suspended tenant refuses every call of its members. */
    public static ForbiddenException tenantSuspended(String slug) {
        return new ForbiddenException(
                "tenant-suspended",
                "Tenant suspended",
                "Tenant '" + slug + "' is suspended; ask a platform admin to reactivate it.");
    }
}
