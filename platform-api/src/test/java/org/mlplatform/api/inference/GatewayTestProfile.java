package org.mlplatform.api.inference;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/** The gateway tests' app: programmable deployments and workers instead of the real ones. */
public class GatewayTestProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FakeDeploymentDirectory.class, FakeInferenceRouter.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "platform.inference.max-request-size",
                "64K",
                "platform.inference.request-buffer-size",
                "256K");
    }
}
