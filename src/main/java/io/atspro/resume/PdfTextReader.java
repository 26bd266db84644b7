package io.atspro.resume;

import io.atspro.resume.ResumeExtractionException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** Text of a PDF's first pages, with PDFBox's memory use capped and a time budget per document. */
final class PdfTextReader {

    private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END_OF_FILE = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    /** The spec lets the header sit after some junk and the end marker be followed by some. */
    private static final int HEADER_SEARCH_BYTES = 1024;
    private static final int END_MARKER_SEARCH_BYTES = 4096;
    private static final long MAIN_MEMORY_BYTES = 16L * 1024 * 1024;
    private static final long SCRATCH_STORAGE_BYTES = 128L * 1024 * 1024;

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
        TextSink sink = new TextSink(limits.maxTextChars(), limits.maxTextChars());
        DeadlineStripper stripper = new DeadlineStripper(System.nanoTime() + limits.maxPdfTime().toNanos());
        stripper.setLineSeparator("\n");
        stripper.setEndPage(limits.maxPdfPages());
        try {
            stripper.writeText(document, sink);
        } catch (TextSink.LimitReached enough) {
            // the sink keeps what fits; the rest of the document is not needed
        }
        boolean truncated = sink.truncated() || document.getNumberOfPages() > limits.maxPdfPages();
        String text = sink.text();
        if (text.isBlank()) {
            throw new ResumeExtractionException(Reason.NO_TEXT,
                    "The PDF has no text to read; it may be a scanned image. Upload a text-based PDF or a DOCX.");
        }
        return new ExtractedText(text, DocumentFormat.PDF, truncated);
    }

    /** Gives up between pages once the time budget is spent, so a pathological file cannot hold a worker forever. */
    private static final class DeadlineStripper extends PDFTextStripper {
        private final long deadlineNanos;

        DeadlineStripper(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        @Override
        protected void startPage(PDPage page) throws IOException {
            if (System.nanoTime() > deadlineNanos) {
                throw new ResumeExtractionException(Reason.UNSAFE, "The PDF took too long to read and was refused.");
            }
            super.startPage(page);
        }
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
