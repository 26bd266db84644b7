package io.atspro.resume;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers shared by the rule-based parsers. */
final class Text {

    private static final Pattern BULLET = Pattern.compile(
            "^(?:[•●▪■◦○‣⁃∙·*➢➤►▶✓✔❖◆◇♦✦✧★☆❑❒❍⦿⚫⬤➔➜→⇒»▸▹▻◾◽□\\uF0B7\\uF0A7\\uF076\\uF0D8\\uF0FC]|[-–—+](?=\\s)|[-–—](?=\\p{Lu}\\p{Ll})|\\d{1,2}[.)](?=\\s))\\s*");
    static final int MAX_LINE_CHARS = 1000;
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern COLUMN_GAP = Pattern.compile("\\t+| {3,}");
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("\\(\\s*\\)|\\[\\s*]");
    private static final Pattern EDGE_SEPARATORS = Pattern.compile("^[\\s|,;:–—\\-·•/]+|[\\s|,;:–—\\-·•/]+$");
    private static final Pattern LABEL = Pattern.compile("^([\\p{L}][\\p{L} &/'-]{0,40}?)\\s*:\\s*(.*)$");
    private static final Pattern TABLE_HEADER_CELL = Pattern.compile("(?i)s\\.?\\s?no\\.?|sl\\.?\\s?no\\.?|sr\\.?\\s?no\\.?|#"
            + "|(?:name of (?:the )?)?(?:institutions?|organi[sz]ations?|company|companies|employers?|university|board"
            + "|school|college|course|degree|qualification|examination)(?: name)?|position|designation|role|title"
            + "|from|to|since|till|period|duration|years?|year of passing|subjects?|percentage|marks|grade|cgpa"
            + "|location|place|responsibilities|details|university\\s*/\\s*board|name of the course");
    private static final Pattern SPACED_LETTERS = Pattern.compile("^(?:\\p{L} ){2,}\\p{L}$");

    /** Some PDF producers write a soft hyphen for every hyphen and dash: between spaces it was a dash. */
    private static final Pattern SOFT_HYPHEN_AS_DASH = Pattern.compile("[ \\t]+\u00AD[ \\t]+");
    /** Inside a line, between letters, a soft hyphen was printed: it is a hyphen ("Back\u00ADend"). */
    private static final Pattern SOFT_HYPHEN_IN_WORD = Pattern.compile("(?<=\\p{L})\u00AD(?=\\p{L})");
    /** "en-" at a line's end and "terprise" on the next: a word the layout broke. */
    private static final Pattern HYPHENATED_BREAK = Pattern.compile("(?<=\\p{Ll}\\p{Ll})[-\u00AD]\n(?=\\p{Ll})");

    private Text() {
    }

    private static String joinHyphenatedBreaks(String text) {
        return HYPHENATED_BREAK.matcher(text).replaceAll("");
    }

    /** Lines of the document, trimmed, blank ones and Markdown heading marks dropped, column gaps turned into " | ". */
    static List<String> lines(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("\r\n", "\n").replace('\r', '\n')
                .replace('\u00A0', ' ').replace('\u2010', '-').replace('\u2011', '-').replace('\u2007', ' ').replace('\u202F', ' ')
                .replace("\u200B", "").replace("\u200C", "").replace("\u200D", "").replace("\u2060", "")
                .replace("\uFEFF", "").replace("ﬁ", "fi").replace("ﬂ", "fl").replace("ﬀ", "ff");
        normalised = joinHyphenatedBreaks(SOFT_HYPHEN_AS_DASH.matcher(normalised).replaceAll(" – "));
        normalised = SOFT_HYPHEN_IN_WORD.matcher(normalised).replaceAll("-").replace("\u00AD", "");
        List<String> lines = new ArrayList<>();
        for (String raw : shortLines(normalised.split("\n"))) {
            String line = MARKDOWN_HEADING.matcher(raw.strip()).replaceFirst("");
            line = COLUMN_GAP.matcher(line).replaceAll(" | ").replaceAll(" {2,}", " ").strip();
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * Breaks lines longer than {@link #MAX_LINE_CHARS} at a space (or anywhere, if there is none): no resume line
     * is that long, and the patterns run over every line must not meet megabyte-long ones.
     */
    private static List<String> shortLines(String[] lines) {
        List<String> result = new ArrayList<>(lines.length);
        for (String line : lines) {
            int start = 0;
            while (line.length() - start > MAX_LINE_CHARS) {
                int cut = line.lastIndexOf(' ', start + MAX_LINE_CHARS);
                cut = cut > start ? cut : start + MAX_LINE_CHARS;
                result.add(line.substring(start, cut));
                start = cut;
            }
            result.add(line.substring(start));
        }
        return result;
    }

    static boolean isBullet(String line) {
        return BULLET.matcher(line).find();
    }

    /** The line without its bullet mark. */
    static String stripBullet(String line) {
        return BULLET.matcher(line).replaceFirst("").strip();
    }

    /** Removes separators, dashes and empty brackets left at the edges once part of a line was cut out. */
    static String trimSeparators(String text) {
        String result = EMPTY_BRACKETS.matcher(text).replaceAll(" ").replaceAll(" {2,}", " ");
        result = EDGE_SEPARATORS.matcher(result).replaceAll("");
        if (result.endsWith("(") || result.endsWith("[")) {
            result = EDGE_SEPARATORS.matcher(result.substring(0, result.length() - 1)).replaceAll("");
        }
        if (result.startsWith(")") || result.startsWith("]")) {
            result = EDGE_SEPARATORS.matcher(result.substring(1)).replaceAll("");
        }
        return result.strip();
    }

    /**
     * "S.No | Name of the Institutions | Position | From | To": the header row of a table of records, whose cells
     * name columns rather than hold values.
     */
    static boolean isTableHeaderRow(String line) {
        String[] cells = line.split("\\s*\\|\\s*");
        if (cells.length < 3) {
            return false;
        }
        return Arrays.stream(cells).filter(cell -> TABLE_HEADER_CELL.matcher(cell.strip()).matches()).count() * 3
                >= cells.length * 2L;
    }

    /** "Percentage", "Year of passing", "Name of the University": a cell that names a column. */
    static boolean isTableHeaderCell(String cell) {
        return TABLE_HEADER_CELL.matcher(cell.strip()).matches();
    }

    /** "Skills: Java, Go" gives label "skills" and value "Java, Go"; null when the line has no short label. */
    static Labelled label(String line) {
        Matcher m = LABEL.matcher(line);
        if (!m.matches() || m.group(1).split("\\s+").length > 5) {
            return null;
        }
        return new Labelled(m.group(1).strip().toLowerCase(Locale.ROOT), m.group(2).strip());
    }

    record Labelled(String label, String value) {
    }

    /** "E X P E R I E N C E" becomes "EXPERIENCE"; other text is returned unchanged. */
    static String joinSpacedLetters(String line) {
        return SPACED_LETTERS.matcher(line).matches() ? line.replace(" ", "") : line;
    }

    /** A set of words, a word listed twice counting once (the vocabularies are long and grow). */
    static Set<String> setOf(String... words) {
        return Set.copyOf(Arrays.asList(words));
    }

    /** Words with at least one letter or digit: separators and dashes do not count. */
    static int letterWordCount(String text) {
        int count = 0;
        for (String word : text.strip().split("\\s+")) {
            if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                count++;
            }
        }
        return count;
    }

    static int wordCount(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    /** Keeps the first spelling of each item, comparing case-insensitively. */
    static List<String> dedupe(List<String> items) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String item : items) {
            String trimmed = item == null ? "" : item.strip();
            if (!trimmed.isEmpty()) {
                seen.putIfAbsent(trimmed.toLowerCase(Locale.ROOT), trimmed);
            }
        }
        return List.copyOf(seen.values());
    }

    /** Splits on the separators outside brackets: "Java (Spring, JPA), Go" gives "Java (Spring, JPA)" and "Go". */
    static List<String> splitOutsideBrackets(String text, String separators) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            }
            if (depth == 0 && separators.indexOf(c) >= 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    static String blankToNull(String text) {
        return isBlank(text) ? null : text.strip();
    }
}
