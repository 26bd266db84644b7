package io.atspro.skill;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The skill vocabulary and its aliases, and the text normalisation that both the job and the resume go through.
 *
 * <p>Loaded once from {@code matching/skills.txt} and {@code matching/synonyms.txt} on the classpath (see the
 * headers of those files for their format). A term is identified by its key: its canonical spelling normalised
 * (lower case, tokenised, plurals folded); every alias maps to the key of its canonical term.
 *
 * <p>Normalisation of a token: lower case (root locale); a trailing possessive {@code 's} is dropped; British
 * {@code -isation} becomes {@code -ization}; simple English plurals are folded ({@code -ies -> -y},
 * {@code -ches/-shes/-xes/-zes/-sses -> drop es}, else drop a final {@code s}) for purely alphabetic tokens longer
 * than three letters, except words ending in {@code ss, us, sis, xis, ics} and a list of words that only look plural
 * (Kubernetes, pandas, Jenkins, DevOps, sales, ...). Tokens keep the characters {@code + #} and inner
 * {@code . - / & '} so that C++, C#, .NET, Node.js, CI/CD and A/B stay whole; a compound token that the vocabulary
 * does not know (Java/Kotlin, cross-functional) is split into its parts.
 *
 * <p>Ambiguous short names that are also English words (Go, R, Swift, Spring, Excel, ...) are declared
 * case-sensitive with a leading {@code ^}: in running text they count only when capitalised, and at the start of a
 * sentence or bullet only when followed by a list separator ({@code ,} {@code /} "or" "and" or the end), so
 * "Go, Rust or Java" counts and "Go to market" does not; one-letter names (C, R) count only next to a list
 * separator ("C/C++", "Python, R and SQL", not "Series C"). In a skills list and a job title they count in any case.
 *
 * <p>Role names marked {@code @} ("product manager", "data scientist") count in the singular and in titles, but
 * not in the plural in running text: "partner with product managers" names colleagues, not a skill. A term may
 * imply broader terms ({@code MySQL > relational databases, SQL}); {@link #withImplied} expands them on the resume
 * side only.
 */
public final class Lexicon {

    static final String SKILLS_RESOURCE = "/matching/skills.txt";
    static final String SYNONYMS_RESOURCE = "/matching/synonyms.txt";

    private static final Pattern TOKEN =
            Pattern.compile("\\.?[\\p{L}\\p{N}][\\p{L}\\p{N}+#]*(?:[.\\-/&'][\\p{L}\\p{N}+#]+)*");
    private static final Pattern ACRONYM_PLURAL = Pattern.compile("\\p{Lu}{2,}s");
    private static final Pattern SEPARATORS = Pattern.compile("[.\\-/&']");
    private static final Pattern SENTENCE_BREAK = Pattern.compile("[.!?;:•▪●◦*\\n\\r\\t]|(^|\\s)[-–—](\\s|$)");
    private static final Pattern LIST_BREAK = Pattern.compile("[,/;()\\[\\]|]");
    private static final Pattern HEADER = Pattern.compile("^\\[([^\\]]+)]((?:\\s*\\w+\\s*=\\s*[\\w.]+)*)\\s*$");
    private static final Pattern HEADER_OPTION = Pattern.compile("(\\w+)\\s*=\\s*([\\w.]+)");

    /** Words that end in s but are not plurals (or whose singular would collide); never folded. */
    private static final Set<String> NOT_PLURAL = Set.of(
            "kubernetes", "pandas", "jenkins", "rails", "sales", "devops", "mlops", "gitops", "devsecops", "finops",
            "secops", "dataops", "aiops", "macos", "ipados", "watchos", "tvos", "windows", "news", "series", "species",
            "keras", "postgres", "atlas", "always", "canvas", "chaos", "kudos", "logos", "ethos", "vitals", "ads",
            "pros", "ops", "alias", "bias", "corpus", "status", "campus", "focus", "census", "plus", "less", "sass",
            "express", "access", "business", "process", "wellness", "fitness", "success", "prometheus",
            "nautilus", "cypress", "aws", "gcs", "redis", "iris", "tennis", "kinesis", "this", "has", "was", "does",
            "yes", "gas", "bus", "lens", "chassis", "diabetes", "herpes", "measles", "mumps", "scabies");

    private static final Set<String> LIST_WORDS = Set.of("or", "and", "&", "nor", "plus");

    /** A skill term: key (normalised canonical form), display spelling, weight multiplier. */
    public record Term(String key, String display, double weight, Kind kind) {
    }

    /** What a term is, for wording suggestions: a skill, a field of study or degree, a certification, a soft skill. */
    public enum Kind {
        SKILL, EDUCATION, CERTIFICATION, SOFT
    }

    /** One spelling of a term, possibly case-sensitive. */
    private record Variant(String termKey, boolean caseSensitive, boolean role) {
    }

    /** A token of running text. */
    public record Token(String surface, String norm, boolean sentenceStart, boolean listAfter, boolean fragment) {
    }

    /** A vocabulary term found at tokens [start, end). */
    public record Hit(String termKey, int start, int end) {
    }

    private final Map<String, Term> terms = new HashMap<>();
    private final Map<String, Variant> variants = new HashMap<>();
    private final Set<String> compounds = new HashSet<>();
    private final Map<String, Set<String>> implies = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private int maxPhrase = 1;

    private Lexicon() {
    }

    private static final class Holder {
        static final Lexicon STANDARD = parse(resource(SKILLS_RESOURCE), resource(SYNONYMS_RESOURCE));
    }

    /**
     * The skills (terms of kind skill) a text names, by display spelling, the most often named first (ties in order
     * of first mention); at most {@code max}. Running text: ambiguous names count only where {@link #match} says.
     */
    public List<String> skillsIn(String text, int max) {
        if (text == null || text.isBlank() || max <= 0) {
            return List.of();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Hit hit : match(tokenize(text), false)) {
            Term term = terms.get(hit.termKey());
            if (term != null && term.kind() == Kind.SKILL) {
                counts.merge(term.display(), 1, Integer::sum);
            }
        }
        List<String> out = new ArrayList<>(counts.keySet());
        out.sort(java.util.Comparator.comparingInt((String s) -> -counts.get(s)));
        return out.size() > max ? List.copyOf(out.subList(0, max)) : out;
    }

    /** The vocabulary from the classpath, loaded once. */
    public static Lexicon standard() {
        return Holder.STANDARD;
    }

    private static String resource(String name) {
        try (InputStream in = Lexicon.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Builds a lexicon from the text of a skills file and a synonyms file.
     *
     * <p>skills: one term per line; {@code [category] weight=0.5 kind=soft} headers set the weight (default 1) and
     * kind (skill, education, certification, soft; default skill) of the terms below them. synonyms:
     * {@code Canonical = alias, alias}; the canonical spelling is what results show unless skills names the term. In
     * both: a leading {@code ^} marks a case-sensitive spelling, {@code @} a role name that does not count in the
     * plural, {@code > broader, broader} the terms a term implies; {@code #} starts a comment and blank lines are
     * ignored.
     */
    static Lexicon parse(String skillsText, String synonymsText) {
        record Skill(String text, double weight, Kind kind) {
        }
        List<Skill> skills = new ArrayList<>();
        Map<String, List<String>> implications = new LinkedHashMap<>();
        double weight = 1.0;
        Kind kind = Kind.SKILL;
        for (String fullLine : lines(skillsText)) {
            Matcher header = HEADER.matcher(fullLine);
            if (header.matches()) {
                weight = 1.0;
                kind = Kind.SKILL;
                Matcher option = HEADER_OPTION.matcher(header.group(2));
                while (option.find()) {
                    switch (option.group(1).toLowerCase(Locale.ROOT)) {
                        case "weight" -> weight = Double.parseDouble(option.group(2));
                        case "kind" -> kind = Kind.valueOf(option.group(2).toUpperCase(Locale.ROOT));
                        default -> throw new IllegalArgumentException("Unknown skills.txt option: " + fullLine);
                    }
                }
            } else {
                String line = implications(fullLine, implications);
                skills.add(new Skill(line, weight, kind));
            }
        }
        List<List<String>> synonymGroups = new ArrayList<>();
        for (String fullLine : lines(synonymsText)) {
            String line = implications(fullLine, implications);
            int eq = line.indexOf('=');
            List<String> group = new ArrayList<>();
            group.add((eq < 0 ? line : line.substring(0, eq)).trim());
            if (group.get(0).isEmpty()) {
                continue;
            }
            if (eq >= 0) {
                for (String alias : line.substring(eq + 1).split(",")) {
                    if (!alias.isBlank()) {
                        group.add(alias.trim());
                    }
                }
            }
            synonymGroups.add(group);
        }

        Lexicon lexicon = new Lexicon();
        // Every compound spelling in the files stays one token in text.
        skills.forEach(s -> lexicon.collectCompounds(s.text()));
        synonymGroups.forEach(g -> g.forEach(lexicon::collectCompounds));
        implications.values().forEach(list -> list.forEach(lexicon::collectCompounds));

        for (List<String> group : synonymGroups) {
            String canonical = group.get(0);
            String key = lexicon.key(canonical);
            if (key.isEmpty()) {
                continue;
            }
            if (lexicon.variants.containsKey(key) && !lexicon.terms.containsKey(key)) {
                lexicon.warnings.add("synonyms: '" + canonical + "' is already an alias of '"
                        + lexicon.terms.get(lexicon.variants.get(key).termKey()).display() + "'");
                continue; // first declaration wins
            }
            lexicon.terms.putIfAbsent(key, new Term(key, strip(canonical), 1.0, Kind.SKILL));
            for (String spelling : group) {
                lexicon.addVariant(spelling, key);
            }
        }
        for (Skill skill : skills) {
            String key = lexicon.key(skill.text());
            if (key.isEmpty()) {
                continue;
            }
            Variant existing = lexicon.variants.get(key);
            if (existing != null && !existing.termKey().equals(key)) {
                lexicon.warnings.add("skills: '" + skill.text() + "' is an alias of '"
                        + lexicon.terms.get(existing.termKey()).display() + "'");
                continue; // the canonical term carries the weight
            }
            lexicon.terms.put(key, new Term(key, strip(skill.text()), skill.weight(), skill.kind()));
            lexicon.addVariant(skill.text(), key);
        }
        implications.forEach((narrow, broader) -> {
            String from = lexicon.termKeyOf(narrow);
            for (String b : broader) {
                String to = lexicon.termKeyOf(b);
                if (!to.equals(from)) {
                    lexicon.implies.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        });
        return lexicon;
    }

    /** The term a spelling names, created with weight 1 when neither file lists it as a term. */
    private String termKeyOf(String spelling) {
        String key = key(spelling);
        Variant v = variants.get(key);
        if (v != null) {
            return v.termKey();
        }
        warnings.add("implied term '" + spelling + "' is declared in neither file");
        terms.put(key, new Term(key, strip(spelling), 1.0, Kind.SKILL));
        addVariant(spelling, key);
        return key;
    }

    /** The term and every broader term it implies, transitively ("Spring Boot" gives Spring and Java). */
    public Set<String> withImplied(String termKey) {
        Set<String> out = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(termKey));
        while (!todo.isEmpty()) {
            String k = todo.pop();
            if (out.add(k)) {
                todo.addAll(implies.getOrDefault(k, Set.of()));
            }
        }
        return out;
    }

    /** Splits off "{@code > broader, broader}", recording it for the term before; returns the rest of the line. */
    private static String implications(String fullLine, Map<String, List<String>> implications) {
        int gt = fullLine.indexOf('>');
        if (gt < 0) {
            return fullLine;
        }
        String line = fullLine.substring(0, gt).trim();
        List<String> broader = implications.computeIfAbsent(line.split("=")[0].trim(), k -> new ArrayList<>());
        for (String b : fullLine.substring(gt + 1).split(",")) {
            if (!b.isBlank()) {
                broader.add(b.trim());
            }
        }
        return line;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            int hash = raw.indexOf('#');
            // "C#" and "F#" are terms, not comments: a comment starts with # at the line start or after a space
            while (hash > 0 && !Character.isWhitespace(raw.charAt(hash - 1))) {
                hash = raw.indexOf('#', hash + 1);
            }
            String line = (hash >= 0 ? raw.substring(0, hash) : raw).trim();
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }

    private static String strip(String spelling) {
        return spelling.startsWith("^") || spelling.startsWith("@") ? spelling.substring(1).trim() : spelling.trim();
    }

    private void collectCompounds(String spelling) {
        Matcher m = TOKEN.matcher(strip(spelling));
        while (m.find()) {
            String raw = dropPossessive(m.group().toLowerCase(Locale.ROOT));
            if (SEPARATORS.matcher(raw).find()) {
                compounds.add(raw);
            }
        }
    }

    private void addVariant(String spelling, String termKey) {
        boolean caseSensitive = spelling.startsWith("^");
        boolean role = spelling.startsWith("@");
        List<String> norms = tokenize(strip(spelling)).stream().map(Token::norm).toList();
        putVariant(norms, termKey, caseSensitive, role);
        // compound spellings also match split and joined: scikit-learn = scikit learn = scikitlearn
        for (int i = 0; i < norms.size(); i++) {
            String t = norms.get(i);
            if (compounds.contains(t) && !t.startsWith(".")) {
                List<String> parts = new ArrayList<>();
                for (String p : SEPARATORS.split(t)) {
                    if (!p.isEmpty()) {
                        parts.add(stem(p));
                    }
                }
                List<String> split = new ArrayList<>(norms.subList(0, i));
                split.addAll(parts);
                split.addAll(norms.subList(i + 1, norms.size()));
                putVariantIfAbsent(split, termKey, caseSensitive, role);
                List<String> joined = new ArrayList<>(norms);
                joined.set(i, stem(String.join("", parts)));
                putVariantIfAbsent(joined, termKey, caseSensitive, role);
            }
        }
    }

    private void putVariant(List<String> norms, String termKey, boolean caseSensitive, boolean role) {
        if (norms.isEmpty()) {
            return;
        }
        String phrase = String.join(" ", norms);
        Variant existing = variants.get(phrase);
        if (existing == null) {
            variants.put(phrase, new Variant(termKey, caseSensitive, role));
            maxPhrase = Math.max(maxPhrase, norms.size());
        } else if (existing.termKey().equals(termKey) && caseSensitive && !existing.caseSensitive()) {
            variants.put(phrase, new Variant(termKey, true, existing.role()));
        } else if (!existing.termKey().equals(termKey)) {
            warnings.add("spelling '" + phrase + "' of '" + termKey + "' already means '" + existing.termKey() + "'");
        }
    }

    private void putVariantIfAbsent(List<String> norms, String termKey, boolean caseSensitive, boolean role) {
        if (!norms.isEmpty() && !variants.containsKey(String.join(" ", norms))) {
            putVariant(norms, termKey, caseSensitive, role);
        }
    }

    /** The key of a spelling: its normalised tokens joined by single spaces. */
    public String key(String spelling) {
        return String.join(" ", tokenize(strip(spelling)).stream().map(Token::norm).toList());
    }

    /** Conflicts and dangling names found while parsing the files; empty for well-formed files. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public Term term(String key) {
        return terms.get(key);
    }

    public int size() {
        return terms.size();
    }

    /** Splits text into normalised tokens, remembering sentence starts and list separators for ambiguous terms. */
    public List<Token> tokenize(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String s = text.replace('’', '\'').replace('‘', '\'');
        record Raw(String surface, int start, int end) {
        }
        List<Raw> raws = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            raws.add(new Raw(m.group(), m.start(), m.end()));
        }
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < raws.size(); i++) {
            Raw raw = raws.get(i);
            String before = s.substring(i == 0 ? 0 : raws.get(i - 1).end(), raw.start());
            boolean sentenceStart = i == 0 || SENTENCE_BREAK.matcher(before).find();
            boolean listAfter;
            if (i + 1 == raws.size()) {
                listAfter = true;
            } else {
                String after = s.substring(raw.end(), raws.get(i + 1).start());
                listAfter = LIST_BREAK.matcher(after).find() || SENTENCE_BREAK.matcher(after).find()
                        || LIST_WORDS.contains(raws.get(i + 1).surface().toLowerCase(Locale.ROOT));
            }
            String surface = raw.surface();
            String lower = dropPossessive(surface.toLowerCase(Locale.ROOT));
            if (ACRONYM_PLURAL.matcher(surface).matches()) {
                // APIs, KPIs, SDKs: an acronym with a plural s
                out.add(new Token(surface, lower.substring(0, lower.length() - 1), sentenceStart, listAfter, false));
                continue;
            }
            if (lower.length() < surface.length()) {
                surface = surface.substring(0, lower.length());
            }
            if (!SEPARATORS.matcher(lower).find() || compounds.contains(lower)) {
                out.add(new Token(surface, compounds.contains(lower) ? lower : stem(lower), sentenceStart, listAfter,
                        false));
                continue;
            }
            // unknown compound: split into its parts
            Matcher sep = SEPARATORS.matcher(surface);
            int from = 0;
            List<String[]> parts = new ArrayList<>(); // {part, separator after}
            while (sep.find()) {
                parts.add(new String[] {surface.substring(from, sep.start()), sep.group()});
                from = sep.end();
            }
            parts.add(new String[] {surface.substring(from), ""});
            boolean first = true;
            for (int p = 0; p < parts.size(); p++) {
                String part = parts.get(p)[0];
                if (part.isEmpty()) {
                    continue;
                }
                boolean last = p == parts.size() - 1;
                String separator = parts.get(p)[1];
                boolean partListAfter = last ? listAfter : "/".equals(separator) || "&".equals(separator);
                // a part of go-live or Spring-loaded is a word fragment, not a listed name
                boolean fragment = joinsWord(separator) || p > 0 && joinsWord(parts.get(p - 1)[1]);
                out.add(new Token(part, stem(part.toLowerCase(Locale.ROOT)), first ? sentenceStart : false,
                        partListAfter, fragment));
                first = false;
            }
        }
        return out;
    }

    /**
     * Finds vocabulary terms in tokens, longest match first, left to right. In a list item (a skills entry, a job
     * title) case-sensitive terms match in any case.
     */
    public List<Hit> match(List<Token> tokens, boolean listItem) {
        List<Hit> hits = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            for (int len = Math.min(maxPhrase, tokens.size() - i); len >= 1 && matched == 0; len--) {
                StringBuilder phrase = new StringBuilder(tokens.get(i).norm());
                for (int k = i + 1; k < i + len; k++) {
                    phrase.append(' ').append(tokens.get(k).norm());
                }
                Variant v = variants.get(phrase.toString());
                if (v != null && (listItem || !v.caseSensitive() || plausible(tokens, i, i + len))) {
                    // "work with product managers": people to work with, not a skill of the candidate
                    if (!v.role() || listItem || !plural(tokens.get(i + len - 1))) {
                        hits.add(new Hit(v.termKey(), i, i + len));
                    }
                    matched = len;
                }
            }
            i += Math.max(matched, 1);
        }
        return hits;
    }

    /** A case-sensitive spelling counts when capitalised, and at a sentence start only when a list follows. */
    private static boolean plausible(List<Token> tokens, int start, int end) {
        Token first = tokens.get(start);
        if (first.fragment() || !Character.isUpperCase(first.surface().codePointAt(0))) {
            return false;
        }
        boolean listed = tokens.get(end - 1).listAfter() || start > 0 && tokens.get(start - 1).listAfter();
        if (end - start == 1 && first.surface().length() == 1) {
            return listed; // C and R only in a list: "C, C++", "Python, R and SQL", not "Series C"
        }
        return !first.sentenceStart() || tokens.get(end - 1).listAfter();
    }

    private static boolean plural(Token t) {
        String lower = t.surface().toLowerCase(Locale.ROOT);
        return lower.endsWith("s") && !lower.equals(t.norm());
    }

    private static boolean joinsWord(String separator) {
        return "-".equals(separator) || ".".equals(separator) || "'".equals(separator);
    }

    private static String dropPossessive(String lower) {
        if (lower.endsWith("'s") && lower.length() > 2) {
            return lower.substring(0, lower.length() - 2);
        }
        return lower;
    }

    /** Folds simple English plurals of purely alphabetic words; see the class comment. */
    static String stem(String word) {
        String w = word;
        if (w.endsWith("isation") || w.endsWith("isations")) {
            w = w.replace("isation", "ization");
        }
        if (w.length() <= 3 || !w.chars().allMatch(Character::isLetter) || NOT_PLURAL.contains(w)) {
            return w;
        }
        if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("sis") || w.endsWith("xis") || w.endsWith("ics")
                || !w.endsWith("s")) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("sses") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes") || w.endsWith("zes")) {
            return w.substring(0, w.length() - 2);
        }
        return w.substring(0, w.length() - 1);
    }
}
