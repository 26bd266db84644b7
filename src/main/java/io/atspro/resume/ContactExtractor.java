package io.atspro.resume;

import io.atspro.resume.ResumeData.ContactInfo;
import io.atspro.resume.ResumeData.Link;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Name, email, phone, address and profile links, found by pattern in the resume's top lines. */
final class ContactExtractor {

    /** The look-behind makes a match start only at the start of a word, keeping the search linear in long words. */
    static final Pattern EMAIL = Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /**
     * A run of digits with the separators phones are written with: "+91 98330 00140", "(+82) 10-9030-1843",
     * "00971-501203583", "+36/30/242-30-92", "(555) 123-4567 ext. 12". {@link #isPhone} then checks the digit count.
     */
    static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+/.@-])(?:\\+|\\(\\+?)?\\d[\\d\\s().\\-/]{5,24}\\d\\)?"
                    + "(?:\\s*(?:x|ext\\.?|extension)\\s*\\d{1,5})?(?![\\w/])");
    private static final Pattern EXTENSION = Pattern.compile("(?i)\\s*(?:x|ext\\.?|extension)\\s*\\d{1,5}$");
    private static final Pattern YEARS_ONLY = Pattern.compile("^(?:(?:19|20)\\d{2}[\\s./-]*)+$");
    /** A line that is little more than a phone number: taken even without a label, outside the contact block. */
    private static final int PHONE_LINE_EXTRA_CHARS = 12;
    private static final int MIN_PHONE_DIGITS = 8;
    private static final int MAX_PHONE_DIGITS = 15;
    private static final Pattern DATE_LIKE = Pattern.compile("^(?:19|20)\\d{2}\\s*[-./]\\s*\\d{1,2}(?:\\s*[-./]\\s*\\d{1,2})?$"
            + "|^\\d{1,2}\\s*[-./]\\s*\\d{1,2}\\s*[-./]\\s*(?:19|20)\\d{2}$|^(?:19|20)\\d{2}\\s*-\\s*(?:19|20)\\d{2}$");

    private static final String URL_TAIL = "[^\\s|,;()<>\\[\\]\"']*";
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://" + URL_TAIL + "|www\\." + URL_TAIL
                    + "|(?<![@\\w.-])[a-z0-9][a-z0-9-]*(?:\\.[a-z0-9-]+)*\\.(?:com|dev|io|me|net|org|co|app|tech|site|xyz"
                    + "|page|blog|info|ai|codes|design|online|us|uk|de|fr|ca|eu|nl|es|it|ch|se|in|au|jp|br)\\b(?:/"
                    + URL_TAIL + ")?)");
    private static final Map<String, String> NETWORKS = networks();

    private static final Pattern PHONE_LABEL = Pattern.compile(
            "(?i)\\b(?:phone|tel|telephone|mobile|cell|mob|contact(?: no| number)?|whats ?app|ph)\\b|\\([MRHWO]\\)|\\b[MT]\\s*:");
    private static final Pattern NOT_A_PHONE_LABEL = Pattern.compile("(?i)\\b(?:aadhaa?r|passport|pan(?: card)?|"
            + "national id|id (?:card|no)|identity|ssn|social security|licen[cs]e|account|a/c|iban|fax|pin(?: ?code)?|zip"
            + "|postal|postcode|roll no|reg(?:istration)? no|employee id)\\b");
    private static final Pattern ADDRESS_LABEL = Pattern.compile("(?i)^(?:address|location|based in|city)\\s*[:\\-]\\s*");
    private static final Pattern FIELD_LABEL = Pattern.compile(
            "(?i)^(?:e-?mail|phone|tel|telephone|mobile|cell|linkedin|github|website|web|portfolio|site|url|blog|name)"
                    + "\\s*[:\\-]\\s*");
    private static final Pattern SEGMENT_SEPARATORS = Pattern.compile("\\s*(?:\\||•|·|◦|▪|●|\\s[–—]\\s)\\s*");
    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}'’.-]*|\\p{Lu}\\.");
    private static final Set<String> NAME_PARTICLES = Set.of("van", "von", "de", "del", "della", "der", "den", "da",
            "di", "du", "la", "le", "al", "bin", "ibn", "dos", "das", "do", "y", "e", "ter", "ten", "zu", "af");
    private static final Set<String> NOT_NAMES = Set.of("resume", "résumé", "curriculum", "vitae", "cv", "contact",
            "confidential", "address", "residential", "permanent", "date", "birth", "nationality", "marital",
            "status", "gender", "religion", "email", "e-mail", "mobile", "phone", "details", "information",
            "personal", "profile", "objective", "summary", "page", "languages", "references", "declaration");
    /** "Jr.", "III": after a name, not words of a title. */
    private static final Pattern NAME_SUFFIX = Pattern.compile("(?i),?\\s+(?:jr\\.?|sr\\.?|ii|iii|iv|phd|ph\\.d\\.?|md|m\\.d\\.)$");
    private static final Pattern NAME_SEGMENTS = Pattern.compile("\\s*(?:\\||•|·|◦|▪|●|\\s[–—-]\\s|\\s-(?=\\s*\\p{Lu}))\\s*");
    private static final int NAME_SEARCH_LINES = 8;

    private ContactExtractor() {
    }

    /** Contact details from the lines above the first section (and a contact section), falling back to the whole text. */
    static ContactInfo extract(List<String> contactLines, List<String> allLines) {
        return extract(contactLines, allLines, LayoutHints.NONE);
    }

    static ContactInfo extract(List<String> contactLines, List<String> allLines, LayoutHints layout) {
        String name = nameFromLayout(layout).or(() -> name(contactLines)).orElse(null);
        String email = email(contactLines).or(() -> email(allLines)).orElse(null);
        String phone = phone(contactLines, false).or(() -> phone(allLines, true)).orElse(null);
        List<Link> links = links(contactLines, allLines, layout.hyperlinks());
        String address = address(contactLines, name).orElse(null);
        return new ContactInfo(name, email, phone, address, links);
    }

    /** The line set largest at the top of the page, when it reads as a name. */
    private static Optional<String> nameFromLayout(LayoutHints layout) {
        if (layout.largestTopLine() == null) {
            return Optional.empty();
        }
        String line = layout.largestTopLine().replace('\t', ' ').strip();
        Optional<String> name = name(List.of(line));
        if (name.isEmpty() && line.matches("\\p{Lu}[\\p{L}'’-]{2,}") && !NOT_NAMES.contains(line.toLowerCase(Locale.ROOT))
                && SectionSplitter.heading(line).isEmpty() && Vocabulary.titleScore(line) == 0) {
            // a one-word name set large at the top ("ANDERSON"): the layout says what the words cannot
            return Optional.of(isAllUpperCase(line) ? titleCase(line) : line);
        }
        return name;
    }

    static Optional<String> name(List<String> lines) {
        for (String line : lines.subList(0, Math.min(NAME_SEARCH_LINES, lines.size()))) {
            Text.Labelled labelled = Text.label(line);
            if (labelled != null && !labelled.label().matches("(?:full )?name")) {
                continue; // "Residential Address: Dubai": a field, not the name
            }
            String[] segments = NAME_SEGMENTS.split(line.strip());
            for (int i = 0; i < segments.length && i < 2; i++) {
                String candidate = Text.trimSeparators(FIELD_LABEL.matcher(segments[i].strip()).replaceFirst("").split(",")[0]);
                if (looksLikeName(candidate)) {
                    return Optional.of(isAllUpperCase(candidate) ? titleCase(candidate) : candidate);
                }
                if (!SectionSplitter.heading(candidate).isPresent()) {
                    break; // only a heading before it ("PERSONAL DETAILS – NOOR ISLAM") lets the next part be the name
                }
            }
        }
        return Optional.empty();
    }

    static boolean looksLikeName(String text) {
        String candidate = NAME_SUFFIX.matcher(text).replaceFirst("").replaceAll("(?<=\\p{L})\\.(?=\\p{Lu})", ". ");
        if (candidate.isEmpty() || candidate.matches(".*[\\d@:/#&+=].*") || SectionSplitter.heading(candidate).isPresent()) {
            return false;
        }
        String[] words = candidate.split("\\s+");
        int capitalised = 0;
        for (String word : words) {
            if (NOT_NAMES.contains(word.toLowerCase(Locale.ROOT))) {
                return false;
            }
            if (NAME_WORD.matcher(word).matches()) {
                capitalised++;
            } else if (!NAME_PARTICLES.contains(word)) {
                return false;
            }
        }
        return capitalised >= 2 && capitalised <= 4 && !Vocabulary.hasStrongTitleWord(candidate)
                && Vocabulary.titleScore(candidate) < 1 && Vocabulary.companyScore(candidate) == 0;
    }

    static Optional<String> email(List<String> lines) {
        for (String line : lines) {
            Matcher m = EMAIL.matcher(line);
            if (m.find()) {
                return Optional.of(m.group());
            }
        }
        return Optional.empty();
    }

    /** The first phone number; with {@code labelledOnly}, only on lines that say Phone, Tel, Mobile or Cell. */
    static Optional<String> phone(List<String> lines, boolean labelledOnly) {
        for (String line : lines) {
            if (NOT_A_PHONE_LABEL.matcher(line).find() && !PHONE_LABEL.matcher(line).find()) {
                continue; // "Aadhaar Card No: 6220 3381 6273", "Fax: …", "PIN: …" hold other numbers
            }
            String rest = withoutUrlsAndEmails(line);
            Matcher m = PHONE.matcher(rest);
            while (m.find()) {
                String candidate = trimBrackets(m.group().strip());
                boolean standsAlone = rest.replaceAll("[|\\s:;,-]+", " ").strip().length()
                        <= candidate.length() + PHONE_LINE_EXTRA_CHARS;
                if (isPhone(candidate) && (!labelledOnly || standsAlone || PHONE_LABEL.matcher(line).find())) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** "(555) 123-4567" keeps its brackets; a closing bracket with no opening one is punctuation around it. */
    private static String trimBrackets(String candidate) {
        String result = candidate;
        if (result.endsWith(")") && result.indexOf('(') < 0) {
            result = result.substring(0, result.length() - 1).strip();
        }
        if (result.startsWith("(") && result.indexOf(')') < 0) {
            result = result.substring(1).strip();
        }
        return result;
    }

    static boolean isPhone(String candidate) {
        String number = EXTENSION.matcher(candidate).replaceFirst("");
        long digits = number.chars().filter(Character::isDigit).count();
        boolean dateRange = DateRange.findRange(number).filter(found -> found.from() == 0
                && found.to() >= number.strip().length() - 1).isPresent();
        return digits >= MIN_PHONE_DIGITS && digits <= MAX_PHONE_DIGITS && !DATE_LIKE.matcher(number).matches() && !dateRange
                && !YEARS_ONLY.matcher(number.strip()).matches() && !number.matches(".*\\d\\s{2,}\\d.*");
    }

    /** Every URL in the contact lines, plus LinkedIn and GitHub profiles anywhere; named by their network. */
    static List<Link> links(List<String> contactLines, List<String> allLines) {
        return links(contactLines, allLines, List.of());
    }

    /**
     * Every URL in the contact lines, hyperlink targets that lead to a profile or to a site the contact lines name,
     * and LinkedIn and GitHub profiles anywhere; named by their network.
     */
    static List<Link> links(List<String> contactLines, List<String> allLines, List<String> hyperlinks) {
        Map<String, Link> byKey = new LinkedHashMap<>();
        for (String line : contactLines) {
            addUrls(line, byKey, false);
        }
        String contactText = String.join(" ", contactLines).toLowerCase(Locale.ROOT);
        for (String target : hyperlinks) {
            String network = network(target);
            String host = urlKey(target).split("/")[0];
            if (isProfile(target) && (!network.equals("Website") || contactText.contains(host))) {
                byKey.putIfAbsent(urlKey(target), new Link(network, target));
            }
        }
        for (String line : allLines) {
            addUrls(line, byKey, true);
        }
        return List.copyOf(byKey.values());
    }

    private static void addUrls(String line, Map<String, Link> byKey, boolean knownNetworksOnly) {
        Matcher m = URL.matcher(EMAIL.matcher(line).replaceAll(" "));
        while (m.find()) {
            String url = m.group().replaceAll("[.,;:!?]+$", "");
            String network = network(url);
            if (knownNetworksOnly && (network.equals("Website") || !isProfile(url))) {
                continue; // outside the contact lines only profiles count, not a project's repository
            }
            String withScheme = url.matches("(?i)^https?://.*") ? url : "https://" + url;
            byKey.putIfAbsent(urlKey(withScheme), new Link(network, withScheme));
        }
    }

    /**
     * A person's page rather than something on it: a site's home or one path segment ("github.com/jane",
     * "jane.dev/about"), a LinkedIn "/in/…" profile, a "/user/…" page elsewhere. A repository, a post or a search is
     * not.
     */
    static boolean isProfile(String url) {
        String[] path = urlKey(url).replaceFirst("[?#].*$", "").split("/");
        String network = network(url);
        if (network.equals("LinkedIn")) {
            return path.length == 3 && path[1].matches("in|pub|company");
        }
        if (network.matches("GitHub|GitLab|Bitbucket|Website")) {
            return path.length <= 2;
        }
        return path.length <= 2 || path.length == 3 && path[1].matches("user|users|c|channel|u|profile|people|citations");
    }

    /** A URL without scheme, "www." or trailing slash, lower-cased: two spellings of one link compare equal. */
    static String urlKey(String url) {
        return url.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "")
                .replaceFirst("/+$", "");
    }

    static String network(String url) {
        String host = urlKey(url).split("/")[0];
        for (Map.Entry<String, String> network : NETWORKS.entrySet()) {
            if (host.equals(network.getKey()) || host.endsWith("." + network.getKey())) {
                return network.getValue();
            }
        }
        return "Website";
    }

    static Optional<String> address(List<String> lines, String name) {
        for (String line : lines) {
            Matcher labelled = ADDRESS_LABEL.matcher(line);
            if (labelled.find()) {
                return Optional.of(Text.trimSeparators(line.substring(labelled.end())));
            }
        }
        for (String line : lines) {
            for (String segment : SEGMENT_SEPARATORS.split(withoutContactDetails(line))) {
                String candidate = Text.trimSeparators(FIELD_LABEL.matcher(segment.strip()).replaceFirst(""));
                if (looksLikeAddress(candidate, name)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean looksLikeAddress(String candidate, String name) {
        return candidate.contains(",") && candidate.matches(".*\\p{L}{2,}.*") && Text.wordCount(candidate) <= 10
                && !candidate.equals(name) && !candidate.matches(".*[@:].*") && Vocabulary.titleScore(candidate) < 1
                && !candidate.endsWith(".");
    }

    private static String withoutContactDetails(String line) {
        String rest = withoutUrlsAndEmails(line);
        Matcher m = PHONE.matcher(rest);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, isPhone(m.group().strip()) ? " | " : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String withoutUrlsAndEmails(String line) {
        return URL.matcher(EMAIL.matcher(line).replaceAll(" | ")).replaceAll(" | ");
    }

    private static String firstSegment(String line) {
        String[] segments = SEGMENT_SEPARATORS.split(line.strip());
        return segments.length == 0 ? "" : segments[0].strip();
    }

    private static boolean isAllUpperCase(String text) {
        return text.equals(text.toUpperCase(Locale.ROOT)) && !text.equals(text.toLowerCase(Locale.ROOT));
    }

    /** "JEAN-LUC O'NEIL" becomes "Jean-Luc O'Neil". */
    private static String titleCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean startOfWord = true;
        for (char c : text.toCharArray()) {
            out.append(startOfWord ? Character.toUpperCase(c) : Character.toLowerCase(c));
            startOfWord = !Character.isLetter(c);
        }
        return out.toString();
    }

    private static Map<String, String> networks() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("linkedin.com", "LinkedIn");
        map.put("github.com", "GitHub");
        map.put("gitlab.com", "GitLab");
        map.put("bitbucket.org", "Bitbucket");
        map.put("stackoverflow.com", "Stack Overflow");
        map.put("twitter.com", "Twitter");
        map.put("x.com", "X");
        map.put("medium.com", "Medium");
        map.put("behance.net", "Behance");
        map.put("dribbble.com", "Dribbble");
        map.put("kaggle.com", "Kaggle");
        map.put("orcid.org", "ORCID");
        map.put("youtube.com", "YouTube");
        map.put("quora.com", "Quora");
        map.put("facebook.com", "Facebook");
        map.put("instagram.com", "Instagram");
        map.put("researchgate.net", "ResearchGate");
        map.put("scholar.google.com", "Google Scholar");
        map.put("leetcode.com", "LeetCode");
        map.put("hackerrank.com", "HackerRank");
        map.put("codeforces.com", "Codeforces");
        map.put("codepen.io", "CodePen");
        map.put("dev.to", "DEV");
        map.put("huggingface.co", "Hugging Face");
        map.put("angel.co", "AngelList");
        map.put("wellfound.com", "Wellfound");
        return map;
    }
}
