package io.atspro.resume;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/** Tells a file's real type from its content; a file name only ever decides between plain text and Markdown. */
final class FormatSniffer {

    static final int HEAD_BYTES = 8192;
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[][] OTHER_BINARIES = {
        {(byte) 0x89, 'P', 'N', 'G'}, {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, {'G', 'I', 'F', '8'},
        {0x7F, 'E', 'L', 'F'}, {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}, {'P', 'K', 5, 6},
        {'P', 'K', 7, 8}, {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}, {0x1F, (byte) 0x8B},
        {'R', 'a', 'r', '!'}, {'7', 'z', (byte) 0xBC, (byte) 0xAF}, {'B', 'Z', 'h'}, {'%', '!', 'P', 'S'},
        {'I', 'I', '*', 0}, {'M', 'M', 0, '*'}, {'R', 'I', 'F', 'F'}, {'{', '\\', 'r', 't', 'f'}};
    private static final Pattern MARKDOWN_MARKS = Pattern.compile("(?m)^(?:#{1,6} |[ \\t]{0,3}[-*+] )");
    private static final JsonFactory JSON = new JsonFactory();
    /** Text may contain a few stray control characters (form feeds, escapes), binary data has many. */
    private static final double MAX_CONTROL_CHAR_SHARE = 0.01;

    private FormatSniffer() {
    }

    /**
     * The format of content starting with {@code head}, or null when unsupported. The head may be the first bytes
     * of a longer file: a zip is only a {@link DocumentFormat#DOCX_CANDIDATE}, and JSON cut off mid-way still counts.
     */
    static DocumentFormat sniff(byte[] head, String filenameHint) {
        if (head.length == 0) {
            return null;
        }
        if (PdfTextReader.hasHeader(head)) {
            return DocumentFormat.PDF;
        }
        if (startsWith(head, ZIP)) {
            return DocumentFormat.DOCX_CANDIDATE;
        }
        if (Arrays.stream(OTHER_BINARIES).anyMatch(magic -> startsWith(head, magic)) || !isTextSoFar(head)) {
            return null;
        }
        String text = new String(head, StandardCharsets.UTF_8);
        if (looksLikeJson(text) && parsesAsJsonSoFar(head)) {
            return DocumentFormat.JSON;
        }
        return isMarkdownName(filenameHint) && MARKDOWN_MARKS.matcher(text).find()
                ? DocumentFormat.MARKDOWN : DocumentFormat.TXT;
    }

    /** The format of a whole file: zips are opened to look for a Word document, text is checked to the end. */
    static DocumentFormat sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD_BYTES);
        }
        DocumentFormat format = sniff(head, file.getFileName() == null ? null : file.getFileName().toString());
        if (format == null) {
            return null;
        }
        return switch (format) {
            case DOCX_CANDIDATE -> isWordDocument(file) ? DocumentFormat.DOCX : null;
            case JSON -> parsesAsJson(file) ? DocumentFormat.JSON : isText(file) ? DocumentFormat.TXT : null;
            case TXT, MARKDOWN -> isText(file) ? format : null;
            default -> format;
        };
    }

    private static boolean isWordDocument(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("word/document.xml") != null;
        } catch (ZipException notAZip) {
            return false;
        }
    }

    private static boolean looksLikeJson(String text) {
        String stripped = text.replaceFirst("^\uFEFF", "").stripLeading();
        return stripped.startsWith("{") || stripped.startsWith("[");
    }

    /** JSON with no syntax error before the end of the head; it may continue past the head. */
    private static boolean parsesAsJsonSoFar(byte[] head) {
        try (JsonParser parser = JSON.createParser(head)) {
            return readAll(parser);
        } catch (JsonEOFException cutOff) {
            return true;
        } catch (IOException malformed) {
            return false;
        }
    }

    private static boolean parsesAsJson(Path file) throws IOException {
        try (JsonParser parser = JSON.createParser(file.toFile())) {
            return readAll(parser);
        } catch (JsonProcessingException malformed) {
            return false;
        }
    }

    private static boolean readAll(JsonParser parser) throws IOException {
        while (parser.nextToken() != null) {
            parser.skipChildren();
        }
        return true;
    }

    /** Valid UTF-8 without NULs and with few control characters; the head may end inside a character. */
    private static boolean isTextSoFar(byte[] head) {
        CharBuffer chars = CharBuffer.allocate(head.length + 1);
        if (newDecoder().decode(ByteBuffer.wrap(head), chars, false).isError()) {
            return false;
        }
        chars.flip();
        return hasTextCharacters(chars, new int[2]);
    }

    private static boolean isText(Path file) throws IOException {
        CharsetDecoder decoder = newDecoder();
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024 + 1);
        int[] counts = new int[2];
        try (var channel = Files.newByteChannel(file)) {
            boolean end = false;
            while (!end) {
                end = channel.read(bytes) < 0;
                bytes.flip();
                if (decoder.decode(bytes, chars, end).isError() || end && decoder.flush(chars).isError()) {
                    return false;
                }
                chars.flip();
                if (!hasTextCharacters(chars, counts)) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
        }
        return true;
    }

    /** Counts characters and control characters into {@code counts} (running totals); false at the first NUL. */
    private static boolean hasTextCharacters(CharBuffer chars, int[] counts) {
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c == 0) {
                return false;
            }
            counts[0]++;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                counts[1]++;
            }
        }
        return counts[1] <= Math.max(1, counts[0] * MAX_CONTROL_CHAR_SHARE);
    }

    private static CharsetDecoder newDecoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean isMarkdownName(String filename) {
        if (filename == null) {
            return false;
        }
        String lower = filename.toLowerCase(Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".markdown");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
