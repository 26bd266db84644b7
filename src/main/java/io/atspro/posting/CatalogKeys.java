package io.atspro.posting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** The derived keys of a catalog posting: company identity, the cross-board duplicate key, the experience level. */
public final class CatalogKeys {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}+#]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /** Decorations boards add to a title that do not change the job. */
    private static final Pattern TITLE_NOISE = Pattern.compile(
            "\\((?:remote|hybrid|on-?site|m/w/d|m/f/d|f/m/d|w/m/d|h/f)[^)]*\\)|\\b(?:remote|hybrid)\\b\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMPANY_SUFFIX = Pattern.compile(
            "(?:,?\\s+(?:inc|llc|ltd|gmbh|corp|corporation|co|plc|s\\.?a|b\\.?v|ag)\\.?)+$", Pattern.CASE_INSENSITIVE);

    private CatalogKeys() {
    }

    /** Lower case, accents and punctuation gone, single spaces: "Acme, Inc." and "ACME inc" are one company. */
    public static String companyKey(String name) {
        return words(COMPANY_SUFFIX.matcher(name.strip()).replaceAll(""));
    }

    public static String titleKey(String title) {
        return words(TITLE_NOISE.matcher(title).replaceAll(" "));
    }

    /**
     * Postings with the same company, normalized title and location are one job listed on several boards.
     * 32 hex characters (MD5: a key, not a secret).
     */
    public static String dedupKey(String companyName, String title, String city, String state, String country,
            String locationRaw) {
        String place = city != null || state != null || country != null
                ? words(nz(city)) + "|" + words(nz(state)) + "|" + words(nz(country))
                : words(nz(locationRaw));
        String key = companyKey(companyName) + "\n" + titleKey(title) + "\n" + place;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    /** internship, entry, mid, senior, lead or executive, read off the title; mid when it says nothing. */
    public static String experienceLevel(String title) {
        String t = " " + words(title) + " ";
        if (has(t, "intern", "internship", "apprentice", "werkstudent", "trainee")) {
            return "internship";
        }
        if (has(t, "chief", "vp", "vice president", "svp", "evp", "head of", "director", "cto", "ceo", "cfo", "coo",
                "general manager", "partner")) {
            return "executive";
        }
        if (has(t, "lead", "principal", "staff", "architect", "distinguished", "engineering manager")) {
            return "lead";
        }
        if (has(t, "senior", "sr", "iii", "iv", "expert")) {
            return "senior";
        }
        if (has(t, "junior", "jr", "entry level", "graduate", "associate", "new grad", "i")) {
            return "entry";
        }
        return "mid";
    }

    private static boolean has(String spacedWords, String... phrases) {
        for (String phrase : phrases) {
            if (spacedWords.contains(" " + phrase + " ")) {
                return true;
            }
        }
        return false;
    }

    private static String words(String s) {
        String plain = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
