package io.atspro.resume;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the job title from the company in a job's header lines: "Position at Company", "Position, Company",
 * "Company — Position", "Company | Position", or one per line in either order. Where the words decide nothing, the
 * order the resume's other entries use decides, and failing that the title is assumed to come first.
 */
final class RoleSplitter {

    record Role(String position, String company) {
    }

    /** Which comes first in a resume's job headers. */
    enum Order { TITLE_FIRST, COMPANY_FIRST }

    private static final Pattern AT = Pattern.compile("\\s+(?:at|@)\\s+");
    /** "Research assistant in The Hebrew University": "in" joins a title to a place of work only before a name. */
    private static final Pattern IN = Pattern.compile("\\s+(?:in|with|for)\\s+(?=(?:the\\s+)?\\p{Lu})");
    private static final Pattern SENTENCE_END = Pattern.compile("[.;](?=\\s+\\p{Lu})");
    private static final Pattern BRACKETED_PLACE = Pattern.compile("\\s*\\(([^()]+)\\)\\s*$");
    private static final Pattern COLUMN_SEPARATOR = Pattern.compile("\\s*\\|\\s*");
    private static final Pattern PLACE_SEPARATOR = Pattern.compile("\\s*,\\s*|\\s+[–—-]\\s+|\\s*—\\s*");
    private static final Pattern STRONG_SEPARATORS = Pattern.compile("\\s*\\|\\s*|\\s+[–—-]\\s+|\\s*—\\s*|\\s+[·•]\\s+");
    private static final Pattern REMOTE = Pattern.compile("(?i)^(?:remote|hybrid|on-?site|(?:fully )?remote \\(.*\\))$");
    /** A title word decides only when the two parts differ by at least this much. */
    private static final double CLEAR_MARGIN = 1.0;

    private RoleSplitter() {
    }

    static boolean hasClearSeparator(String line) {
        return AT.matcher(line).find() || COLUMN_SEPARATOR.matcher(line).find();
    }

    static Role split(List<String> headerLines, Order order) {
        List<String> lines = headerLines.stream().map(Text::trimSeparators).filter(l -> !l.isEmpty()).toList();
        if (lines.size() == 1 && !COLUMN_SEPARATOR.matcher(lines.get(0)).find() && AT.matcher(lines.get(0)).find()) {
            Role joined = joinedRole(withoutTrailingPlace(lines.get(0)));
            if (joined != null) {
                return joined; // "Technician at the Army Intelligence (8200). Full service, Staff Sergeant."
            }
        }
        List<String> parts = parts(headerLines);
        if (parts.size() == 1) {
            Role joined = joinedRole(parts.get(0));
            if (joined != null) {
                return joined;
            }
        }
        if (parts.size() >= 2) {
            Role inFirst = organisationThenRole(parts.get(0));
            if (inFirst != null) {
                return inFirst; // "Pilipino Cultural Celebration, Core Member" above "University of California"
            }
            for (String part : parts) {
                Role joined = joinedRole(part);
                if (joined != null && joined.company() != null && parts.stream()
                        .filter(p -> p != part).allMatch(p -> titleness(p) < 0.5 && Vocabulary.companyScore(p) == 0
                                && Text.wordCount(p) > 3)) {
                    return joined;
                }
            }
        }
        if (parts.isEmpty()) {
            return new Role(null, null);
        }
        if (parts.size() == 1) {
            String only = parts.get(0);
            return titleness(only) > 0 ? new Role(only, null) : new Role(null, only);
        }
        String first = parts.get(0);
        String second = parts.get(1);
        double difference = titleness(first) - titleness(second);
        if (difference >= CLEAR_MARGIN || difference > 0 && order == Order.TITLE_FIRST) {
            return new Role(first, second);
        }
        if (difference <= -CLEAR_MARGIN || difference < 0 && order == Order.COMPANY_FIRST) {
            return new Role(second, first);
        }
        return order == Order.COMPANY_FIRST ? new Role(second, first) : new Role(first, second);
    }

    /** The order most entries that say clearly use; title first when none does. */
    static Order usualOrder(List<List<String>> headers) {
        int titleFirst = 0;
        int companyFirst = 0;
        for (List<String> header : headers) {
            List<String> parts = parts(header);
            if (parts.size() < 2) {
                continue;
            }
            double difference = titleness(parts.get(0)) - titleness(parts.get(1));
            if (difference >= CLEAR_MARGIN) {
                titleFirst++;
            } else if (difference <= -CLEAR_MARGIN) {
                companyFirst++;
            }
        }
        return companyFirst > titleFirst ? Order.COMPANY_FIRST : Order.TITLE_FIRST;
    }

    /** "Student Council, Treasurer": an organisation, a comma, a title, where nothing else says which is which. */
    private static Role organisationThenRole(String part) {
        List<String> pieces = commaParts(part);
        if (pieces.size() != 2) {
            return null;
        }
        String organisation = pieces.get(0);
        String title = pieces.get(1);
        boolean clear = Vocabulary.hasStrongTitleWord(title) && titleness(title) >= CLEAR_MARGIN
                && titleness(title) - titleness(organisation) >= CLEAR_MARGIN && !isLocation(title);
        return clear ? new Role(title, organisation) : null;
    }

    /** "Engineer at Acme", "Assistant in The Hebrew University": both in one phrase. */
    private static Role joinedRole(String part) {
        Matcher at = AT.matcher(part);
        if (at.find()) {
            String position = Text.trimSeparators(part.substring(0, at.start()));
            String company = Text.trimSeparators(stripArticle(firstSentence(part.substring(at.end()))));
            return new Role(Text.blankToNull(position), Text.blankToNull(company));
        }
        Matcher in = IN.matcher(part);
        if (in.find()) {
            String position = Text.trimSeparators(part.substring(0, in.start()));
            String company = Text.trimSeparators(part.substring(in.end()));
            if (Vocabulary.hasStrongTitleWord(position) && titleness(position) >= 1 && titleness(company) <= 0) {
                return new Role(position, company);
            }
        }
        return null;
    }

    /** "Army Intelligence (8200). Full service, Staff Sergeant." ends at its first full stop. */
    private static String firstSentence(String text) {
        Matcher end = SENTENCE_END.matcher(text);
        while (end.find()) {
            String before = text.substring(0, end.start() + 1);
            String lastWord = before.substring(before.lastIndexOf(' ') + 1);
            if (!Vocabulary.isCompanySuffix(lastWord) && lastWord.length() > 3) {
                return before.substring(0, before.length() - 1);
            }
        }
        return text;
    }

    private static String stripArticle(String company) {
        return company.replaceFirst("^the\\s+(?=\\p{Lu}.*\\s)", "");
    }

    /** Positive for titles ("Senior Engineer"), negative for companies ("Acme Corp"). */
    static double titleness(String part) {
        return Vocabulary.titleScore(part) - Vocabulary.companyScore(part);
    }

    static boolean isLocation(String part) {
        if (part.isEmpty() || Vocabulary.titleScore(part) > 0) {
            return false;
        }
        return Places.isPlace(part) || REMOTE.matcher(part).matches();
    }

    /**
     * The header's parts. Lines and column gaps ("|") separate parts first, each part losing a trailing place
     * ("Acme – Los Angeles, CA"); only a header that is one phrase is cut further, at dashes and bullets, then at
     * commas, since inside a line those also join a title to its qualifier ("Director – IT Operations").
     */
    private static List<String> parts(List<String> headerLines) {
        List<String> pieces = new ArrayList<>();
        for (String line : headerLines) {
            for (String piece : COLUMN_SEPARATOR.split(line)) {
                String trimmed = Text.trimSeparators(piece);
                if (!trimmed.isEmpty() && !isLocation(trimmed)) {
                    String kept = withoutTrailingPlace(trimmed);
                    if (!kept.isEmpty()) {
                        pieces.add(kept);
                    }
                }
            }
        }
        if (pieces.size() != 1) {
            return pieces;
        }
        List<String> parts = new ArrayList<>();
        for (String part : STRONG_SEPARATORS.split(pieces.get(0))) {
            String trimmed = Text.trimSeparators(part);
            if (!trimmed.isEmpty()) {
                parts.add(trimmed);
            }
        }
        if (parts.size() == 1) {
            parts = new ArrayList<>(commaParts(parts.get(0)));
        }
        return withoutPlaces(parts);
    }

    /** "Acme School District, Huntington Beach, CA" and "Acme – Los Angeles, CA" lose the place. */
    static String withoutTrailingPlace(String text) {
        String part = withoutLeadingPlace(text);
        Matcher bracketed = BRACKETED_PLACE.matcher(part);
        boolean removed = false;
        if (bracketed.find() && Places.isRegionOrCity(bracketed.group(1))) {
            part = Text.trimSeparators(part.substring(0, bracketed.start()));
            removed = true;
        }
        String glued = Places.withoutGluedPlace(part);
        if (!glued.equals(part)) {
            part = glued;
            removed = true;
        }
        List<String> pieces = new ArrayList<>(List.of(PLACE_SEPARATOR.split(part)));
        while (pieces.size() > 1 && (Places.isRegionOrCity(pieces.get(pieces.size() - 1))
                || isLocation(pieces.get(pieces.size() - 1)))) {
            pieces.remove(pieces.size() - 1);
            removed = true;
        }
        if (!removed) {
            return withoutTrailingTown(part);
        }
        if (pieces.size() > 1 && Places.looksLikeTown(pieces.get(pieces.size() - 1))) {
            pieces.remove(pieces.size() - 1);
        }
        String kept = pieces.get(pieces.size() - 1);
        int end = part.indexOf(kept, part.indexOf(pieces.get(0))) + kept.length();
        return Text.trimSeparators(part.substring(0, end));
    }

    /** Drops "New Orleans", "LA" and "Berlin, Germany"; a state or country drags the town before it along. */
    private static List<String> withoutPlaces(List<String> parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (Places.isRegionOrCity(part) && kept.size() > 1 && Places.looksLikeTown(kept.get(kept.size() - 1))) {
                kept.remove(kept.size() - 1);
                continue;
            }
            if (!isLocation(part)) {
                kept.add(part);
            }
        }
        return kept.isEmpty() ? parts.isEmpty() ? parts : List.of() : kept;
    }

    /** "Globex Corporation, Austin": a town after a name that is clearly a company's goes. */
    private static String withoutTrailingTown(String part) {
        List<String> pieces = commaParts(part);
        if (pieces.size() != 2) {
            return part;
        }
        String town = pieces.get(1);
        boolean acronym = town.equals(town.toUpperCase(Locale.ROOT));
        boolean company = Vocabulary.companyScore(pieces.get(0)) > 0 && titleness(pieces.get(0)) < 0;
        return company && Places.looksLikeTown(town) && !acronym ? pieces.get(0) : part;
    }

    /** "Spokane, WA, Desktop Support Manager" loses "Spokane, WA, ". */
    private static String withoutLeadingPlace(String part) {
        List<String> pieces = commaParts(part);
        if (pieces.size() >= 3 && Places.looksLikeTown(pieces.get(0)) && Places.isRegionOrCity(pieces.get(1))) {
            return String.join(", ", pieces.subList(2, pieces.size()));
        }
        return part;
    }

    /** Splits on commas but keeps "Acme, Inc." whole. */
    private static List<String> commaParts(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : Text.splitOutsideBrackets(text, ",")) {
            if (!parts.isEmpty() && Vocabulary.isCompanySuffix(part)) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + ", " + part);
            } else {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? List.of("") : parts;
    }
}
