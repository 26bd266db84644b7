package io.atspro.recommendation;

import io.atspro.embedding.Embedder;
import io.atspro.identity.Views;
import io.atspro.resume.ResumeData;
import io.atspro.skill.Lexicon;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a user's vector is made of, and the skills and level read off the same sources: the resume (positions with
 * what was done in them, summary, education, skills) and the profile (title, skills). The head (title and top
 * skills) comes first, so a long resume's first chunk says what the person is.
 */
final class UserText {

    /** Positions read, most recent first: an old career should not outweigh the current one. */
    static final int MAX_POSITIONS = 6;

    private final Lexicon lexicon = Lexicon.standard();

    record Source(Embedder.Document document, Set<String> skills, double yearsOfExperience, String currentTitle) {

        /** Whether there is anything to recommend from. */
        boolean isEmpty() {
            return (document.head() == null || document.head().isBlank())
                    && (document.body() == null || document.body().isBlank());
        }
    }

    Source of(ResumeData resume, Views.Profile profile, List<String> profileSkills, LocalDate today) {
        List<ResumeData.WorkExperience> positions = new ArrayList<>(resume == null ? List.of()
                : resume.workExperience());
        positions.sort(Comparator.comparing((ResumeData.WorkExperience w) -> w.isCurrent() || w.endDate() == null
                ? "9999" : w.endDate()).thenComparing(w -> w.startDate() == null ? "" : w.startDate()).reversed());

        StringBuilder body = new StringBuilder();
        if (resume != null && resume.summary() != null) {
            body.append(resume.summary().strip()).append('\n');
        }
        for (ResumeData.WorkExperience w : positions.subList(0, Math.min(MAX_POSITIONS, positions.size()))) {
            body.append(join(" at ", w.position(), w.company())).append(".\n");
            if (w.description() != null) {
                body.append(w.description().strip()).append('\n');
            }
            w.responsibilities().forEach(r -> body.append(r.strip()).append('\n'));
        }
        if (resume != null) {
            for (ResumeData.Education e : resume.education()) {
                String degree = join(" in ", e.degree(), e.fieldOfStudy());
                if (!degree.isBlank()) {
                    body.append(degree).append(".\n");
                }
            }
        }

        List<String> listed = new ArrayList<>(profileSkills);
        if (resume != null) {
            listed.addAll(resume.skills());
            positions.forEach(w -> listed.addAll(w.skills()));
            resume.education().forEach(e -> listed.addAll(e.skills()));
        }
        Set<String> skills = new LinkedHashSet<>();
        lexicon.skillsIn(String.join(", ", listed), 200).forEach(s -> skills.add(s.toLowerCase(Locale.ROOT)));
        lexicon.skillsIn(body.toString(), 200).forEach(s -> skills.add(s.toLowerCase(Locale.ROOT)));
        listed.forEach(s -> skills.add(s.toLowerCase(Locale.ROOT).strip()));

        String title = profile != null && profile.title() != null && !profile.title().isBlank() ? profile.title()
                : positions.isEmpty() ? null : positions.get(0).position();
        StringBuilder head = new StringBuilder(title == null ? "" : title.strip() + ".");
        List<String> top = lexicon.skillsIn(String.join(", ", listed) + "\n" + body, 15);
        if (!top.isEmpty()) {
            head.append(head.isEmpty() ? "" : " ").append("Skills: ").append(String.join(", ", top)).append('.');
        }
        return new Source(new Embedder.Document(head.toString(), body.toString()), skills,
                years(positions, today), positions.isEmpty() ? null : positions.get(0).position());
    }

    /** Years worked: the union of the positions' date ranges (overlaps counted once). */
    static double years(List<ResumeData.WorkExperience> positions, LocalDate today) {
        List<long[]> ranges = new ArrayList<>();
        for (ResumeData.WorkExperience w : positions) {
            Long start = month(w.startDate());
            Long end = w.isCurrent() || w.endDate() == null ? (start == null ? null : month(today.toString()))
                    : month(w.endDate());
            if (start != null && end != null && end >= start) {
                ranges.add(new long[] {start, end + 1});
            }
        }
        ranges.sort(Comparator.comparingLong(r -> r[0]));
        long months = 0;
        long coveredTo = Long.MIN_VALUE;
        for (long[] r : ranges) {
            long from = Math.max(r[0], coveredTo);
            if (r[1] > from) {
                months += r[1] - from;
            }
            coveredTo = Math.max(coveredTo, r[1]);
        }
        return months / 12.0;
    }

    private static Long month(String isoPartial) {
        if (isoPartial == null || isoPartial.length() < 4) {
            return null;
        }
        try {
            int year = Integer.parseInt(isoPartial.substring(0, 4));
            int month = isoPartial.length() >= 7 ? Integer.parseInt(isoPartial.substring(5, 7)) : 1;
            return YearMonth.of(year, month).getYear() * 12L + month - 1;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String join(String separator, String a, String b) {
        boolean hasA = a != null && !a.isBlank();
        boolean hasB = b != null && !b.isBlank();
        return hasA && hasB ? a.strip() + separator + b.strip() : hasA ? a.strip() : hasB ? b.strip() : "";
    }
}
