package io.atspro.resume;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as resumes write them ("Mar 2021", "03/2021", "March 2021", "2021-03", "2021") turned into ISO partial
 * dates ("2021-03", "2021", "2021-03-15"). Words meaning "still ongoing" are recognised separately.
 */
final class PartialDate {

    private static final String MONTH_NAME = "\\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?";
    private static final String MONTH_PREFIXES = "janfebmaraprmayjunjulaugsepoctnovdec";
    private static final String YEAR = "(?:19|20)\\d{2}";
    private static final String MONTH_NUMBER = "(?:0?[1-9]|1[0-2])";

    private static final Pattern ISO = Pattern.compile(
            "(" + YEAR + ")(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\\d|3[01]))?)?");
    private static final Pattern NAMED = Pattern.compile(
            "(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?(" + MONTH_NAME + ")(?:\\s*,?\\s*|-)(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?"
                    + "(" + YEAR + "|['’]\\d{2})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEASON = Pattern.compile("(?i)(?:spring|summer|fall|autumn|winter)\\s+(" + YEAR + ")");
    private static final Pattern MONTH_SLASH_YEAR = Pattern.compile("(" + MONTH_NUMBER + ")\\s*[/.]\\s*(" + YEAR + ")");
    private static final Pattern YEAR_SLASH_MONTH = Pattern.compile("(" + YEAR + ")[/.](" + MONTH_NUMBER + ")");

    /** A date in any supported spelling, for use inside larger patterns. Contains no capturing groups. */
    static final String ANY = "(?:"
            + YEAR + "-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01]))?(?!\\d)"
            + "|(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?" + MONTH_NAME + "(?:\\s*,?\\s*|-)(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s+)?(?:"
            + YEAR + "|['’]\\d{2})(?!\\d)"
            + "|(?<![\\d/.])" + MONTH_NUMBER + "\\s*[/.]\\s*" + YEAR + "(?!\\d)"
            + "|" + YEAR + "[/.]" + MONTH_NUMBER + "(?![\\d.])"
            + "|(?i:spring|summer|fall|autumn|winter)\\s+" + YEAR + "(?!\\d)"
            + "|(?<![\\d/])" + YEAR + "(?![\\d/])"
            + ")";

    /** Words that stand for "still ongoing" in place of an end date. */
    static final String PRESENT =
            "(?:present|current(?:ly)?|now|today|ongoing|(?:till|to|until) date|date|still working|continuing)\\b";

    private static final Pattern PRESENT_ONLY = Pattern.compile("\\s*" + PRESENT + "\\s*\\.?\\s*", Pattern.CASE_INSENSITIVE);

    private PartialDate() {
    }

    /** The ISO partial date for {@code raw}, or null when it is not a date this class understands. */
    static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.strip();
        Matcher m = ISO.matcher(text);
        if (m.matches()) {
            return text;
        }
        m = NAMED.matcher(text);
        if (m.matches()) {
            int month = monthOf(m.group(2));
            String day = m.group(1) != null ? m.group(1) : m.group(3);
            return iso(year(m.group(4)), month, day == null ? 0 : Integer.parseInt(day));
        }
        m = SEASON.matcher(text);
        if (m.matches()) {
            return m.group(1); // a season says the year, not the month
        }
        m = MONTH_SLASH_YEAR.matcher(text);
        if (m.matches()) {
            return iso(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)), 0);
        }
        m = YEAR_SLASH_MONTH.matcher(text);
        if (m.matches()) {
            return iso(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 0);
        }
        return null;
    }

    /** True for Present, Current, Now, Today and similar. */
    static boolean isPresent(String raw) {
        return raw != null && PRESENT_ONLY.matcher(raw).matches();
    }

    /** "2021-03" becomes "Mar 2021", "2021" stays; anything unparseable is returned unchanged. */
    static String display(String iso) {
        if (iso == null) {
            return null;
        }
        Matcher m = ISO.matcher(iso);
        if (!m.matches() || m.group(2) == null) {
            return iso;
        }
        String month = Month.of(Integer.parseInt(m.group(2))).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        return month + " " + m.group(1);
    }

    private static int year(String text) {
        if (!Character.isDigit(text.charAt(0))) {
            int twoDigits = Integer.parseInt(text.substring(1));
            return twoDigits < 50 ? 2000 + twoDigits : 1900 + twoDigits;
        }
        return Integer.parseInt(text);
    }

    private static int monthOf(String name) {
        return MONTH_PREFIXES.indexOf(name.toLowerCase(Locale.ROOT).substring(0, 3)) / 3 + 1;
    }

    private static String iso(int year, int month, int day) {
        if (day < 1 || day > 31) {
            return String.format(Locale.ROOT, "%04d-%02d", year, month);
        }
        return String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
    }
}
