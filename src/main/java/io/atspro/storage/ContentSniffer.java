package io.atspro.storage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipFile;

/** Tells a file's type from its bytes; the declared Content-Type and the file name are not trusted. */
final class ContentSniffer {

    private static final int HEAD = 8192;
    private static final JsonFactory JSON = new JsonFactory();

    private ContentSniffer() {
    }

    static Optional<FileType> sniff(Path file, String filename) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        if (head.length == 0) {
            return Optional.empty();
        }
        if (startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(FileType.PDF);
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            return isDocx(file) ? Optional.of(FileType.DOCX) : Optional.empty();
        }
        if (!isText(head, Files.size(file) <= HEAD)) {
            return Optional.empty();
        }
        char first = firstNonBlank(head);
        if ((first == '{' || first == '[') && isJson(file)) {
            return Optional.of(FileType.JSON);
        }
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        return Optional.of(name.endsWith(".md") || name.endsWith(".markdown") ? FileType.MARKDOWN : FileType.TXT);
    }

    private static boolean isDocx(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("word/document.xml") != null && zip.getEntry("[Content_Types].xml") != null;
        } catch (IOException notAZip) {
            return false;
        }
    }

    /** UTF-8 without NULs or other control bytes; a character cut at the end of the head is fine. */
    private static boolean isText(byte[] head, boolean whole) {
        for (byte b : head) {
            if (b == 0 || (b > 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f')) {
                return false;
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int length = head.length;
        if (!whole) {
            // drop a multi-byte character the 8 KiB cut may have split
            int back = 0;
            while (back < 3 && length - back - 1 >= 0 && (head[length - back - 1] & 0xC0) == 0x80) {
                back++;
            }
            if (length - back - 1 >= 0 && (head[length - back - 1] & 0x80) != 0) {
                length = length - back - 1;
            }
        }
        try {
            utf8.decode(ByteBuffer.wrap(head, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isJson(Path file) {
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
            return true;
        } catch (IOException malformed) {
            return false;
        }
    }

    private static char firstNonBlank(byte[] head) {
        for (byte b : head) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return (char) b;
            }
        }
        return ' ';
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
