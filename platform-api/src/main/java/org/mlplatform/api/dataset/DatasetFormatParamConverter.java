package org.mlplatform.api.dataset;

import jakarta.ws.rs.ext.Provider;
import org.mlplatform.api.common.InvalidRequestException;
import org.mlplatform.api.common.QueryEnumConverter;
import org.mlplatform.contract.dataset.DatasetFormat;

/** Parses {@code ?format=} of dataset uploads; an unknown format answers 400. */
@Provider
public class DatasetFormatParamConverter extends QueryEnumConverter<DatasetFormat> {

    static final String FORMATS = "must be one of csv, image-zip";

    public DatasetFormatParamConverter() {
        super(
                DatasetFormat.class,
                DatasetFormat::fromString,
                DatasetFormat::wireName,
                "format",
                FORMATS);
    }

    /** The 400 problem for a missing or unknown format. */
    static InvalidRequestException invalid() {
        return invalid("format", FORMATS);
    }
}
