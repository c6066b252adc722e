package org.mlplatform.api.common;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mlplatform.contract.common.ProblemDetail.FieldError;

/**
 * Parses request parameters that are integers, UUIDs or enums written as their constants ({@code
 * ?status=RUNNING}), failing with an {@link Unparsable} that says what the value must be. JAX-RS
 * answers 404 when a query or path parameter does not convert; {@link ProblemMapper} keeps that for
 * a path (a path that names nothing is not found) and makes it a 400 naming the query parameter
 * otherwise, as it does for instants, which RESTEasy converts itself. Enums with a wire form of
 * their own have a {@link QueryEnumConverter}, which comes first.
 */
@Provider
@Priority(Priorities.USER + 100)
public class QueryValueConverter implements ParamConverterProvider {

    /** What an instant parameter must be. */
    static final String INSTANT = "must be an instant such as 2026-01-31T00:00:00Z";

    /** A parameter value that does not parse, and what it must be. */
    public static class Unparsable extends IllegalArgumentException {
        private final String value;
        private final String expected;

        Unparsable(String value, String expected) {
            super("'" + value + "' " + expected);
            this.value = value;
            this.expected = expected;
        }

        public String value() {
            return value;
        }

        public String expected() {
            return expected;
        }
    }

    /** How a type is read, and what a value must be. */
    private record Format(Function<String, ?> parse, String expected) {}

    private static final Format INTEGER = new Format(Integer::valueOf, "must be an integer");
    private static final Format LONG = new Format(Long::valueOf, "must be an integer");

    private static final Map<Class<?>, Format> FORMATS =
            Map.of(
                    Integer.class,
                    INTEGER,
                    int.class,
                    INTEGER,
                    Long.class,
                    LONG,
                    long.class,
                    LONG,
                    UUID.class,
                    new Format(UUID::fromString, "must be a UUID"));

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(
            Class<T> rawType, Type genericType, Annotation[] annotations) {
        Format format = rawType.isEnum() ? enumFormat(rawType) : FORMATS.get(rawType);
        if (format == null) {
            return null;
        }
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return (T) format.parse().apply(value);
                } catch (RuntimeException e) {
                    throw new Unparsable(value, format.expected());
                }
            }

            @Override
            public String toString(T value) {
                return value instanceof Enum<?> e ? e.name() : String.valueOf(value);
            }
        };
    }

    /** The 400 problem for a query parameter whose value does not parse. */
    static InvalidRequestException invalid(String parameter, String expected) {
        return new InvalidRequestException(
                "The query parameter " + parameter + " is not valid.",
                List.of(new FieldError(parameter, expected)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Format enumFormat(Class<?> type) {
        Class<? extends Enum> enumType = (Class<? extends Enum>) type;
        String constants =
                Arrays.stream(enumType.getEnumConstants())
                        .map(Enum::name)
                        .collect(Collectors.joining(", "));
        return new Format(value -> Enum.valueOf(enumType, value), "must be one of " + constants);
    }
}
