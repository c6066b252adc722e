package org.mlplatform.api.quota;

import org.mlplatform.api.common.ForbiddenException;

/** Creating one more would pass a tenant's limit: 403 with type {@code quota-exceeded}. */
public class QuotaExceededException extends ForbiddenException {

    public QuotaExceededException(String limitName, long limit) {
        super(
                "quota-exceeded",
                "Quota exceeded",
                "The tenant's limit "
                        + limitName
                        + " ("
                        + limit
                        + ") is reached; delete something or ask a platform admin for more.");
    }
}
