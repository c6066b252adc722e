package org.mlplatform.portal.layout;

import com.vaadin.flow.component.html.Span;
import org.mlplatform.contract.apikey.ApiKeyStatus;
import org.mlplatform.contract.deployment.DeploymentStatus;
import org.mlplatform.contract.model.ModelVersionStatus;

/**
 * The Lumo badge of a status: grey while waiting, green when good, red when failed or stopped. It
 * has the class {@code status-READY} etc. for tests and styles.
 */
public final class StatusBadge {

    private enum Tone {
        WAITING,
        GOOD,
        BAD
    }

    private StatusBadge() {}

    public static Span of(ModelVersionStatus status) {
        return badge(
                status.name(),
                switch (status) {
                    case VALIDATING -> Tone.WAITING;
                    case READY -> Tone.GOOD;
                    case FAILED -> Tone.BAD;
                });
    }

    public static Span of(DeploymentStatus status) {
        return badge(
                status.name(),
                switch (status) {
                    case PENDING -> Tone.WAITING;
                    case READY -> Tone.GOOD;
                    case FAILED -> Tone.BAD;
                });
    }

    public static Span of(ApiKeyStatus status) {
        return badge(
                status.name(),
                switch (status) {
                    case ACTIVE -> Tone.GOOD;
                    case EXPIRED -> Tone.WAITING;
                    case REVOKED -> Tone.BAD;
                });
    }

    private static Span badge(String name, Tone tone) {
        Span badge = new Span(name);
        badge.addClassName("status-" + name);
        badge.getElement()
                .getThemeList()
                .add(
                        switch (tone) {
                            case WAITING -> "badge contrast";
                            case GOOD -> "badge success";
                            case BAD -> "badge error";
                        });
        return badge;
    }
}
