package io.atspro.resume;

import io.atspro.resume.ResumeData.Certification;
import io.atspro.resume.ResumeData.ContactInfo;
import io.atspro.resume.ResumeData.Education;
import io.atspro.resume.ResumeData.Link;
import io.atspro.resume.ResumeData.WorkExperience;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Ways a resume is laid out on the page, independent of the file format: the renderers turn the blocks into a
 * PDF or a DOCX. Each layout varies heading style, entry shape, date format and separators.
 */
enum ResumeLayout {

    /** "Position at Company" over "Mar 2021 – Present", upper-case headings, bullets as "•" characters. */
    CLASSIC(Font.HELVETICA, false) {
        @Override
        List<Block> render(ResumeData resume) {
            Blocks out = new Blocks();
            ContactInfo contact = resume.contactInfo();
            out.title(contact.fullName());
            out.line(join(" | ", contact.email(), contact.phone(), contact.address()));
            out.line(join(" | ", contact.links().stream().map(link -> withoutScheme(link.url())).toArray(String[]::new)));
            out.heading("SUMMARY").line(resume.summary());
            out.heading("EXPERIENCE");
            for (WorkExperience job : resume.workExperience()) {
                out.bold(job.position() + " at " + job.company());
                out.italic(range(job, ResumeLayout::monthYear, " – ", "Present"));
                job.responsibilities().forEach(item -> out.bullet("• " + item));
            }
            out.heading("EDUCATION");
            for (Education school : resume.education()) {
                out.bold(degreeIn(school));
                out.line(school.institution() + ", " + monthYear(school.graduationDate()));
                if (school.gpa() != null) {
                    out.line("GPA: " + gpa(school.gpa()) + "/4.0");
                }
            }
            if (!resume.certifications().isEmpty()) {
                out.heading("CERTIFICATIONS");
                for (Certification certification : resume.certifications()) {
                    out.bullet("• " + certification.name() + " — " + certification.issuer() + " ("
                            + monthYear(certification.dateObtained()) + ")");
                }
            }
            out.heading("SKILLS").line(String.join(", ", resume.skills()));
            return out.blocks;
        }
    },

    /** Company line, title line, ISO dates line; "Title Case:" headings; labelled contact lines; "- " bullets. */
    TWO_LINE(Font.TIMES, false) {
        @Override
        List<Block> render(ResumeData resume) {
            Blocks out = new Blocks();
            ContactInfo contact = resume.contactInfo();
            out.title(contact.fullName());
            if (!resume.workExperience().isEmpty()) {
                out.line(resume.workExperience().get(0).position());
            }
            out.line("Email: " + contact.email());
            out.line("Phone: " + contact.phone());
            for (Link link : contact.links()) {
                out.line(link.name() + ": " + link.url());
            }
            out.heading("Professional Summary:").line(resume.summary());
            out.heading("Work Experience:");
            for (WorkExperience job : resume.workExperience()) {
                out.bold(job.company());
                out.line(job.position());
                out.line(range(job, date -> date, " - ", "Present"));
                job.responsibilities().forEach(item -> out.bullet("- " + item));
            }
            out.heading("Education:");
            for (Education school : resume.education()) {
                String gpa = school.gpa() == null ? "" : " | GPA " + gpa(school.gpa());
                out.line(school.institution() + " | " + degreeIn(school) + " | " + school.graduationDate() + gpa);
            }
            if (!resume.certifications().isEmpty()) {
                out.heading("Certifications:");
                for (Certification certification : resume.certifications()) {
                    out.line(certification.name() + " | " + certification.issuer() + " | " + certification.dateObtained());
                }
            }
            out.heading("Technical Skills:").line(String.join(" | ", resume.skills()));
            return out.blocks;
        }
    },

    /** "Company | Position | 03/2021 – Present", upper-case name, dot-separated contact line, Word list bullets. */
    PIPES(Font.HELVETICA, true) {
        @Override
        List<Block> render(ResumeData resume) {
            Blocks out = new Blocks();
            ContactInfo contact = resume.contactInfo();
            out.title(contact.fullName().toUpperCase(Locale.ROOT));
            out.line(join(" · ", contact.address(), contact.phone(), contact.email()));
            out.line(join(" · ", contact.links().stream().map(Link::url).toArray(String[]::new)));
            out.heading("Profile").line(resume.summary());
            out.heading("Professional Experience");
            for (WorkExperience job : resume.workExperience()) {
                out.bold(job.company() + " | " + job.position() + " | " + range(job, ResumeLayout::monthSlashYear, " – ", "Present"));
                job.responsibilities().forEach(out::bullet);
            }
            out.heading("Education");
            for (Education school : resume.education()) {
                String gpa = school.gpa() == null ? "" : ", GPA " + gpa(school.gpa());
                out.line(degreeIn(school) + ", " + school.institution() + ", " + monthSlashYear(school.graduationDate()) + gpa);
            }
            if (!resume.certifications().isEmpty()) {
                out.heading("Licenses & Certifications");
                for (Certification certification : resume.certifications()) {
                    out.bullet(certification.name() + " by " + certification.issuer() + ", "
                            + monthSlashYear(certification.dateObtained()));
                }
            }
            out.heading("Core Competencies").line(String.join("; ", resume.skills()));
            return out.blocks;
        }
    },

    /** "Company — Position" with "March 2021 to Present" right-aligned on the same row; skills one per bullet. */
    RIGHT_ALIGNED(Font.TIMES, true) {
        @Override
        List<Block> render(ResumeData resume) {
            Blocks out = new Blocks();
            ContactInfo contact = resume.contactInfo();
            out.title(contact.fullName());
            List<String> parts = new ArrayList<>(List.of(contact.phone(), contact.email()));
            contact.links().stream().map(link -> withoutScheme(link.url())).forEach(parts::add);
            out.line(String.join(" • ", parts));
            out.line(contact.address());
            out.heading("About").line(resume.summary());
            out.heading("Employment");
            for (WorkExperience job : resume.workExperience()) {
                out.row(job.company() + " — " + job.position(), range(job, ResumeLayout::fullMonthYear, " to ", "Present"));
                job.responsibilities().forEach(out::bullet);
            }
            out.heading("Education");
            for (Education school : resume.education()) {
                out.row(school.institution(), fullMonthYear(school.graduationDate()));
                out.line(degreeIn(school) + (school.gpa() == null ? "" : " (GPA: " + gpa(school.gpa()) + ")"));
            }
            if (!resume.certifications().isEmpty()) {
                out.heading("Certificates");
                for (Certification certification : resume.certifications()) {
                    out.line(certification.name() + ", issued by " + certification.issuer() + ", "
                            + fullMonthYear(certification.dateObtained()));
                }
            }
            out.heading("Skills");
            resume.skills().forEach(out::bullet);
            return out.blocks;
        }
    },

    /**
     * "Position, Company (Mar 2021 – Jun 2023)" on one line, the first duty as a sentence and the rest as "*" bullets,
     * "UPPER CASE:" headings, bracketed issuers, skills grouped under category labels.
     */
    COMPACT(Font.HELVETICA, false) {
        @Override
        List<Block> render(ResumeData resume) {
            Blocks out = new Blocks();
            ContactInfo contact = resume.contactInfo();
            out.title(contact.fullName());
            out.line("Tel: " + contact.phone() + " | " + contact.email());
            out.line(contact.address());
            out.line(join(" | ", contact.links().stream().map(Link::url).toArray(String[]::new)));
            out.heading("OBJECTIVE:").line(resume.summary());
            out.heading("WORK HISTORY:");
            for (WorkExperience job : resume.workExperience()) {
                out.bold(job.position() + ", " + job.company() + " (" + range(job, ResumeLayout::monthYear, " – ", "Present") + ")");
                List<String> duties = job.responsibilities();
                out.line(duties.get(0) + ".");
                duties.subList(1, duties.size()).forEach(item -> out.bullet("* " + item));
            }
            out.heading("ACADEMIC BACKGROUND:");
            for (Education school : resume.education()) {
                String gpa = school.gpa() == null ? "" : ", GPA " + gpa(school.gpa());
                out.line(school.institution() + " — " + degreeIn(school) + " (" + monthYear(school.graduationDate()) + ")" + gpa);
            }
            if (!resume.certifications().isEmpty()) {
                out.heading("LICENSES:");
                for (Certification certification : resume.certifications()) {
                    out.line(certification.name() + " (" + certification.issuer() + "), " + monthYear(certification.dateObtained()));
                }
            }
            out.heading("SKILLS & TOOLS:");
            List<String> skills = resume.skills();
            int half = (skills.size() + 1) / 2;
            out.line("Core: " + String.join(", ", skills.subList(0, half)));
            out.line("Other tools: " + String.join(", ", skills.subList(half, skills.size())));
            return out.blocks;
        }
    };

    enum Font { HELVETICA, TIMES }

    /** A piece of the page. */
    sealed interface Block permits Title, Heading, Line, Bullet, Row {
    }

    record Title(String text) implements Block {
    }

    record Heading(String text) implements Block {
    }

    record Line(String text, boolean bold, boolean italic) implements Block {
    }

    /** A list item; its text carries the bullet character unless the renderer makes a real list. */
    record Bullet(String text) implements Block {
    }

    /** Text on the left and text aligned to the right margin, on one line. */
    record Row(String left, String right) implements Block {
    }

    final Font font;
    /** Whether a DOCX should use Word list numbering for bullets rather than bullet characters. */
    final boolean wordLists;

    ResumeLayout(Font font, boolean wordLists) {
        this.font = font;
        this.wordLists = wordLists;
    }

    abstract List<Block> render(ResumeData resume);

    private static final class Blocks {
        final List<Block> blocks = new ArrayList<>();

        Blocks title(String text) {
            blocks.add(new Title(text));
            return this;
        }

        Blocks heading(String text) {
            blocks.add(new Heading(text));
            return this;
        }

        Blocks line(String text) {
            if (text != null && !text.isBlank()) {
                blocks.add(new Line(text, false, false));
            }
            return this;
        }

        Blocks bold(String text) {
            blocks.add(new Line(text, true, false));
            return this;
        }

        Blocks italic(String text) {
            blocks.add(new Line(text, false, true));
            return this;
        }

        Blocks bullet(String text) {
            blocks.add(new Bullet(text));
            return this;
        }

        Blocks row(String left, String right) {
            blocks.add(new Row(left, right));
            return this;
        }
    }

    private static String range(WorkExperience job, Function<String, String> format, String separator, String present) {
        return format.apply(job.startDate()) + separator + (job.isCurrent() ? present : format.apply(job.endDate()));
    }

    private static String degreeIn(Education school) {
        return school.fieldOfStudy() == null ? school.degree() : school.degree() + " in " + school.fieldOfStudy();
    }

    private static final String[] SHORT_MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final String[] LONG_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    static String monthYear(String iso) {
        return SHORT_MONTHS[month(iso) - 1] + " " + iso.substring(0, 4);
    }

    static String fullMonthYear(String iso) {
        return LONG_MONTHS[month(iso) - 1] + " " + iso.substring(0, 4);
    }

    static String monthSlashYear(String iso) {
        return iso.substring(5, 7) + "/" + iso.substring(0, 4);
    }

    private static int month(String iso) {
        return Integer.parseInt(iso.substring(5, 7));
    }

    private static String gpa(double gpa) {
        return BigDecimal.valueOf(gpa).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String withoutScheme(String url) {
        return url.replaceFirst("^https?://(www\\.)?", "");
    }

    private static String join(String separator, String... values) {
        return String.join(separator, Stream.of(values).filter(value -> value != null && !value.isBlank()).toList());
    }
}
