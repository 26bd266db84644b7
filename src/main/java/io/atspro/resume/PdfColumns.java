package io.atspro.resume;

import io.atspro.resume.PdfLayoutStripper.Fragment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds where a page is set in two columns side by side (a sidebar beside the main text, two equal columns, or a
 * two-column block such as an education table under a full-width summary) and reads that band column by column:
 * the rows above it, then its left column, then its right column, then the rows below. A band is a run of rows that
 * a vertical gutter crosses without touching any text, with real text, not only dates and places, on both sides.
 */
final class PdfColumns {

    /** A row of text rebuilt from fragments on one baseline. */
    record Row(String text, float size, boolean bold) {
    }

    /** The band found on a page: the gutter's x and the rows (by index) it runs through. */
    record Band(float gutter, int firstRow, int lastRow) {
    }

    /** Rows of a band that have text on both sides of the gutter. */
    private static final int MIN_SHARED_ROWS = 4;
    /** Each side of a band holds at least this share of the band's characters. */
    private static final double MIN_SIDE_SHARE = 0.15;
    /** The gutter is looked for away from the text's edges, by this share of the text's width. */
    private static final double EDGE_MARGIN = 0.12;
    private static final float STEP = 3f;
    /** The labels of a label/value table are this short on average. */
    private static final double MAX_LABEL_WORDS = 3.5;
    /** A label/value table is a block of at most this many rows; a sidebar runs down the page. */
    private static final int MAX_TABLE_ROWS = 16;
    private static final Pattern DATE_LIKE = Pattern.compile("(?i).*(?:19|20)\\d{2}.*|.*\\b(?:present|current)\\b.*");

    private PdfColumns() {
    }

    /** The page's rows in reading order, or null when no part of the page is set in two columns. */
    static List<Row> readingOrder(List<Fragment> fragments) {
        List<List<Fragment>> rows = rowsOf(fragments);
        Band band = band(rows);
        if (band == null) {
            return null;
        }
        List<Row> ordered = new ArrayList<>();
        for (int i = 0; i < band.firstRow(); i++) {
            ordered.add(row(rows.get(i)));
        }
        List<Fragment> left = new ArrayList<>();
        List<Fragment> right = new ArrayList<>();
        for (int i = band.firstRow(); i <= band.lastRow(); i++) {
            for (Fragment fragment : rows.get(i)) {
                (fragment.x1() <= band.gutter() ? left : right).add(fragment);
            }
        }
        rowsOf(left).forEach(row -> ordered.add(row(row)));
        rowsOf(right).forEach(row -> ordered.add(row(row)));
        for (int i = band.lastRow() + 1; i < rows.size(); i++) {
            ordered.add(row(rows.get(i)));
        }
        return ordered;
    }

    /**
     * Whether the file writes this page's text out of reading order: somewhere the next run of text stands more than
     * two lines above the one before it, over it in the same column. Files write their text top to bottom unless
     * they place text frames in the order they were made.
     */
    static boolean writtenOutOfOrder(List<Fragment> fragments) {
        for (int i = 1; i < fragments.size(); i++) {
            Fragment before = fragments.get(i - 1);
            Fragment next = fragments.get(i);
            boolean up = next.y() < before.y() - 2 * Math.max(before.size(), next.size());
            boolean sameColumn = next.x0() < before.x1() && before.x0() < next.x1();
            if (up && sameColumn) {
                return true;
            }
        }
        return false;
    }

    /** The page's rows top to bottom, each left to right. */
    static List<Row> topToBottom(List<Fragment> fragments) {
        return rowsOf(fragments).stream().map(PdfColumns::row).toList();
    }

    /** The band spanning the most rows, if any. */
    static Band band(List<List<Fragment>> rows) {
        if (rows.size() < MIN_SHARED_ROWS) {
            return null;
        }
        Map<Fragment, Boolean> realText = new IdentityHashMap<>();
        rows.forEach(row -> row.forEach(f -> realText.put(f, isRealText(f))));
        float left = (float) rows.stream().flatMap(List::stream).mapToDouble(Fragment::x0).min().orElse(0);
        float right = (float) rows.stream().flatMap(List::stream).mapToDouble(Fragment::x1).max().orElse(0);
        float width = right - left;
        Band best = null;
        for (float x = left + (float) (width * EDGE_MARGIN); x <= right - width * EDGE_MARGIN; x += STEP) {
            int start = -1;
            for (int i = 0; i <= rows.size(); i++) {
                float at = x;
                boolean open = i < rows.size() && rows.get(i).stream().noneMatch(f -> f.crosses(at));
                if (open && start < 0) {
                    start = i;
                } else if (!open && start >= 0) {
                    Band candidate = new Band(x, start, i - 1);
                    if ((best == null || span(candidate) > span(best)) && isColumns(rows, candidate, realText)) {
                        best = candidate;
                    }
                    start = -1;
                }
            }
        }
        return best;
    }

    private static int span(Band band) {
        return band.lastRow() - band.firstRow();
    }

    /**
     * Enough rows with real text (not a date or a place) on both sides, each side a fair share of the band's text;
     * and not a label/value table ("Date of Birth | : 25th July", "DevOps | AWS, Docker"), whose short labels each
     * stand on the row of their value and which reads right row by row.
     */
    private static boolean isColumns(List<List<Fragment>> rows, Band band, Map<Fragment, Boolean> realText) {
        int shared = 0;
        int leftRows = 0;
        int leftWords = 0;
        int leftFragments = 0;
        int leftChars = 0;
        int rightChars = 0;
        int rightFragments = 0;
        int colons = 0;
        int leftBullets = 0;
        for (int i = band.firstRow(); i <= band.lastRow(); i++) {
            boolean hasLeft = false;
            boolean hasRight = false;
            for (Fragment fragment : rows.get(i)) {
                boolean text = realText.get(fragment);
                if (fragment.x1() <= band.gutter()) {
                    hasLeft |= text;
                    leftChars += fragment.text().length();
                    leftWords += Text.wordCount(fragment.text());
                    leftFragments++;
                    leftBullets += Text.isBullet(fragment.text()) ? 1 : 0;
                } else {
                    hasRight |= text;
                    rightChars += fragment.text().length();
                    rightFragments++;
                    colons += fragment.text().startsWith(":") ? 1 : 0;
                }
            }
            leftRows += hasLeft ? 1 : 0;
            shared += hasLeft && hasRight ? 1 : 0;
        }
        int chars = leftChars + rightChars;
        boolean labelled = colons * 2 >= rightFragments || shared * 10 >= leftRows * 7 && leftBullets < 2;
        boolean table = band.lastRow() - band.firstRow() < MAX_TABLE_ROWS && leftFragments > 0
                && leftWords <= MAX_LABEL_WORDS * leftFragments && labelled;
        return !table && shared >= MIN_SHARED_ROWS && leftChars >= chars * MIN_SIDE_SHARE
                && rightChars >= chars * MIN_SIDE_SHARE;
    }

    /** Words rather than a date or a place, which a single column sets at its right margin. */
    private static boolean isRealText(Fragment fragment) {
        return !DATE_LIKE.matcher(fragment.text()).matches() && !Places.isPlace(fragment.text());
    }

    /** Fragments grouped into rows by baseline, top to bottom. */
    private static List<List<Fragment>> rowsOf(List<Fragment> fragments) {
        List<Fragment> sorted = new ArrayList<>(fragments);
        sorted.sort(Comparator.comparingDouble(Fragment::y).thenComparingDouble(Fragment::x0));
        List<List<Fragment>> rows = new ArrayList<>();
        List<Fragment> row = new ArrayList<>();
        for (Fragment fragment : sorted) {
            if (!row.isEmpty() && Math.abs(fragment.y() - row.get(0).y()) > row.get(0).size() * 0.5f) {
                rows.add(row);
                row = new ArrayList<>();
            }
            row.add(fragment);
        }
        if (!row.isEmpty()) {
            rows.add(row);
        }
        return rows;
    }

    private static Row row(List<Fragment> fragments) {
        List<Fragment> sorted = new ArrayList<>(fragments);
        sorted.sort(Comparator.comparingDouble(Fragment::x0));
        StringBuilder text = new StringBuilder();
        float size = 0;
        int chars = 0;
        int boldChars = 0;
        Fragment previous = null;
        for (Fragment fragment : sorted) {
            if (previous != null) {
                text.append(fragment.x0() - previous.x1() > PdfLayoutStripper.COLUMN_GAP_EM * fragment.size() ? '\t' : ' ');
            }
            text.append(fragment.text());
            size = Math.max(size, fragment.size());
            chars += fragment.text().length();
            boldChars += fragment.bold() ? fragment.text().length() : 0;
            previous = fragment;
        }
        return new Row(text.toString(), size, chars > 0 && boldChars * 10 >= chars * 8);
    }
}
