package org.mlplatform.api.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

    @Test
    void shouldMakeKeysWithPrefixIdSecretAndChecksum() {
        String id = ApiKeyFormat.newKeyId();
        String key = ApiKeyFormat.newKey(id);
        assertThat(key)
                .matches("mlp_[0-9A-Za-z]{12}_[0-9A-Za-z]{33}")
                .startsWith("mlp_" + id + "_");
        assertThat(ApiKeyFormat.parse(key))
                .hasValueSatisfying(p -> assertThat(p.keyId()).isEqualTo(id));
    }

    @Test
    void shouldRejectAnyChangedCharacter() {
        String key = ApiKeyFormat.newKey(ApiKeyFormat.newKeyId());
        for (int i = 4; i < key.length(); i++) {
            if (key.charAt(i) == '_') {
                continue;
            }
            char other = key.charAt(i) == 'a' ? 'b' : 'a';
            String changed = key.substring(0, i) + other + key.substring(i + 1);
            assertThat(ApiKeyFormat.parse(changed)).as("changed at %d", i).isEmpty();
        }
    }

    @Test
    void shouldRejectMalformedKeys() {
        String key = ApiKeyFormat.newKey(ApiKeyFormat.newKeyId());
        assertThat(ApiKeyFormat.parse(null)).isEmpty();
        assertThat(ApiKeyFormat.parse("")).isEmpty();
        assertThat(ApiKeyFormat.parse("ghp_" + key.substring(4))).isEmpty();
        assertThat(ApiKeyFormat.parse(key + "0")).isEmpty();
        assertThat(ApiKeyFormat.parse(key.replace('_', '-'))).isEmpty();
    }

    @Test
    void shouldNeverRepeatSecrets() {
        String id = ApiKeyFormat.newKeyId();
        assertThat(ApiKeyFormat.newKey(id)).isNotEqualTo(ApiKeyFormat.newKey(id));
        assertThat(ApiKeyFormat.newKeyId()).isNotEqualTo(ApiKeyFormat.newKeyId());
    }
}
