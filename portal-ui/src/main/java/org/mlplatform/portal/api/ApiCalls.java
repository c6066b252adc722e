package org.mlplatform.portal.api;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/** Runs a REST call and turns every failure into a {@link PlatformApiException}. */
final class ApiCalls {

    private static final Logger LOG = Logger.getLogger(ApiCalls.class);

    private ApiCalls() {}

    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (PlatformApiException e) {
            throw e;
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            throw new PlatformApiException(status, PlatformApiException.defaultMessage(status));
        } catch (ProcessingException e) {
            // Connection refused, timeouts: the cause is for the log, not for the user.
            LOG.warnf("platform-api call failed: %s", e.getMessage());
            PlatformApiException failure = unwrap(e);
            if (failure != null) {
                throw failure;
            }
            throw new PlatformApiException(
                    0, "The platform is not reachable right now. Try again in a moment.");
        }
    }

    static void run(Runnable call) {
        call(
                () -> {
                    call.run();
                    return null;
                });
    }

    /** Like {@link #call}, but a 404 answer is an empty result. */
    static <T> Optional<T> find(Supplier<T> call) {
        try {
            return Optional.ofNullable(call(call));
        } catch (PlatformApiException e) {
            if (e.isNotFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static PlatformApiException unwrap(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PlatformApiException p) {
                return p;
            }
        }
        return null;
    }
}
