package org.mlplatform.api.model;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import org.mlplatform.api.common.InvalidRequestException;
import org.mlplatform.contract.common.ProblemDetail.FieldError;
import org.mlplatform.contract.model.ModelFormat;

/**
 * Parses {@code ?format=}. JAX-RS answers 404 when a query parameter does not convert; an unknown
 * format is the client's mistake, so this turns it into a 400 validation problem.
 */
@Provider
public class ModelFormatParamConverter implements ParamConverterProvider {

    static final String FORMATS = "must be one of onnx, torchscript, djl";

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(
            Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != ModelFormat.class) {
            return null;
        }
        return (ParamConverter<T>)
                new ParamConverter<ModelFormat>() {
                    @Override
                    public ModelFormat fromString(String value) {
                        if (value == null) {
                            return null;
                        }
                        try {
                            return ModelFormat.fromString(value);
                        } catch (IllegalArgumentException e) {
                            throw new BadRequestException(e.getMessage(), invalid());
                        }
                    }

                    @Override
                    public String toString(ModelFormat value) {
                        return value.wireName();
                    }
                };
    }

    /** The 400 problem for a missing or unknown format. */
    static InvalidRequestException invalid() {
        return new InvalidRequestException(
                "The query parameter format is missing or unknown.",
                List.of(new FieldError("format", FORMATS)));
    }
}
