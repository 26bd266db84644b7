package io.atspro.shared;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Stores a String attribute encrypted by {@link FieldCipher}: {@code @Convert(converter = EncryptedString.class)}.
 * The entity holds the plaintext; only the column holds ciphertext.
 */
@Converter
public class EncryptedString implements AttributeConverter<String, String> {

    private volatile FieldCipher cipher;

    private FieldCipher cipher() {
        FieldCipher current = cipher;
        if (current == null) {
            current = CDI.current().select(FieldCipher.class).get();
            cipher = current;
        }
        return current;
    }

    @Override
    public String convertToDatabaseColumn(String plaintext) {
        return plaintext == null ? null : cipher().encrypt(plaintext);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored == null ? null : cipher().decrypt(stored);
    }
}
