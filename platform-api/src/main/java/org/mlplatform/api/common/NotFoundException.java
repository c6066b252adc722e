package org.mlplatform.api.common;

import java.util.List;

/** The object does not exist, or the caller may not know that it exists: 404. */
public class NotFoundException extends ApiException {

    public NotFoundException(String detail) {
        this("not-found", "Not found", detail);
    }

    protected NotFoundException(String type, String title, String detail) {
        super(404, type, title, detail, List.of());
    }

    /** A user who has never signed in (and was not seeded) is unknown to the platform. */
    public static NotFoundException unknownUser(String username) {
        return new NotFoundException(
                "unknown-user",
                "Unknown user",
                "No user '"
                        + username
                        + "' is known to the platform: the user must sign in once first.");
    }
}
