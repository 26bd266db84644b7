package io.atspro.resume;

import io.atspro.resume.ResumeData.WorkExperience;
import io.atspro.resume.SectionSplitter.Kind;
import io.atspro.resume.SectionSplitter.Sections;
import java.util.ArrayList;
import java.util.List;

/**
 * What the rules were unsure of, in words a user can act on: a section not found, a section found but not read, jobs
 * with a part missing. A client shows them beside the parsed resume so the user checks those parts.
 */
final class ParseWarnings {

    static final String NO_EXPERIENCE_SECTION = "No work experience section was found: if you have work experience, "
            + "add it by hand or name its section \"Experience\".";
    static final String EXPERIENCE_NOT_READ = "A work experience section was found but no job could be read from it: "
            + "check your work history.";
    static final String NO_EDUCATION_SECTION = "No education section was found.";
    static final String EDUCATION_NOT_READ = "An education section was found but no school or degree could be read "
            + "from it: check your education.";
    static final String NO_SKILLS_SECTION = "No skills section was found: the skills listed come from your jobs, if any.";
    static final String NO_NAME = "Your name was not found: check your contact details.";
    static final String NO_CONTACT = "No email address or phone number was found.";

    private ParseWarnings() {
    }

    static List<String> of(Sections sections, ResumeData data) {
        List<String> warnings = new ArrayList<>();
        if (data.contactInfo().fullName() == null) {
            warnings.add(NO_NAME);
        }
        if (data.contactInfo().email() == null && data.contactInfo().phone() == null) {
            warnings.add(NO_CONTACT);
        }
        if (!sections.has(Kind.EXPERIENCE)) {
            warnings.add(NO_EXPERIENCE_SECTION);
        } else if (data.workExperience().isEmpty()) {
            warnings.add(EXPERIENCE_NOT_READ);
        } else {
            jobWarnings(data.workExperience(), warnings);
        }
        if (!sections.has(Kind.EDUCATION)) {
            warnings.add(NO_EDUCATION_SECTION);
        } else if (data.education().isEmpty()) {
            warnings.add(EDUCATION_NOT_READ);
        }
        if (!sections.has(Kind.SKILLS)) {
            warnings.add(NO_SKILLS_SECTION);
        }
        return warnings;
    }

    private static void jobWarnings(List<WorkExperience> jobs, List<String> warnings) {
        long incomplete = jobs.stream().filter(job -> job.company() == null || job.position() == null).count();
        if (incomplete > 0) {
            warnings.add(count(incomplete, "job has", "jobs have") + " no company or no title: check "
                    + (incomplete == 1 ? "it." : "them."));
        }
        long undated = jobs.stream().filter(job -> job.startDate() == null && job.endDate() == null && !job.isCurrent())
                .count();
        if (undated > 0) {
            warnings.add(count(undated, "job has", "jobs have") + " no dates: add them so your history reads in order.");
        }
    }

    private static String count(long n, String one, String many) {
        return n == 1 ? "1 " + one : n + " " + many;
    }
}
