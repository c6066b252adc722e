package org.mlplatform.api.quota;

/** The inference use the quota API shows; kept by the usage meter. */
public interface InferenceMeter {

    /** The tenant's inference calls in the last full second, as seen by this replica. */
    long lastSecond(long tenantId);

    /** The tenant's admitted inference calls this calendar month (UTC), on every replica. */
    long tenantMonth(long tenantId);
}
