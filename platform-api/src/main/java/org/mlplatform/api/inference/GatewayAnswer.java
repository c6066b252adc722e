package org.mlplatform.api.inference;

import io.vertx.core.buffer.Buffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the gateway answers an inference call: the worker's status and body as they are, or a
 * protocol error, with the rate-limit headers.
 */
public record GatewayAnswer(int status, Buffer body, Map<String, String> headers) {

    /** An Open Inference Protocol error: {@code {"error": "..."}}. */
    static GatewayAnswer error(int status, String message, Map<String, String> headers) {
        String json = "{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return new GatewayAnswer(status, Buffer.buffer(json), headers);
    }

    GatewayAnswer withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new GatewayAnswer(status, body, all);
    }
}
