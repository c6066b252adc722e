package org.mlplatform.api.inference;

import java.util.List;
import java.util.Map;
import org.mlplatform.api.common.ApiException;

/** A try-it call the worker or the gateway refused, as a problem with the protocol's message. */
class InferenceFailedException extends ApiException {

    InferenceFailedException(int status, String detail, Map<String, String> headers) {
        super(
                status,
                status == 404
                        ? "not-found"
                        : status >= 500 ? "inference-unavailable" : "inference-failed",
                status == 404
                        ? "Not found"
                        : status >= 500 ? "Inference unavailable" : "Inference failed",
                detail,
                List.of(),
                headers);
    }
}
