package io.atspro.resume;

import io.atspro.resume.ResumeData.Certification;
import io.atspro.resume.ResumeData.ContactInfo;
import io.atspro.resume.ResumeData.Education;
import io.atspro.resume.ResumeData.WorkExperience;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders a resume as readable Markdown: the name as H1, a contact line, sections as H2, and jobs as H3
 * "Position — Company (start – end)" followed by their bullets.
 */
public final class MarkdownResumeWriter {

    private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>])");
    private static final Pattern LINE_START_MARK = Pattern.compile("^(#|[-+] |\\d+\\. )");

    public String write(ResumeData resume) {
        StringBuilder md = new StringBuilder();
        ContactInfo contact = resume.contactInfo();
        md.append("# ").append(contact.fullName() == null ? "Resume" : escape(contact.fullName())).append("\n\n");
        String contactLine = contactLine(contact);
        if (!contactLine.isEmpty()) {
            md.append(contactLine).append("\n\n");
        }
        if (!Text.isBlank(resume.summary())) {
            md.append("## Summary\n\n").append(paragraph(resume.summary())).append("\n\n");
        }
        if (!resume.workExperience().isEmpty()) {
            md.append("## Experience\n\n");
            resume.workExperience().forEach(job -> writeJob(md, job));
        }
        if (!resume.education().isEmpty()) {
            md.append("## Education\n\n");
            resume.education().forEach(school -> writeSchool(md, school));
        }
        if (!resume.certifications().isEmpty()) {
            md.append("## Certifications\n\n");
            resume.certifications().forEach(certification -> md.append("- ").append(certification(certification)).append('\n'));
            md.append('\n');
        }
        if (!resume.skills().isEmpty()) {
            md.append("## Skills\n\n").append(joinEscaped(resume.skills())).append("\n\n");
        }
        return md.toString().stripTrailing() + "\n";
    }

    private static String contactLine(ContactInfo contact) {
        List<String> parts = new ArrayList<>();
        Stream.of(contact.email(), contact.phone(), contact.address())
                .filter(value -> !Text.isBlank(value))
                .map(MarkdownResumeWriter::escape)
                .forEach(parts::add);
        contact.links().forEach(link -> parts.add(
                "[" + escape(link.name() == null ? link.url() : link.name()) + "](" + link.url().replace(")", "%29") + ")"));
        return String.join(" | ", parts);
    }

    private static void writeJob(StringBuilder md, WorkExperience job) {
        String title = joinNonBlank(" — ", job.position(), job.company());
        String dates = dates(job.startDate(), job.isCurrent() ? "Present" : PartialDate.display(job.endDate()));
        md.append("### ").append(title.isEmpty() ? "Position" : escape(title));
        md.append(dates.isEmpty() ? "" : " (" + dates + ")").append("\n\n");
        if (!Text.isBlank(job.description())) {
            md.append(paragraph(job.description())).append("\n\n");
        }
        bullets(md, job.responsibilities());
        if (!job.skills().isEmpty()) {
            md.append("Skills: ").append(joinEscaped(job.skills())).append("\n\n");
        }
    }

    private static void writeSchool(StringBuilder md, Education school) {
        String degree = Text.isBlank(school.fieldOfStudy()) ? Objects.toString(school.degree(), "")
                : Text.isBlank(school.degree()) ? school.fieldOfStudy() : school.degree() + " in " + school.fieldOfStudy();
        String title = joinNonBlank(" — ", degree, school.institution());
        String date = PartialDate.display(school.graduationDate());
        md.append("### ").append(title.isEmpty() ? "Education" : escape(title));
        md.append(date == null ? "" : " (" + date + ")").append("\n\n");
        List<String> details = new ArrayList<>();
        if (school.gpa() != null) {
            details.add("GPA: " + BigDecimal.valueOf(school.gpa()).stripTrailingZeros().toPlainString());
        }
        if (!school.honors().isEmpty()) {
            details.add("Honors: " + joinEscaped(school.honors()));
        }
        if (!details.isEmpty()) {
            md.append(String.join(" | ", details)).append("\n\n");
        }
        if (!school.relevantCourses().isEmpty()) {
            md.append("Relevant courses: ").append(joinEscaped(school.relevantCourses())).append("\n\n");
        }
    }

    private static String certification(Certification certification) {
        StringBuilder line = new StringBuilder(escape(Objects.toString(certification.name(), "Certification")));
        if (!Text.isBlank(certification.issuer())) {
            line.append(" — ").append(escape(certification.issuer()));
        }
        List<String> details = new ArrayList<>();
        if (certification.dateObtained() != null) {
            details.add(PartialDate.display(certification.dateObtained()));
        }
        if (certification.expirationDate() != null) {
            details.add("expires " + PartialDate.display(certification.expirationDate()));
        }
        if (!Text.isBlank(certification.credentialId())) {
            details.add("credential ID " + escape(certification.credentialId()));
        }
        return details.isEmpty() ? line.toString() : line + " (" + String.join("; ", details) + ")";
    }

    private static void bullets(StringBuilder md, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        items.forEach(item -> md.append("- ").append(escape(item.strip())).append('\n'));
        md.append('\n');
    }

    private static String dates(String start, String end) {
        String from = PartialDate.display(start);
        if (from == null && end == null) {
            return "";
        }
        return from == null ? end : end == null ? from : from + " – " + end;
    }

    private static String paragraph(String text) {
        return text.strip().lines().map(String::strip).map(MarkdownResumeWriter::escapeLineStart)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static String escapeLineStart(String line) {
        String escaped = escape(line);
        return LINE_START_MARK.matcher(escaped).find() ? "\\" + escaped : escaped;
    }

    private static String joinEscaped(List<String> values) {
        return String.join(", ", values.stream().map(MarkdownResumeWriter::escape).toList());
    }

    private static String joinNonBlank(String separator, String... values) {
        return String.join(separator, Stream.of(values).filter(value -> !Text.isBlank(value)).map(String::strip).toList());
    }

    static String escape(String text) {
        return SPECIAL.matcher(text).replaceAll("\\\\$1");
    }
}
