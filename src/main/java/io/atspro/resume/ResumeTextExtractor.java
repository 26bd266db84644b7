package io.atspro.resume;

import io.atspro.resume.ResumeExtractionException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads the text out of a resume file. Every failure is a {@link ResumeExtractionException} with a message for the
 * user; files are read within fixed memory, size and time limits. Thread-safe.
 */
public final class ResumeTextExtractor {

    /**
     * @param maxInputBytes larger files are refused
     * @param maxTextChars only the first this many characters of text are kept ({@link ExtractedText#truncated()})
     * @param maxPdfPages only the first this many pages of a PDF are read
     * @param maxPdfTime a PDF still being read after this long is refused
     */
    public record Limits(long maxInputBytes, int maxTextChars, int maxPdfPages, Duration maxPdfTime) {

        public static final Limits DEFAULT = new Limits(10L * 1024 * 1024, 2_000_000, 50, Duration.ofSeconds(20));
    }

    private final Limits limits;
    private final PdfTextReader pdf;
    private final DocxTextReader docx;
    private final PlainTextReader plain;

    public ResumeTextExtractor() {
        this(Limits.DEFAULT);
    }

    public ResumeTextExtractor(Limits limits) {
        this.limits = limits;
        this.pdf = new PdfTextReader(limits);
        this.docx = new DocxTextReader(limits);
        this.plain = new PlainTextReader(limits);
    }

    /** The text of {@code in}, read as {@code format} (which the caller has sniffed from the content). */
    public ExtractedText extract(InputStream in, DocumentFormat format) {
        if (format == null) {
            throw new ResumeExtractionException(Reason.UNSUPPORTED,
                    "This file type is not supported. Upload a PDF, DOCX, TXT, Markdown or JSON file.");
        }
        byte[] bytes = readAtMost(in);
        if (bytes.length == 0) {
            throw new ResumeExtractionException(Reason.EMPTY, "The file is empty.");
        }
        return switch (format) {
            case PDF -> pdf.read(bytes);
            case DOCX, DOCX_CANDIDATE -> docx.read(bytes);
            case TXT, MARKDOWN -> plain.readText(bytes, format);
            case JSON -> plain.readJson(bytes);
        };
    }

    /**
     * The format of content starting with these bytes, or null when it is not one the service reads. A zip
     * is only a {@link DocumentFormat#DOCX_CANDIDATE}: use {@link #sniff(Path)} to look inside.
     */
    public static DocumentFormat sniff(byte[] head) {
        return FormatSniffer.sniff(head, null);
    }

    /** As {@link #sniff(byte[])}; a ".md" or ".markdown" name turns text with Markdown marks into MARKDOWN. */
    public static DocumentFormat sniff(byte[] head, String filenameHint) {
        return FormatSniffer.sniff(head, filenameHint);
    }

    /** The format of a whole file (zip entries and all), or null when unsupported. */
    public static DocumentFormat sniff(Path file) throws IOException {
        return FormatSniffer.sniff(file);
    }

    /** How many leading bytes {@link #sniff(byte[])} wants to see. */
    public static int sniffLength() {
        return FormatSniffer.HEAD_BYTES;
    }

    private byte[] readAtMost(InputStream in) {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxInputBytes() + 1));
            if (bytes.length > limits.maxInputBytes()) {
                throw new ResumeExtractionException(Reason.TOO_LARGE,
                        "The file is larger than " + megabytes(limits.maxInputBytes()) + " MB.");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the uploaded file", e);
        }
    }

    private static String megabytes(long bytes) {
        return String.valueOf(Math.round(bytes / (1024.0 * 1024.0)));
    }
}
