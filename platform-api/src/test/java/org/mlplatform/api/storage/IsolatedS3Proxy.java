package org.mlplatform.api.storage;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * An in-process S3 server for tests, in a class loader of its own. jclouds (under s3proxy) needs
 * Guice 7 with jakarta.inject, but Quarkus' test bootstrap puts maven-embedder's Guice 5 on the
 * same class path, first. This loader sees the test class path without that jar, and nothing of the
 * application class loader, so neither side disturbs the other.
 */
final class IsolatedS3Proxy implements AutoCloseable {

    /**
     * maven-embedder's {@code guice-5.x-classes.jar}, and the JBoss SLF4J binding (so s3proxy logs
     * through slf4j-simple to stderr rather than into a second copy of the JBoss log manager).
     */
    private static final Pattern LEFT_OUT =
            Pattern.compile(
                    ".*(/com/google/inject/guice/.*-classes|/slf4j-jboss-logmanager-.*)\\.jar");

    private final URLClassLoader loader;
    private final AutoCloseable server;
    private final URI endpoint;

    private IsolatedS3Proxy(URLClassLoader loader, Object server) {
        this.loader = loader;
        this.server = (AutoCloseable) server;
        this.endpoint = URI.create("http://127.0.0.1:" + ((IntSupplier) server).getAsInt());
    }

    static IsolatedS3Proxy start(String accessKey, String secretKey) throws Exception {
        URLClassLoader loader =
                new URLClassLoader("s3proxy", classPath(), ClassLoader.getPlatformClassLoader());
        try {
            Object server =
                    loader.loadClass(IsolatedS3Proxy.class.getPackageName() + ".S3ProxyLauncher")
                            .getMethod("start", String.class, String.class)
                            .invoke(null, accessKey, secretKey);
            return new IsolatedS3Proxy(loader, server);
        } catch (Exception | Error e) {
            loader.close();
            throw e;
        }
    }

    URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            loader.close();
        }
    }

    private static URL[] classPath() {
        // Surefire runs tests from a manifest-only jar and passes the real class path here.
        String path =
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(
                        entry ->
                                !entry.isBlank()
                                        && !LEFT_OUT.matcher(entry.replace('\\', '/')).matches())
                .map(IsolatedS3Proxy::url)
                .toArray(URL[]::new);
    }

    private static URL url(String entry) {
        try {
            return new File(entry).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(entry, e);
        }
    }
}
