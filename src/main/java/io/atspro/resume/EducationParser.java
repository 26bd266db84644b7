package io.atspro.resume;

import io.atspro.resume.ResumeData.Education;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Schools from the lines of an education section: institution, degree and field, graduation date, GPA, honours. */
final class EducationParser {

    private static final Pattern GPA = Pattern.compile(
            "(?i)(?:\\b(?:cum(?:ulative)?|major|overall|final)\\.?\\s*)?\\b(?:c?gpa|grade point average|grade|score)\\s*[:\\-]?\\s*(\\d{1,2}(?:[.,]\\d{1,3})?)(?:\\s*/\\s*\\d+(?:[.,]\\d+)?)?"
                    + "|(\\d(?:[.,]\\d{1,3})?)\\s*/\\s*4(?:[.,]0+)?\\s*(?:c?gpa)?");
    private static final Pattern COURSES = Pattern.compile(
            "(?i)^(?:relevant\\s+)?(?:course\\s*work|courses|coursework|modules|key courses)\\s*:\\s*(.+)$");
    private static final Pattern HONORS_LABEL = Pattern.compile("(?i)^(?:honou?rs|awards|distinctions?)\\s*:\\s*(.+)$");
    private static final Pattern SKILLS_LABEL = Pattern.compile("(?i)^(?:skills|technologies|tools)\\s*:\\s*(.+)$");
    private static final Pattern LATIN_HONORS = Pattern.compile(
            "(?i)\\b(?:summa |magna )?cum laude\\b|\\bwith (?:high(?:est)? )?(?:honou?rs|distinction)\\b"
                    + "|\\bfirst[- ]class(?: honou?rs)?\\b|\\bdean['’]s list\\b|\\bvaledictorian\\b|\\bsalutatorian\\b");
    private static final Pattern DATE_WORDS = Pattern.compile(
            "(?i)\\b(?:expected|anticipated|graduat(?:ed|ing)|graduation(?= date| year|\\s*:|\\s+\\p{Lu}|\\s+\\d)|class of"
                    + "|completed|awarded|grad\\.|passed out|passing year|year of passing)(?!-)\\b?\\s*(?:in|on)?\\s*:?");
    private static final Pattern INLINE_HONORS = Pattern.compile("(?i)\\bhonou?rs\\s*:\\s*(.+)$");
    private static final Pattern SEGMENT_SEPARATORS = Pattern.compile("\\s*(?:\\||;|\\s[–—-]\\s|—|·|•|,)\\s*");
    /** "MSc Risk and Finance: University of Southampton": a colon before a school separates like a comma. */
    private static final Pattern COLON_BEFORE_SCHOOL = Pattern.compile(":\\s+(?=[^:]*(?i:universit|coll[eè]ge|institut|school|academy|lyc[eé]e))");

    /** "College of Engineering" under "Cornell University": part of the school above, not another school. */
    private static final Pattern SUB_UNIT = Pattern.compile("(?i)^(?:college|school|faculty|department|dept\\.?)\\s+of\\b");
    /** "University of Madras with 85%", "X College affiliated to Y University", "Z University during 2011-2013". */
    private static final Pattern SCHOOL_TAIL = Pattern.compile(
            "(?i)\\s+(?:with\\s+[\\d.]+\\s*%|during\\b|affiliated\\s+(?:to|with)\\b|secured\\b|scored\\b|in the year\\b).*$");
    private static final Pattern SENTENCE_END = Pattern.compile("\\.(?=\\s+\\p{L}|\\s*$)(?<!\\b\\p{Lu}\\.)");
    private static final Pattern DATE_NOISE = Pattern.compile(
            "(?i)(?:spring|summer|fall|autumn|winter|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|present|current)");
    /** "B.Sc. from Osmania University", "Electrical Supervisory from Kolkata Technical School". */
    private static final Pattern FROM_INSTITUTION = Pattern.compile("^(.+?)\\s+(?:from|at)\\s+(\\p{L}.+)$");
    private static final Pattern SUBJECT = Pattern.compile("(?i)science|engineering|studies|arts|economics|mathematics|"
            + "physics|chemistry|biology|history|design|management|administration|business|finance|law|medicine|"
            + "nursing|psychology|marketing|accounting|literature|philosophy|informatics|statistics|communication|"
            + "journalism|music|architecture|education|linguistics|sociology|politics|technology|computing|electronics|"
            + "electrical|mechanical|civil|chemical|computer|commerce|pharmacy|geography|agriculture|humanities");

    private EducationParser() {
    }

    static List<Education> parse(List<String> lines) {
        List<Draft> drafts = new ArrayList<>();
        Draft draft = null;
        for (String line : withWrappedBulletsJoined(lines)) {
            boolean bullet = Text.isBullet(line);
            String text = bullet ? Text.stripBullet(line) : line;
            if (Text.isTableHeaderRow(text)) {
                continue;
            }
            if (draft != null && addDetail(draft, text)) {
                continue;
            }
            boolean sentence = text.endsWith(".") || Text.wordCount(text) > 10;
            if (bullet && draft != null && !DegreeParser.containsDegree(text)
                    && (!Vocabulary.looksLikeInstitution(text) || sentence)) {
                continue; // an award, a course or a role under the school: not another school
            }
            draft = addHeaderLine(drafts, draft, text);
        }
        return drafts.stream().filter(Draft::hasSubstance).map(Draft::toEducation).toList();
    }

    /**
     * "❖ MCA from X College. Affiliated to Bharathidasan" + "University during 2011-2013": a bulleted line that ran
     * into the margin carries on in the next line that is not a bullet.
     */
    private static List<String> withWrappedBulletsJoined(List<String> lines) {
        int longest = lines.stream().mapToInt(String::length).max().orElse(0);
        List<String> joined = new ArrayList<>();
        for (String line : lines) {
            int last = joined.size() - 1;
            String previous = last >= 0 ? joined.get(last) : "";
            boolean wrapped = Text.isBullet(previous) && !Text.isBullet(line) && previous.length() >= longest * 3 / 4
                    && !previous.matches(".*[.;:!?)%]$");
            if (wrapped) {
                joined.set(last, previous + " " + line);
            } else {
                joined.add(line);
            }
        }
        return joined;
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
        Matcher from = FROM_INSTITUTION.matcher(Text.trimSeparators(rest));
        if (from.matches() && Vocabulary.looksLikeInstitution(from.group(2))
                && (DegreeParser.containsDegree(from.group(1)) || !Vocabulary.looksLikeInstitution(from.group(1)))) {
            String before = Text.trimSeparators(from.group(1)).replaceFirst("(?i)^\\d+\\s+years?\\s+", "");
            DegreeParser.Degree degree = DegreeParser.parse(before);
            target = target.degree != null || target.institution != null ? start(drafts) : target;
            target.degree = degree != null ? degree.degree() : before;
            target.field = degree != null ? degree.field() : null;
            target.institution = institutionName(Text.trimSeparators(from.group(2)));
            rest = "";
        }
        boolean named = false;
        for (String segment : segments(rest)) {
            Draft before = target;
            String institution = target.institution;
            target = addSegment(drafts, target, segment, named);
            named |= target != before || !Objects.equals(institution, target.institution);
        }
        target.graduationDate = graduation != null ? graduation : target.graduationDate;
        target.gpa = gpaValue != null ? gpaValue : target.gpa;
        target.honors.addAll(honors);
        return target;
    }

    /** {@code named}: the line already named a school, so another unknown name in it is a place, not a school. */
    private static Draft addSegment(List<Draft> drafts, Draft draft, String segment, boolean named) {
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
            if (draft.institution != null && SUB_UNIT.matcher(segment).find()) {
                return draft;
            }
            Draft target = draft.institution != null ? start(drafts) : draft;
            target.institution = institutionName(segment);
            return target;
        }
        if (draft.field == null && SUBJECT.matcher(segment).find() && (draft.degree != null || isSubjectOnly(segment))) {
            draft.field = segment;
        } else if (looksLikeName(segment) && !named) {
            if (draft.institution == null) {
                draft.institution = institutionName(segment);
            } else if (draft.dated && draft.hasSubstance()) {
                Draft next = start(drafts);
                next.institution = institutionName(segment);
                return next;
            }
        }
        return draft;
    }

    /** "Electronics", "Computer Science": a field standing alone on its line. */
    private static boolean isSubjectOnly(String segment) {
        return Text.wordCount(segment) <= 4 && !Vocabulary.looksLikeInstitution(segment);
    }

    /** Capitalised words without digits, months or seasons: what an institution's name unknown to us looks like. */
    private static boolean looksLikeName(String segment) {
        if (Text.isTableHeaderCell(segment) || segment.matches(".*\\d.*") || Text.wordCount(segment) > 9 || DATE_NOISE.matcher(segment).matches()) {
            return false;
        }
        String[] words = segment.split("\\s+");
        long capitalised = Arrays.stream(words).filter(w -> Character.isUpperCase(w.codePointAt(0))).count();
        return Character.isUpperCase(segment.codePointAt(0)) && capitalised * 2 > words.length
                && !RoleSplitter.isLocation(segment);
    }

    /** "Hebrew University. Condensed matter." ends at its full stop; "Abasyn Institute, Peshawar Pakistan" loses the place. */
    private static String institutionName(String segment) {
        String name = SCHOOL_TAIL.matcher(segment.replaceFirst("^(?i)(?:at|from)\\s+", "")).replaceFirst("");
        Matcher end = SENTENCE_END.matcher(name);
        if (end.find()) {
            name = name.substring(0, end.start());
        }
        String[] words = name.strip().split("\\s+");
        String last = words[words.length - 1];
        boolean namedAfterPlace = words.length > 1 && words[words.length - 2].matches("(?i)of|at|in|de|di|du");
        // a country goes; a city only when the name already said it or it stands apart in capitals
        // ("Kolkata Technical School Kolkata"), since it is often part of the name ("Imperial College London")
        boolean repeated = words.length > 2 && Arrays.stream(words, 0, words.length - 1).anyMatch(last::equalsIgnoreCase);
        boolean shouted = last.equals(last.toUpperCase(Locale.ROOT)) && !name.equals(name.toUpperCase(Locale.ROOT));
        boolean place = Places.isRegion(last) || Places.isRegionOrCity(last) && (repeated || shouted);
        if (words.length > 2 && place && !namedAfterPlace) {
            name = name.substring(0, name.lastIndexOf(last));
        }
        return Text.trimSeparators(name);
    }

    /** Parts of a line, with commas inside an institution's name ("University of California, Berkeley") kept. */
    private static List<String> segments(String text) {
        List<String> segments = new ArrayList<>();
        for (String raw : SEGMENT_SEPARATORS.split(COLON_BEFORE_SCHOOL.matcher(text).replaceAll(" | "))) {
            String segment = Text.trimSeparators(raw);
            if (segment.isEmpty()) {
                continue;
            }
            int last = segments.size() - 1;
            if (Places.isRegion(segment) || RoleSplitter.isLocation(segment)) {
                if (last >= 0 && Places.looksLikeTown(segments.get(last)) && !Vocabulary.looksLikeInstitution(segments.get(last))) {
                    segments.remove(last);
                }
                continue;
            }
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
