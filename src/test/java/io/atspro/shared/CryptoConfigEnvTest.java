package io.atspro.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspro.testing.TestStack;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keys reach the service as environment variables from a Kubernetes secret, as the README says. */
class CryptoConfigEnvTest {

    @Test
    void keysAndTheCurrentKeyComeFromEnvironmentVariables() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(CryptoConfig.class)
                .withSources(new EnvConfigSource(Map.of("ATSPRO_CRYPTO_KEYS_K2025", TestStack.TEST_KEY_1,
                        "ATSPRO_CRYPTO_CURRENT_KEY", "k2025"), 300) { })
                .build();
        CryptoConfig crypto = config.getConfigMapping(CryptoConfig.class);
        assertThat(crypto.currentKey()).contains("k2025");
        assertThat(crypto.keys()).containsEntry("k2025", TestStack.TEST_KEY_1);
        assertThat(new FieldCipher(crypto).encrypt("x")).startsWith("v1:k2025:");
    }
}
