package io.atspro.resume;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Cuts a resume's lines into sections by their headings ("EXPERIENCE", "Work Experience:", "## Skills", ...). */
final class SectionSplitter {

    enum Kind { HEADER, CONTACT, SUMMARY, EXPERIENCE, EDUCATION, CERTIFICATIONS, SKILLS, OTHER }

    private static final Map<String, Kind> HEADINGS = headings();
    private static final Pattern DECORATION = Pattern.compile("^[#=_*~:|•\\-–—\\s]+|[#=_*~:|•\\-–—\\s]+$");
    private static final int MAX_HEADING_WORDS = 5;
    /** Sub-headings a skills section often has; under skills they group skills rather than open a section. */
    private static final Set<String> SKILL_SUBHEADINGS = Set.of("languages", "tools", "technologies", "tech stack",
            "frameworks", "databases", "platforms", "expertise", "proficiencies");

    private SectionSplitter() {
    }

    /** The lines of each section, in document order; lines before the first heading are the HEADER section. */
    record Sections(Map<Kind, List<String>> bodies) {

        List<String> of(Kind kind) {
            return bodies.getOrDefault(kind, List.of());
        }

        boolean has(Kind kind) {
            return bodies.containsKey(kind);
        }
    }

    static Sections split(List<String> lines) {
        return split(lines, LayoutHints.NONE);
    }

    static Sections split(List<String> lines, LayoutHints layout) {
        Map<Kind, List<String>> bodies = new EnumMap<>(Kind.class);
        Kind current = Kind.HEADER;
        for (String line : lines) {
            Optional<Kind> heading = Text.isBullet(line) ? Optional.empty() : heading(line);
            if (heading.isPresent() && current == Kind.SKILLS && SKILL_SUBHEADINGS.contains(key(line))) {
                continue;
            }
            if (heading.isPresent()) {
                current = heading.get();
                bodies.computeIfAbsent(current, k -> new ArrayList<>());
                continue;
            }
            Optional<InlineHeading> inline = acceptsInlineHeadings(current) ? inlineHeading(line) : Optional.empty();
            if (inline.isPresent()) {
                current = inline.get().kind();
                bodies.computeIfAbsent(current, k -> new ArrayList<>()).add(inline.get().content());
                continue;
            }
            bodies.computeIfAbsent(current, k -> new ArrayList<>()).add(line);
        }
        return new Sections(bodies);
    }

    /** The section a whole line announces, if it is a heading. */
    static Optional<Kind> heading(String line) {
        String key = key(line);
        if (key.isEmpty() || Text.wordCount(key) > MAX_HEADING_WORDS) {
            return Optional.empty();
        }
        return Optional.ofNullable(HEADINGS.get(key));
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
                "online profiles", "personal information", "personal details");
        put(map, Kind.SUMMARY, "summary", "professional summary", "career summary", "executive summary", "profile",
                "professional profile", "personal profile", "about", "about me", "objective", "career objective",
                "overview", "personal statement", "summary of qualifications", "introduction", "bio");
        put(map, Kind.EXPERIENCE, "experience", "work experience", "professional experience", "employment",
                "employment history", "work history", "career history", "relevant experience", "experience history",
                "professional background", "positions held", "professional history", "work", "career",
                "industry experience", "job history");
        put(map, Kind.EDUCATION, "education", "academic background", "education and training", "academic history",
                "academic qualifications", "educational background", "education history", "studies", "academics",
                "education and certifications", "training and education");
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
                "technical competencies", "qualifications", "skills and qualifications", "frameworks", "databases",
                "platforms");
        put(map, Kind.OTHER, "projects", "personal projects", "selected projects", "key projects", "languages",
                "interests", "hobbies", "hobbies and interests", "awards", "honors", "honours", "awards and honors",
                "honors and awards", "publications", "volunteer", "volunteering", "volunteer experience",
                "volunteer work", "references", "activities", "extracurricular activities", "achievements",
                "accomplishments", "additional information", "memberships", "affiliations",
                "professional affiliations", "patents", "conferences", "talks", "leadership", "open source",
                "research", "teaching", "courses", "training");
        return Map.copyOf(map);
    }

    private static void put(Map<String, Kind> map, Kind kind, String... keys) {
        for (String key : keys) {
            map.put(key, kind);
        }
    }
}
