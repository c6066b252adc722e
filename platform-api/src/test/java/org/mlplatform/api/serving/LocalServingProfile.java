package org.mlplatform.api.serving;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * platform-api serving models in-process. The DJL natives load once per JVM and class loader, so
 * every test that serves models uses this one profile (one application).
 */
public class LocalServingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "platform.inference.local.enabled", "true",
                "platform.inference.local.heartbeat-interval", "200ms",
                "platform.serving.poll-interval", "200ms",
                "platform.serving.work-dir", "target/serving",
                "platform.inference.workers-refresh", "200ms");
    }
}
