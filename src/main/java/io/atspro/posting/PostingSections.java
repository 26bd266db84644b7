package io.atspro.posting;

import io.atspro.skill.Lexicon;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a posting's plain-text description into its requirements, nice-to-haves and benefits where the text has
 * such sections (headed "Requirements", "What you bring", "Nice to have", "What we offer", "Dein Profil", "Wir
 * bieten" ...), and reads the skills each names with the skill lexicon: {@code required_skills} from the
 * requirements (from the whole description when it has no requirements section), {@code preferred_skills} from the
 * nice-to-haves. A board that gives these sections as fields of its own (Recruitee's requirements, SmartRecruiters'
 * qualifications, Personio's named descriptions) has them kept as given.
 */
public final class PostingSections {

    /** What a section of a posting is about, by its heading. */
    public enum Kind { REQUIREMENTS, NICE_TO_HAVE, BENEFITS, OTHER }

    /** The most skills kept per list. */
    static final int MAX_SKILLS = 30;

    private static final Pattern REQUIREMENTS = Pattern.compile("\\b(requirements?|qualifications?|what you(?:'ll)? "
            + "(?:will )?(?:bring|need|have)|what we(?:'re| are)? look(?:ing)? for|who you are|about you|your profile"
            + "|your skills|skills(?: and| &)? (?:experience|qualifications)|you (?:have|bring|are|should have)"
            + "|must[- ]haves?|minimum qualifications|basic qualifications|required (?:skills|experience)"
            + "|what (?:do )?you need|you'?ll need|your background|experience(?: required)?|profile"
            + "|you'?ll (?:thrive|succeed|excel)(?: here)? if you|ideal candidate|what it takes"
            + "|what we need(?: to see)?(?: from you)?"
            + "|dein profil|ihr profil|anforderungen|was du mitbringst|was sie mitbringen|qualifikationen"
            + "|was du brauchst|was (?:du|sie) haben solltest|ce qu'il (?:te|vous) faut"
            + "|das bringst du mit|das bringen sie mit|votre profil|profil recherch[ée]|su perfil|requisitos"
            + "|il tuo profilo|requisiti|jouw profiel|wat breng je mee|functie-eisen)\\b");
    private static final Pattern NICE = Pattern.compile("\\b(nice[- ]to[- ]haves?|bonus(?: points)?|preferred "
            + "(?:qualifications|skills|experience)|pluses|it'?s a plus|would be (?:a )?(?:plus|great|nice)"
            + "|good to have|desirable|even better|extra credit|ideally|w[üu]nschenswert|von vorteil"
            + "|(?:ways to )?stand out(?: from the crowd)?"
            + "|pluspunkte|atouts?)\\b");
    private static final Pattern BENEFITS = Pattern.compile("\\b(benefits?|perks?|what we offer|we offer|what'?s in "
            + "it for you|why (?:join|work (?:with|for|at)) us|why us|our offer|compensation(?: and| &) benefits"
            + "|what you(?:'ll)? get|we (?:give|provide) you|rewards?|wir bieten|was wir (?:dir |ihnen )?bieten"
            + "|unser angebot|deine vorteile|ihre vorteile|das bieten wir|benefits f[üu]r dich|nous offrons"
            + "|^(?:why|warum|pourquoi|por qu[ée]|waarom) [\\p{L}\\p{N}.&'-]+(?: [\\p{L}\\p{N}.&'-]+)?$"
            + "|ce que nous offrons|ofrecemos|wat wij bieden|vantaggi)\\b");
    private static final Pattern OTHER = Pattern.compile("\\b(responsibilit(?:y|ies)|what you(?:'ll)? (?:do|be "
            + "doing|work on)|your (?:role|tasks|mission|impact|responsibilities)|the role|about (?:the|this) "
            + "(?:role|job|position|team)|about us|who we are|our (?:company|team|mission|story)|the team|tasks"
            + "|key (?:duties|accountabilities)|duties|job description|overview|summary|how to apply|next steps"
            + "|hiring process|interview process|equal opportunit|diversity|location|deine aufgaben|ihre aufgaben"
            + "|aufgaben|wer wir sind|[üu]ber uns|das erwartet dich|vos missions|tus funciones|le tue "
            + "responsabilit[àa]|jouw taken)\\b");

    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-•*▪●◦‣–—]|\\d{1,2}[.)])\\s+");

    private PostingSections() {
    }

    /** The kind of section a heading opens ("Your profile:" → REQUIREMENTS, "What we offer" → BENEFITS). */
    public static Kind kindOf(String heading) {
        if (heading == null) {
            return Kind.OTHER;
        }
        String h = fold(heading);
        if (h.isEmpty()) {
            return Kind.OTHER;
        }
        // the most specific first: "preferred qualifications" is a nice-to-have, not a requirement
        if (NICE.matcher(h).find()) {
            return Kind.NICE_TO_HAVE;
        }
        if (BENEFITS.matcher(h).find()) {
            return Kind.BENEFITS;
        }
        if (REQUIREMENTS.matcher(h).find()) {
            return Kind.REQUIREMENTS;
        }
        return Kind.OTHER;
    }

    /** The three sections of a description; each null when the text has no such section. */
    public record Split(String requirements, String niceToHave, String benefits) {
        static final Split NONE = new Split(null, null, null);
    }

    /**
     * Splits plain text (paragraphs separated by blank lines, list items as "- " lines, as the connectors write
     * descriptions) at its headings: a short line that is not a list item and either ends with a colon or names a
     * known kind of section, with text after it. A section runs to the next heading of any kind, or, once it has
     * had a list, to the first paragraph after the list (the closing text of a posting is no requirement).
     */
    public static Split split(String description) {
        if (description == null || description.isBlank()) {
            return Split.NONE;
        }
        String[] lines = description.split("\n");
        StringBuilder[] parts = new StringBuilder[Kind.values().length];
        Kind current = null;
        boolean bullets = false;
        boolean blankBefore = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Kind heading = headingKind(line, i + 1 < lines.length);
            if (heading != null) {
                current = heading;
                bullets = false;
                // "Requirements: 5 years of Java" carries content on the heading's own line
                int colon = line.indexOf(':');
                String rest = colon >= 0 ? line.substring(colon + 1).strip() : "";
                if (!rest.isEmpty() && current != Kind.OTHER) {
                    append(parts, current, rest);
                }
            } else if (line.isEmpty()) {
                blankBefore = true;
                continue;
            } else if (current != null && current != Kind.OTHER) {
                boolean bullet = BULLET.matcher(line).find();
                if (bullets && !bullet && blankBefore) {
                    // a paragraph after the section's list is the posting's closing text (privacy notes, EEO)
                    current = Kind.OTHER;
                } else {
                    append(parts, current, line);
                    bullets |= bullet;
                }
            }
            blankBefore = false;
        }
        return new Split(text(parts[Kind.REQUIREMENTS.ordinal()]), text(parts[Kind.NICE_TO_HAVE.ordinal()]),
                text(parts[Kind.BENEFITS.ordinal()]));
    }

    private static void append(StringBuilder[] parts, Kind kind, String line) {
        StringBuilder sb = parts[kind.ordinal()];
        if (sb == null) {
            sb = parts[kind.ordinal()] = new StringBuilder();
        } else {
            sb.append('\n');
        }
        sb.append(line);
    }

    private static String text(StringBuilder sb) {
        return sb == null || sb.toString().isBlank() ? null : sb.toString().strip();
    }

    /** Words a heading may have besides its vocabulary ("What <b>you</b> bring <b>and</b> <b>our</b> offer"). */
    private static final Set<String> FILLER = Set.of("and", "&", "the", "a", "an", "of", "for", "to", "if", "you",
            "your", "our", "we", "us", "in", "with", "this", "what", "who", "und", "dein", "deine", "ihr", "ihre",
            "wir", "du", "dich", "dir", "was", "et", "de", "y", "en", "we'll", "you'll");

    /** The share of a heading's letters its vocabulary and filler words cover: prose scores low. */
    private static double coverage(String folded) {
        boolean[] covered = new boolean[folded.length()];
        for (Pattern p : new Pattern[] {REQUIREMENTS, NICE, BENEFITS, OTHER}) {
            var m = p.matcher(folded);
            while (m.find()) {
                java.util.Arrays.fill(covered, m.start(), m.end(), true);
            }
        }
        int at = 0;
        for (String word : folded.split(" ")) {
            if (FILLER.contains(word)) {
                java.util.Arrays.fill(covered, at, at + word.length(), true);
            }
            at += word.length() + 1;
        }
        int letters = 0;
        int hit = 0;
        for (int i = 0; i < folded.length(); i++) {
            if (folded.charAt(i) != ' ') {
                letters++;
                hit += covered[i] ? 1 : 0;
            }
        }
        return letters == 0 ? 0 : (double) hit / letters;
    }

    /**
     * The kind of section this line heads, or null when it is not a heading: a short line, no list item, not a
     * sentence, mostly heading words, alone on its line before more text or "Heading: content".
     */
    private static Kind headingKind(String line, boolean more) {
        if (line.isEmpty() || BULLET.matcher(line).find()) {
            return null;
        }
        int colon = line.indexOf(':');
        // "Our benefits (there are more, here are some):" is headed by what stands outside the brackets
        String head = (colon >= 0 ? line.substring(0, colon) : line).replaceAll("\\([^)]*\\)", " ");
        boolean contentAfter = colon >= 0 && !line.substring(colon + 1).isBlank();
        if (!more && !contentAfter) {
            return null;
        }
        String folded = fold(head);
        int words = folded.isEmpty() ? 0 : folded.split(" ").length;
        if (words == 0 || words > 8 || head.length() > 70) {
            return null;
        }
        String trimmed = head.strip();
        if (trimmed.endsWith(".") || trimmed.endsWith(",")) {
            return null;
        }
        boolean endsWithColon = colon >= 0 && !contentAfter;
        Kind kind = kindOf(head);
        if (kind != Kind.OTHER || OTHER.matcher(folded).find()) {
            // a line of its own may say more around its keywords than "Heading: content" may
            return coverage(folded) >= (contentAfter ? 0.7 : 0.5) ? kind : null;
        }
        return endsWithColon ? Kind.OTHER : null;
    }

    private static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('’', '\'').replaceAll("[^\\p{L}\\p{N}' &-]+", " ");
        return n.replaceAll("\\s+", " ").strip();
    }

    /**
     * The posting with its sections and skills: requirements and benefits the board gave are kept, missing ones
     * come from the description; required skills from the requirements (the whole description when there are
     * none), preferred skills from the nice-to-haves, minus the required ones. A posting without a structured
     * salary gets the one its text states ({@link SalaryText}; {@code metadata.salarySource = description}).
     */
    public static NormalizedPosting enrich(NormalizedPosting posting, Lexicon lexicon) {
        Split split = split(posting.description());
        String requirements = posting.requirements() != null ? posting.requirements() : split.requirements();
        String benefits = posting.benefits() != null ? posting.benefits() : split.benefits();
        String requiredFrom = requirements != null ? requirements : posting.description();
        Set<String> required = new LinkedHashSet<>(lexicon.skillsIn(requiredFrom, MAX_SKILLS));
        List<String> preferred = new ArrayList<>();
        for (String skill : lexicon.skillsIn(split.niceToHave(), MAX_SKILLS)) {
            if (!required.contains(skill)) {
                preferred.add(skill);
            }
        }
        NormalizedPosting out = posting.withSections(requirements, benefits, List.copyOf(required), preferred);
        if (posting.salaryMin() == null && posting.salaryMax() == null) {
            SalaryText.Salary stated = SalaryText.find(posting.description());
            if (stated != null) {
                out = out.withSalary(stated.min(), stated.max(), stated.currency(), stated.interval())
                        .withMetadata("salarySource", "description");
            }
        }
        return out;
    }
}
