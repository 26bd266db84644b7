package io.atspro.application.generation;

import io.atspro.job.JobDetails;
import io.atspro.matching.MatchResult;
import io.atspro.resume.ResumeData;
import io.atspro.resume.ResumeData.Education;
import io.atspro.resume.ResumeData.WorkExperience;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the generators need to know about one application, worked out once: the job's keywords, the resume's skills
 * that match them, and the work experience ranked by relevance to the job.
 */
final class ApplicationFacts {

    private static final Set<String> TITLE_STOP_WORDS = Set.of("and", "the", "for", "with", "of", "in", "at", "to",
            "senior", "junior", "lead", "principal", "staff", "sr", "jr", "ii", "iii", "iv", "mid", "level", "remote",
            "hybrid", "full", "part", "time", "contract", "intern");

    final GenerationRequest request;
    final ResumeData resume;
    final JobDetails job;
    /** Nullable. */
    final String company;
    /** Nullable. */
    final String title;
    /** Every skill on the resume (skills section, roles, education), first spelling kept. */
    final List<String> resumeSkills;
    /** What the job asks for: the match's keywords, then resume skills the posting mentions. */
    final List<String> jobKeywords;
    /** Job keywords the applicant has, in the resume's spelling where it has one. */
    final List<String> matchedSkills;
    /** Job keywords the applicant lacks (from the match only). */
    final List<String> missingKeywords;
    /** Roles, most recent first. */
    final List<Role> chronological;
    /** Roles, most relevant first; ties go to the more recent role. */
    final List<Role> byRelevance;

    /** One work experience with its relevance to the job. */
    record Role(WorkExperience experience, int index, int score, List<String> matchedTerms) {

        String position() {
            return Wording.clean(experience.position());
        }

        String company() {
            return Wording.clean(experience.company());
        }

        List<String> bullets() {
            List<String> bullets = new ArrayList<>();
            for (String r : experience.responsibilities()) {
                String clause = Wording.clause(r);
                if (clause != null) {
                    bullets.add(clause);
                }
            }
            return bullets;
        }

        List<String> skills() {
            return Wording.distinct(experience.skills());
        }

        /** "since March 2021", "from June 2018 to February 2021", "in 2019" or "". */
        String period() {
            String start = Wording.partialDate(experience.startDate());
            String end = Wording.partialDate(experience.endDate());
            if (experience.isCurrent()) {
                return start == null ? "" : "since " + start;
            }
            if (start != null && end != null) {
                return start.equals(end) ? "in " + start : "from " + start + " to " + end;
            }
            if (start != null) {
                return "from " + start;
            }
            return end == null ? "" : "until " + end;
        }

        /** "March 2021 – Present", for the resume. */
        String span() {
            String start = Wording.partialDate(experience.startDate());
            String end = experience.isCurrent() ? "Present" : Wording.partialDate(experience.endDate());
            if (start != null && end != null) {
                return start + " – " + end;
            }
            return start != null ? start : end == null ? "" : end;
        }

        String text() {
            StringBuilder text = new StringBuilder();
            append(text, experience.position());
            append(text, experience.description());
            experience.responsibilities().forEach(r -> append(text, r));
            experience.skills().forEach(s -> append(text, s));
            return text.toString();
        }
    }

    ApplicationFacts(GenerationRequest request) {
        this.request = request;
        this.resume = request.resume();
        this.job = request.job();
        this.company = Wording.clean(job.company());
        this.title = Wording.clean(job.title());
        this.resumeSkills = collectResumeSkills(resume);

        String jobText = jobText(job);
        MatchResult match = request.match();
        List<String> matchMatched = match == null ? List.of() : Wording.cleanAll(match.keywordsMatched());
        List<String> matchMissing = match == null ? List.of() : Wording.cleanAll(match.keywordsMissing());

        List<String> matched = new ArrayList<>();
        for (String keyword : matchMatched) {
            matched.add(resumeSpelling(keyword));
        }
        for (String skill : resumeSkills) {
            if (Wording.mentions(jobText, skill) && !Wording.containsIgnoreCase(matchMissing, skill)) {
                matched.add(skill);
            }
        }
        this.matchedSkills = Wording.distinct(matched);
        List<String> missing = new ArrayList<>(matchMissing);
        missing.removeIf(m -> Wording.containsIgnoreCase(matchedSkills, m));
        this.missingKeywords = Wording.distinct(missing);
        List<String> keywords = new ArrayList<>(matchedSkills);
        keywords.addAll(missingKeywords);
        this.jobKeywords = Wording.distinct(keywords);

        List<String> titleWords = titleWords(title);
        List<Role> roles = new ArrayList<>();
        List<WorkExperience> experience = resume.workExperience();
        for (int i = 0; i < experience.size(); i++) {
            WorkExperience e = experience.get(i);
            if (Wording.clean(e.company()) == null && Wording.clean(e.position()) == null) {
                continue;
            }
            roles.add(score(e, i, titleWords));
        }
        Comparator<Role> recency = ApplicationFacts::compareRecency;
        this.chronological = roles.stream().sorted(recency).toList();
        this.byRelevance = roles.stream()
                .sorted(Comparator.comparingInt(Role::score).reversed().thenComparing(recency))
                .toList();
    }

    /** The most relevant role, or null without work experience. */
    Role bestRole() {
        return byRelevance.isEmpty() ? null : byRelevance.get(0);
    }

    /** A second role that shares keywords with the job, or null. */
    Role secondRole() {
        return byRelevance.size() > 1 && !byRelevance.get(1).matchedTerms().isEmpty() ? byRelevance.get(1) : null;
    }

    /** The skills to name: matched ones (at most {@code max}), topped up from the given role and the resume to {@code min}. */
    List<String> skillsToName(Role role, int min, int max) {
        List<String> named = new ArrayList<>(matchedSkills.subList(0, Math.min(max, matchedSkills.size())));
        List<String> pool = new ArrayList<>();
        if (role != null) {
            pool.addAll(role.skills());
        }
        pool.addAll(resumeSkills);
        for (String skill : pool) {
            if (named.size() >= min) {
                break;
            }
            if (!Wording.containsIgnoreCase(named, skill)) {
                named.add(skill);
            }
        }
        return named;
    }

    /** The role's bullet that mentions the most job keywords; ties go to a bullet with a figure, then the first. */
    String bestBullet(Role role) {
        String best = null;
        int bestScore = -1;
        for (String bullet : role.bullets()) {
            int score = Wording.countMentions(bullet, jobKeywords) * 2 + (bullet.matches(".*\\d.*") ? 1 : 0);
            if (score > bestScore) {
                best = bullet;
                bestScore = score;
            }
        }
        return best;
    }

    /** The education entry to mention: the most recent one that has a degree or institution. */
    Education mainEducation() {
        return resume.education().stream()
                .filter(e -> Wording.has(e.degree()) || Wording.has(e.institution()))
                .max(Comparator.comparing((Education e) -> e.graduationDate() == null ? "" : e.graduationDate()))
                .orElse(null);
    }

    String fullName() {
        return Wording.clean(resume.contactInfo().fullName());
    }

    String email() {
        return Wording.clean(resume.contactInfo().email());
    }

    String phone() {
        return Wording.clean(resume.contactInfo().phone());
    }

    /** Name, email and phone, one a line, leaving out what is missing. */
    String signature() {
        StringBuilder text = new StringBuilder();
        for (String line : new String[] {fullName(), email(), phone()}) {
            if (line != null) {
                text.append('\n').append(line);
            }
        }
        return text.toString();
    }

    private Role score(WorkExperience e, int index, List<String> titleWords) {
        String text = new Role(e, index, 0, List.of()).text();
        List<String> skills = Wording.cleanAll(e.skills());
        int score = 0;
        List<String> terms = new ArrayList<>();
        for (String keyword : jobKeywords) {
            boolean inSkills = skills.stream().anyMatch(s -> s.equalsIgnoreCase(keyword) || Wording.mentions(s, keyword));
            if (inSkills) {
                score += 2;
                terms.add(resumeSpelling(keyword));
            } else if (Wording.mentions(text, keyword)) {
                score += 1;
                terms.add(resumeSpelling(keyword));
            }
        }
        String position = Wording.clean(e.position());
        for (String word : titleWords) {
            if (Wording.mentions(position, word)) {
                score += 1;
            }
        }
        return new Role(e, index, score, List.copyOf(terms));
    }

    /** Current roles first, then by end date, then start date, most recent first; then resume order. */
    private static int compareRecency(Role a, Role b) {
        int byEnd = recencyKey(b.experience(), true).compareTo(recencyKey(a.experience(), true));
        if (byEnd != 0) {
            return byEnd;
        }
        int byStart = recencyKey(b.experience(), false).compareTo(recencyKey(a.experience(), false));
        return byStart != 0 ? byStart : Integer.compare(a.index(), b.index());
    }

    private static String recencyKey(WorkExperience e, boolean end) {
        if (end) {
            if (e.isCurrent()) {
                return "9999";
            }
            String date = Wording.clean(e.endDate());
            if (date == null) {
                date = Wording.clean(e.startDate());
            }
            return date == null ? "" : date;
        }
        String start = Wording.clean(e.startDate());
        return start == null ? "" : start;
    }

    private String resumeSpelling(String keyword) {
        return resumeSkills.stream().filter(s -> s.equalsIgnoreCase(keyword)).findFirst().orElse(keyword);
    }

    private static List<String> collectResumeSkills(ResumeData resume) {
        List<String> skills = new ArrayList<>(resume.skills());
        resume.workExperience().forEach(e -> skills.addAll(e.skills()));
        resume.education().forEach(e -> skills.addAll(e.skills()));
        return Wording.distinct(skills);
    }

    private static List<String> titleWords(String title) {
        List<String> words = new ArrayList<>();
        if (title == null) {
            return words;
        }
        for (String word : title.split("[^\\p{L}\\p{N}+#.]+")) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.length() >= 3 && !TITLE_STOP_WORDS.contains(lower)) {
                words.add(word);
            }
        }
        return Wording.distinct(words);
    }

    static String jobText(JobDetails job) {
        StringBuilder text = new StringBuilder();
        job.qualifications().forEach(q -> append(text, q));
        job.responsibilities().forEach(r -> append(text, r));
        append(text, job.title());
        append(text, job.description());
        job.additionalInfo().forEach(a -> append(text, a));
        return text.toString();
    }

    private static void append(StringBuilder text, String part) {
        if (part != null && !part.isBlank()) {
            text.append(part).append('\n');
        }
    }
}
