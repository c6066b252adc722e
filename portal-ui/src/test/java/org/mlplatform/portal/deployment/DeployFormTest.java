package org.mlplatform.portal.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.deployment.CreateDeploymentRequest;

class DeployFormTest {

    private final DeployForm form = new DeployForm(List.of("iris", "mnist"));
    private final List<CreateDeploymentRequest> deployed = new ArrayList<>();
    private final List<String> chosen = new ArrayList<>();

    DeployFormTest() {
        form.addDeployListener(e -> deployed.add(e.request()));
        form.addModelChosenListener(e -> chosen.add(e.model()));
    }

    @Test
    void shouldAskForTheVersionsOfTheChosenModelAndProposeThePreferredOne() {
        form.model.setValue("iris");
        form.showVersions(List.of(3, 2, 1), 2);
        form.deploy.click();

        assertThat(chosen).containsExactly("iris");
        assertThat(deployed).containsExactly(new CreateDeploymentRequest("iris", 2, 8, 2, 1));
    }

    @Test
    void shouldForgetTheVersionWhenTheModelChanges() {
        form.model.setValue("iris");
        form.showVersions(List.of(1), null);
        form.model.setValue("mnist");
        form.deploy.click();

        assertThat(deployed).isEmpty();
        assertThat(form.version.getErrorMessage()).isEqualTo("Choose a READY version");
    }

    @Test
    void shouldShowAConflictOnTheVersionAndFieldErrorsOnTheirFields() {
        assertThat(form.showErrors(409, "v1 is not READY.", Map.of())).isTrue();
        assertThat(form.version.getErrorMessage()).isEqualTo("v1 is not READY.");

        assertThat(form.showErrors(400, "Invalid", Map.of("replicas", "must be at most 16")))
                .isTrue();
        assertThat(form.replicas.getErrorMessage()).isEqualTo("must be at most 16");
        assertThat(form.showErrors(400, "Invalid", Map.of("other", "x"))).isFalse();
    }
}
