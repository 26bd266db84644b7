package io.atspro.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The stored format of encrypted fields, written and read independently of the service's FieldCipher:
 * {@code v1:<kid>:<base64(iv | ciphertext | tag)>}, AES-256-GCM, the key id as associated data.
 */
public final class TestCrypto {

    private TestCrypto() {
    }

    public static String encrypt(String kid, String base64Key, String plaintext) {
        try {
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                    new GCMParameterSpec(128, iv));
            cipher.updateAAD(kid.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return "v1:" + kid + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(iv).put(sealed).array());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String decrypt(String base64Key, String stored) {
        try {
            String[] parts = stored.split(":", 3);
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                    new GCMParameterSpec(128, in, 0, 12));
            cipher.updateAAD(parts[1].getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
