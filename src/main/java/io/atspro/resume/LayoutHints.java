package io.atspro.resume;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a file's layout says beyond its text: the line set largest near the top of the first page (usually the
 * name), lines styled as headings (larger or bold capitals, short), and the targets of the file's hyperlinks.
 * Plain text has none of it ({@link #NONE}); the parser then relies on the words alone.
 */
public record LayoutHints(String largestTopLine, Set<String> headingLines, List<String> hyperlinks) {

    public static final LayoutHints NONE = new LayoutHints(null, Set.of(), List.of());

    public LayoutHints {
        headingLines = headingLines == null ? Set.of()
                : headingLines.stream().map(LayoutHints::key).collect(Collectors.toUnmodifiableSet());
        hyperlinks = hyperlinks == null ? List.of() : List.copyOf(hyperlinks);
    }

    boolean isHeadingStyled(String line) {
        return !headingLines.isEmpty() && headingLines.contains(key(line));
    }

    /** Lines compare by their letters and digits alone, so the text's own clean-up does not hide a match. */
    static String key(String line) {
        return line.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
