package io.atspro.resume;

import io.atspro.resume.ResumeExtractionException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.namespace.QName;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFHyperlink;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;

/**
 * Text of a DOCX in reading order: page headers, then body paragraphs (with the text boxes anchored in them) and
 * tables, then page footers. List paragraphs get a bullet
 * so the parser sees them as bullets; table rows whose cells hold one line each become "a | b | c".
 */
final class DocxTextReader {

    /** Compressed size / expanded size below this is treated as a zip bomb. */
    static final double MIN_INFLATE_RATIO = 0.01;
    static final long MAX_ENTRY_BYTES = 30L * 1024 * 1024;
    /** A document expanding to more text than this is refused rather than truncated. */
    static final int MAX_DOCUMENT_CHARS = 5_000_000;
    private static final int MAX_ENTRIES = 1000;
    private static final int MIN_RECORD_CELLS = 3;
    private static final int MAX_RECORD_CELL_LINES = 3;
    private static final int MAX_RECORD_CHARS = 400;
    private static final long MAX_EXPANDED_BYTES = 100L * 1024 * 1024;
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    static {
        // POI's zip limits are JVM-wide settings.
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(MAX_DOCUMENT_CHARS);
    }

    private static final String NAMESPACES =
            "declare namespace w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' ";
    private static final QName FALLBACK =
            new QName("http://schemas.openxmlformats.org/markup-compatibility/2006", "Fallback");

    private final ResumeTextExtractor.Limits limits;

    DocxTextReader(ResumeTextExtractor.Limits limits) {
        this.limits = limits;
    }

    ExtractedText read(byte[] bytes) {
        if (startsWith(bytes, OLE2)) {
            throw new ResumeExtractionException(Reason.UNSUPPORTED, "The file is a password-protected or legacy (.doc) "
                    + "Word document. Save it as an unprotected .docx or as a PDF and upload it again.");
        }
        Path file = null;
        try {
            // From a file POI reads only the parts it needs; from a stream it would expand every entry in memory.
            file = Files.createTempFile("resume-", ".docx");
            Files.write(file, bytes);
            checkZipStructure(file);
            try (OPCPackage pack = OPCPackage.open(file.toFile(), PackageAccess.READ);
                    XWPFDocument document = new XWPFDocument(pack)) {
                return extract(document);
            }
        } catch (ResumeExtractionException e) {
            throw e;
        } catch (Exception e) {
            throw failure(e);
        } finally {
            deleteQuietly(file);
        }
    }

    private ExtractedText extract(XWPFDocument document) {
        TextSink sink = new TextSink(limits.maxTextChars(), MAX_DOCUMENT_CHARS);
        try {
            for (XWPFHeader header : document.getHeaderList()) {
                writeBody(header, document, sink);
            }
            writeBody(document, document, sink);
            for (XWPFFooter footer : document.getFooterList()) {
                writeBody(footer, document, sink);
            }
        } catch (TextSink.LimitReached e) {
            throw new ResumeExtractionException(Reason.UNSAFE,
                    "The Word document expands to more than 5 MB of text and was refused.");
        }
        if (sink.text().isBlank()) {
            throw new ResumeExtractionException(Reason.NO_TEXT, "The Word document contains no text.");
        }
        return new ExtractedText(sink.text(), DocumentFormat.DOCX, sink.truncated());
    }

    private static void writeBody(IBody body, XWPFDocument document, TextSink sink) {
        for (IBodyElement element : body.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph) {
                textBoxLines(paragraph).forEach(sink::line);
                sink.line(paragraphText(paragraph, document));
            } else if (element instanceof XWPFTable table) {
                writeTable(table, document, sink);
            } else if (element instanceof XWPFSDT contentControl) {
                sink.line(contentControl.getContent().getText());
            }
        }
    }

    private static void writeTable(XWPFTable table, XWPFDocument document, TextSink sink) {
        for (XWPFTableRow row : table.getRows()) {
            List<List<String>> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(cellLines(cell, document));
            }
            if (cells.stream().allMatch(lines -> lines.size() <= 1)) {
                List<String> values = cells.stream().filter(lines -> !lines.isEmpty()).map(lines -> lines.get(0)).toList();
                sink.line(String.join(" | ", values));
            } else if (isRecordRow(cells)) {
                // "2 | B P Marine Academy, / Navi Mumbai | Faculty | Feb 2013 | Jan 2015": one record whose cells wrap
                sink.line(String.join(" | ", cells.stream().filter(lines -> !lines.isEmpty())
                        .map(lines -> String.join(" ", lines.stream().map(String::strip).toList())).toList()));
            } else {
                cells.forEach(lines -> lines.forEach(sink::line));
            }
        }
    }

    /**
     * A row of several short cells, each a line or three: a record of a table (a job, a school) whose cells wrapped.
     * A row holding whole columns of a page laid out as a table (a sidebar cell beside a main cell) is not one.
     */
    private static boolean isRecordRow(List<List<String>> cells) {
        long filled = cells.stream().filter(lines -> !lines.isEmpty()).count();
        int chars = cells.stream().flatMap(List::stream).mapToInt(String::length).sum();
        return filled >= MIN_RECORD_CELLS && cells.stream().allMatch(lines -> lines.size() <= MAX_RECORD_CELL_LINES)
                && chars <= MAX_RECORD_CHARS;
    }

    private static List<String> cellLines(XWPFTableCell cell, XWPFDocument document) {
        List<String> lines = new ArrayList<>();
        for (IBodyElement element : cell.getBodyElements()) {
            if (element instanceof XWPFParagraph paragraph) {
                lines.addAll(textBoxLines(paragraph));
                String text = paragraphText(paragraph, document);
                if (!text.isBlank()) {
                    lines.add(text);
                }
            } else if (element instanceof XWPFTable nested) {
                TextSink nestedSink = new TextSink(Integer.MAX_VALUE - 8, MAX_DOCUMENT_CHARS);
                writeTable(nested, document, nestedSink);
                nestedSink.text().lines().filter(line -> !line.isBlank()).forEach(lines::add);
            }
        }
        return lines;
    }

    /**
     * The paragraphs of the text boxes anchored in this paragraph (headings and contact blocks often sit in them),
     * each box read once: Word writes a modern box and a legacy copy of it as alternatives, and only the first
     * alternative is read.
     */
    private static List<String> textBoxLines(XWPFParagraph paragraph) {
        List<String> lines = new ArrayList<>();
        try (XmlCursor boxes = paragraph.getCTP().newCursor()) {
            boxes.selectPath(NAMESPACES + "$this//w:txbxContent");
            while (boxes.toNextSelection()) {
                if (insideFallback(boxes)) {
                    continue;
                }
                try (XmlCursor paragraphs = boxes.newCursor()) {
                    paragraphs.selectPath(NAMESPACES + "$this/w:p | $this/w:tbl//w:p");
                    while (paragraphs.toNextSelection()) {
                        String text = runText(paragraphs);
                        if (!text.isBlank()) {
                            lines.add(text);
                        }
                    }
                }
            }
        }
        return lines;
    }

    private static boolean insideFallback(XmlCursor at) {
        try (XmlCursor up = at.newCursor()) {
            while (up.toParent()) {
                if (FALLBACK.equals(up.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String runText(XmlCursor paragraph) {
        StringBuilder text = new StringBuilder();
        try (XmlCursor pieces = paragraph.newCursor()) {
            pieces.selectPath(NAMESPACES + "$this//w:t | $this//w:tab | $this//w:br");
            while (pieces.toNextSelection()) {
                String name = pieces.getName().getLocalPart();
                text.append(name.equals("t") ? pieces.getTextValue() : name.equals("tab") ? "\t" : " ");
            }
        }
        return text.toString();
    }

    /** The paragraph's text, a bullet if it is a list item, and the targets of links whose text hides them. */
    private static String paragraphText(XWPFParagraph paragraph, XWPFDocument document) {
        StringBuilder text = new StringBuilder(paragraph.getText());
        for (XWPFRun run : paragraph.getRuns()) {
            if (run instanceof XWPFHyperlinkRun link) {
                XWPFHyperlink target = link.getHyperlink(document);
                if (target != null && target.getURL() != null && text.indexOf(target.getURL()) < 0) {
                    text.append(" (").append(target.getURL()).append(')');
                }
            }
        }
        boolean listItem = paragraph.getNumID() != null && !text.toString().isBlank();
        return listItem ? "• " + text : text.toString();
    }

    /**
     * Refuses, before POI opens it, a zip without a readable central directory (POI would fall back to reading
     * every entry into memory), without a document part, or declaring more entries or expanded bytes than any
     * resume has. POI's inflate-ratio check still guards against sizes that lie.
     */
    private static void checkZipStructure(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("word/document.xml") == null) {
                throw new ResumeExtractionException(Reason.UNREADABLE, "The file is not a readable Word (.docx) document.");
            }
            if (zip.size() > MAX_ENTRIES) {
                throw unsafe();
            }
            long declared = zip.stream().mapToLong(ZipEntry::getSize).filter(size -> size > 0).sum();
            if (declared > MAX_EXPANDED_BYTES) {
                throw unsafe();
            }
        } catch (ZipException e) {
            throw new ResumeExtractionException(Reason.UNREADABLE, "The file is not a readable Word (.docx) document.", e);
        }
    }

    private static ResumeExtractionException unsafe() {
        return new ResumeExtractionException(Reason.UNSAFE,
                "The Word document expands to an unsafe size and was refused (possible zip bomb).");
    }

    private static ResumeExtractionException failure(Exception e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            message += " " + String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        }
        if (message.contains("zip bomb") || message.contains("max entry size") || message.contains("max. ratio")
                || message.contains("exceeds the max")) {
            ResumeExtractionException unsafe = unsafe();
            unsafe.initCause(e);
            return unsafe;
        }
        return new ResumeExtractionException(Reason.UNREADABLE, "The file is not a readable Word (.docx) document.", e);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is cleaned with the temp directory
        }
    }
}
