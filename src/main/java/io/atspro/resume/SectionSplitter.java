package io.atspro.resume;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cuts a resume's lines into sections by their headings ("EXPERIENCE", "Work Experience:", "## Skills", ...). */
final class SectionSplitter {

    enum Kind { HEADER, CONTACT, SUMMARY, EXPERIENCE, EDUCATION, CERTIFICATIONS, SKILLS, OTHER }

    private static final Map<String, Kind> HEADINGS = headings();
    /** Key words of headings not in the list, in the order they are asked: "Project Experience" is not work. */
    private static final Map<Pattern, Kind> KEY_WORDS = keyWords();
    private static final Pattern DECORATION = Pattern.compile("^[#=_*~:|•\\-–—\\s]+|[#=_*~:|•\\-–—\\s]+$");
    private static final int MAX_HEADING_WORDS = 5;
    private static final Pattern DURATION = Pattern.compile("(?i)[\\d.+]+\\s*(?:years?|yrs?|months?)\\+?(?:\\s.*)?");
    /** "WORK EXPERIENCE in the Field of Bio Medical Engineering": a heading in capitals, then a qualifier. */
    private static final Pattern CAPITALS_THEN_WORDS = Pattern.compile("^(\\p{Lu}{2,}(?:\\s+\\p{Lu}{2,}){0,3})\\s+(\\p{Ll}.*)$");
    /** Under a job these head the job's own lines; they do not end the experience section. */
    private static final Set<String> JOB_SUBHEADINGS = Set.of("achievements", "key achievements", "accomplishments",
            "responsibilities", "key responsibilities", "achievement", "key achievement");
    /** "Qualifications" lists degrees in some resumes and skills in others: the lines under it decide. */
    private static final Set<String> EDUCATION_OR_SKILLS = Set.of("qualification", "qualifications",
            "other qualification", "other qualifications");
    /** Sub-headings a skills section often has; under skills they group skills rather than open a section. */
    private static final Set<String> SKILL_SUBHEADINGS = Set.of("languages", "tools", "technologies", "tech stack",
            "frameworks", "databases", "platforms", "expertise", "proficiencies");

    private SectionSplitter() {
    }

    /**
     * The lines of each section, in document order; lines before the first heading are the HEADER section. A kind
     * met under several headings ("Experience", "Research", "Army") has one block of lines per heading.
     */
    record Sections(Map<Kind, List<List<String>>> blocks) {

        List<String> of(Kind kind) {
            return blocks.getOrDefault(kind, List.of()).stream().flatMap(List::stream).toList();
        }

        List<List<String>> blocksOf(Kind kind) {
            return blocks.getOrDefault(kind, List.of());
        }

        boolean has(Kind kind) {
            return blocks.containsKey(kind);
        }
    }

    static Sections split(List<String> lines) {
        return split(lines, LayoutHints.NONE);
    }

    static Sections split(List<String> lines, LayoutHints layout) {
        Map<Kind, List<List<String>>> blocks = new EnumMap<>(Kind.class);
        List<List<String>> ambiguous = new ArrayList<>();
        Kind current = Kind.HEADER;
        List<String> block = open(blocks, current);
        for (String line : lines) {
            Optional<Kind> heading = Text.isBullet(line) ? Optional.empty() : heading(line, layout);
            if (heading.orElse(null) == Kind.OTHER && current == Kind.HEADER && HEADINGS.get(key(line)) == null) {
                heading = Optional.empty();
            }
            if (heading.isPresent() && current == Kind.SKILLS
                    && (SKILL_SUBHEADINGS.contains(key(line)) || heading.get() == Kind.SKILLS)) {
                continue; // "Technical Skills", "Languages" under a skills heading group its skills
            }
            if (heading.isPresent() && current == Kind.EXPERIENCE && JOB_SUBHEADINGS.contains(key(line))) {
                heading = Optional.empty();
            }
            if (heading.isPresent() && heading.get() == current && looksLikeContent(line, layout)) {
                heading = Optional.empty(); // "Volunteer" under a volunteering heading is a role, not another heading
            }
            if (heading.isPresent()) {
                current = heading.get();
                block = open(blocks, current);
                if (EDUCATION_OR_SKILLS.contains(key(line))) {
                    ambiguous.add(block);
                }
                continue;
            }
            Kind section = current;
            Optional<InlineHeading> inline = inlineHeading(line)
                    .filter(found -> acceptsInlineHeadings(section) || switchesSection(section, found.kind()));
            if (inline.isPresent()) {
                current = inline.get().kind();
                block = open(blocks, current);
                if (!DURATION.matcher(inline.get().content()).matches()) {
                    block.add(inline.get().content()); // "Teaching Experience: 10 years" says how long, not what
                }
                continue;
            }
            block.add(line);
        }
        for (List<String> candidate : ambiguous) {
            boolean schooling = candidate.stream()
                    .anyMatch(l -> DegreeParser.containsDegree(l) || Vocabulary.looksLikeInstitution(l));
            if (!schooling && blocks.get(Kind.EDUCATION).removeIf(b -> b == candidate)) {
                blocks.computeIfAbsent(Kind.SKILLS, k -> new ArrayList<>()).add(candidate);
            }
        }
        blocks.values().forEach(list -> list.removeIf(List::isEmpty));
        blocks.values().removeIf(List::isEmpty);
        return new Sections(blocks);
    }

    /** Set like the text around it: a one-word line in ordinary case, or a line the layout did not style. */
    private static boolean looksLikeContent(String line, LayoutHints layout) {
        String stripped = line.strip();
        boolean capitals = stripped.equals(stripped.toUpperCase(Locale.ROOT));
        if (capitals || layout.isHeadingStyled(stripped)) {
            return false;
        }
        return !layout.headingLines().isEmpty() || Text.wordCount(stripped) == 1;
    }

    private static List<String> open(Map<Kind, List<List<String>>> blocks, Kind kind) {
        List<String> block = new ArrayList<>();
        blocks.computeIfAbsent(kind, k -> new ArrayList<>()).add(block);
        return block;
    }

    /**
     * The section a line announces. A heading from the list below matches whole; a line styled as a heading (set
     * larger, bold capitals, capitals, or ending in a colon) also matches by its key words ("Professional Experience
     * &amp; Internships", "Workplace:"). Style alone does not make a heading: companies and degrees are often set
     * larger too.
     */
    static Optional<Kind> heading(String line, LayoutHints layout) {
        Optional<Kind> exact = heading(line);
        if (exact.isPresent()) {
            return exact;
        }
        Matcher capitalsFirst = CAPITALS_THEN_WORDS.matcher(line.strip());
        if (capitalsFirst.matches() && Text.wordCount(line) <= 10) {
            Optional<Kind> lead = heading(capitalsFirst.group(1));
            if (lead.isPresent()) {
                return lead;
            }
        }
        String key = key(line);
        if (key.isEmpty() || Text.wordCount(key) > MAX_HEADING_WORDS || line.matches(".*\\d.*")) {
            return Optional.empty();
        }
        String stripped = line.strip();
        boolean styled = layout.isHeadingStyled(stripped);
        String letters = stripped.replaceAll("[^\\p{L}]", "");
        boolean capitals = letters.length() >= 4 && letters.equals(letters.toUpperCase(Locale.ROOT));
        boolean colon = stripped.endsWith(":");
        if (!styled && !capitals && !colon || stripped.contains("|") || stripped.contains(",")) {
            return Optional.empty();
        }
        return byKeyWords(key);
    }

    private static Optional<Kind> byKeyWords(String key) {
        for (Map.Entry<Pattern, Kind> entry : KEY_WORDS.entrySet()) {
            if (entry.getKey().matcher(key).find()) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    /** The section a whole line announces, if it is a heading. */
    static Optional<Kind> heading(String line) {
        String key = key(line);
        if (key.isEmpty() || Text.wordCount(key) > MAX_HEADING_WORDS || startsInLowerCase(line)) {
            return Optional.empty();
        }
        Kind kind = HEADINGS.get(key);
        if (kind == null) {
            kind = key.endsWith("s") ? HEADINGS.get(key.substring(0, key.length() - 1)) : HEADINGS.get(key + "s");
        }
        return Optional.ofNullable(kind);
    }

    /** "framework" alone on a line is the end of a wrapped sentence; headings start with a capital. */
    private static boolean startsInLowerCase(String line) {
        return line.codePoints().filter(Character::isLetter).findFirst().stream().anyMatch(Character::isLowerCase);
    }

    private record InlineHeading(Kind kind, String content) {
    }

    /**
     * "Skills: Java, Go" opens the skills section with its first line. Inside experience, education and skills the
     * same shape is content ("Technologies: Kafka" in a job, "Languages: Java" under skills), so it is not asked there.
     */
    private static boolean acceptsInlineHeadings(Kind current) {
        return current != Kind.EXPERIENCE && current != Kind.EDUCATION && current != Kind.SKILLS;
    }

    /** "Teaching Experience: 10 years" under education opens experience; "Skills: Kafka" under a job does not. */
    private static boolean switchesSection(Kind current, Kind labelled) {
        return labelled != current && (labelled == Kind.EXPERIENCE || labelled == Kind.EDUCATION);
    }

    private static Optional<InlineHeading> inlineHeading(String line) {
        Text.Labelled labelled = Text.label(line);
        if (labelled == null || labelled.value().isEmpty()) {
            return Optional.empty();
        }
        Kind kind = HEADINGS.get(key(labelled.label()));
        if (kind == null || kind == Kind.CONTACT) {
            return Optional.empty();
        }
        return Optional.of(new InlineHeading(kind, labelled.value()));
    }

    private static String key(String line) {
        String text = DECORATION.matcher(Text.joinSpacedLetters(line.strip())).replaceAll("");
        return text.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^\\p{L} ]", " ")
                .replaceAll("\\s+", " ").strip();
    }

    private static Map<String, Kind> headings() {
        Map<String, Kind> map = new HashMap<>();
        put(map, Kind.CONTACT, "contact", "contact information", "contact info", "contact details", "links", "profiles",
                "online profiles", "personal information", "personal details", "personal summary", "personal data",
                "personal particulars");
        put(map, Kind.SUMMARY, "summary", "professional summary", "career summary", "executive summary", "profile",
                "professional profile", "personal profile", "about", "about me", "objective", "career objective",
                "overview", "personal statement", "summary of qualifications", "introduction", "bio");
        put(map, Kind.EXPERIENCE, "experience", "work experience", "professional experience", "employment",
                "employment history", "work history", "career history", "relevant experience", "experience history",
                "professional background", "positions held", "professional history", "work", "career",
                "industry experience", "job history", "employment record", "career profile", "workplace", "workplaces",
                "internships", "internship", "research experience", "teaching experience", "military service", "army",
                "professional employment", "experience summary", "work profile", "organisational experience",
                "organizational experience", "employment details", "previous experience", "job experience",
                "relevant work experience", "professional work experience", "work and research experience",
                "research and work experience", "experience and internships", "work experience and internships",
                "volunteer", "volunteering", "volunteer experience", "volunteer work", "research", "teaching",
                "research positions", "academic experience", "professional appointments", "appointments",
                "career summary and experience", "present workplace", "previous employment", "employment experience");
        put(map, Kind.EDUCATION, "education", "academic background", "education and training", "academic history",
                "academic qualifications", "educational background", "education history", "studies", "academics",
                "education and certifications", "training and education", "academic qualification",
                "educational qualifications", "educational qualification", "education details", "academic profile",
                "academic credentials", "educational details", "scholastic record", "academic record",
                "qualification", "qualifications", "other qualification", "other qualifications", "education and qualifications", "educational profile",
                "academic details", "education and training", "degrees");
        put(map, Kind.CERTIFICATIONS, "certifications", "certification", "certificates", "certificate", "licenses",
                "licences", "licenses and certifications", "licences and certifications", "certifications and licenses",
                "certifications and licences", "professional certifications", "credentials", "accreditations",
                "courses and certifications", "certifications and courses", "certifications and training",
                "training and certifications");
        put(map, Kind.SKILLS, "skills", "technical skills", "core competencies", "competencies", "key skills",
                "areas of expertise", "expertise", "technologies", "tech stack", "tools", "skills and tools",
                "tools and technologies", "skills and technologies", "technical proficiencies", "proficiencies",
                "core skills", "skill set", "skillset", "professional skills", "relevant skills", "skills summary",
                "technical expertise", "key competencies", "skills and abilities", "skills and expertise",
                "technical competencies", "skills and qualifications", "frameworks", "databases",
                "platforms", "computer skills", "it skills", "software skills", "technical knowledge",
                "computer knowledge", "software", "it proficiency", "skills and competencies", "skill highlights",
                "skills and expertise", "technical summary", "technical skill set", "skills expertise", "software and tools", "programming skills", "capabilities", "personal skills",
                "soft skills", "interpersonal skills", "hard skills", "transferable skills",
                "key capabilities", "technical capabilities");
        put(map, Kind.OTHER, "projects", "personal projects", "selected projects", "key projects", "languages",
                "interests", "hobbies", "hobbies and interests", "awards", "honors", "honours", "awards and honors",
                "honors and awards", "publications", "references", "activities", "extracurricular activities",
                "extracurricular activity", "extra curricular activities", "societies and organizations",
                "professional organizations", "professional organisations",
                "areas of interest", "area of interest", "achievements", "key impact areas", "strengths",
                "accomplishments", "additional information", "memberships", "affiliations",
                "professional affiliations", "patents", "conferences", "talks", "leadership", "open source",
                "courses", "training", "coursework", "presentations", "presentation", "writing",
                "program committees", "community", "declaration", "personal interests", "key projects");
        return Map.copyOf(map);
    }

    private static Map<Pattern, Kind> keyWords() {
        Map<Pattern, Kind> map = new LinkedHashMap<>();
        map.put(Pattern.compile("\\b(?:projects?|extra ?curricular|activit|leadership|interests?|hobb|awards?|honou?rs?"
                + "|publications?|references?|referees?|societ|memberships?|affiliations?"
                + "|presentations?|talks|writing|committees?|patents?|languages?|personal|declaration|achievements?"
                + "|accomplishments?|strengths?|courses?|coursework|trainings?|seminars?|workshops?|conferences?)"),
                Kind.OTHER);
        map.put(Pattern.compile("\\b(?:experience|employment|work|workplaces?|career history|positions?|jobs?"
                + "|internships?|research|military|army|volunteer\\w*)\\b"), Kind.EXPERIENCE);
        map.put(Pattern.compile("\\b(?:education\\w*|academics?|academic|qualifications?|degrees?|schooling|studies)\\b"),
                Kind.EDUCATION);
        map.put(Pattern.compile("\\b(?:skills?|competenc\\w*|expertise|proficienc\\w*|technolog\\w*|tools|software"
                + "|computer knowledge|it knowledge)\\b"), Kind.SKILLS);
        map.put(Pattern.compile("\\b(?:certifi\\w*|licen[cs]\\w*|accreditations?)\\b"), Kind.CERTIFICATIONS);
        map.put(Pattern.compile("\\b(?:summary|profile|objective|about|overview)\\b"), Kind.SUMMARY);
        map.put(Pattern.compile("\\b(?:contact)\\b"), Kind.CONTACT);
        return map;
    }

    private static void put(Map<String, Kind> map, Kind kind, String... keys) {
        for (String key : keys) {
            map.put(key, kind);
        }
    }
}
