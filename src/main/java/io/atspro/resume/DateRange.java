package io.atspro.resume;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A span such as "Jan 2020 – Present", "2019-03 - 2021-06" or "2018 to 2020", with ISO partial dates. */
record DateRange(String start, String end, boolean current) {

    private static final String SEPARATOR =
            "\\s*(?:-|–|—|‒|―|~|,|\\||\\bto\\b|\\band\\b|\\buntil\\b|\\btill\\b|\\bthrough\\b|\\bthru\\b)\\s*";

    private static final Pattern RANGE = Pattern.compile(
            "(" + PartialDate.ANY + ")" + SEPARATOR + "(" + PartialDate.ANY + "|" + PartialDate.PRESENT + ")",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SINCE = Pattern.compile(
            "\\b(?:since|from)\\s+(" + PartialDate.ANY + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPEN_ENDED = Pattern.compile(
            "(" + PartialDate.ANY + ")\\s*(?:-|–|—)\\s*$", Pattern.CASE_INSENSITIVE);
    /** "2009 – Chief Executive Manager": a start date, a dash and words, at the start of a line. */
    private static final Pattern OPEN_START = Pattern.compile(
            "^(" + PartialDate.ANY + ")\\s*(?:-|–|—)[\\s|]+(?=\\p{L})(?!" + PartialDate.ANY + "|" + PartialDate.PRESENT + ")",
            Pattern.CASE_INSENSITIVE);
    /** "2015–17", "2018-19": a full start year and the end year's last two digits (never a month: "2015-03"). */
    private static final Pattern SHORT_END_YEAR = Pattern.compile("(?<![\\d/.-])((?:19|20)(\\d{2}))\\s*([-–—])\\s*(\\d{2})(?![\\d/.-])");
    private static final Pattern SINGLE = Pattern.compile(PartialDate.ANY, Pattern.CASE_INSENSITIVE);

    /** Where a range was found in a line, so the caller can read what is left of the line. */
    record Found(DateRange range, int from, int to) {

        /** The date opens or closes the line (separators aside). */
        boolean atEdgeOf(String line) {
            return Text.trimSeparators(line.substring(0, from)).isEmpty() || Text.trimSeparators(line.substring(to)).isEmpty();
        }

        /**
         * The line without the range and the separators and brackets left dangling around it; what stood before and
         * after the range are separate parts ("Title | Company" from "Title  2019 – 2020 Company").
         */
        String remainder(String line) {
            String before = Text.trimSeparators(line.substring(0, from));
            String after = Text.trimSeparators(line.substring(to));
            return before.isEmpty() || after.isEmpty() ? before + after : before + " | " + after;
        }
    }

    /** The first range in the line: a start and an end (or a word meaning present), or "since X". */
    static Optional<Found> findRange(String line) {
        Matcher m = RANGE.matcher(line);
        if (m.find()) {
            String start = PartialDate.normalise(m.group(1));
            boolean current = PartialDate.isPresent(m.group(2));
            String end = current ? null : PartialDate.normalise(m.group(2));
            return Optional.of(new Found(new DateRange(start, end, current), m.start(), m.end()));
        }
        m = SHORT_END_YEAR.matcher(line);
        while (m.find()) {
            int start = Integer.parseInt(m.group(2));
            int end = Integer.parseInt(m.group(4));
            boolean month = m.group(3).equals("-") && end <= 12;
            if (!month && end >= start) {
                String endYear = m.group(1).substring(0, 2) + m.group(4);
                return Optional.of(new Found(new DateRange(m.group(1), endYear, false), m.start(), m.end()));
            }
        }
        m = SINCE.matcher(line);
        if (!m.find()) {
            m = OPEN_ENDED.matcher(line);
            if (!m.find()) {
                m = OPEN_START.matcher(line);
                if (!m.find()) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Found(new DateRange(PartialDate.normalise(m.group(1)), null, true), m.start(), m.end()));
    }

    /** A range if there is one, else a lone date as the end of a zero-length range (a graduation, say). */
    static Optional<Found> findRangeOrDate(String line) {
        Optional<Found> range = findRange(line);
        if (range.isPresent()) {
            return range;
        }
        Matcher m = SINGLE.matcher(line);
        if (m.find()) {
            String date = PartialDate.normalise(m.group());
            return Optional.of(new Found(new DateRange(null, date, false), m.start(), m.end()));
        }
        return Optional.empty();
    }
}
