package io.atspro.resume;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.atspro.resume.ResumeExtractionException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text, Markdown and JSON files: decoded (UTF-8, else Windows-1252), Markdown made plain, JSON checked. */
final class PlainTextReader {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern MD_HEADING = Pattern.compile("(?m)^[ \\t]{0,3}#{1,6}[ \\t]+");
    private static final Pattern MD_RULE = Pattern.compile("(?m)^[ \\t]{0,3}(?:[-*_][ \\t]*){3,}$");
    private static final Pattern MD_LINK = Pattern.compile("\\[([^\\]]*)]\\(([^)\\s]+)\\)");
    private static final Pattern MD_EMPHASIS = Pattern.compile("\\*\\*|__|(?<![\\w*])\\*(?=\\S)|(?<=\\S)\\*(?![\\w*])|`");
    private static final Pattern MD_QUOTE = Pattern.compile("(?m)^[ \\t]{0,3}>[ \\t]?");
    private static final Pattern MD_ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|])");

    private final ResumeTextExtractor.Limits limits;

    PlainTextReader(ResumeTextExtractor.Limits limits) {
        this.limits = limits;
    }

    ExtractedText readText(byte[] bytes, DocumentFormat format) {
        String text = decode(bytes);
        if (format == DocumentFormat.MARKDOWN) {
            text = markdownToPlain(text);
        }
        if (text.isBlank()) {
            throw new ResumeExtractionException(Reason.EMPTY, "The file contains no text.");
        }
        TextSink sink = new TextSink(limits.maxTextChars(), Long.MAX_VALUE);
        sink.write(text);
        return new ExtractedText(sink.text(), format, sink.truncated());
    }

    /** JSON is returned whole (it is only useful complete), after checking that it parses. */
    ExtractedText readJson(byte[] bytes) {
        try (JsonParser parser = JSON.createParser(bytes)) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String position = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
            throw new ResumeExtractionException(Reason.UNREADABLE, "The file is not valid JSON" + position + ".", e);
        } catch (IOException e) {
            throw new ResumeExtractionException(Reason.UNREADABLE, "The file is not valid JSON.", e);
        }
        String text = decode(bytes);
        if (text.isBlank()) {
            throw new ResumeExtractionException(Reason.EMPTY, "The file contains no text.");
        }
        return new ExtractedText(text.strip(), DocumentFormat.JSON, false);
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF
                || bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)) {
            return new String(bytes, StandardCharsets.UTF_16);
        }
        int offset = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /** Keeps the words and link targets of Markdown, drops its markup. */
    static String markdownToPlain(String markdown) {
        String text = MD_RULE.matcher(markdown).replaceAll("");
        text = MD_HEADING.matcher(text).replaceAll("");
        text = MD_QUOTE.matcher(text).replaceAll("");
        text = MD_LINK.matcher(text).replaceAll(match -> {
            String label = match.group(1).strip();
            String target = match.group(2).replaceFirst("^mailto:", "");
            String shown = label.isEmpty() || label.equals(target) ? target : label + " (" + target + ")";
            return Matcher.quoteReplacement(shown);
        });
        text = MD_EMPHASIS.matcher(text).replaceAll("");
        return MD_ESCAPE.matcher(text).replaceAll("$1");
    }
}
