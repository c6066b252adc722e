package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * {@code GET /download/t/{tenant}/models/{model}/versions/{version}}: the artifact of a model
 * version, fetched from platform-api with the signed-in user's token and streamed through, never
 * held whole. The browser has no token of its own, so it cannot ask platform-api directly.
 */
@WebServlet(urlPatterns = "/download/*")
public class ArtifactDownloadServlet extends HttpServlet {

    /** The path after {@code /download}; slugs and a version number. */
    static final Pattern PATH =
            Pattern.compile("/t/([a-z0-9-]{1,64})/models/([a-z0-9-]{1,64})/versions/(\\d{1,9})");

    private static final Logger LOG = Logger.getLogger(ArtifactDownloadServlet.class);
    private static final List<String> PASSED_HEADERS =
            List.of("Content-Type", "Content-Length", "Content-Disposition", "ETag");

    @Inject ApiHttp api;

    /** The portal path of a version's artifact, for links. */
    public static String path(String tenant, String model, int version) {
        return "/download/t/" + tenant + "/models/" + model + "/versions/" + version;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Matcher path = PATH.matcher(Optional.ofNullable(request.getPathInfo()).orElse(""));
        if (!path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        HttpResponse<InputStream> artifact;
        try {
            artifact =
                    open(
                            api,
                            path.group(1),
                            path.group(2),
                            Integer.parseInt(path.group(3)),
                            AccessTokens.current(),
                            request.getHeader("If-None-Match"));
        } catch (IOException e) {
            LOG.warnf("Download from platform-api failed: %s", e.getMessage());
            response.sendError(
                    HttpServletResponse.SC_BAD_GATEWAY, "The platform is not reachable right now.");
            return;
        }
        try (InputStream body = artifact.body()) {
            if (artifact.statusCode() != 200 && artifact.statusCode() != 304) {
                String problem = new String(body.readNBytes(64 * 1024));
                PlatformApiException e =
                        ProblemResponseMapper.fromBody(artifact.statusCode(), problem);
                response.sendError(artifact.statusCode(), e.getMessage());
                return;
            }
            response.setStatus(artifact.statusCode());
            for (String header : PASSED_HEADERS) {
                artifact.headers().firstValue(header).ifPresent(v -> response.setHeader(header, v));
            }
            body.transferTo(response.getOutputStream());
        } catch (IOException e) {
            LOG.debugf("Download broken off: %s", e.getMessage());
        }
    }

    /** Asks platform-api for the artifact; the body is a stream, read as it arrives. */
    static HttpResponse<InputStream> open(
            ApiHttp api,
            String tenant,
            String model,
            int version,
            Optional<String> token,
            String ifNoneMatch)
            throws IOException {
        var request =
                ApiHttp.request(
                                api.tenantUri(
                                        tenant,
                                        null,
                                        "models",
                                        model,
                                        "versions",
                                        String.valueOf(version),
                                        "artifact"),
                                token)
                        .GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            return api.client().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }
}
