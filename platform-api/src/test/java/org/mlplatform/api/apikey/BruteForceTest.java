package org.mlplatform.api.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.inference.Gateway;
import org.mlplatform.api.inference.GatewayTestProfile;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class BruteForceTest {

    private static final String ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject ApiKeyAuthenticator authenticator;
    @Inject ApiKeyCache cache;

    /** A key of the right shape whose last six characters are random, not its checksum. */
    private static String guess(String keyId) {
        String real = ApiKeyFormat.newKey(keyId);
        StringBuilder forged = new StringBuilder(real.substring(0, real.length() - 6));
        for (int i = 0; i < 6; i++) {
            forged.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return forged.toString();
    }

    @Test
    void shouldAcceptNoneOf10000GuessedKeysAndQueryNothingForBadChecksums() {
        Team team = TestData.team();
        ApiKeys.Created real = ApiKeys.create(team.slug(), team.admin());
        String realKeyId = real.secret().substring(4, 16);
        long readsBefore = cache.databaseReads();
        int accepted = 0;
        for (int i = 0; i < 10_000; i++) {
            String keyId = i % 2 == 0 ? realKeyId : ApiKeyFormat.newKeyId();
            String guess = guess(keyId);
            if (ApiKeyFormat.parse(guess).isPresent()) {
                continue; // a random checksum that happens to be right (one in 4 billion)
            }
            try {
                authenticator.authenticate("Bearer " + guess).toCompletableFuture().join();
                accepted++;
            } catch (CompletionException refused) {
                assertThat(refused).hasCauseInstanceOf(InvalidApiKeyException.class);
            }
        }
        for (int i = 0; i < 200; i++) {
            assertThat(Gateway.infer(guess(ApiKeyFormat.newKeyId()), "m").statusCode())
                    .isEqualTo(401);
        }
        assertThat(accepted).isZero();
        assertThat(cache.databaseReads()).isEqualTo(readsBefore);
    }

    @Test
    void shouldRefuseWellFormedKeysWithAWrongSecret() {
        Team team = TestData.team();
        ApiKeys.Created real = ApiKeys.create(team.slug(), team.admin());
        String keyId = real.secret().substring(4, 16);
        for (int i = 0; i < 100; i++) {
            String other = ApiKeyFormat.newKey(keyId);
            assertThat(Gateway.metadata(other, "m").statusCode()).isEqualTo(401);
        }
        assertThat(Gateway.metadata(real.secret(), "m").statusCode()).isEqualTo(404);
    }
}
