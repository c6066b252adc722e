package org.mlplatform.api.model;

import org.mlplatform.contract.model.ModelResponse;
import org.mlplatform.contract.model.ModelVersionResponse;

/** Entities to wire records. */
final class ModelResponses {

    private ModelResponses() {}

    static ModelResponse of(Model model) {
        Object[] stats =
                (Object[])
                        Model.getEntityManager()
                                .createQuery(
                                        "select max(v.version), count(v) from ModelVersion v"
                                                + " where v.model = ?1")
                                .setParameter(1, model)
                                .getSingleResult();
        return new ModelResponse(
                model.name,
                model.description,
                model.task,
                (Integer) stats[0],
                ((Number) stats[1]).longValue(),
                model.defaultVersion,
                model.createdAt,
                model.updatedAt);
    }

    static ModelVersionResponse of(ModelVersion v) {
        return new ModelVersionResponse(
                v.model.name,
                v.version,
                v.status,
                v.format,
                v.sizeBytes,
                v.sha256,
                v.signature,
                v.failureReason,
                v.source,
                v.trainingJobId,
                v.metrics,
                v.createdAt,
                v.validatedAt);
    }
}
