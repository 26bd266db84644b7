package io.atspro.resume;

import io.atspro.resume.ResumeData.Education;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Schools from the lines of an education section: institution, degree and field, graduation date, GPA, honours. */
final class EducationParser {

    private static final Pattern GPA = Pattern.compile(
            "(?i)\\b(?:c?gpa|grade point average|grade|score)\\s*[:\\-]?\\s*(\\d{1,2}(?:[.,]\\d{1,3})?)(?:\\s*/\\s*\\d+(?:[.,]\\d+)?)?"
                    + "|(\\d(?:[.,]\\d{1,3})?)\\s*/\\s*4(?:[.,]0+)?\\s*(?:c?gpa)?");
    private static final Pattern COURSES = Pattern.compile(
            "(?i)^(?:relevant\\s+)?(?:course\\s*work|courses|coursework|modules|key courses)\\s*:\\s*(.+)$");
    private static final Pattern HONORS_LABEL = Pattern.compile("(?i)^(?:honou?rs|awards|distinctions?)\\s*:\\s*(.+)$");
    private static final Pattern SKILLS_LABEL = Pattern.compile("(?i)^(?:skills|technologies|tools)\\s*:\\s*(.+)$");
    private static final Pattern LATIN_HONORS = Pattern.compile(
            "(?i)\\b(?:summa |magna )?cum laude\\b|\\bwith (?:high(?:est)? )?(?:honou?rs|distinction)\\b"
                    + "|\\bfirst[- ]class(?: honou?rs)?\\b|\\bdean['’]s list\\b|\\bvaledictorian\\b|\\bsalutatorian\\b");
    private static final Pattern DATE_WORDS = Pattern.compile(
            "(?i)\\b(?:expected|anticipated|graduat(?:ed|ion|ing)|class of|completed|awarded)\\b\\s*(?:in|on)?\\s*:?");
    private static final Pattern INLINE_HONORS = Pattern.compile("(?i)\\bhonou?rs\\s*:\\s*(.+)$");
    private static final Pattern SEGMENT_SEPARATORS = Pattern.compile("\\s*(?:\\||;|\\s[–—-]\\s|—|·|•|,)\\s*");

    private static final Pattern SUBJECT = Pattern.compile("(?i)science|engineering|studies|arts|economics|mathematics|"
            + "physics|chemistry|biology|history|design|management|administration|business|finance|law|medicine|"
            + "nursing|psychology|marketing|accounting|literature|philosophy|informatics|statistics|communication|"
            + "journalism|music|architecture|education|linguistics|sociology|politics|technology|computing");

    private EducationParser() {
    }

    static List<Education> parse(List<String> lines) {
        List<Draft> drafts = new ArrayList<>();
        Draft draft = null;
        for (String line : lines) {
            String text = Text.isBullet(line) ? Text.stripBullet(line) : line;
            if (draft != null && addDetail(draft, text)) {
                continue;
            }
            draft = addHeaderLine(drafts, draft, text);
        }
        return drafts.stream().filter(Draft::hasSubstance).map(Draft::toEducation).toList();
    }

    /** Courses, honours, skills: lines that belong to the school above them. */
    private static boolean addDetail(Draft draft, String line) {
        Matcher m = COURSES.matcher(line);
        if (m.matches()) {
            draft.courses.addAll(SkillsParser.split(m.group(1)));
            return true;
        }
        m = HONORS_LABEL.matcher(line);
        if (m.matches()) {
            draft.honors.addAll(SkillsParser.split(m.group(1)));
            return true;
        }
        m = SKILLS_LABEL.matcher(line);
        if (m.matches()) {
            draft.skills.addAll(SkillsParser.split(m.group(1)));
            return true;
        }
        return false;
    }

    private static Draft addHeaderLine(List<Draft> drafts, Draft draft, String line) {
        Draft target = draft == null ? start(drafts) : draft;
        String rest = line;

        Matcher gpa = GPA.matcher(rest);
        Double gpaValue = null;
        if (gpa.find()) {
            gpaValue = Double.valueOf((gpa.group(1) != null ? gpa.group(1) : gpa.group(2)).replace(',', '.'));
            rest = rest.substring(0, gpa.start()) + " " + rest.substring(gpa.end());
        }
        List<String> honors = new ArrayList<>();
        Matcher latin = LATIN_HONORS.matcher(rest);
        while (latin.find()) {
            honors.add(latin.group());
        }
        rest = LATIN_HONORS.matcher(rest).replaceAll(" ");
        Matcher inlineHonors = INLINE_HONORS.matcher(rest);
        if (inlineHonors.find()) {
            honors.addAll(SkillsParser.split(inlineHonors.group(1)));
            rest = rest.substring(0, inlineHonors.start());
        }

        rest = DATE_WORDS.matcher(rest).replaceAll(" ");
        Optional<DateRange.Found> date = DateRange.findRangeOrDate(rest);
        String graduation = null;
        if (date.isPresent()) {
            DateRange range = date.get().range();
            graduation = range.end() != null ? range.end() : range.current() ? null : range.start();
            rest = date.get().remainder(rest);
            if (target.dated && target.hasSubstance()) {
                target = start(drafts);
            }
            target.dated = true;
        }
        for (String segment : segments(rest)) {
            target = addSegment(drafts, target, segment);
        }
        target.graduationDate = graduation != null ? graduation : target.graduationDate;
        target.gpa = gpaValue != null ? gpaValue : target.gpa;
        target.honors.addAll(honors);
        return target;
    }

    private static Draft addSegment(List<Draft> drafts, Draft draft, String segment) {
        DegreeParser.Degree degree = DegreeParser.parse(segment);
        if (degree != null) {
            Draft target = draft.degree != null ? start(drafts) : draft;
            target.degree = degree.degree();
            target.field = degree.field();
            if (degree.honors() != null) {
                target.honors.add(degree.honors());
            }
            return target;
        }
        if (Vocabulary.looksLikeInstitution(segment)) {
            Draft target = draft.institution != null ? start(drafts) : draft;
            target.institution = segment;
            return target;
        }
        if (draft.degree != null && draft.field == null && SUBJECT.matcher(segment).find()) {
            draft.field = segment;
        } else if (draft.institution == null) {
            draft.institution = segment;
        } else if (draft.degree != null && draft.field == null) {
            draft.field = segment;
        }
        return draft;
    }

    /** Parts of a line, with commas inside an institution's name ("University of California, Berkeley") kept. */
    private static List<String> segments(String text) {
        List<String> segments = new ArrayList<>();
        for (String raw : SEGMENT_SEPARATORS.split(text)) {
            String segment = Text.trimSeparators(raw);
            if (segment.isEmpty()) {
                continue;
            }
            int last = segments.size() - 1;
            boolean afterInstitution = last >= 0 && Vocabulary.looksLikeInstitution(segments.get(last));
            boolean stateCode = segment.matches("[A-Z]{2}");
            if (afterInstitution && (stateCode || isPlaceName(segment) && !Vocabulary.looksLikeInstitution(segment)
                    && !DegreeParser.containsDegree(segment))) {
                continue;
            }
            segments.add(segment);
        }
        return segments;
    }

    /** "Berkeley", "CA", "United Kingdom": a place after an institution, not a new school or a field. */
    private static boolean isPlaceName(String segment) {
        return segment.matches("\\p{Lu}[\\p{L}.'-]*(?: \\p{Lu}[\\p{L}.'-]*)?|[A-Z]{2}") && !SUBJECT.matcher(segment).find();
    }

    private static Draft start(List<Draft> drafts) {
        Draft draft = new Draft();
        drafts.add(draft);
        return draft;
    }

    private static final class Draft {
        String institution;
        String degree;
        String field;
        String graduationDate;
        Double gpa;
        boolean dated;
        final List<String> honors = new ArrayList<>();
        final List<String> courses = new ArrayList<>();
        final List<String> skills = new ArrayList<>();

        boolean hasSubstance() {
            return institution != null || degree != null;
        }

        Education toEducation() {
            return new Education(institution, degree, field, graduationDate, gpa, Text.dedupe(honors),
                    Text.dedupe(courses), Text.dedupe(skills));
        }
    }
}
