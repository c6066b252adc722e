package org.mlplatform.contract.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BodyBudgetTest {

    @Test
    void shouldHoldAnOwnerToItsShareAndEveryoneToTheWhole() {
        BodyBudget budget = new BodyBudget(100, 60);
        BodyBudget.Account a = budget.account("a");
        BodyBudget.Account b = budget.account("b");

        assertThat(a.take(50)).isNull();
        assertThat(a.take(11)).isEqualTo(BodyBudget.Shortage.OWNER_SHARE);
        assertThat(b.take(51)).isEqualTo(BodyBudget.Shortage.CAPACITY);
        assertThat(budget.heldBy("b")).as("a refusal counts nothing").isZero();
        assertThat(b.take(40)).isNull();
        assertThat(budget.held()).isEqualTo(90);

        a.give(50);
        assertThat(budget.heldBy("a")).isZero();
        assertThat(b.take(20)).isNull();
        assertThat(budget.heldBy("b")).isEqualTo(60);
        assertThat(budget.held()).isEqualTo(60);
    }

    @Test
    void shouldLetOneOwnerFillTheWholeWhenItsShareIsTheWhole() {
        BodyBudget budget = new BodyBudget(100);

        assertThat(budget.account("a").take(100)).isNull();
        assertThat(budget.account("b").take(1)).isEqualTo(BodyBudget.Shortage.CAPACITY);
    }

    @Test
    void shouldNeverExceedItsBoundsAndEndEmptyUnderConcurrentBodies() throws Exception {
        BodyBudget budget = new BodyBudget(1_000, 300);
        AtomicLong highest = new AtomicLong();
        List<CompletableFuture<Void>> callers = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 8; t++) {
            BodyBudget.Account account = budget.account("tenant-" + (t % 4));
            callers.add(
                    CompletableFuture.runAsync(
                            () -> {
                                for (int i = 0; i < 50_000; i++) {
                                    long bytes = 1 + i % 97;
                                    if (account.take(bytes) == null) {
                                        assertThat(budget.heldBy(account.owner()))
                                                .isBetween(bytes, 300L);
                                        highest.accumulateAndGet(budget.held(), Math::max);
                                        account.give(bytes);
                                    }
                                }
                            },
                            threads));
        }
        CompletableFuture.allOf(callers.toArray(CompletableFuture[]::new)).join();
        threads.shutdown();

        assertThat(highest.get()).isBetween(1L, 1_000L);
        assertThat(budget.held()).isZero();
        for (int t = 0; t < 4; t++) {
            assertThat(budget.heldBy("tenant-" + t)).isZero();
        }
    }

    @Test
    void shouldRefuseAShareOfNothing() {
        assertThatThrownBy(() -> new BodyBudget(100, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
