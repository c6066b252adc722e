package org.mlplatform.api.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Converts {@link TrainingSpec} to and from the jsonb {@code spec} of a job. */
@ApplicationScoped
public class TrainingSpecs {

    private final ObjectMapper json;

    public TrainingSpecs(ObjectMapper json) {
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap(TrainingSpec spec) {
        return json.convertValue(spec, Map.class);
    }

    /** The spec; fields the stored map lacks are null. */
    public TrainingSpec read(Map<String, Object> spec) {
        return json.convertValue(spec, TrainingSpec.class);
    }
}
