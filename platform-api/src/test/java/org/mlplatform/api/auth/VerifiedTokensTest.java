package org.mlplatform.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The cache of verified tokens alone, on a clock the test moves. */
class VerifiedTokensTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final VerifiedTokens tokens =
            new VerifiedTokens(
                    new Clock() {
                        @Override
                        public Instant instant() {
                            return now;
                        }

                        @Override
                        public java.time.ZoneId getZone() {
                            return ZoneOffset.UTC;
                        }

                        @Override
                        public Clock withZone(java.time.ZoneId zone) {
                            return this;
                        }
                    });

    private final SecurityIdentity alice =
            QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("alice")).build();

    @Test
    void shouldAnswerARememberedTokenUntilItExpires() {
        tokens.remember("token-a", now.plusSeconds(30), alice);

        assertThat(tokens.find("token-a")).containsSame(alice);
        now = now.plusSeconds(29);
        assertThat(tokens.find("token-a")).containsSame(alice);
        now = now.plusSeconds(1);
        assertThat(tokens.find("token-a")).isEmpty();
    }

    @Test
    void shouldNotTrustAVerificationLongerThanMaxAge() {
        tokens.remember("token-a", now.plus(Duration.ofHours(1)), alice);

        now = now.plus(VerifiedTokens.MAX_AGE);

        assertThat(tokens.find("token-a")).isEmpty();
    }

    @Test
    void shouldIgnoreAnExpiredTokenAndAnswerNothingForUnknownOnes() {
        tokens.remember("token-a", now, alice);

        assertThat(tokens.find("token-a")).isEmpty();
        assertThat(tokens.find("token-b")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void shouldStayBoundedDroppingExpiredEntriesFirst() {
        tokens.remember("short-lived", now.plusSeconds(1), alice);
        for (int i = 1; i < VerifiedTokens.MAX_ENTRIES; i++) {
            tokens.remember("token-" + i, now.plusSeconds(50), alice);
        }
        now = now.plusSeconds(2);

        tokens.remember("one-more", now.plusSeconds(50), alice);

        assertThat(tokens.size()).isEqualTo(VerifiedTokens.MAX_ENTRIES);
        assertThat(tokens.find("one-more")).isPresent();
        assertThat(tokens.find("token-1")).isPresent();

        tokens.remember("and-another", now.plusSeconds(50), alice);

        assertThat(tokens.size()).isLessThanOrEqualTo(VerifiedTokens.MAX_ENTRIES);
        assertThat(tokens.find("and-another")).isPresent();
    }
}
