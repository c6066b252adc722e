package org.mlplatform.api.job;

/**
 * A claimed job cannot run (its dataset is gone, the tenant's training time is used up, ...): the
 * claim fails it at once with this reason instead of handing it out.
 */
public class UnrunnableJobException extends RuntimeException {

    public UnrunnableJobException(String reason) {
        super(reason);
    }
}
