package org.mlplatform.api.storage;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;

/**
 * s3proxy over jclouds' in-memory ("transient") blob store on a free loopback port. Loaded only by
 * {@link IsolatedS3Proxy}'s class loader: touching it from the test class path would load jclouds
 * against the Guice 5 that Quarkus' test bootstrap brings.
 */
public final class S3ProxyLauncher implements AutoCloseable, IntSupplier {

    private final BlobStoreContext jclouds;
    private final S3Proxy proxy;

    private S3ProxyLauncher(String accessKey, String secretKey) throws Exception {
        jclouds =
                ContextBuilder.newBuilder(new TransientApiMetadata())
                        .credentials("identity", "credential")
                        .build(BlobStoreContext.class);
        proxy =
                S3Proxy.builder()
                        .blobStore(jclouds.getBlobStore())
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                        .build();
        proxy.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!"STARTED".equals(proxy.getState())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("s3proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    /** Called reflectively from the other class loader. */
    public static Object start(String accessKey, String secretKey) throws Exception {
        return new S3ProxyLauncher(accessKey, secretKey);
    }

    /** The port it listens on. */
    @Override
    public int getAsInt() {
        return proxy.getPort();
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        jclouds.close();
    }
}
