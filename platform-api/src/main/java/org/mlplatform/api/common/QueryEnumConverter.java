package org.mlplatform.api.common;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.function.Function;
import org.mlplatform.contract.common.ProblemDetail.FieldError;

/**
 * Parses a query parameter into a wire enum (such as {@code ?format=}). JAX-RS answers 404 when a
 * query parameter does not convert; an unknown value is the client's mistake, so this turns it into
 * a 400 validation problem naming the parameter. Subclasses are {@code @Provider}s for one enum.
 */
public abstract class QueryEnumConverter<E extends Enum<E>> implements ParamConverterProvider {

    private final Class<E> type;
    private final Function<String, E> parse;
    private final Function<E, String> wireName;
    private final String parameter;
    private final String allowed;

    /**
     * @param parse the enum's wire parser; throws {@link IllegalArgumentException} on a bad value
     * @param allowed the field error's message, such as {@code must be one of csv, image-zip}
     */
    protected QueryEnumConverter(
            Class<E> type,
            Function<String, E> parse,
            Function<E, String> wireName,
            String parameter,
            String allowed) {
        this.type = type;
        this.parse = parse;
        this.wireName = wireName;
        this.parameter = parameter;
        this.allowed = allowed;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(
            Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != type) {
            return null;
        }
        return (ParamConverter<T>)
                new ParamConverter<E>() {
                    @Override
                    public E fromString(String value) {
                        if (value == null) {
                            return null;
                        }
                        try {
                            return parse.apply(value);
                        } catch (IllegalArgumentException e) {
                            throw new BadRequestException(
                                    e.getMessage(), invalid(parameter, allowed));
                        }
                    }

                    @Override
                    public String toString(E value) {
                        return wireName.apply(value);
                    }
                };
    }

    /** The 400 problem for a missing or unknown value of the query parameter. */
    public static InvalidRequestException invalid(String parameter, String allowed) {
        return new InvalidRequestException(
                "The query parameter " + parameter + " is missing or unknown.",
                List.of(new FieldError(parameter, allowed)));
    }
}
