package io.atspro.resume;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Skills from a skills section or a "Skills:" line: split on commas, bullets, pipes and semicolons, deduplicated. */
final class SkillsParser {

    private static final String SEPARATORS = ",;|•·▪●◦";
    private static final Pattern LEADING_CONJUNCTION = Pattern.compile("(?i)^(?:and|&|or)\\s+");
    private static final Pattern CATEGORY = Pattern.compile("^([\\p{L}][\\p{L}0-9 &/+#.'-]{0,40}?)\\s*:\\s*(.*)$");
    /** "DevOps | AWS, Docker, Kubernetes": a table row whose first cell names the group. */
    private static final Pattern TABLE_CATEGORY = Pattern.compile("^([\\p{L}][\\p{L}0-9 &/+#.'-]{0,30}?)\\s+\\|\\s+(.*,.*)$");
    private static final int MAX_SKILL_WORDS = 6;
    private static final int MAX_SKILL_LENGTH = 80;
    /** A list line at least this long probably reached the right margin and continues on the next line. */
    private static final int WRAPPED_LINE_LENGTH = 60;

    private SkillsParser() {
    }

    /** All skills of a section, with category labels ("Languages: ...") dropped and wrapped lines rejoined. */
    static List<String> parse(List<String> lines) {
        List<String> skills = new ArrayList<>();
        for (String line : rejoinWrappedLines(lines)) {
            skills.addAll(split(withoutCategory(line)));
        }
        skills.removeIf(skill -> Languages.isSpokenLanguage(skill) || Languages.isLanguageGridWord(skill)
                || !skill.matches(".*\\p{L}.*") || DateRange.findRange(skill).isPresent() && skill.length() < 30);
        return Text.dedupe(skills);
    }

    /** Skills in one line of text. */
    static List<String> split(String text) {
        List<String> skills = new ArrayList<>();
        for (String part : Text.splitOutsideBrackets(text, SEPARATORS)) {
            String skill = LEADING_CONJUNCTION.matcher(Text.stripBullet(part)).replaceFirst("")
                    .replaceAll("[.]+$", "").strip();
            if (!skill.isEmpty() && Text.wordCount(skill) <= MAX_SKILL_WORDS && skill.length() <= MAX_SKILL_LENGTH) {
                skills.add(skill);
            }
        }
        return Text.dedupe(skills);
    }

    private static String withoutCategory(String line) {
        String text = Text.stripBullet(line);
        var m = CATEGORY.matcher(text);
        if (m.matches() && Text.wordCount(m.group(1)) <= 4) {
            return m.group(2);
        }
        m = TABLE_CATEGORY.matcher(text);
        return m.matches() && Text.wordCount(m.group(1)) <= 3 ? m.group(2) : text;
    }

    /**
     * A comma-separated list that wrapped onto the next line is one list: "Java, Spring Boot, Machine" + "Learning, Go"
     * must give "Machine Learning". A line without separators is an item of its own (one skill per line).
     */
    private static List<String> rejoinWrappedLines(List<String> lines) {
        List<String> joined = new ArrayList<>();
        for (String line : lines) {
            int last = joined.size() - 1;
            boolean startsNewItem = Text.isBullet(line) || CATEGORY.matcher(line).matches()
                    || TABLE_CATEGORY.matcher(line).matches();
            boolean bulletCarriesOn = last >= 0 && Text.isBullet(joined.get(last)) && !startsNewItem
                    && Character.isLowerCase(line.codePointAt(0));
            if (last >= 0 && !startsNewItem && (isOpenList(joined.get(last)) || bulletCarriesOn)) {
                joined.set(last, joined.get(last) + " " + line);
            } else {
                joined.add(line);
            }
        }
        return joined;
    }

    /** Ends in a separator, or is a long list line that the page width broke. */
    private static boolean isOpenList(String line) {
        String text = withoutCategory(line).strip();
        boolean endsOpen = !text.isEmpty() && SEPARATORS.indexOf(text.charAt(text.length() - 1)) >= 0;
        boolean longList = line.length() >= WRAPPED_LINE_LENGTH && text.chars().anyMatch(c -> SEPARATORS.indexOf(c) >= 0);
        return endsOpen || longList;
    }
}
