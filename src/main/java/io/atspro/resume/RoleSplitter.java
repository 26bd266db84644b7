package io.atspro.resume;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the job title from the company in a job's header lines: "Position at Company", "Position, Company",
 * "Company — Position", "Company | Position", or one per line in either order. Where the wording decides nothing,
 * the title is assumed to come first.
 */
final class RoleSplitter {

    record Role(String position, String company) {
    }

    private static final Pattern AT = Pattern.compile("\\s+(?:at|@)\\s+");
    private static final Pattern STRONG_SEPARATORS = Pattern.compile("\\s*\\|\\s*|\\s+[–—-]\\s+|\\s*—\\s*|\\s+[·•]\\s+");
    private static final Pattern LOCATION = Pattern.compile(
            "(?i)^(?:remote|hybrid|on-?site|(?:fully )?remote \\(.*\\))$|^\\p{Lu}[\\p{L} .'-]+,\\s*(?:[A-Z]{2}|\\p{Lu}[\\p{L} .'-]+)$");

    private RoleSplitter() {
    }

    static boolean hasSeparator(String line) {
        return AT.matcher(line).find() || STRONG_SEPARATORS.matcher(line).find() || commaParts(line).size() > 1;
    }

    static Role split(List<String> headerLines) {
        for (String line : headerLines) {
            Matcher at = AT.matcher(line);
            if (at.find()) {
                String position = Text.trimSeparators(line.substring(0, at.start()));
                String afterAt = STRONG_SEPARATORS.split(line.substring(at.end()))[0];
                String company = commaParts(afterAt).get(0);
                return new Role(Text.blankToNull(position), Text.blankToNull(Text.trimSeparators(company)));
            }
        }
        List<String> parts = new ArrayList<>();
        for (String line : headerLines) {
            parts.addAll(parts(line));
        }
        parts.removeIf(part -> part.isEmpty() || isLocation(part));
        if (parts.isEmpty()) {
            return new Role(null, null);
        }
        if (parts.size() == 1) {
            String only = parts.get(0);
            return titleness(only) > 0 ? new Role(only, null) : new Role(null, only);
        }
        int positionIndex = 0;
        for (int i = 1; i < parts.size(); i++) {
            if (titleness(parts.get(i)) > titleness(parts.get(positionIndex))) {
                positionIndex = i;
            }
        }
        int companyIndex = -1;
        for (int i = 0; i < parts.size(); i++) {
            if (i != positionIndex && (companyIndex < 0 || titleness(parts.get(i)) < titleness(parts.get(companyIndex)))) {
                companyIndex = i;
            }
        }
        return new Role(parts.get(positionIndex), parts.get(companyIndex));
    }

    /** Positive for titles ("Senior Engineer"), negative for companies ("Acme Corp"). */
    private static double titleness(String part) {
        return Vocabulary.titleScore(part) - Vocabulary.companyScore(part);
    }

    private static boolean isLocation(String part) {
        if (!LOCATION.matcher(part).matches()) {
            return false;
        }
        String afterComma = part.contains(",") ? part.substring(part.indexOf(',') + 1).strip() : "";
        return !Vocabulary.isCompanySuffix(afterComma) && Vocabulary.titleScore(part) == 0;
    }

    private static List<String> parts(String line) {
        List<String> parts = new ArrayList<>();
        for (String part : STRONG_SEPARATORS.split(line)) {
            String trimmed = Text.trimSeparators(part);
            if (!trimmed.isEmpty()) {
                parts.add(trimmed);
            }
        }
        if (parts.size() == 1) {
            return commaParts(parts.get(0));
        }
        return parts;
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
