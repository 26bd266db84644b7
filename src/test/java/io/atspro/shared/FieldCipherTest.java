package io.atspro.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspro.testing.TestStack;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static FieldCipher cipher(String current, Map<String, String> keys) {
        return new FieldCipher(new CryptoConfig() {
            @Override
            public Map<String, String> keys() {
                return keys;
            }

            @Override
            public Optional<String> currentKey() {
                return Optional.ofNullable(current);
            }
        });
    }

    private static final Map<String, String> KEYS = Map.of("test1", TestStack.TEST_KEY_1, "test2", TestStack.TEST_KEY_2);

    @Test
    void valuesCarryTheirKeyIdAndNoPlaintext() {
        FieldCipher cipher = cipher("test1", KEYS);
        String stored = cipher.encrypt("+49 30 123456");
        assertThat(stored).startsWith("v1:test1:").doesNotContain("123456");
        assertThat(cipher.encrypt("+49 30 123456")).isNotEqualTo(stored); // a fresh IV every time
        assertThat(cipher.decrypt(stored)).isEqualTo("+49 30 123456");
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
    }

    @Test
    void rotationReadsOldValuesAndRewritesThemUnderTheNewKey() {
        String old = cipher("test1", KEYS).encrypt("cookie=secret");
        FieldCipher rotated = cipher("test2", KEYS);
        assertThat(rotated.decrypt(old)).isEqualTo("cookie=secret");
        assertThat(rotated.needsReencryption(old)).isTrue();
        String rewritten = rotated.reencrypt(old);
        assertThat(rewritten).startsWith("v1:test2:");
        assertThat(rotated.needsReencryption(rewritten)).isFalse();
        assertThat(rotated.needsReencryption("+1 555 0100")).isTrue(); // plaintext from before encryption
        assertThat(rotated.decrypt("+1 555 0100")).isEqualTo("+1 555 0100");
    }

    @Test
    void tamperedOrUnknownValuesFailWithoutEchoingThem() {
        FieldCipher cipher = cipher("test1", KEYS);
        String stored = cipher.encrypt("secret-value");
        String tampered = stored.substring(0, stored.length() - 4) + (stored.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class)
                .message().doesNotContain("secret").doesNotContain(tampered);
        String underMissingKey = cipher("test2", KEYS).encrypt("secret-value");
        assertThatThrownBy(() -> cipher("test1", Map.of("test1", TestStack.TEST_KEY_1)).decrypt(underMissingKey))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("test2").message().doesNotContain("secret");
        // the key id is authenticated: relabelling a value with another configured key id fails
        assertThatThrownBy(() -> cipher.decrypt(stored.replace("v1:test1:", "v1:test2:"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesToStartWithoutAUsableCurrentKey() {
        assertThatThrownBy(() -> cipher(null, Map.of())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("atspro.crypto.current-key");
        assertThatThrownBy(() -> cipher("k9", KEYS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("atspro.crypto.keys.k9");
        assertThatThrownBy(() -> cipher("short", Map.of("short", "AAAA"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes").message().doesNotContain("AAAA");
        assertThatThrownBy(() -> cipher("bad:id", Map.of("bad:id", TestStack.TEST_KEY_1))).isInstanceOf(IllegalStateException.class);
    }
}
