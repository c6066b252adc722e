package org.mlplatform.api.model;

import jakarta.ws.rs.ext.Provider;
import org.mlplatform.api.common.InvalidRequestException;
import org.mlplatform.api.common.QueryEnumConverter;
import org.mlplatform.contract.model.ModelFormat;

/** Parses {@code ?format=} of model uploads; an unknown format answers 400. */
@Provider
public class ModelFormatParamConverter extends QueryEnumConverter<ModelFormat> {

    static final String FORMATS = "must be one of onnx, torchscript, djl";

    public ModelFormatParamConverter() {
        super(ModelFormat.class, ModelFormat::fromString, ModelFormat::wireName, "format", FORMATS);
    }

    /** The 400 problem for a missing or unknown format. */
    static InvalidRequestException invalid() {
        return invalid("format", FORMATS);
    }
}
