package io.atspro.resume;

import io.atspro.resume.ResumeData.Education;
import io.atspro.resume.ResumeData.WorkExperience;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Field-level precision and recall of parsed resumes against the known ones. A value counts as predicted when the
 * parser produced it, as expected when the known resume has it, and as correct when both agree after light
 * normalisation (case, punctuation; digits only for phones; scheme and "www." ignored for links).
 */
final class FieldScores {

    /** The fields the quality bar is measured on. */
    static final List<String> CORE_FIELDS = List.of("name", "email", "phone", "links", "job.company", "job.position",
            "job.start", "job.end", "school", "degree", "skills");
    /** Also reported, not part of the overall figure. */
    static final List<String> EXTRA_FIELDS = List.of("field_of_study", "graduation_date", "gpa", "cert.name",
            "cert.issuer", "cert.date");

    static final class Tally {
        int expected;
        int predicted;
        int correct;

        void add(Tally other) {
            expected += other.expected;
            predicted += other.predicted;
            correct += other.correct;
        }

        double precision() {
            return predicted == 0 ? 1.0 : (double) correct / predicted;
        }

        double recall() {
            return expected == 0 ? 1.0 : (double) correct / expected;
        }
    }

    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final List<String> misses = new ArrayList<>();

    FieldScores() {
        CORE_FIELDS.forEach(field -> tallies.put(field, new Tally()));
        EXTRA_FIELDS.forEach(field -> tallies.put(field, new Tally()));
    }

    void score(String document, ResumeData expected, ResumeData parsed) {
        single(document, "name", expected.contactInfo().fullName(), parsed.contactInfo().fullName(), FieldScores::norm);
        single(document, "email", expected.contactInfo().email(), parsed.contactInfo().email(), FieldScores::norm);
        single(document, "phone", expected.contactInfo().phone(), parsed.contactInfo().phone(), FieldScores::digits);
        set(document, "links", expected.contactInfo().links().stream().map(link -> ContactExtractor.urlKey(link.url())).toList(),
                parsed.contactInfo().links().stream().map(link -> ContactExtractor.urlKey(link.url())).toList());
        jobs(document, expected.workExperience(), parsed.workExperience());
        schools(document, expected.education(), parsed.education());
        set(document, "skills", expected.skills(), parsed.skills());
        certifications(document, expected.certifications(), parsed.certifications());
    }

    private void jobs(String document, List<WorkExperience> expected, List<WorkExperience> parsed) {
        Map<String, Function<WorkExperience, String>> fields = new LinkedHashMap<>();
        fields.put("job.company", WorkExperience::company);
        fields.put("job.position", WorkExperience::position);
        fields.put("job.start", WorkExperience::startDate);
        fields.put("job.end", job -> job.isCurrent() ? "present" : job.endDate());
        aligned(document, expected, parsed, fields);
    }

    private void schools(String document, List<Education> expected, List<Education> parsed) {
        Map<String, Function<Education, String>> fields = new LinkedHashMap<>();
        fields.put("school", Education::institution);
        fields.put("degree", Education::degree);
        fields.put("field_of_study", Education::fieldOfStudy);
        fields.put("graduation_date", Education::graduationDate);
        fields.put("gpa", school -> school.gpa() == null ? null : String.valueOf(school.gpa()));
        aligned(document, expected, parsed, fields);
    }

    private void certifications(String document, List<ResumeData.Certification> expected,
            List<ResumeData.Certification> parsed) {
        Map<String, Function<ResumeData.Certification, String>> fields = new LinkedHashMap<>();
        fields.put("cert.name", ResumeData.Certification::name);
        fields.put("cert.issuer", ResumeData.Certification::issuer);
        fields.put("cert.date", ResumeData.Certification::dateObtained);
        aligned(document, expected, parsed, fields);
    }

    /** Pairs each expected entry with the unused parsed entry agreeing on most fields, then scores field by field. */
    private <T> void aligned(String document, List<T> expected, List<T> parsed, Map<String, Function<T, String>> fields) {
        boolean[] used = new boolean[parsed.size()];
        List<T> partners = new ArrayList<>();
        for (T want : expected) {
            int best = -1;
            long bestAgreement = 0;
            for (int j = 0; j < parsed.size(); j++) {
                T candidate = parsed.get(j);
                long agreement = used[j] ? -1 : fields.values().stream()
                        .filter(field -> field.apply(want) != null && Objects.equals(norm(field.apply(want)), norm(field.apply(candidate))))
                        .count();
                if (agreement > bestAgreement) {
                    best = j;
                    bestAgreement = agreement;
                }
            }
            if (best >= 0) {
                used[best] = true;
            }
            partners.add(best >= 0 ? parsed.get(best) : null);
        }
        fields.forEach((name, field) -> {
            Tally tally = tallies.get(name);
            tally.predicted += (int) parsed.stream().map(field).filter(Objects::nonNull).count();
            for (int i = 0; i < expected.size(); i++) {
                String want = field.apply(expected.get(i));
                String got = partners.get(i) == null ? null : field.apply(partners.get(i));
                if (want == null) {
                    continue;
                }
                tally.expected++;
                if (Objects.equals(norm(want), norm(got))) {
                    tally.correct++;
                } else {
                    misses.add(document + " " + name + ": expected '" + want + "', got '" + got + "'");
                }
            }
        });
    }

    private void single(String document, String name, String expected, String parsed, Function<String, String> normaliser) {
        Tally tally = tallies.get(name);
        tally.expected += expected == null ? 0 : 1;
        tally.predicted += parsed == null ? 0 : 1;
        if (expected != null && parsed != null && normaliser.apply(expected).equals(normaliser.apply(parsed))) {
            tally.correct++;
        } else if (expected != null) {
            misses.add(document + " " + name + ": expected '" + expected + "', got '" + parsed + "'");
        }
    }

    private void set(String document, String name, List<String> expected, List<String> parsed) {
        Set<String> want = expected.stream().map(FieldScores::norm).collect(Collectors.toCollection(HashSet::new));
        Set<String> got = parsed.stream().map(FieldScores::norm).collect(Collectors.toCollection(HashSet::new));
        Tally tally = tallies.get(name);
        tally.expected += want.size();
        tally.predicted += got.size();
        Set<String> hit = new HashSet<>(want);
        hit.retainAll(got);
        tally.correct += hit.size();
        Set<String> missing = new HashSet<>(want);
        missing.removeAll(got);
        Set<String> extra = new HashSet<>(got);
        extra.removeAll(want);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            misses.add(document + " " + name + ": missing " + missing + ", extra " + extra);
        }
    }

    Tally overall() {
        Tally total = new Tally();
        CORE_FIELDS.forEach(field -> total.add(tallies.get(field)));
        return total;
    }

    List<String> misses() {
        return misses;
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-18s %8s %9s %7s %9s %7s%n", "field", "expected", "predicted", "correct",
                "precision", "recall"));
        CORE_FIELDS.forEach(field -> row(out, field, tallies.get(field)));
        row(out, "OVERALL", overall());
        out.append("-- reported only --\n");
        EXTRA_FIELDS.forEach(field -> row(out, field, tallies.get(field)));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, Tally tally) {
        out.append(String.format(Locale.ROOT, "%-18s %8d %9d %7d %9.3f %7.3f%n", name, tally.expected, tally.predicted,
                tally.correct, tally.precision(), tally.recall()));
    }

    static String norm(String value) {
        return value == null ? null
                : value.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}+#]+", " ").strip();
    }

    private static String digits(String value) {
        return value.replaceAll("\\D", "");
    }
}
