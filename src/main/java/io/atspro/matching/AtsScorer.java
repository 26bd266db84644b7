package io.atspro.matching;

import io.atspro.job.JobDetails;
import io.atspro.resume.ResumeData;
import io.atspro.resume.ResumeData.Certification;
import io.atspro.resume.ResumeData.ContactInfo;
import io.atspro.resume.ResumeData.Education;
import io.atspro.resume.ResumeData.WorkExperience;
import io.atspro.skill.Lexicon;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Deterministic ATS-style match of a resume against a job: no AI, no network, same input, same result.
 *
 * <h2>Job keywords</h2>
 * Skill terms and key phrases of the vocabulary ({@code matching/skills.txt}, aliases folded by
 * {@code matching/synonyms.txt}, see {@link Lexicon}) found in the job, plus unknown tech-looking tokens of the
 * qualifications and responsibilities (mixed case like gRPC, letters with digits like EC2, acronyms, or a capitalised
 * word listed next to a known skill: "Kafka, Pulsar or RabbitMQ"). A keyword's weight is
 * <pre>  section × term × (1 + 0.1 × min(occurrences − 1, 3))</pre>
 * where section is the strongest place it occurs: required qualification 3, responsibility 2, title 2, preferred
 * qualification ("preferred", "nice to have", "a plus", ... or below such a heading) 1.5, description 1, additional
 * info 0.5; term is the weight of its vocabulary category (soft skills 0.5) and 0.5 for unknown tokens.
 *
 * <h2>Resume evidence</h2>
 * Skills list, work experience (position, description, responsibilities, skills), education (degree, field, courses,
 * honours, skills), certifications and summary. A keyword is matched when its term (or, for an unknown token, the
 * token) occurs anywhere there, directly or implied by a narrower term (MySQL shows relational databases and SQL;
 * PostgreSQL does not show MySQL).
 *
 * <h2>Score</h2>
 * <pre>  score = round(80 × coverage + 20 × structure)</pre>
 * coverage = matched keyword weight / total keyword weight (0 when the job yields no keyword); structure = weighted
 * share of passed section checks: contact (name, email and phone) 0.25, experience entries all dated 0.25, skills
 * (at least three) 0.20, summary (at least eight words) 0.15, education 0.15. Keyword lists are ordered by weight,
 * then alphabetically; suggestions list structural fixes first, then the five heaviest missing keywords (worded by
 * kind: skill, degree, certification, soft skill), then skills listed but not shown in experience and the reverse.
 *
 * <p>Thread-safe and stateless; the vocabulary is loaded once per JVM.
 */
public final class AtsScorer {

    static final double REQUIRED = 3.0;
    static final double RESPONSIBILITY = 2.0;
    static final double TITLE = 2.0;
    static final double PREFERRED = 1.5;
    static final double DESCRIPTION = 1.0;
    static final double ADDITIONAL = 0.5;
    static final double UNKNOWN_TERM = 0.5;

    static final double KEYWORD_SHARE = 80;
    static final double STRUCTURE_SHARE = 20;

    private static final int MIN_SUMMARY_WORDS = 8;
    private static final int MIN_SKILLS = 3;
    private static final int MISSING_SUGGESTIONS = 5;
    private static final int MAX_SUGGESTIONS = 12;

    private static final Pattern PREFERRED_MARKER = Pattern.compile(
            "\\b(preferred|nice[- ]to[- ]have|bonus|a plus|is a plus|are a plus|desirable|desired|ideally|optional"
                    + "|good to have|would be great|not required)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern REQUIRED_HEADING = Pattern.compile(
            "\\b(required|requirements|must[- ]have|minimum|basic qualifications)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIGIT_TOKEN = Pattern.compile("(?=.*\\p{L}.*\\p{L})(?=.*\\p{N})[\\p{L}\\p{N}]{3,}");
    private static final Pattern NOT_A_SKILL = Pattern.compile(
            "\\d+(st|nd|rd|th|s|k|m|yr|yrs|hr|hrs|am|pm)|q[1-4]|h[12]|fy\\d+|\\d+[a-z]", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,6}");
    private static final Set<String> NOT_KEYWORDS = Set.of(
            "us", "usa", "uk", "eu", "emea", "apac", "latam", "nyc", "sf", "la", "dc", "ceo", "cto", "cfo", "coo",
            "vp", "svp", "evp", "ok", "tbd", "pto", "eoe", "faq", "id", "am", "pm", "est", "pst", "cet", "utc",
            "gmt", "et", "pt", "ct", "mt", "ii", "iii", "iv", "and", "or", "the", "we", "you", "our", "for", "with",
            "to", "a", "i", "it", "in", "of", "on", "at", "be", "is", "are", "as", "by", "an", "no", "new", "inc",
            "llc", "ltd", "plc", "gmbh", "co", "corp", "hq", "ft", "fte", "ote", "k", "usd", "eur", "gbp", "ada",
            "etc", "ie", "eg", "api", "sdk", "ide", "os", "n/a", "na", "yoe", "bs", "ba", "ms", "ma", "phd", "mba",
            "experience", "strong", "excellent", "ability", "team", "senior", "junior", "lead", "must", "required",
            "preferred", "plus", "bonus", "years", "year", "degree", "bachelor", "master", "equivalent", "knowledge",
            "familiarity", "proficiency", "understanding", "skills", "skill", "tools", "tool", "monday", "friday",
            "january", "december", "remote", "hybrid", "english", "associate", "doctorate", "diploma");

    private final Lexicon lexicon;

    public AtsScorer() {
        this(Lexicon.standard());
    }

    AtsScorer(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Scores a resume against a job; nulls count as empty, never an exception. */
    public MatchResult score(ResumeData resume, JobDetails job) {
        ResumeData r = resume == null ? new ResumeData(null, null, null, null, null, null) : resume;
        List<Keyword> keywords = keywords(job);
        Evidence evidence = evidence(r);

        List<Keyword> matched = new ArrayList<>();
        List<Keyword> missing = new ArrayList<>();
        double total = 0;
        double found = 0;
        for (Keyword k : keywords) {
            total += k.weight();
            if (evidence.has(k)) {
                matched.add(k);
                found += k.weight();
            } else {
                missing.add(k);
            }
        }
        double coverage = total == 0 ? 0 : found / total;

        List<SectionCheck> checks = new ArrayList<>();
        List<String> suggestions = new ArrayList<>();
        double structure = checkSections(r, matched, keywords, evidence, checks, suggestions);
        keywordSuggestions(r, matched, missing, keywords, evidence, suggestions);

        int score = (int) Math.round(KEYWORD_SHARE * coverage + STRUCTURE_SHARE * structure);
        score = Math.max(0, Math.min(100, score));
        return new MatchResult(score, displays(matched), displays(missing), checks,
                suggestions.size() > MAX_SUGGESTIONS ? suggestions.subList(0, MAX_SUGGESTIONS) : suggestions);
    }

    // ---------------------------------------------------------------------------------------------------- job side

    /** A job keyword: a vocabulary term key, or for an unknown token its normalised form. */
    record Keyword(String key, String display, double weight, boolean vocabulary, Lexicon.Kind kind) {
    }

    private static final class Accumulator {
        String display;
        double section;
        double termWeight;
        int count;
        boolean vocabulary;
        Lexicon.Kind kind;
    }

    /** The job's keywords, most important first. */
    List<Keyword> keywords(JobDetails job) {
        if (job == null) {
            return List.of();
        }
        Map<String, Accumulator> acc = new TreeMap<>();
        Set<String> excluded = new HashSet<>();
        for (String s : concat(List.of(nonNull(job.company())), nonNull(job.location()))) {
            lexicon.tokenize(s).forEach(t -> excluded.add(t.norm()));
        }

        collect(acc, job.title(), TITLE, true, false, excluded);
        boolean preferredBlock = false;
        for (String q : nonNull(job.qualifications())) {
            String trimmed = q.trim();
            boolean heading = trimmed.endsWith(":") || trimmed.split("\\s+").length <= 4
                    && (PREFERRED_MARKER.matcher(trimmed).find() || REQUIRED_HEADING.matcher(trimmed).find());
            if (heading && PREFERRED_MARKER.matcher(trimmed).find()) {
                preferredBlock = true;
            } else if (heading && REQUIRED_HEADING.matcher(trimmed).find()) {
                preferredBlock = false;
            }
            boolean preferred = preferredBlock || PREFERRED_MARKER.matcher(trimmed).find();
            collect(acc, q, preferred ? PREFERRED : REQUIRED, false, true, excluded);
        }
        for (String s : nonNull(job.responsibilities())) {
            collect(acc, s, RESPONSIBILITY, false, true, excluded);
        }
        collect(acc, job.description(), DESCRIPTION, false, false, excluded);
        for (String s : nonNull(job.additionalInfo())) {
            collect(acc, s, ADDITIONAL, false, false, excluded);
        }

        List<Keyword> out = new ArrayList<>();
        acc.forEach((key, a) -> out.add(new Keyword(key, a.display,
                a.section * a.termWeight * (1 + 0.1 * Math.min(a.count - 1, 3)), a.vocabulary, a.kind)));
        out.sort(ORDER);
        return out;
    }

    private static final Comparator<Keyword> ORDER = Comparator.comparingDouble(Keyword::weight).reversed()
            .thenComparing(k -> k.display().toLowerCase(Locale.ROOT))
            .thenComparing(Keyword::key);

    private void collect(Map<String, Accumulator> acc, String text, double section, boolean listItem,
            boolean unknownTokens, Set<String> excluded) {
        List<Lexicon.Token> tokens = lexicon.tokenize(text);
        if (tokens.isEmpty()) {
            return;
        }
        List<Lexicon.Hit> hits = lexicon.match(tokens, listItem);
        boolean[] covered = new boolean[tokens.size()];
        for (Lexicon.Hit hit : hits) {
            for (int i = hit.start(); i < hit.end(); i++) {
                covered[i] = true;
            }
            Lexicon.Term term = lexicon.term(hit.termKey());
            add(acc, term.key(), term.display(), section, term.weight(), term.kind());
        }
        if (!unknownTokens) {
            return;
        }
        for (int i = 0; i < tokens.size(); i++) {
            Lexicon.Token t = tokens.get(i);
            if (!covered[i] && !excluded.contains(t.norm()) && !NOT_KEYWORDS.contains(t.norm())
                    && looksLikeTech(tokens, covered, i)) {
                add(acc, t.norm(), t.surface(), section, UNKNOWN_TERM, null);
            }
        }
    }

    /** Adds one occurrence; kind null for an unknown token. */
    private static void add(Map<String, Accumulator> acc, String key, String display, double section,
            double termWeight, Lexicon.Kind kind) {
        Accumulator a = acc.computeIfAbsent(key, k -> new Accumulator());
        if (a.display == null) {
            a.display = display;
            a.termWeight = termWeight;
            a.vocabulary = kind != null;
            a.kind = kind == null ? Lexicon.Kind.SKILL : kind;
        }
        a.section = Math.max(a.section, section);
        a.count++;
    }

    /**
     * An unknown token that looks like a technology: mixed case inside the word (gRPC, PyTorch), letters with
     * digits (EC2, HTML5), an acronym of three to six letters (minus noise like USA or CEO), or a capitalised word,
     * not at a sentence start, listed right next to a known skill ("Kafka, Pulsar or RabbitMQ").
     */
    private static boolean looksLikeTech(List<Lexicon.Token> tokens, boolean[] covered, int i) {
        String s = tokens.get(i).surface();
        if (s.length() < 2 || !Character.isLetter(s.codePointAt(0)) && s.charAt(0) != '.'
                || NOT_A_SKILL.matcher(s).matches()) {
            return false;
        }
        String stripped = s.substring(0, s.length() - 1);
        String singular = s.length() >= 3 && s.endsWith("s") && ACRONYM.matcher(stripped).matches() ? stripped : s;
        if (ACRONYM.matcher(singular).matches()) {
            return singular.length() >= 3; // NATS, RFCs; not PRs or US
        }
        boolean innerUpper = false;
        boolean lower = false;
        for (int c = 0; c < s.length(); c++) {
            char ch = s.charAt(c);
            lower |= Character.isLowerCase(ch);
            innerUpper |= c > 0 && Character.isUpperCase(ch);
        }
        if (innerUpper && lower && s.length() >= 3 || DIGIT_TOKEN.matcher(s).matches()) {
            return true; // gRPC, PyTorch, EC2, HTML5
        }
        if (!Character.isUpperCase(s.codePointAt(0)) || !lower || tokens.get(i).sentenceStart()) {
            return false;
        }
        return listedWithSkill(tokens, covered, i, -1) || listedWithSkill(tokens, covered, i, +1);
    }

    private static boolean listedWithSkill(List<Lexicon.Token> tokens, boolean[] covered, int i, int dir) {
        int j = i + dir;
        if (j < 0 || j >= tokens.size()) {
            return false;
        }
        boolean separated = dir < 0 ? tokens.get(j).listAfter() : tokens.get(i).listAfter();
        String word = tokens.get(j).norm();
        if (word.equals("or") || word.equals("and")) {
            j += dir;
            separated = true;
        }
        return separated && j >= 0 && j < tokens.size() && covered[j];
    }

    // ------------------------------------------------------------------------------------------------- resume side

    /** Where the resume mentions which term. */
    private static final class Evidence {
        final Set<String> all = new HashSet<>();
        final Set<String> words = new HashSet<>();
        final Set<String> skillsList = new HashSet<>();
        final Set<String> experience = new HashSet<>(); // descriptions, responsibilities and skills of jobs
        final Set<String> summary = new HashSet<>();

        boolean has(Keyword k) {
            return k.vocabulary() ? all.contains(k.key()) : words.contains(k.key()) || all.contains(k.key());
        }
    }

    private Evidence evidence(ResumeData r) {
        Evidence e = new Evidence();
        scan(e, r.summary(), false, e.summary);
        for (String s : r.skills()) {
            scan(e, s, true, e.skillsList);
        }
        for (WorkExperience w : r.workExperience()) {
            scan(e, w.position(), true, null);
            scan(e, w.description(), false, e.experience);
            for (String s : w.responsibilities()) {
                scan(e, s, false, e.experience);
            }
            for (String s : w.skills()) {
                scan(e, s, true, e.experience);
            }
        }
        for (Education ed : r.education()) {
            scan(e, ed.degree(), true, null);
            scan(e, ed.fieldOfStudy(), true, null);
            for (String s : concat(ed.relevantCourses(), ed.skills())) {
                scan(e, s, true, null);
            }
            for (String s : ed.honors()) {
                scan(e, s, false, null);
            }
        }
        for (Certification c : r.certifications()) {
            scan(e, c.name(), true, null);
            scan(e, c.issuer(), true, null);
        }
        return e;
    }

    private void scan(Evidence e, String text, boolean listItem, Set<String> where) {
        List<Lexicon.Token> tokens = lexicon.tokenize(text);
        for (Lexicon.Token t : tokens) {
            e.words.add(t.norm());
        }
        for (Lexicon.Hit hit : lexicon.match(tokens, listItem)) {
            Set<String> shown = lexicon.withImplied(hit.termKey());
            e.all.addAll(shown);
            if (where != null) {
                where.addAll(shown);
            }
        }
    }

    // ----------------------------------------------------------------------------------------------- section checks

    private double checkSections(ResumeData r, List<Keyword> matched, List<Keyword> keywords, Evidence evidence,
            List<SectionCheck> checks, List<String> suggestions) {
        double structure = 0;

        ContactInfo c = r.contactInfo();
        List<String> absent = new ArrayList<>();
        if (blank(c.fullName())) {
            absent.add("name");
            suggestions.add("Add your full name at the top of your resume");
        }
        if (blank(c.email())) {
            absent.add("email");
            suggestions.add("Add an email address to your contact details");
        }
        if (blank(c.phone())) {
            absent.add("phone");
            suggestions.add("Add a phone number to your contact details");
        }
        boolean contact = absent.isEmpty();
        checks.add(new SectionCheck(SectionCheck.CONTACT, contact,
                contact ? "Name, email and phone present" : "Missing " + String.join(", ", absent)));
        structure += contact ? 0.25 : 0;

        List<WorkExperience> jobs = r.workExperience();
        List<String> undated = new ArrayList<>();
        for (WorkExperience w : jobs) {
            String where = w.company() != null && !w.company().isBlank() ? "at " + w.company().trim()
                    : w.position() != null && !w.position().isBlank() ? "as " + w.position().trim() : "(untitled)";
            if (blank(w.startDate())) {
                undated.add(where);
                suggestions.add(blank(w.endDate()) && !w.isCurrent()
                        ? "Your experience " + where + " has no dates"
                        : "Your experience " + where + " has no start date");
            } else if (blank(w.endDate()) && !w.isCurrent()) {
                undated.add(where);
                suggestions.add("Your experience " + where + " has no end date; add one or mark it as current");
            }
        }
        boolean dated = !jobs.isEmpty() && undated.isEmpty();
        String datesDetail = jobs.isEmpty() ? "No work experience"
                : dated ? "All " + jobs.size() + " entries have dates"
                : "Entries without complete dates: " + String.join(", ", undated);
        if (jobs.isEmpty()) {
            suggestions.add("Add your work experience with company, position and dates");
        }
        checks.add(new SectionCheck(SectionCheck.EXPERIENCE_DATES, dated, datesDetail));
        structure += dated ? 0.25 : 0;

        List<String> highlights = highlights(matched, keywords);
        String summary = r.summary() == null ? "" : r.summary().trim();
        int words = summary.isEmpty() ? 0 : summary.split("\\s+").length;
        boolean summaryOk = words >= MIN_SUMMARY_WORDS;
        if (summary.isEmpty()) {
            suggestions.add(highlights.isEmpty() ? "Add a short professional summary"
                    : "Add a summary that mentions " + and(highlights));
        } else if (!summaryOk) {
            suggestions.add(highlights.isEmpty() ? "Expand your summary to two or three sentences"
                    : "Expand your summary to two or three sentences that mention " + and(highlights));
        } else {
            List<String> unmentioned = new ArrayList<>();
            for (Keyword k : matched.subList(0, Math.min(3, matched.size()))) {
                if (!evidence.summary.contains(k.key())) {
                    unmentioned.add(k.display());
                }
            }
            if (unmentioned.size() == Math.min(3, matched.size()) && !unmentioned.isEmpty()) {
                suggestions.add("Mention " + and(unmentioned.subList(0, Math.min(2, unmentioned.size())))
                        + " in your summary");
            }
        }
        checks.add(new SectionCheck(SectionCheck.SUMMARY, summaryOk, summary.isEmpty() ? "No summary"
                : summaryOk ? "Summary of " + words + " words" : "Summary too short (" + words + " words)"));
        structure += summaryOk ? 0.15 : 0;

        long degrees = r.education().stream().filter(ed -> !blank(ed.institution()) || !blank(ed.degree())).count();
        boolean educated = degrees > 0;
        if (!educated) {
            suggestions.add("Add your education: degree, institution and graduation year");
        }
        checks.add(new SectionCheck(SectionCheck.EDUCATION, educated,
                educated ? degrees + (degrees == 1 ? " entry" : " entries") : "No education"));
        structure += educated ? 0.15 : 0;

        long skills = r.skills().stream().filter(s -> !s.isBlank()).count();
        boolean skilled = skills >= MIN_SKILLS;
        if (skills == 0) {
            suggestions.add(highlights.isEmpty() ? "Add a skills section listing your main tools and methods"
                    : "Add a skills section listing " + and(highlights));
        } else if (!skilled) {
            suggestions.add("List more of your skills (at least " + MIN_SKILLS + ")");
        }
        checks.add(new SectionCheck(SectionCheck.SKILLS, skilled, skills == 0 ? "No skills listed"
                : skills + (skills == 1 ? " skill listed" : " skills listed")));
        structure += skilled ? 0.20 : 0;
        return structure;
    }

    /** Up to two keywords worth featuring: the most important matched ones, else the job's top ones. */
    private static List<String> highlights(List<Keyword> matched, List<Keyword> keywords) {
        List<Keyword> source = matched.isEmpty() ? keywords : matched;
        return source.stream().limit(2).map(Keyword::display).toList();
    }

    private void keywordSuggestions(ResumeData r, List<Keyword> matched, List<Keyword> missing,
            List<Keyword> keywords, Evidence evidence, List<String> suggestions) {
        if (keywords.isEmpty()) {
            suggestions.add("No skills or key phrases were recognised in the job posting; only the resume's"
                    + " structure was scored");
            return;
        }
        for (Keyword k : missing.subList(0, Math.min(MISSING_SUGGESTIONS, missing.size()))) {
            suggestions.add(switch (k.kind()) {
                case EDUCATION -> "Mention " + k.display() + " in your education if it applies to you";
                case CERTIFICATION -> "Add your " + k.display() + " certification or license if you hold it";
                case SOFT -> "Show " + k.display() + " with an example in your experience or summary";
                case SKILL -> "Add " + k.display() + " to your skills if you have used it";
            });
        }
        if (!r.workExperience().isEmpty()) {
            matched.stream()
                    .filter(k -> k.vocabulary() && k.kind() == Lexicon.Kind.SKILL
                            && evidence.skillsList.contains(k.key()) && !evidence.experience.contains(k.key()))
                    .limit(2)
                    .forEach(k -> suggestions.add("Show where you used " + k.display() + " in your work experience"));
        }
        if (!r.skills().isEmpty()) {
            matched.stream()
                    .filter(k -> k.vocabulary() && k.kind() == Lexicon.Kind.SKILL
                            && evidence.experience.contains(k.key()) && !evidence.skillsList.contains(k.key()))
                    .limit(2)
                    .forEach(k -> suggestions.add("Add " + k.display() + " to your skills section"));
        }
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    private static List<String> displays(List<Keyword> keywords) {
        Set<String> seen = new LinkedHashSet<>();
        keywords.forEach(k -> seen.add(k.display()));
        return List.copyOf(seen);
    }

    private static String and(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static List<String> nonNull(List<String> list) {
        if (list == null) {
            return List.of();
        }
        return list.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(nonNull(a));
        out.addAll(nonNull(b));
        return out;
    }
}
