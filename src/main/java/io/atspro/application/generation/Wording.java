package io.atspro.application.generation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers shared by the generators: cleaning, term matching, dates and sentence building. */
final class Wording {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern LEADING_BULLET = Pattern.compile("^[\\s\\-*•·◦▪●–—>]+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.;:,!]+$");
    private static final Pattern PARTIAL_DATE = Pattern.compile("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*");
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.+?[.!?])(?:\\s|$)");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
            "September", "October", "November", "December"};

    private static final Map<String, String> IRREGULAR = irregularVerbs();
    private static final Set<String> IRREGULAR_PAST = Set.copyOf(IRREGULAR.values());
    /** Verbs resume bullets commonly start with, in their base form. */
    private static final Set<String> REGULAR_VERBS = Set.of("develop", "design", "implement", "manage", "create",
            "improve", "reduce", "increase", "deliver", "launch", "maintain", "migrate", "automate", "optimize",
            "optimise", "coordinate", "support", "analyze", "analyse", "collaborate", "mentor", "establish",
            "streamline", "architect", "deploy", "test", "integrate", "own", "handle", "spearhead", "introduce",
            "define", "refactor", "modernize", "modernise", "serve", "process", "greet", "assist", "perform", "produce",
            "conduct", "research", "present", "track", "ensure", "provide", "help", "work", "prepare", "train",
            "negotiate", "organize", "organise", "monitor", "review", "resolve", "partner", "secure", "coach",
            "achieve", "administer", "advise", "author", "boost", "consolidate", "contribute", "convert", "document",
            "engineer", "evaluate", "execute", "expand", "facilitate", "generate", "guide", "identify", "install",
            "investigate", "lower", "model", "operate", "oversee", "pilot", "redesign", "rebuild", "recruit",
            "schedule", "simplify", "standardize", "standardise", "supervise", "transform", "upgrade", "validate",
            "accelerate", "answer", "calculate", "configure", "craft", "cut", "direct", "enable", "host", "onboard",
            "plan", "program", "publish", "reconcile", "release", "report", "scale", "ship", "sell", "teach", "write",
            "run", "build", "lead", "drive", "grow", "make", "set", "win", "instrument");

    private Wording() {
    }

    /** Trimmed, single-spaced text, or null when blank; brackets become parentheses so nothing looks like a template slot. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = SPACES.matcher(text).replaceAll(" ").strip()
                .replace('[', '(').replace(']', ')').replace('{', '(').replace('}', ')');
        return cleaned.isEmpty() || cleaned.equalsIgnoreCase("null") ? null : cleaned;
    }

    static boolean has(String text) {
        return clean(text) != null;
    }

    static List<String> cleanAll(Collection<String> texts) {
        List<String> out = new ArrayList<>();
        if (texts != null) {
            for (String text : texts) {
                String cleaned = clean(text);
                if (cleaned != null) {
                    out.add(cleaned);
                }
            }
        }
        return out;
    }

    /** A resume bullet without its bullet mark and final full stop. */
    static String clause(String bullet) {
        String text = clean(bullet);
        if (text == null) {
            return null;
        }
        text = LEADING_BULLET.matcher(text).replaceFirst("");
        text = TRAILING_PUNCTUATION.matcher(text).replaceFirst("");
        return text.isEmpty() ? null : text;
    }

    /** The first sentence of a paragraph, without its final full stop. */
    static String firstSentence(String paragraph) {
        String text = clean(paragraph);
        if (text == null) {
            return null;
        }
        Matcher m = FIRST_SENTENCE.matcher(text);
        return clause(m.find() ? m.group(1) : text);
    }

    /** Whether {@code text} mentions {@code term} as a whole word or phrase, ignoring case ("C++", "Node.js" work). */
    static boolean mentions(String text, String term) {
        if (text == null || term == null || term.isBlank()) {
            return false;
        }
        String haystack = text.toLowerCase(Locale.ROOT);
        String needle = SPACES.matcher(term.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
        int from = 0;
        while (true) {
            int at = haystack.indexOf(needle, from);
            if (at < 0) {
                return false;
            }
            int end = at + needle.length();
            boolean startOk = at == 0 || !isWordChar(haystack.charAt(at - 1)) || !isWordChar(needle.charAt(0));
            boolean endOk = end == haystack.length() || !isWordChar(haystack.charAt(end))
                    || !isWordChar(needle.charAt(needle.length() - 1));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }

    /** How many of the terms the text mentions. */
    static int countMentions(String text, Collection<String> terms) {
        int count = 0;
        for (String term : terms) {
            if (mentions(text, term)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** "A", "A and B", "A, B and C". */
    static String joinAnd(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** Case-insensitive de-duplication, keeping the first spelling and the order. */
    static List<String> distinct(Collection<String> items) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String item : items) {
            String cleaned = clean(item);
            if (cleaned != null) {
                seen.putIfAbsent(cleaned.toLowerCase(Locale.ROOT), cleaned);
            }
        }
        return List.copyOf(seen.values());
    }

    static boolean containsIgnoreCase(Collection<String> items, String item) {
        return items.stream().anyMatch(i -> i.equalsIgnoreCase(item));
    }

    /** "2021-03" → "March 2021", "2021" → "2021"; anything else is returned cleaned. */
    static String partialDate(String isoPartial) {
        String text = clean(isoPartial);
        if (text == null) {
            return null;
        }
        Matcher m = PARTIAL_DATE.matcher(text);
        if (!m.matches()) {
            return text;
        }
        if (m.group(2) == null) {
            return m.group(1);
        }
        int month = Integer.parseInt(m.group(2));
        return month >= 1 && month <= 12 ? MONTHS[month - 1] + " " + m.group(1) : m.group(1);
    }

    static String longDate(LocalDate date) {
        return LONG_DATE.format(date);
    }

    /** Lower-cases the first letter unless the first word looks like a name or acronym ("AWS", "PySpark", "iOS"). */
    static String lowerFirst(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher word = WORD.matcher(text);
        if (word.lookingAt()) {
            String first = word.group();
            boolean innerCapital = first.length() > 1 && first.substring(1).chars().anyMatch(Character::isUpperCase);
            if (innerCapital || first.length() == 1 && first.equals("I")) {
                return text;
            }
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    static String upperFirst(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * Turns a resume bullet into a first-person clause: "Built a pipeline" → "I built a pipeline", "Lead a team of 5"
     * → "I led a team of 5", "Responsible for billing" → "I was responsible for billing", "Code reviews" → "my work
     * included code reviews".
     */
    static String firstPerson(String bullet) {
        String text = clause(bullet);
        if (text == null) {
            return null;
        }
        Matcher m = WORD.matcher(text);
        if (!m.lookingAt()) {
            return "my work included " + text;
        }
        String first = m.group();
        String lower = first.toLowerCase(Locale.ROOT);
        String rest = text.substring(m.end());
        if (lower.equals("responsible") || lower.equals("accountable") || lower.equals("involved")) {
            return "I was " + lower + rest;
        }
        if (lower.equals("i")) {
            return text;
        }
        if (IRREGULAR_PAST.contains(lower) || lower.endsWith("ed") && lower.length() > 3 && !lower.equals("need")) {
            return "I " + lower + rest;
        }
        String base = baseForm(lower);
        if (base != null) {
            return "I " + past(base) + rest;
        }
        if (lower.endsWith("ing") && lower.length() > 4) {
            return "I worked on " + lowerFirst(text);
        }
        return "my work included " + lowerFirst(text);
    }

    private static String baseForm(String word) {
        if (IRREGULAR.containsKey(word) || REGULAR_VERBS.contains(word)) {
            return word;
        }
        if (word.endsWith("ies") && REGULAR_VERBS.contains(word.substring(0, word.length() - 3) + "y")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("es") && (REGULAR_VERBS.contains(word.substring(0, word.length() - 2))
                || IRREGULAR.containsKey(word.substring(0, word.length() - 2)))) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && (REGULAR_VERBS.contains(word.substring(0, word.length() - 1))
                || IRREGULAR.containsKey(word.substring(0, word.length() - 1)))) {
            return word.substring(0, word.length() - 1);
        }
        return null;
    }

    private static String past(String base) {
        String irregular = IRREGULAR.get(base);
        if (irregular != null) {
            return irregular;
        }
        if (base.endsWith("e")) {
            return base + "d";
        }
        if (base.endsWith("y") && base.length() > 1 && "aeiou".indexOf(base.charAt(base.length() - 2)) < 0) {
            return base.substring(0, base.length() - 1) + "ied";
        }
        return base + "ed";
    }

    private static Map<String, String> irregularVerbs() {
        Map<String, String> verbs = new LinkedHashMap<>();
        verbs.put("lead", "led");
        verbs.put("build", "built");
        verbs.put("rebuild", "rebuilt");
        verbs.put("run", "ran");
        verbs.put("write", "wrote");
        verbs.put("rewrite", "rewrote");
        verbs.put("drive", "drove");
        verbs.put("grow", "grew");
        verbs.put("make", "made");
        verbs.put("cut", "cut");
        verbs.put("set", "set");
        verbs.put("oversee", "oversaw");
        verbs.put("teach", "taught");
        verbs.put("sell", "sold");
        verbs.put("win", "won");
        verbs.put("bring", "brought");
        verbs.put("take", "took");
        verbs.put("hold", "held");
        verbs.put("keep", "kept");
        verbs.put("find", "found");
        verbs.put("give", "gave");
        verbs.put("begin", "began");
        verbs.put("speak", "spoke");
        verbs.put("plan", "planned");
        verbs.put("ship", "shipped");
        verbs.put("program", "programmed");
        verbs.put("spearhead", "spearheaded");
        verbs.put("co-found", "co-founded");
        return Map.copyOf(verbs);
    }

    /** Rough word count, used as the token figure when no model reports one. */
    static int words(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        return SPACES.split(text.strip()).length;
    }
}
