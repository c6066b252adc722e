package org.mlplatform.api.storage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Runs platform-api with {@code platform.storage.type=s3} against an in-process s3proxy. */
public class S3StorageProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3ProxyResource.class));
    }

    /** Starts s3proxy (isolated class loader, see {@link IsolatedS3Proxy}) for the profile. */
    public static class S3ProxyResource implements QuarkusTestResourceLifecycleManager {
        private IsolatedS3Proxy proxy;

        @Override
        public Map<String, String> start() {
            try {
                proxy = IsolatedS3Proxy.start("api-access", "api-secret-key");
            } catch (Exception e) {
                throw new IllegalStateException("s3proxy did not start", e);
            }
            return Map.of(
                    "platform.storage.type", "s3",
                    "platform.storage.s3.endpoint", proxy.endpoint().toString(),
                    "platform.storage.s3.bucket", "platform-api-test",
                    "platform.storage.s3.access-key", "api-access",
                    "platform.storage.s3.secret-key", "api-secret-key",
                    "platform.storage.s3.part-size", String.valueOf(5 * 1024 * 1024));
        }

        @Override
        public void stop() {
            try {
                if (proxy != null) {
                    proxy.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
