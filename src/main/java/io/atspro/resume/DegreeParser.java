package io.atspro.resume;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a degree in a phrase and splits it from the field: "Bachelor of Science in Computer Science". */
final class DegreeParser {

    record Degree(String degree, String field, String honors) {
    }

    private static final String GENERIC_SUBJECTS = "(?:Applied |Fine |Liberal |Political |Computer |Business |Public |"
            + "Social )?(?:Science|Sciences|Arts|Engineering|Business Administration|Laws|Law|Philosophy|Education|"
            + "Commerce|Technology|Music|Nursing|Architecture|Medicine|Surgery|Pharmacy|Administration|Work|Health|"
            + "Policy|Affairs|Studies|Letters|Divinity|Theology)";

    private static final Pattern DEGREE = Pattern.compile(
            "(?:\\b(?i:Bachelor|Master|Associate)(?![\\p{L}])(?:['’]s)?(?:\\s+(?:of|in)\\s+" + GENERIC_SUBJECTS + "(?:\\s+(?:and|&)\\s+"
                    + GENERIC_SUBJECTS + ")?(?=$|[\\s,;|(–—-]))?(?:\\s+(?i:Degree))?"
                    + "|\\b(?i:Pre-?\\s?University Course(?: Class)?(?: \\(\\d+th\\))?(?!\\p{L})|Higher Secondary(?: School)?(?: Certificate)?"
                    + "|Senior Secondary|Secondary(?: School)?(?: Certificate)?|Primary(?: School)?|High[- ]School(?: Diploma| graduation)?"
                    + "|Matriculation|Intermediate|Post ?graduate Diploma|PG Diploma|Baccalaur[eé]ates?(?: II)?|Bac)\\b"
                    + "|\\b(?:PGDM|PGDBA|PGD|SSC|HSC|SSLC|BCA|MCA|BBM|B\\.?\\s?Com\\.?|M\\.?\\s?Com\\.?|B\\.?\\s?Pharm\\.?"
                    + "|M\\.?\\s?Pharm\\.?|B\\.?E\\.|M\\.?E\\.|B\\.?Arch\\.?|MBBS|BDS|(?i:M\\.?\\s?Eng|B\\.?\\s?Eng|B\\.?\\s?Tech|M\\.?\\s?Tech"
                    + "|B\\.?\\s?Sc|M\\.?\\s?Sc)\\.?)(?![\\p{L}])"
                    + "|\\bDoctor(?:ate)?(?:\\s+of\\s+" + GENERIC_SUBJECTS + ")?"
                    + "|\\bPh\\.?\\s?D\\.?|\\bD\\.?Phil\\.?|\\bM\\.?Phil\\.?|\\bEd\\.?D\\.?"
                    + "|\\bM\\.?B\\.?A\\.?|\\bE\\.?M\\.?B\\.?A\\.?|\\bB\\.?B\\.?A\\.?"
                    + "|\\b[BM]\\.?\\s?Sc\\.?|\\b[BM]\\.?\\s?Eng\\.?|\\b[BM]\\.?\\s?Tech\\.?|\\b[BM]\\.?\\s?Ed\\.?"
                    + "|\\b[BM]\\.?F\\.?A\\.?|\\bM\\.?P\\.?H\\.?|\\bM\\.?S\\.?W\\.?|\\bLL\\.?[BM]\\.?|\\bJ\\.D\\.|\\bM\\.D\\."
                    + "|\\b[BM]\\.[AS]\\.|\\b[BM][AS]\\b(?=\\s*$|\\s*,|\\s+(?:in\\s+)?\\p{Lu})|\\bA\\.A\\.S?\\.|\\bA\\.S\\."
                    + "|\\b(?:High School |Graduate |Postgraduate |Advanced )?Diploma|\\bHNC\\b|\\bHND\\b|\\bGED\\b"
                    + "|\\bA[- ]Levels?\\b|\\bAbitur\\b|\\bLicen[cs]iate\\b|\\bMagister\\b|\\bDiplom(?:-\\p{L}+)?\\b)");
    private static final Pattern FIELD_INTRO = Pattern.compile("(?i)^(?:degree\\s*)?(?:in|of|,|:|–|—|-)?\\s*");
    private static final Pattern HONORS_IN_BRACKETS = Pattern.compile("\\((Hons\\.?|Honou?rs|First Class(?: Honou?rs)?)\\)",
            Pattern.CASE_INSENSITIVE);

    private DegreeParser() {
    }

    static boolean containsDegree(String phrase) {
        return DEGREE.matcher(phrase).find();
    }

    /** The degree, the field after it (up to a comma or separator) and any "(Hons)"; null when there is no degree. */
    static Degree parse(String phrase) {
        String honors = null;
        Matcher brackets = HONORS_IN_BRACKETS.matcher(phrase);
        if (brackets.find()) {
            honors = brackets.group(1);
            phrase = brackets.replaceAll(" ").replaceAll(" {2,}", " ");
        }
        Matcher m = DEGREE.matcher(phrase);
        if (!m.find()) {
            return null;
        }
        String degree = m.group().strip();
        String rest = phrase.substring(m.end());
        String field = FIELD_INTRO.matcher(rest.strip()).replaceFirst("");
        field = Text.trimSeparators(field.split("\\s*(?:,|;|\\||\\s[–—-]\\s|\\(|\\bat\\b|\\bfrom\\b)\\s*")[0]);
        if (field.isEmpty()) {
            String before = Text.trimSeparators(phrase.substring(0, m.start()));
            field = before.matches("[\\p{L} &]+") && !Vocabulary.looksLikeInstitution(before) ? before : "";
        }
        return new Degree(degree, Text.blankToNull(field), honors);
    }
}
