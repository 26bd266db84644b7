package io.atspro.resume;

import io.atspro.resume.ResumeExtractionException.Reason;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF's lines from the glyphs' positions rather than from the spaces the file happens to contain: a gap of
 * a fraction of the font size is a space (many files position words without one), a wide gap is a column gap
 * (written as a tab: "Acme Corp &lt;tab&gt; Berlin"), private-use icon glyphs and zero-width characters are dropped,
 * ligatures are spelt out. Each line keeps its font size and weight, so headings and the name can be told from the
 * body text, and the hyperlinks of each page are collected. Gives up between pages once the time budget is spent.
 */
final class PdfLayoutStripper extends PDFTextStripper {

    /** A gap wider than this many font sizes separates words. */
    private static final float SPACE_GAP_EM = 0.16f;
    /** A gap wider than this many font sizes separates columns (a location or a date set to the right). */
    static final float COLUMN_GAP_EM = 1.1f;
    /** The name is set at least this much larger than the body text. */
    private static final float NAME_SIZE_RATIO = 1.25f;
    /** Headings are set at least this much larger than the body text, or bold in capitals. */
    private static final float HEADING_SIZE_RATIO = 1.12f;
    private static final int MAX_HEADING_WORDS = 6;
    private static final int NAME_SEARCH_LINES = 12;
    /** Running headers and footers sit within this many lines of a page's top or bottom. */
    private static final int PAGE_EDGE_LINES = 3;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)(?:page\\s*)?\\d{1,3}(?:\\s*(?:/|of)\\s*\\d{1,3})?|-\\s*\\d{1,3}\\s*-");

    record Line(String text, float size, boolean bold, int page) {
    }

    /** Text set in one run on one baseline, between column gaps. */
    record Fragment(String text, float x0, float x1, float y, float size, boolean bold) {

        boolean crosses(float x) {
            return x0 < x - 1 && x1 > x + 1;
        }
    }

    private final long deadlineNanos;
    private final List<Line> lines = new ArrayList<>();
    private final Set<String> hyperlinks = new LinkedHashSet<>();
    private final StringBuilder current = new StringBuilder();
    /** This page's lines in the file's order, and the same text as positioned fragments (runs between column gaps). */
    private final List<Line> pageLines = new ArrayList<>();
    private final List<Fragment> fragments = new ArrayList<>();
    private final StringBuilder fragment = new StringBuilder();
    private float fragmentX0;
    private float fragmentX1;
    private float fragmentY;
    private float fragmentSize;
    private int fragmentChars;
    private int fragmentBoldChars;
    private int pagesWithColumns;
    private final Map<Float, Integer> charsBySize = new HashMap<>();
    private float lastEndX = Float.NaN;
    private boolean pendingSpace;
    private float lineMaxSize;
    private int lineChars;
    private int lineBoldChars;

    PdfLayoutStripper(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
        setSortByPosition(false);
        setSuppressDuplicateOverlappingText(true);
    }

    /** Runs over the document; the base class's own output is not used. */
    void read(PDDocument document) throws IOException {
        writeText(document, Writer.nullWriter());
    }

    /**
     * The lines without page furniture: a line repeated, digits aside, at the top or the bottom of two or more pages
     * (a running header or footer: "February 10, 2026 · Jane Doe · Curriculum Vitae 3"), and lone page numbers.
     * The top of the first page stays: the name there is often repeated above the next pages.
     */
    List<Line> lines() {
        Map<Integer, List<Line>> byPage = new TreeMap<>();
        lines.forEach(line -> byPage.computeIfAbsent(line.page(), p -> new ArrayList<>()).add(line));
        Map<String, Set<Integer>> edgePages = new HashMap<>();
        byPage.forEach((page, pageLines) -> {
            for (int i = 0; i < pageLines.size(); i++) {
                if (i < PAGE_EDGE_LINES || i >= pageLines.size() - PAGE_EDGE_LINES) {
                    edgePages.computeIfAbsent(furnitureKey(pageLines.get(i).text()), k -> new HashSet<>()).add(page);
                }
            }
        });
        List<Line> kept = new ArrayList<>(lines.size());
        byPage.forEach((page, pageLines) -> {
            for (int i = 0; i < pageLines.size(); i++) {
                Line line = pageLines.get(i);
                boolean atEdge = i < PAGE_EDGE_LINES || i >= pageLines.size() - PAGE_EDGE_LINES;
                boolean firstPageTop = page == 1 && i < PAGE_EDGE_LINES;
                boolean repeated = atEdge && !firstPageTop && byPage.size() > 1 && edgePages.get(furnitureKey(line.text())).size() > 1;
                if (!repeated && !PAGE_NUMBER.matcher(line.text().strip()).matches()) {
                    kept.add(line);
                }
            }
        });
        return kept;
    }

    private static String furnitureKey(String text) {
        return text.replaceAll("\\d+", "#").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    List<String> hyperlinks() {
        return List.copyOf(hyperlinks);
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        if (System.nanoTime() > deadlineNanos) {
            throw new ResumeExtractionException(Reason.UNSAFE, "The PDF took too long to read and was refused.");
        }
        super.startPage(page);
        collectLinks(page);
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        flushLine();
        List<PdfColumns.Row> columns = PdfColumns.readingOrder(fragments);
        if (columns == null && PdfColumns.writtenOutOfOrder(fragments)) {
            // a single column whose text the file writes out of order (frames placed in any order): top to bottom
            for (PdfColumns.Row row : PdfColumns.topToBottom(fragments)) {
                lines.add(new Line(row.text(), row.size(), row.bold(), getCurrentPageNo()));
            }
        } else if (columns == null) {
            lines.addAll(pageLines);
        } else {
            pagesWithColumns++;
            for (PdfColumns.Row row : columns) {
                lines.add(new Line(row.text(), row.size(), row.bold(), getCurrentPageNo()));
            }
        }
        pageLines.clear();
        fragments.clear();
        super.endPage(page);
    }

    /** Pages read column by column, because their text stands in two columns side by side. */
    int pagesWithColumns() {
        return pagesWithColumns;
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        for (TextPosition glyph : positions) {
            String unicode = clean(glyph.getUnicode());
            if (unicode.isEmpty()) {
                continue;
            }
            if (unicode.isBlank()) {
                pendingSpace = true;
                continue;
            }
            float size = fontSize(glyph);
            float x = glyph.getXDirAdj();
            float y = glyph.getYDirAdj();
            if (!Float.isNaN(lastEndX)) {
                float gap = x - lastEndX;
                if (gap > COLUMN_GAP_EM * size || gap < -size || Math.abs(y - fragmentY) > size) {
                    current.append('\t');
                    closeFragment();
                } else if (pendingSpace || gap > SPACE_GAP_EM * size) {
                    current.append(' ');
                    fragment.append(' ');
                }
            }
            if (fragment.isEmpty()) {
                fragmentX0 = x;
                fragmentY = y;
            }
            pendingSpace = false;
            current.append(unicode);
            fragment.append(unicode);
            lastEndX = x + glyph.getWidthDirAdj();
            fragmentX1 = lastEndX;
            fragmentSize = Math.max(fragmentSize, size);
            fragmentChars += unicode.length();
            if (isBold(glyph.getFont())) {
                fragmentBoldChars += unicode.length();
            }
            int count = unicode.length();
            lineChars += count;
            lineMaxSize = Math.max(lineMaxSize, size);
            if (isBold(glyph.getFont())) {
                lineBoldChars += count;
            }
            charsBySize.merge(Math.round(size * 2) / 2f, count, Integer::sum);
        }
    }

    @Override
    protected void writeWordSeparator() {
        pendingSpace = true;
    }

    @Override
    protected void writeLineSeparator() {
        flushLine();
    }

    private void closeFragment() {
        String text = fragment.toString().strip();
        if (!text.isEmpty()) {
            fragments.add(new Fragment(text, fragmentX0, fragmentX1, fragmentY, fragmentSize,
                    fragmentBoldChars * 10 >= fragmentChars * 8));
        }
        fragment.setLength(0);
        fragmentSize = 0;
        fragmentChars = 0;
        fragmentBoldChars = 0;
    }

    private void flushLine() {
        closeFragment();
        String text = current.toString().strip();
        if (!text.isEmpty()) {
            pageLines.add(new Line(text, lineMaxSize, lineChars > 0 && lineBoldChars * 10 >= lineChars * 8, getCurrentPageNo()));
        }
        current.setLength(0);
        lastEndX = Float.NaN;
        pendingSpace = false;
        lineMaxSize = 0;
        lineChars = 0;
        lineBoldChars = 0;
    }

    /** The size most of the text is set in. */
    float bodySize() {
        return charsBySize.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(10f);
    }

    /** The largest line among the first lines of page one, when it is clearly larger than the body text. */
    String largestTopLine() {
        float body = bodySize();
        Line largest = null;
        int seen = 0;
        for (Line line : lines) {
            if (line.page() != 1 || seen++ >= NAME_SEARCH_LINES) {
                break;
            }
            if (largest == null || line.size() > largest.size()) {
                largest = line;
            }
        }
        return largest != null && largest.size() >= NAME_SIZE_RATIO * body ? largest.text() : null;
    }

    /** Short lines set larger than the body text, or bold in capitals. */
    Set<String> headingLines() {
        float body = bodySize();
        Set<String> headings = new LinkedHashSet<>();
        for (Line line : lines) {
            String text = line.text().replace('\t', ' ').strip();
            if (Text.wordCount(text) > MAX_HEADING_WORDS || text.matches(".*\\d.*") || !text.matches(".*\\p{L}.*")) {
                continue;
            }
            boolean larger = line.size() >= HEADING_SIZE_RATIO * body;
            boolean boldCapitals = line.bold() && text.equals(text.toUpperCase(Locale.ROOT));
            if (larger || boldCapitals) {
                headings.add(text);
            }
        }
        return headings;
    }

    private void collectLinks(PDPage page) throws IOException {
        for (PDAnnotation annotation : page.getAnnotations()) {
            if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                String target = uri.getURI();
                if (target != null && target.matches("(?i)^https?://\\S+$") && target.length() <= 500) {
                    hyperlinks.add(target.strip());
                }
            }
        }
    }

    private static float fontSize(TextPosition glyph) {
        float size = glyph.getFontSizeInPt();
        if (size <= 0.5f || size > 200) {
            size = glyph.getHeightDir() * 1.4f;
        }
        return size <= 0.5f ? 10f : size;
    }

    private static boolean isBold(PDFont font) {
        if (font == null) {
            return false;
        }
        String name = String.valueOf(font.getName()).toLowerCase(Locale.ROOT);
        if (name.contains("bold") || name.contains("black") || name.contains("heavy") || name.contains("semibold")
                || name.contains("demi") || name.matches(".*[-,]b[dx]?$")) {
            return true;
        }
        PDFontDescriptor descriptor = font.getFontDescriptor();
        return descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600);
    }

    /** Ligatures spelt out; icon glyphs (private use), zero-width characters and control characters dropped. */
    static String clean(String unicode) {
        if (unicode == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(unicode.length());
        unicode.codePoints().forEach(cp -> {
            switch (cp) {
                case 0xFB00 -> out.append("ff");
                case 0xFB01 -> out.append("fi");
                case 0xFB02 -> out.append("fl");
                case 0xFB03 -> out.append("ffi");
                case 0xFB04 -> out.append("ffl");
                case 0xFB05, 0xFB06 -> out.append("st");
                case 0xF0B7, 0xF0A7, 0xF076, 0xF0D8, 0xF0FC, 0xF06C, 0xF06E, 0xF0A8 -> out.append('•');
                case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xFFFD -> {
                }
                case '\t', 0xA0, 0x2002, 0x2003, 0x2007, 0x2009, 0x202F -> out.append(' ');
                default -> {
                    boolean privateUse = cp >= 0xE000 && cp <= 0xF8FF || cp >= 0xF0000;
                    if (!privateUse && !Character.isISOControl(cp)) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
