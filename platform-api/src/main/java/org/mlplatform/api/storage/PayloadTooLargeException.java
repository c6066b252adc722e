package org.mlplatform.api.storage;

import java.util.List;
import org.mlplatform.api.common.ApiException;

/** An upload is bigger than the upload limit or the tenant's remaining storage quota: 413. */
public class PayloadTooLargeException extends ApiException {

    private PayloadTooLargeException(String type, String title, String detail) {
        super(413, type, title, detail, List.of());
    }

    public static PayloadTooLargeException uploadLimit(long limit) {
        return new PayloadTooLargeException(
                "payload-too-large",
                "Payload too large",
                "Uploads are limited to " + limit + " bytes.");
    }

    public static PayloadTooLargeException storageQuota(long remaining) {
        return new PayloadTooLargeException(
                "storage-quota-exceeded",
                "Storage quota exceeded",
                "The tenant's storage quota leaves room for "
                        + Math.max(0, remaining)
                        + " more bytes; delete versions or ask a platform admin for more.");
    }
}
