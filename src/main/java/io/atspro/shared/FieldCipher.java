package io.atspro.shared;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of single personal fields. A stored value reads {@code v1:<kid>:<base64(iv | ciphertext
 * | tag)>}: the key id travels with the value, so keys can rotate while old values stay readable. A value
 * without the {@code v1:} prefix is a plaintext left from before encryption (an adopted database) and is read
 * as it is until re-encryption rewrites it. Neither keys nor values are ever logged or put in messages.
 */
@Startup
@ApplicationScoped
public class FieldCipher {

    public static final String PREFIX = "v1:";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();

    FieldCipher(CryptoConfig config) {
        config.keys().forEach((kid, encoded) -> keys.put(kid, key(kid, encoded)));
        this.currentKeyId = config.currentKey().filter(kid -> !kid.isBlank()).orElseThrow(() -> new IllegalStateException(
                "atspro.crypto.current-key is not set: personal fields cannot be encrypted (see the README, Privacy)"));
        if (!keys.containsKey(currentKeyId)) {
            throw new IllegalStateException("atspro.crypto.current-key names key id '" + currentKeyId
                    + "', but there is no atspro.crypto.keys." + currentKeyId);
        }
    }

    private static SecretKey key(String kid, String encoded) {
        if (!KEY_ID.matcher(kid).matches()) {
            throw new IllegalStateException("Key ids of atspro.crypto.keys are 1-32 letters, digits, - or _");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("atspro.crypto.keys." + kid + " is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("atspro.crypto.keys." + kid + " must be 32 bytes (base64 of 32 random bytes)");
        }
        return new SecretKeySpec(raw, "AES");
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** The stored form of {@code plaintext} under the current key; null stays null. */
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Field encryption failed", e);
        }
    }

    /** The plaintext of a stored value; null stays null; a legacy plaintext is returned as it is. */
    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new IllegalStateException("An encrypted field is malformed");
        }
        String kid = stored.substring(PREFIX.length(), colon);
        SecretKey key = keys.get(kid);
        if (key == null) {
            throw new IllegalStateException("An encrypted field uses key id '" + kid + "', which is not configured");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("An encrypted field could not be decrypted with key id '" + kid + "'");
        }
    }

    /** True when a stored value is not yet under the current key (an older key, or plaintext). */
    public boolean needsReencryption(String stored) {
        return stored != null && !stored.startsWith(PREFIX + currentKeyId + ":");
    }

    /** Decrypts with whichever key the value names and encrypts again with the current key. */
    public String reencrypt(String stored) {
        return encrypt(decrypt(stored));
    }
}
