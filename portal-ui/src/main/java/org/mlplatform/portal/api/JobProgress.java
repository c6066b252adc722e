package org.mlplatform.portal.api;

import java.util.List;
import org.mlplatform.contract.training.TrainingJobEvent;
import org.mlplatform.contract.training.TrainingJobResponse;

/**
 * Reads one training job's state and its new events from any thread, with a token that was captured
 * while the user's request was there (a background thread has no request, so {@link
 * AccessTokens#current()} is empty on it). Both methods throw {@link PlatformApiException}.
 */
public interface JobProgress {

    TrainingJobResponse job();

    /** Events with {@code seq > after}, oldest first. */
    List<TrainingJobEvent> eventsAfter(long after);
}
