package io.atspro.matching;

import io.atspro.embedding.Embedder;
import io.atspro.job.JobDetails;
import io.atspro.resume.ResumeData;
import java.util.List;

/** The texts a resume and a job are embedded as for their semantic similarity. */
final class MatchTexts {

    private MatchTexts() {
    }

    static Embedder.Document resume(ResumeData r) {
        StringBuilder body = new StringBuilder();
        append(body, r.summary());
        for (ResumeData.WorkExperience w : r.workExperience()) {
            append(body, join(w.position(), w.company()));
            append(body, w.description());
            w.responsibilities().forEach(s -> append(body, s));
        }
        for (ResumeData.Education e : r.education()) {
            append(body, join(e.degree(), e.fieldOfStudy()));
        }
        String head = r.workExperience().isEmpty() ? "" : nonNull(r.workExperience().get(0).position());
        if (!r.skills().isEmpty()) {
            head += (head.isEmpty() ? "" : ". ") + "Skills: " + String.join(", ", r.skills().subList(0,
                    Math.min(15, r.skills().size())));
        }
        return new Embedder.Document(head, body.toString());
    }

    static Embedder.Document job(JobDetails j) {
        StringBuilder body = new StringBuilder();
        append(body, j.description());
        for (List<String> part : List.of(nonNullList(j.responsibilities()), nonNullList(j.qualifications()))) {
            part.forEach(s -> append(body, s));
        }
        return new Embedder.Document(join(j.title(), j.company()), body.toString());
    }

    private static void append(StringBuilder body, String text) {
        if (text != null && !text.isBlank()) {
            body.append(text.strip()).append('\n');
        }
    }

    private static String join(String a, String b) {
        return (nonNull(a) + (a != null && b != null && !a.isBlank() && !b.isBlank() ? " at " : "") + nonNull(b))
                .strip();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static List<String> nonNullList(List<String> l) {
        return l == null ? List.of() : l;
    }
}
