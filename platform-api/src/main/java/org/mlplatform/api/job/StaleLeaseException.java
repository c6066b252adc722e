package org.mlplatform.api.job;

import java.util.List;
import org.mlplatform.api.common.ApiException;

/** The caller's lease token is not the job's current one, or the job is not running: 409. */
public class StaleLeaseException extends ApiException {

    public StaleLeaseException(String detail) {
        super(409, "stale-lease", "Stale lease", detail, List.of());
    }
}
