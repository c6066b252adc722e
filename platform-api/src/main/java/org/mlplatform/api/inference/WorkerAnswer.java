package org.mlplatform.api.inference;

import io.vertx.core.buffer.Buffer;

/**
 * What an inference worker answered, passed on to the caller as it is.
 *
 * @param status the worker's HTTP status (503 when it sheds load)
 * @param body the Open Inference Protocol answer or {@code {"error": ...}}
 * @param batchItems the first dimension of the request's inputs, as the worker counted it
 * @param retryAfter the worker's {@code Retry-After} in seconds, when it sent one; else null
 */
public record WorkerAnswer(int status, Buffer body, int batchItems, String retryAfter) {}
