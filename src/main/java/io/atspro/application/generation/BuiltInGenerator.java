package io.atspro.application.generation;

import io.atspro.application.generation.ApplicationFacts.Role;
import io.atspro.resume.ResumeData.Certification;
import io.atspro.resume.ResumeData.ContactInfo;
import io.atspro.resume.ResumeData.Education;
import io.atspro.resume.ResumeData.Link;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes from templates filled with the applicant's own facts: no network, no model. The same request (on the same
 * day, for follow-ups that count days) always gives the same text.
 */
public final class BuiltInGenerator implements ContentGenerator {

    public static final String MODEL = "atspro-builtin-v1";

    private final Clock clock;

    public BuiltInGenerator() {
        this(Clock.systemDefaultZone());
    }

    /** The clock is read only to count the days since the application, for follow-up emails. */
    public BuiltInGenerator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public GeneratedText generate(GenerationRequest request) throws GenerationException {
        Objects.requireNonNull(request, "request");
        ApplicationFacts facts = new ApplicationFacts(request);
        Written written = switch (request.type()) {
            case COVER_LETTER -> coverLetter(facts);
            case FOLLOW_UP_EMAIL -> followUp(facts);
            case TAILORED_RESUME -> tailoredResume(facts);
        };
        String prompt = written.description;
        if (request.applicantNote() != null) {
            prompt += " The applicant's note is kept for the AI writer; the built-in template does not follow free-form instructions.";
        }
        String content = written.text.strip() + "\n";
        return new GeneratedText(content, MODEL, Wording.words(content), prompt);
    }

    private record Written(String text, String description) {
    }

    // ---------------------------------------------------------------- cover letter

    private Written coverLetter(ApplicationFacts f) {
        Role best = f.bestRole();
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(greeting(f));
        paragraphs.add(opening(f, best));
        if (best != null) {
            paragraphs.add(experienceParagraph(f, best));
        }
        String background = backgroundParagraph(f, best);
        if (!background.isEmpty()) {
            paragraphs.add(background);
        }
        paragraphs.add("I would welcome the opportunity to discuss how I can contribute to " + teamPhrase(f)
                + ". Thank you for your time and consideration.");
        paragraphs.add("Sincerely," + f.signature());

        String description = "Built-in cover letter template: greeting, opening for " + roleAt(f) + ", "
                + (best != null ? "most relevant experience (" + roleLabel(best) + ")" : "education and skills")
                + ", matched skills, closing with contact details.";
        return new Written(String.join("\n\n", paragraphs), description);
    }

    private static String greeting(ApplicationFacts f) {
        return f.company != null ? "Dear " + f.company + " Hiring Team," : "Dear Hiring Manager,";
    }

    private static String opening(ApplicationFacts f, Role best) {
        StringBuilder text = new StringBuilder();
        if (f.title != null) {
            text.append("I am writing to apply for the ").append(f.title).append(" position ")
                    .append(f.company != null ? "at " + f.company : "with your team").append('.');
        } else {
            text.append("I am writing to express my interest in joining ").append(teamPhrase(f)).append('.');
        }
        List<String> skills = f.skillsToName(best, 2, 4);
        if (!f.matchedSkills.isEmpty()) {
            List<String> named = f.matchedSkills.subList(0, Math.min(4, f.matchedSkills.size()));
            text.append(" The role calls for ").append(Wording.joinAnd(named)).append(", and ")
                    .append(named.size() == 1 ? "it is a skill" : "these are skills").append(" I have ")
                    .append(best != null ? "used in my day-to-day work" : "built through my studies and projects")
                    .append('.');
        } else if (!skills.isEmpty()) {
            text.append(" I would bring hands-on experience with ").append(Wording.joinAnd(skills)).append('.');
        }
        return text.toString();
    }

    private static String experienceParagraph(ApplicationFacts f, Role best) {
        StringBuilder text = new StringBuilder();
        String lead = roleLead(best, true);
        String bullet = f.bestBullet(best);
        String achievement = bullet != null ? Wording.firstPerson(bullet)
                : Wording.firstPerson(Wording.firstSentence(best.experience().description()));
        if (achievement != null) {
            text.append(lead).append(", ").append(achievement).append('.');
            String more = secondAchievement(f, best, bullet);
            if (more != null) {
                text.append(" I also ").append(more).append('.');
            }
            List<String> otherTerms = new ArrayList<>();
            for (String term : best.matchedTerms()) {
                if (!Wording.mentions(text.toString(), term)) {
                    otherTerms.add(term);
                }
            }
            if (!otherTerms.isEmpty()) {
                List<String> named = otherTerms.subList(0, Math.min(3, otherTerms.size()));
                text.append(" In that role I ").append(best.experience().isCurrent() ? "work" : "worked")
                        .append(" daily with ").append(Wording.joinAnd(named))
                        .append(named.size() == 1 ? ", one of the skills" : ", skills").append(" this position calls for.");
            }
        } else if (!best.matchedTerms().isEmpty()) {
            text.append(lead).append(", I worked with ")
                    .append(Wording.joinAnd(best.matchedTerms().subList(0, Math.min(3, best.matchedTerms().size()))))
                    .append(" every day.");
        } else if (!best.skills().isEmpty()) {
            text.append(lead).append(", I worked with ")
                    .append(Wording.joinAnd(best.skills().subList(0, Math.min(3, best.skills().size()))))
                    .append('.');
        } else {
            text.append(lead).append(", I built experience that I am eager to bring to ").append(teamPhrase(f)).append('.');
        }

        Role second = f.secondRole();
        if (second != null) {
            String secondBullet = f.bestBullet(second);
            String secondClause = secondBullet != null && Wording.countMentions(secondBullet, f.jobKeywords) > 0
                    ? Wording.firstPerson(secondBullet)
                    : "I worked with " + Wording.joinAnd(second.matchedTerms().subList(0, Math.min(3, second.matchedTerms().size())));
            boolean older = f.chronological.indexOf(second) > f.chronological.indexOf(best);
            text.append(' ').append(older ? "Before that, " : "More recently, ")
                    .append(Wording.lowerFirst(roleLead(second, false)))
                    .append(", ").append(secondClause).append('.');
        }
        return text.toString();
    }

    /**
     * Another bullet of the same role worth citing: one with a figure or a job keyword, phrased with a past-tense
     * verb so that it reads after "I also"; null when there is none.
     */
    private static String secondAchievement(ApplicationFacts f, Role role, String used) {
        for (String bullet : role.bullets()) {
            if (bullet.equals(used)) {
                continue;
            }
            boolean strong = Wording.countMentions(bullet, f.jobKeywords) > 0 || bullet.matches(".*\\d.*");
            String clause = Wording.firstPerson(bullet);
            if (strong && clause != null && clause.startsWith("I ") && !clause.startsWith("I was ")
                    && !clause.startsWith("I worked on ")) {
                return clause.substring(2);
            }
        }
        return null;
    }

    /** "In my current role as X at Y", "As X at Y, from A to B", "At Y", "As X". */
    private static String roleLead(Role role, boolean withPeriod) {
        String position = role.position();
        String company = role.company();
        String period = withPeriod ? role.period() : "";
        if (role.experience().isCurrent()) {
            if (position != null && company != null) {
                return "In my current role as " + position + " at " + company;
            }
            return position != null ? "In my current role as " + position : "In my current role at " + company;
        }
        String lead = position != null && company != null ? "As " + position + " at " + company
                : position != null ? "As " + position : "At " + company;
        return period.isEmpty() ? lead : lead + " " + period;
    }

    private static String backgroundParagraph(ApplicationFacts f, Role best) {
        List<String> sentences = new ArrayList<>();
        Education education = f.mainEducation();
        if (education != null) {
            String degree = degreeLabel(education);
            String institution = Wording.clean(education.institution());
            String year = Wording.partialDate(education.graduationDate());
            if (best == null) {
                StringBuilder s = new StringBuilder(degree != null ? "I completed my " + degree : "I studied");
                if (institution != null) {
                    s.append(" at ").append(withArticle(institution));
                }
                if (year != null) {
                    s.append(" in ").append(year);
                }
                List<String> courses = relevantFirst(Wording.cleanAll(education.relevantCourses()), f.jobKeywords);
                if (!courses.isEmpty()) {
                    s.append(", with coursework in ").append(Wording.joinAnd(courses.subList(0, Math.min(3, courses.size()))));
                }
                List<String> honors = Wording.cleanAll(education.honors());
                if (!honors.isEmpty()) {
                    s.append(" and graduated with ").append(Wording.joinAnd(honors.subList(0, Math.min(2, honors.size()))));
                }
                sentences.add(s.append('.').toString());
            } else if (degree != null) {
                sentences.add("I also hold " + articled(degree) + (institution != null ? " from " + withArticle(institution) : "") + '.');
            }
        }
        Certification cert = relevantCertification(f, best == null);
        if (cert != null) {
            String issuer = Wording.clean(cert.issuer());
            sentences.add("I hold the " + Wording.clean(cert.name()) + " certification"
                    + (issuer != null ? " from " + issuer : "") + '.');
        }
        if (best == null) {
            List<String> skills = f.skillsToName(null, 2, 4);
            if (!skills.isEmpty() && f.matchedSkills.isEmpty()) {
                sentences.add("Along the way I have built practical skills in " + Wording.joinAnd(skills) + '.');
            } else if (!skills.isEmpty()) {
                sentences.add("I am ready to apply my skills in " + Wording.joinAnd(skills) + " from day one.");
            }
        }
        return String.join(" ", sentences);
    }

    private static Certification relevantCertification(ApplicationFacts f, boolean anyWillDo) {
        Certification first = null;
        for (Certification cert : f.resume.certifications()) {
            String name = Wording.clean(cert.name());
            if (name == null) {
                continue;
            }
            if (first == null) {
                first = cert;
            }
            if (Wording.countMentions(name, f.jobKeywords) > 0
                    || f.jobKeywords.stream().anyMatch(k -> Wording.mentions(k, name))) {
                return cert;
            }
        }
        return anyWillDo ? first : null;
    }

    private static String degreeLabel(Education e) {
        String degree = Wording.clean(e.degree());
        String field = Wording.clean(e.fieldOfStudy());
        if (degree == null) {
            return field == null ? null : "studies in " + field;
        }
        return field == null || Wording.mentions(degree, field) ? degree : degree + " in " + field;
    }

    private static String articled(String degree) {
        String lower = degree.toLowerCase(Locale.ROOT);
        if (lower.startsWith("studies")) {
            return "a background in " + degree.substring("studies in ".length());
        }
        return ("aeiou".indexOf(lower.charAt(0)) >= 0 && !lower.startsWith("uni") ? "an " : "a ") + degree;
    }

    /** "University of Washington" → "the University of Washington"; other names are left alone. */
    private static String withArticle(String institution) {
        String lower = institution.toLowerCase(Locale.ROOT);
        boolean needsThe = lower.startsWith("university of ") || lower.startsWith("college of ")
                || lower.startsWith("institute of ") || lower.startsWith("school of ") || lower.startsWith("academy of ");
        return needsThe ? "the " + institution : institution;
    }

    private static String teamPhrase(ApplicationFacts f) {
        return f.company != null ? f.company : "your team";
    }

    private static String roleAt(ApplicationFacts f) {
        if (f.title != null && f.company != null) {
            return f.title + " at " + f.company;
        }
        return f.title != null ? f.title : f.company != null ? "a role at " + f.company : "an unnamed role";
    }

    private static String roleLabel(Role role) {
        String position = role.position();
        String company = role.company();
        return position != null && company != null ? position + " at " + company : position != null ? position : company;
    }

    // ---------------------------------------------------------------- follow-up email

    private Written followUp(ApplicationFacts f) {
        Role best = f.bestRole();
        String status = f.request.applicationStatus() == null ? "" : f.request.applicationStatus().toLowerCase(Locale.ROOT);
        boolean interviewed = status.contains("interview");

        String subject = "Subject: " + (interviewed ? "Thank you and next steps" : "Following up on my application")
                + (f.title != null ? " for " + f.title : "") + (f.company != null ? " at " + f.company : "");
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(subject);
        paragraphs.add(greeting(f));

        String role = f.title != null ? "the " + f.title + " position" : "the open position";
        String where = f.company != null ? " at " + f.company : "";
        StringBuilder first = new StringBuilder();
        if (interviewed) {
            first.append("Thank you again for speaking with me about ").append(role).append(where)
                    .append(". I am writing to follow up and to say that I remain very interested in the role.");
        } else {
            first.append("I applied for ").append(role).append(where).append(appliedWhen(f.request.appliedOn()))
                    .append(", and I wanted to follow up on my application. I remain very interested in the role.");
        }
        paragraphs.add(first.toString());

        List<String> skills = f.skillsToName(best, 1, 2);
        StringBuilder fit = new StringBuilder();
        if (best != null) {
            fit.append("My experience as ").append(roleLabel(best));
            if (!skills.isEmpty()) {
                fit.append(", especially with ").append(Wording.joinAnd(skills)).append(',');
            }
            fit.append(" fits what you are looking for");
        } else if (!skills.isEmpty()) {
            fit.append("My background in ").append(Wording.joinAnd(skills)).append(" fits what you are looking for");
        }
        if (!fit.isEmpty()) {
            paragraphs.add(fit.append(", and I would be glad to share anything else that helps your review.").toString());
        } else {
            paragraphs.add("I would be glad to share anything else that helps your review.");
        }
        paragraphs.add("Thank you for your time. I look forward to hearing about the next steps.");
        paragraphs.add("Best regards," + f.signature());

        String description = "Built-in follow-up email template" + (interviewed ? " (after an interview)" : "")
                + ": subject line, reference to " + roleAt(f)
                + (f.request.appliedOn() != null ? ", days since applying" : "") + ", one line on fit, sign-off.";
        return new Written(String.join("\n\n", paragraphs), description);
    }

    private String appliedWhen(LocalDate appliedOn) {
        if (appliedOn == null) {
            return " recently";
        }
        long days = ChronoUnit.DAYS.between(appliedOn, LocalDate.now(clock));
        if (days == 0) {
            return " earlier today";
        }
        if (days == 1) {
            return " yesterday";
        }
        String on = " on " + Wording.longDate(appliedOn);
        return days > 1 ? on + " (" + days + " days ago)" : on;
    }

    // ---------------------------------------------------------------- tailored resume

    private Written tailoredResume(ApplicationFacts f) {
        StringBuilder md = new StringBuilder();
        ContactInfo contact = f.resume.contactInfo();
        md.append("# ").append(f.fullName() != null ? f.fullName() : "Resume").append("\n\n");
        List<String> contactParts = Wording.cleanAll(List.of(nz(contact.email()), nz(contact.phone()), nz(contact.address())));
        for (Link link : contact.links()) {
            String url = Wording.clean(link.url());
            if (url != null) {
                String name = Wording.clean(link.name());
                contactParts.add(name != null ? name + ": " + url : url);
            }
        }
        if (!contactParts.isEmpty()) {
            md.append(String.join(" · ", contactParts)).append("\n\n");
        }

        Role best = f.bestRole();
        md.append("## Summary\n\n").append(targetLine(f, best)).append('\n');
        String summary = Wording.clean(f.resume.summary());
        if (summary != null) {
            md.append('\n').append(summary).append('\n');
        }

        List<String> keySkills = f.matchedSkills;
        List<String> otherSkills = new ArrayList<>();
        for (String skill : Wording.distinct(f.resume.skills())) {
            if (!Wording.containsIgnoreCase(keySkills, skill)) {
                otherSkills.add(skill);
            }
        }
        if (!keySkills.isEmpty() || !otherSkills.isEmpty()) {
            md.append("\n## Skills\n\n");
            if (!keySkills.isEmpty()) {
                md.append("**Key skills for this role:** ").append(String.join(", ", keySkills)).append("\n\n");
            }
            if (!otherSkills.isEmpty()) {
                md.append(keySkills.isEmpty() ? "" : "**Additional skills:** ").append(String.join(", ", otherSkills))
                        .append("\n\n");
            }
        } else {
            md.append('\n');
        }

        Pattern highlight = highlightPattern(f.jobKeywords);
        if (!f.chronological.isEmpty()) {
            md.append("## Experience\n\n");
            for (Role role : f.chronological) {
                appendRole(md, f, role, highlight);
            }
        }

        List<Education> education = f.resume.education().stream()
                .filter(e -> Wording.has(e.degree()) || Wording.has(e.institution()) || Wording.has(e.fieldOfStudy()))
                .sorted(Comparator.comparing((Education e) -> e.graduationDate() == null ? "" : e.graduationDate()).reversed())
                .toList();
        if (!education.isEmpty()) {
            md.append("## Education\n\n");
            for (Education e : education) {
                appendEducation(md, f, e);
            }
        }

        List<Certification> certs = f.resume.certifications().stream().filter(c -> Wording.has(c.name())).toList();
        if (!certs.isEmpty()) {
            md.append("## Certifications\n\n");
            for (Certification c : certs) {
                md.append("- ").append(Wording.clean(c.name()));
                String issuer = Wording.clean(c.issuer());
                if (issuer != null) {
                    md.append(" — ").append(issuer);
                }
                String date = Wording.partialDate(c.dateObtained());
                if (date != null) {
                    md.append(" (").append(date).append(')');
                }
                md.append('\n');
            }
            md.append('\n');
        }

        String description = "Built-in tailored resume template (Markdown) for " + roleAt(f)
                + ": summary line aimed at the job, matched skills first, experience kept in reverse-chronological order"
                + " with matching bullets first and job keywords in bold.";
        return new Written(md.toString(), description);
    }

    private static String targetLine(ApplicationFacts f, Role best) {
        String lead;
        if (best != null && best.position() != null) {
            lead = best.position();
        } else {
            Education e = f.mainEducation();
            String field = e == null ? null : Wording.clean(e.fieldOfStudy());
            lead = field != null ? field + " graduate" : "Candidate";
        }
        List<String> skills = f.skillsToName(best, 0, 4);
        StringBuilder line = new StringBuilder(lead);
        if (!skills.isEmpty()) {
            line.append(" with hands-on experience in ").append(Wording.joinAnd(skills)).append(',');
        }
        if (f.title != null) {
            line.append(" applying for the ").append(f.title).append(" role").append(f.company != null ? " at " + f.company : "");
        } else {
            line.append(" applying to ").append(f.company != null ? f.company : "your team");
        }
        return line.append('.').toString();
    }

    private static void appendRole(StringBuilder md, ApplicationFacts f, Role role, Pattern highlight) {
        String position = role.position();
        String company = role.company();
        md.append("### ").append(position != null && company != null ? position + " — " + company
                : position != null ? position : company).append('\n');
        String span = role.span();
        if (!span.isEmpty()) {
            md.append('*').append(span).append("*\n");
        }
        String description = Wording.clean(role.experience().description());
        if (description != null) {
            md.append('\n').append(bold(description, highlight)).append('\n');
        }
        List<String> bullets = new ArrayList<>(role.bullets());
        bullets.sort(Comparator.comparingInt((String b) -> -Wording.countMentions(b, f.jobKeywords)));
        if (!bullets.isEmpty()) {
            md.append('\n');
            for (String bullet : bullets) {
                md.append("- ").append(bold(bullet, highlight)).append('\n');
            }
        }
        List<String> skills = new ArrayList<>(role.skills());
        if (!skills.isEmpty()) {
            List<String> ordered = new ArrayList<>();
            skills.stream().filter(s -> Wording.containsIgnoreCase(f.jobKeywords, s)).map(s -> "**" + s + "**").forEach(ordered::add);
            skills.stream().filter(s -> !Wording.containsIgnoreCase(f.jobKeywords, s)).forEach(ordered::add);
            md.append("\nSkills: ").append(String.join(", ", ordered)).append('\n');
        }
        md.append('\n');
    }

    private static void appendEducation(StringBuilder md, ApplicationFacts f, Education e) {
        String degree = degreeLabel(e);
        String institution = Wording.clean(e.institution());
        md.append("### ").append(degree != null && institution != null ? Wording.upperFirst(degree) + " — " + institution
                : degree != null ? Wording.upperFirst(degree) : institution).append('\n');
        List<String> details = new ArrayList<>();
        String year = Wording.partialDate(e.graduationDate());
        if (year != null) {
            details.add("Graduated " + year);
        }
        if (e.gpa() != null) {
            details.add("GPA " + (e.gpa() == Math.rint(e.gpa()) ? String.valueOf(e.gpa().intValue()) : String.valueOf(e.gpa())));
        }
        List<String> honors = Wording.cleanAll(e.honors());
        if (!honors.isEmpty()) {
            details.add(String.join(", ", honors));
        }
        if (!details.isEmpty()) {
            md.append(String.join(" · ", details)).append('\n');
        }
        List<String> courses = relevantFirst(Wording.cleanAll(e.relevantCourses()), f.jobKeywords);
        if (!courses.isEmpty()) {
            md.append("\nRelevant coursework: ").append(String.join(", ", courses)).append('\n');
        }
        md.append('\n');
    }

    private static List<String> relevantFirst(List<String> items, List<String> keywords) {
        List<String> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt((String i) -> -Wording.countMentions(i, keywords)));
        return sorted;
    }

    /** One alternation of the keywords, longest first, matched on word edges like {@link Wording#mentions}. */
    private static Pattern highlightPattern(List<String> keywords) {
        List<String> sorted = new ArrayList<>(keywords);
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        List<String> parts = new ArrayList<>();
        for (String k : sorted) {
            String quoted = Pattern.quote(k);
            String before = Character.isLetterOrDigit(k.charAt(0)) ? "(?<![\\p{L}\\p{N}])" : "";
            String after = Character.isLetterOrDigit(k.charAt(k.length() - 1)) ? "(?![\\p{L}\\p{N}])" : "";
            parts.add(before + quoted + after);
        }
        return parts.isEmpty() ? null : Pattern.compile(String.join("|", parts), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String bold(String text, Pattern highlight) {
        if (highlight == null) {
            return text;
        }
        Matcher m = highlight.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("**" + m.group() + "**"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
