package org.mlplatform.api.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RendezvousTest {

    private final List<UUID> workers =
            IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();
    private final List<UUID> deployments =
            IntStream.range(0, 500).mapToObj(i -> UUID.randomUUID()).toList();

    @Test
    void shouldRankTheSameWayWhateverTheInputOrder() {
        List<UUID> reversed = new ArrayList<>(workers);
        java.util.Collections.reverse(reversed);
        for (UUID d : deployments) {
            assertThat(Rendezvous.rank(d, reversed, Function.identity()))
                    .isEqualTo(Rendezvous.rank(d, workers, Function.identity()));
        }
    }

    @Test
    void shouldMoveOnlyTheDeploymentsOfAWorkerThatLeaves() {
        UUID leaving = workers.get(2);
        List<UUID> remaining = workers.stream().filter(w -> !w.equals(leaving)).toList();
        for (UUID d : deployments) {
            UUID before = Rendezvous.top(d, workers, Function.identity(), 1).get(0);
            UUID after = Rendezvous.top(d, remaining, Function.identity(), 1).get(0);
            if (!before.equals(leaving)) {
                assertThat(after).isEqualTo(before);
            }
        }
    }

    @Test
    void shouldSpreadDeploymentsOverWorkers() {
        Map<UUID, Integer> load = new HashMap<>();
        for (UUID d : deployments) {
            load.merge(Rendezvous.top(d, workers, Function.identity(), 1).get(0), 1, Integer::sum);
        }
        // 100 each on average; a broken hash puts most on one worker.
        assertThat(load).hasSize(5);
        assertThat(load.values()).allSatisfy(n -> assertThat(n).isBetween(50, 150));
    }

    @Test
    void shouldGiveAtMostAsManyAsThereAreWorkers() {
        assertThat(Rendezvous.top(deployments.get(0), workers, Function.identity(), 16)).hasSize(5);
        assertThat(Rendezvous.top(deployments.get(0), List.<UUID>of(), Function.identity(), 2))
                .isEmpty();
    }
}
