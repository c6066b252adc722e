package org.mlplatform.portal.admin;

import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.worker.WorkerResponse;
import org.mlplatform.contract.worker.WorkerRole;
import org.mlplatform.contract.worker.WorkerStatus;
import org.mlplatform.portal.FakePlatform;
import org.mlplatform.portal.PortalUi;

class WorkersViewTest {

    @AfterEach
    void tearDown() {
        PortalUi.tearDown();
    }

    @Test
    void shouldListWorkersWithEngineRolesAndStatus() {
        FakePlatform platform = FakePlatform.withAliceInTwoTenants();
        platform.signIn("admin", true);
        platform.workers.add(
                new WorkerResponse(
                        UUID.randomUUID(),
                        "w1",
                        "http://w1:8082",
                        "0.1.0",
                        "PyTorch",
                        "2.7.1",
                        Map.of(),
                        List.of(WorkerRole.JOBS, WorkerRole.INFERENCE),
                        WorkerStatus.ONLINE,
                        FakePlatform.T0,
                        Instant.now()));
        PortalUi.setUp(platform);
        UI.getCurrent().navigate("admin/workers");

        WorkersView view = _get(WorkersView.class);
        assertThat(_size(view.grid)).isEqualTo(1);
        assertThat(_getFormatted(view.grid, 0, "engine")).isEqualTo("PyTorch 2.7.1");
        assertThat(_getFormatted(view.grid, 0, "roles")).isEqualTo("jobs, inference");
        assertThat(_getFormatted(view.grid, 0, "heartbeat")).endsWith(" s ago");
    }
}
