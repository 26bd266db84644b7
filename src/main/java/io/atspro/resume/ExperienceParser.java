package io.atspro.resume;

import io.atspro.resume.ResumeData.WorkExperience;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jobs from the lines of an experience section. An entry is a few header lines (title, company, dates, in any
 * order, possibly on one line) followed by bullets or prose; the next header line after a body starts a new entry.
 */
final class ExperienceParser {

    private static final Pattern SKILLS_LABEL = Pattern.compile(
            "(?i)^(?:skills(?: used)?|technologies(?: used)?|tech(?:nology)? stack|stack|tools(?: used)?|environment"
                    + "|key skills|tech)\\s*:\\s*(.+)$");
    private static final int MAX_HEADER_WORDS = 14;

    private ExperienceParser() {
    }

    static List<WorkExperience> parse(List<String> lines) {
        List<Draft> drafts = new ArrayList<>();
        Draft draft = null;
        for (String line : lines) {
            boolean bullet = Text.isBullet(line);
            String text = bullet ? Text.stripBullet(line) : line;
            Matcher skills = SKILLS_LABEL.matcher(text);
            if (skills.matches()) {
                draft = draft == null ? start(drafts) : draft;
                draft.skills.addAll(SkillsParser.split(skills.group(1)));
            } else if (bullet) {
                draft = draft == null ? start(drafts) : draft;
                draft.bullets.add(text);
            } else if (draft != null && draft.hasBody() && isContinuation(text)) {
                draft.appendToLastBodyLine(text);
            } else if (isProse(text)) {
                draft = draft == null ? start(drafts) : draft;
                draft.description.add(text);
            } else {
                draft = addHeaderLine(drafts, draft, text);
            }
        }
        return drafts.stream().map(Draft::toWorkExperience).filter(Objects::nonNull).toList();
    }

    private static Draft addHeaderLine(List<Draft> drafts, Draft draft, String line) {
        Optional<DateRange.Found> found = DateRange.findRange(line);
        if (found.isPresent()) {
            Draft target = draft == null || draft.hasBody() || draft.dates != null ? start(drafts) : draft;
            target.dates = found.get().range();
            String rest = found.get().remainder(line);
            if (!rest.isEmpty()) {
                target.header.add(rest);
            }
            return target;
        }
        Draft target = draft == null || draft.hasBody() || draft.headerComplete() ? start(drafts) : draft;
        Optional<DateRange.Found> lone = target.dates == null ? DateRange.findRangeOrDate(line) : Optional.empty();
        if (lone.isPresent()) {
            // "Intern at Acme | Summer 2017": a single date is the whole span
            String date = lone.get().range().end();
            target.dates = new DateRange(date, date, false);
            line = lone.get().remainder(line);
        }
        if (!line.isEmpty()) {
            target.header.add(line);
        }
        return target;
    }

    private static Draft start(List<Draft> drafts) {
        Draft draft = new Draft();
        drafts.add(draft);
        return draft;
    }

    /** A wrapped bullet or sentence carries on in lower case. */
    private static boolean isContinuation(String line) {
        return Character.isLowerCase(line.codePointAt(0));
    }

    /** A sentence rather than a title, company or date line. */
    static boolean isProse(String line) {
        int words = Text.wordCount(line);
        if (words > MAX_HEADER_WORDS) {
            return true;
        }
        if (words < 4 || !line.endsWith(".")) {
            return false;
        }
        String lastWord = line.substring(line.lastIndexOf(' ') + 1);
        return !Vocabulary.isCompanySuffix(lastWord) && !lastWord.matches("(?i)(?:jr|sr|st|dr)\\.");
    }

    private static final class Draft {
        final List<String> header = new ArrayList<>();
        final List<String> bullets = new ArrayList<>();
        final List<String> description = new ArrayList<>();
        final List<String> skills = new ArrayList<>();
        DateRange dates;

        boolean hasBody() {
            return !bullets.isEmpty() || !description.isEmpty();
        }

        /** Dates plus either two header lines or one that names both title and company. */
        boolean headerComplete() {
            return dates != null && (header.size() >= 2 || header.size() == 1 && RoleSplitter.hasSeparator(header.get(0)));
        }

        void appendToLastBodyLine(String line) {
            List<String> target = bullets.isEmpty() ? description : bullets;
            int last = target.size() - 1;
            target.set(last, target.get(last) + " " + line);
        }

        WorkExperience toWorkExperience() {
            RoleSplitter.Role role = RoleSplitter.split(header);
            if (role.position() == null && role.company() == null && dates == null) {
                return null;
            }
            String description = this.description.isEmpty() ? null : String.join(" ", this.description);
            return new WorkExperience(role.company(), role.position(),
                    dates == null ? null : dates.start(), dates == null ? null : dates.end(),
                    dates != null && dates.current(), description, bullets, Text.dedupe(skills));
        }
    }
}
