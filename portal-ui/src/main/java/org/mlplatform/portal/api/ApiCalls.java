package org.mlplatform.portal.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.LinkedHashMap;
import java.util.Map;
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
        } catch (ConstraintViolationException e) {
            // The REST client checks the contract's constraints before sending: same as a 400.
            throw new PlatformApiException(
                    400, PlatformApiException.defaultMessage(400), fieldErrors(e));
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

    private static Map<String, String> fieldErrors(ConstraintViolationException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String path = String.valueOf(violation.getPropertyPath());
            String field = path.substring(path.lastIndexOf('.') + 1);
            fields.merge(field, violation.getMessage(), (a, b) -> a + "; " + b);
        }
        return fields;
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
