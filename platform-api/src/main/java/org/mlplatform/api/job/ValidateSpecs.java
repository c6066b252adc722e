package org.mlplatform.api.job;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mlplatform.contract.job.ValidateModelSpec;
import org.mlplatform.contract.model.ModelFormat;

/** The jsonb {@code spec} of a VALIDATE_MODEL job, to and from its wire record. */
public final class ValidateSpecs {

    /** The spec key of the model version's database id. */
    public static final String MODEL_VERSION_ID = "modelVersionId";

    private ValidateSpecs() {}

    public static Map<String, Object> toSpec(ValidateModelSpec spec, long modelVersionId) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("tenant", spec.tenant());
        map.put("model", spec.model());
        map.put("version", spec.version());
        map.put("format", spec.format().wireName());
        map.put("sha256", spec.sha256());
        map.put("sizeBytes", spec.sizeBytes());
        map.put(MODEL_VERSION_ID, modelVersionId);
        return map;
    }

    public static ValidateModelSpec of(Map<String, Object> spec) {
        return new ValidateModelSpec(
                (String) spec.get("tenant"),
                (String) spec.get("model"),
                ((Number) spec.get("version")).intValue(),
                ModelFormat.fromString((String) spec.get("format")),
                (String) spec.get("sha256"),
                ((Number) spec.get("sizeBytes")).longValue());
    }

    public static long modelVersionId(Map<String, Object> spec) {
        return ((Number) spec.get(MODEL_VERSION_ID)).longValue();
    }
}
