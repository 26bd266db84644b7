package io.atspro.scraping;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.atspro.scraping.BoardException.Kind;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeVisitor;

/** Normalization rules shared by all connectors. */
final class Normalization {

    private Normalization() {
    }

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    static JsonNode parseJson(String body, String what) throws BoardException {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new BoardException(Kind.MALFORMED, what + " returned an empty answer");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new BoardException(Kind.MALFORMED,
                    what + " returned data that is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    static String encodePath(String segment) {
        return URLEncoder.encode(segment.trim(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    // ---------------------------------------------------------------- description

    private static final Pattern REAL_TAG = Pattern.compile("<[a-zA-Z!/][^>]*>");
    private static final Set<String> BREAK_TWO = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "table", "blockquote", "pre", "section", "article", "hr", "dl");
    private static final Set<String> BREAK_ONE = Set.of("div", "li", "tr", "dt", "dd", "header", "footer",
            "figure", "figcaption", "address");

    /**
     * HTML to plain text: unescapes entity-escaped HTML first (Greenhouse), drops script/style, keeps paragraph
     * breaks as blank lines and list items as "- " lines, collapses other whitespace.
     */
    static String htmlToText(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String source = html;
        if (source.contains("&lt;") && !REAL_TAG.matcher(source).find()) {
            source = Parser.unescapeEntities(source, false);
        }
        Document doc = Jsoup.parseBodyFragment(source);
        doc.select("script, style, noscript, template, iframe, object, embed, svg, head, video, audio").remove();
        TextBuilder out = new TextBuilder();
        doc.body().traverse(out);
        String text = out.result();
        return text.isEmpty() ? null : text;
    }

    private static final class TextBuilder implements NodeVisitor {
        private final StringBuilder sb = new StringBuilder();
        private int pendingBreaks;
        private boolean pendingBullet;
        private boolean atLineStart = true;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
                String s = t.getWholeText().replace('\u00a0', ' ').replaceAll("[\\s\\u200b\\ufeff]+", " ");
                if (atLineStart || pendingBreaks > 0) {
                    s = s.stripLeading();
                }
                if (s.isEmpty()) {
                    return;
                }
                if (sb.length() > 0 && pendingBreaks > 0) {
                    trimTrailingSpaces();
                    sb.append("\n".repeat(pendingBreaks));
                    atLineStart = true;
                }
                pendingBreaks = 0;
                if (pendingBullet) {
                    sb.append("- ");
                    pendingBullet = false;
                }
                sb.append(s);
                atLineStart = false;
            } else if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("br")) {
                    pendingBreaks = Math.min(pendingBreaks + 1, 2);
                } else if (BREAK_TWO.contains(tag)) {
                    lineBreak(2);
                } else if (BREAK_ONE.contains(tag)) {
                    lineBreak(1);
                }
                if (tag.equals("li")) {
                    pendingBullet = true;
                }
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (BREAK_TWO.contains(tag)) {
                    lineBreak(2);
                } else if (BREAK_ONE.contains(tag)) {
                    lineBreak(1);
                }
            }
        }

        private void lineBreak(int n) {
            pendingBreaks = Math.max(pendingBreaks, n);
        }

        private void trimTrailingSpaces() {
            int end = sb.length();
            while (end > 0 && sb.charAt(end - 1) == ' ') {
                end--;
            }
            sb.setLength(end);
        }

        String result() {
            return sb.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
        }
    }

    // ---------------------------------------------------------------- location

    record Location(String city, String state, String country) {
        static final Location EMPTY = new Location(null, null, null);

        Location orElse(Location other) {
            return new Location(city != null ? city : other.city, state != null ? state : other.state,
                    country != null ? country : other.country);
        }
    }

    private static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA",
            "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
            "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
            "WA", "WV", "WI", "WY", "DC");
    private static final Pattern REMOTE_WORD = Pattern.compile("(?i)\\b(remote|anywhere|work from home|wfh)\\b");

    /** ISO 3166 alpha-2 for a country name or code, or null if not recognised. */
    static String countryCode(String value) {
        if (value == null) {
            return null;
        }
        return io.atspro.posting.Countries.code(value);
    }

    /** Country as ISO alpha-2 when recognised, else as given. */
    static String country(String value) {
        String v = blankToNull(value);
        String code = countryCode(v);
        return code != null ? code : v;
    }

    /** Splits "City, State, Country", "City, ST", "Remote - US", "Country" etc. */
    static Location parseLocation(String raw) {
        String s = blankToNull(raw);
        if (s == null) {
            return Location.EMPTY;
        }
        if (REMOTE_WORD.matcher(s).find()) {
            String rest = REMOTE_WORD.matcher(s).replaceAll(" ").replaceAll("[()\\[\\]]", " ")
                    .replaceAll("^[\\s,\\-–/|:]+|[\\s,\\-–/|:]+$", "").trim();
            if (rest.isEmpty()) {
                return Location.EMPTY;
            }
            Location inner = parseLocation(rest);
            return inner;
        }
        String[] parts = s.split("\\s*,\\s*");
        if (parts.length >= 3) {
            return new Location(parts[0], parts[parts.length - 2], country(parts[parts.length - 1]));
        }
        if (parts.length == 2) {
            String second = parts[1];
            if (US_STATES.contains(second)) {
                return new Location(parts[0], second, "US");
            }
            String code = countryCode(second);
            if (code != null) {
                return new Location(parts[0], null, code);
            }
            return new Location(parts[0], second, null);
        }
        String code = countryCode(s);
        if (code != null) {
            return new Location(null, null, code);
        }
        return new Location(s, null, null);
    }

    // ---------------------------------------------------------------- categorical fields

    /** remote|hybrid|onsite from any number of board hints (first decisive hint wins). */
    static String workArrangement(String... hints) {
        for (String hint : hints) {
            if (hint == null) {
                continue;
            }
            String h = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (h.contains("hybrid")) {
                return "hybrid";
            }
            if (h.contains("remote") || h.contains("telecommute") || h.contains("workfromhome")) {
                return "remote";
            }
            if (h.contains("onsite") || h.contains("inoffice") || h.contains("onpremise")) {
                return "onsite";
            }
        }
        return null;
    }

    /** full_time|part_time|contract|internship|temporary from "Full-time", "FullTime", "FULL_TIME", "Intern"... */
    static String employmentType(String... hints) {
        for (String hint : hints) {
            if (hint == null) {
                continue;
            }
            String h = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (h.startsWith("intern") || h.contains("internship") || h.equals("trainee")) {
                return "internship";
            }
            if (h.contains("parttime")) {
                return "part_time";
            }
            if (h.contains("contract") || h.contains("freelance") || h.contains("consultant")) {
                return "contract";
            }
            if (h.contains("temporary") || h.startsWith("temp") || h.contains("seasonal") || h.contains("fixedterm")) {
                return "temporary";
            }
            if (h.contains("fulltime") || h.startsWith("fte") || h.equals("permanent") || h.equals("regular")) {
                return "full_time";
            }
        }
        return null;
    }

    /** year|month|week|day|hour from "1 YEAR", "YEAR", "per-year-salary", "annual", "HOUR"... */
    static String salaryInterval(String value) {
        if (value == null) {
            return null;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (v.contains("year") || v.contains("annual")) {
            return "year";
        }
        if (v.contains("month")) {
            return "month";
        }
        if (v.contains("week")) {
            return "week";
        }
        if (v.contains("day") || v.contains("daily")) {
            return "day";
        }
        if (v.contains("hour")) {
            return "hour";
        }
        return null;
    }

    static BigDecimal decimal(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        String s = node.asText().replaceAll("[^0-9.]", "");
        try {
            return s.isEmpty() ? null : new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static final java.time.format.DateTimeFormatter SPACED_UTC =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS][ 'UTC'][ 'Z']", Locale.ROOT);

    /**
     * A board's date as an instant, or null if unparseable: ISO-8601 with offset or Z, ISO-8601 without offset
     * (UTC), "YYYY-MM-DD HH:MM:SS UTC" (Recruitee), RFC 822 / 1123 ("Tue, 5 Nov 2024 10:00:00 +0300", RSS), a
     * bare date (start of day UTC).
     */
    static Instant instant(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return java.time.LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        try {
            return java.time.LocalDateTime.parse(v, SPACED_UTC).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // try the next form
        }
        if (Character.isLetter(v.charAt(0)) || v.matches("\\d{1,2} \\p{L}{3} .*")) {
            try {
                return java.time.ZonedDateTime.parse(v, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        try {
            return LocalDate.parse(v.length() >= 10 ? v.substring(0, 10) : v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A short stable fingerprint of a listing entry's parts, for {@link KnownPostings}: when it is the same on the
     * next run, the posting's details are not read again.
     */
    static String stamp(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            String s = part == null ? "\u0000" : part;
            sb.append(s.length()).append(':').append(s).append('|');
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The host of a board's own site, e.g. {@code https://nvidia.wd5.myworkdayjobs.com}, or the configured base
     * URL when one is set (tests and the dev stack point every board of a platform at one local server).
     */
    static String siteBase(String configuredBase, String defaultBase) {
        String b = configuredBase == null || configuredBase.isBlank() ? defaultBase : configuredBase.strip();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }
}
