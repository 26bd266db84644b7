package io.atspro.shared;

import io.smallrye.config.ConfigMapping;
import java.util.Map;
import java.util.Optional;

/** Keys of the field encryption of personal data (phone, browser-session secrets). */
@ConfigMapping(prefix = "atspro.crypto")
public interface CryptoConfig {

    /**
     * AES-256 keys by key id ({@code atspro.crypto.keys.<kid>=<base64 of 32 bytes>}); ids are letters, digits,
     * {@code -} and {@code _}. Old keys stay listed until a re-encryption has moved every value off them.
     * Required: without any key the service does not start.
     */
    Map<String, String> keys();

    /** The key id new values are encrypted with; the service does not start without it. */
    Optional<String> currentKey();
}
