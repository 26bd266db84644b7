package io.atspro.resume;

import io.atspro.resume.ResumeExtractionException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/** Text of a PDF's first pages, with PDFBox's memory use capped and a time budget per document. */
final class PdfTextReader {

    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OF_FILE = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    /** The spec lets the header sit after some junk and the end marker be followed by some. */
    private static final int HEADER_SEARCH_BYTES = 1024;
    private static final int END_MARKER_SEARCH_BYTES = 4096;
    private static final long MAIN_MEMORY_BYTES = 16L * 1024 * 1024;
    private static final long SCRATCH_STORAGE_BYTES = 128L * 1024 * 1024;

    static final String TWO_COLUMNS = "Two columns detected: the columns were read one after the other; check that "
            + "each section and job came out whole.";

    private final ResumeTextExtractor.Limits limits;

    PdfTextReader(ResumeTextExtractor.Limits limits) {
        this.limits = limits;
    }

    static boolean hasHeader(byte[] bytes) {
        return indexOf(bytes, HEADER, 0, Math.min(bytes.length, HEADER_SEARCH_BYTES + HEADER.length)) >= 0;
    }

    ExtractedText read(byte[] bytes) {
        if (!hasHeader(bytes)) {
            throw new ResumeExtractionException(Reason.UNREADABLE, "The file is not a readable PDF.");
        }
        // PDFBox repairs a truncated file as far as it can and returns part of it; a cut-off upload should be redone.
        if (indexOf(bytes, END_OF_FILE, Math.max(0, bytes.length - END_MARKER_SEARCH_BYTES), bytes.length) < 0) {
            throw new ResumeExtractionException(Reason.UNREADABLE,
                    "The PDF is incomplete or damaged (it looks truncated). Please export it again and re-upload.");
        }
        var cache = MemoryUsageSetting.setupMixed(MAIN_MEMORY_BYTES, SCRATCH_STORAGE_BYTES).streamCache;
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(bytes), "", null, null, cache)) {
            return extract(document);
        } catch (InvalidPasswordException e) {
            throw new ResumeExtractionException(Reason.PASSWORD_PROTECTED,
                    "The PDF is password-protected. Remove the password and upload it again.", e);
        } catch (ResumeExtractionException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ResumeExtractionException(Reason.UNREADABLE, "The file is not a readable PDF (it may be damaged).", e);
        }
    }

    private ExtractedText extract(PDDocument document) throws IOException {
        PdfLayoutStripper stripper = new PdfLayoutStripper(System.nanoTime() + limits.maxPdfTime().toNanos());
        stripper.setEndPage(limits.maxPdfPages());
        stripper.read(document);
        TextSink sink = new TextSink(limits.maxTextChars(), Long.MAX_VALUE);
        for (PdfLayoutStripper.Line line : stripper.lines()) {
            sink.line(line.text());
        }
        boolean truncated = sink.truncated() || document.getNumberOfPages() > limits.maxPdfPages();
        String text = sink.text();
        if (text.isBlank()) {
            throw new ResumeExtractionException(Reason.NO_TEXT,
                    "The PDF has no text to read; it may be a scanned image. Upload a text-based PDF or a DOCX.");
        }
        LayoutHints layout = new LayoutHints(stripper.largestTopLine(), stripper.headingLines(), stripper.hyperlinks());
        List<String> warnings = stripper.pagesWithColumns() > 0 ? List.of(TWO_COLUMNS) : List.of();
        return new ExtractedText(text, DocumentFormat.PDF, truncated, warnings, layout);
    }

    private static int indexOf(byte[] bytes, byte[] needle, int from, int to) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
