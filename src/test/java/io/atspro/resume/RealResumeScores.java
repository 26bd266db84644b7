package io.atspro.resume;

import com.fasterxml.jackson.databind.JsonNode;
import io.atspro.resume.ResumeData.Education;
import io.atspro.resume.ResumeData.WorkExperience;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Precision and recall of parsed resumes against hand-made labels, scored as the labels' README describes: strings
 * compared after normalisation (case, accents, punctuation and spacing; digits only for phones; scheme, "www." and
 * a trailing slash ignored for links), a list in a single-valued field is a set of accepted variants, {@code null}
 * means the resume does not show the field (it is then not scored), and a work entry counts as right only when its
 * company and its position are both right. Misses name the document and the field, never the values: the resumes
 * are real people's.
 */
final class RealResumeScores {

    static final List<String> FIELDS = List.of("name", "email", "phone", "links", "work", "institution", "degree",
            "skills");

    static final class Tally {
        int expected;
        int predicted;
        int correct;

        double precision() {
            return predicted == 0 ? 1.0 : (double) correct / predicted;
        }

        double recall() {
            return expected == 0 ? 1.0 : (double) correct / expected;
        }
    }

    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final Map<String, List<String>> missesByDocument = new LinkedHashMap<>();

    RealResumeScores() {
        FIELDS.forEach(field -> tallies.put(field, new Tally()));
    }

    Tally tally(String field) {
        return tallies.get(field);
    }

    void score(String document, JsonNode label, ResumeData parsed) {
        single(document, "name", label.get("full_name"), parsed.contactInfo().fullName(), RealResumeScores::norm);
        single(document, "email", label.get("email"), parsed.contactInfo().email(), RealResumeScores::norm);
        single(document, "phone", label.get("phone"), parsed.contactInfo().phone(), RealResumeScores::digits);
        List<String> links = parsed.contactInfo().links().stream().map(link -> link.url()).toList();
        set(document, "links", label.get("links"), links, RealResumeScores::linkKey);
        work(document, label.get("work_experience"), parsed.workExperience());
        education(document, label.get("education"), parsed.education());
        set(document, "skills", label.get("skills"), parsed.skills(), RealResumeScores::norm);
    }

    private void single(String document, String field, JsonNode expected, String parsed, Function<String, String> norm) {
        if (isAbsent(expected)) {
            return;
        }
        Tally tally = tallies.get(field);
        tally.expected++;
        if (parsed != null) {
            tally.predicted++;
            if (accepts(expected, parsed, norm)) {
                tally.correct++;
                return;
            }
        }
        miss(document, field);
    }

    private void set(String document, String field, JsonNode expected, List<String> parsed, Function<String, String> norm) {
        if (isAbsent(expected)) {
            return;
        }
        Set<String> want = new HashSet<>();
        expected.forEach(value -> want.add(norm.apply(value.asText())));
        Set<String> got = new HashSet<>();
        parsed.forEach(value -> got.add(norm.apply(value)));
        Tally tally = tallies.get(field);
        tally.expected += want.size();
        tally.predicted += got.size();
        Set<String> hit = new HashSet<>(want);
        hit.retainAll(got);
        tally.correct += hit.size();
        if (hit.size() < want.size() || hit.size() < got.size()) {
            miss(document, field + " (" + hit.size() + " of " + want.size() + " found, " + (got.size() - hit.size())
                    + " extra)");
        }
    }

    /** Entries pair one to one; a labelled entry is found when a parsed one has its company and its position. */
    private void work(String document, JsonNode expected, List<WorkExperience> parsed) {
        if (isAbsent(expected)) {
            return;
        }
        Tally tally = tallies.get("work");
        tally.expected += expected.size();
        tally.predicted += parsed.size();
        boolean[] used = new boolean[parsed.size()];
        int found = 0;
        for (JsonNode want : expected) {
            for (int i = 0; i < parsed.size(); i++) {
                WorkExperience job = parsed.get(i);
                if (!used[i] && job.company() != null && job.position() != null
                        && accepts(want.get("company"), job.company(), RealResumeScores::norm)
                        && accepts(want.get("position"), job.position(), RealResumeScores::norm)) {
                    used[i] = true;
                    found++;
                    break;
                }
            }
        }
        tally.correct += found;
        if (found < expected.size() || found < parsed.size()) {
            miss(document, "work (" + found + " of " + expected.size() + " found, " + parsed.size() + " parsed)");
        }
    }

    /** Institutions and degrees are each scored as one-to-one matches between labelled and parsed entries. */
    private void education(String document, JsonNode expected, List<Education> parsed) {
        if (isAbsent(expected)) {
            return;
        }
        oneToOne(document, "institution", expected, "institution", parsed.stream().map(Education::institution).toList());
        oneToOne(document, "degree", expected, "degree", parsed.stream().map(Education::degree).toList());
    }

    private void oneToOne(String document, String field, JsonNode expected, String key, List<String> parsed) {
        Tally tally = tallies.get(field);
        List<String> values = new ArrayList<>(parsed.stream().filter(v -> v != null).toList());
        tally.predicted += values.size();
        int wanted = 0;
        int found = 0;
        for (JsonNode entry : expected) {
            JsonNode want = entry.get(key);
            if (isAbsent(want)) {
                continue;
            }
            wanted++;
            for (int i = 0; i < values.size(); i++) {
                if (accepts(want, values.get(i), RealResumeScores::norm)) {
                    values.remove(i);
                    found++;
                    break;
                }
            }
        }
        tally.expected += wanted;
        tally.correct += found;
        if (found < wanted || !values.isEmpty()) {
            miss(document, field + " (" + found + " of " + wanted + " found, " + values.size() + " extra)");
        }
    }

    private static boolean accepts(JsonNode expected, String parsed, Function<String, String> norm) {
        if (isAbsent(expected) || parsed == null) {
            return false;
        }
        String got = norm.apply(parsed);
        if (expected.isArray()) {
            for (JsonNode variant : expected) {
                if (norm.apply(variant.asText()).equals(got)) {
                    return true;
                }
            }
            return false;
        }
        return norm.apply(expected.asText()).equals(got);
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull();
    }

    private void miss(String document, String what) {
        missesByDocument.computeIfAbsent(document, d -> new ArrayList<>()).add(what);
    }

    Map<String, List<String>> misses() {
        return missesByDocument;
    }

    String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-12s %8s %9s %7s %9s %7s%n", "field",
                "labelled", "predicted", "correct", "precision", "recall"));
        tallies.forEach((field, t) -> out.append(String.format(Locale.ROOT, "%-12s %8d %9d %7d %9.3f %7.3f%n", field,
                t.expected, t.predicted, t.correct, t.precision(), t.recall())));
        return out.toString();
    }

    /** Lower case, accents and punctuation dropped, "&" read as "and", white space folded. */
    static String norm(String value) {
        String folded = Normalizer.normalize(value, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^\\p{L}\\p{N}+#]+", " ").strip();
    }

    static String digits(String value) {
        return value.replaceAll("\\D", "");
    }

    static String linkKey(String url) {
        return url.toLowerCase(Locale.ROOT).strip().replaceFirst("^https?://", "").replaceFirst("^www\\.", "")
                .replaceFirst("/+$", "");
    }
}
