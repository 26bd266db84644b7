package io.atspro.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads a job posting from a fetched page.
 *
 * <ol>
 *   <li>The schema.org {@code JobPosting} in the page's JSON-LD ({@code <script type="application/ld+json">}),
 *       wherever it sits: top level, in an array, in {@code @graph}, nested in another entity. The JSON is read
 *       leniently (raw newlines and tabs in strings, comments, trailing commas, HTML comment wrappers).</li>
 *   <li>Otherwise the page's readable text: title from {@code og:title}, {@code <h1>} or {@code <title>};
 *       company from {@code og:site_name}; description from {@code <main>}, {@code <article>} or the body without
 *       navigation, header, footer, scripts and styles.</li>
 * </ol>
 * In both cases the description keeps its paragraphs and bullets, and the bullets under headings such as
 * "Responsibilities" or "What you bring" become the responsibilities and qualifications. Placeholder values
 * ("UNAVAILABLE", "N/A", "null", ...) are dropped; every field is cut to the {@link JobDetails} limits.
 *
 * <p>Stateless and thread-safe.
 */
public final class JobPostingExtractor {

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS)
            .build();

    private static final Set<String> PLACEHOLDERS = Set.of("unavailable", "n/a", "na", "n.a.", "null", "undefined",
            "-", "--", "—", "–", "none", "nan", "not available", "not specified", "not applicable", "[]", "{}");
    private static final int MAX_DEPTH = 12;
    private static final Pattern SALARY_IN_TEXT = Pattern.compile(
            "(?:USD|EUR|GBP|CAD|AUD|INR|[$€£₹])\\s?\\d[\\d,.]*\\s?[kK]?\\s*(?:-|–|—|to)\\s*(?:USD|EUR|GBP|CAD|AUD|INR|[$€£₹])?"
                    + "\\s?\\d[\\d,.]*\\s?[kK]?(?:\\s*(?:USD|EUR|GBP|CAD|AUD|INR))?"
                    + "(?:\\s*(?:per|an|a|/)\\s*(?:year|yr|annum|hour|hr|month|week|day))?");
    private static final Pattern AMOUNT = Pattern.compile("(\\d[\\d,]*(?:\\.\\d+)?)\\s*([kKmM])?");

    public JobPostingExtractor() {
    }

    /**
     * The job posting on the page.
     *
     * @param html    the page (HTML, or the JSON-LD document itself)
     * @param pageUrl where the page was found: the link when the posting names none, and the base of relative URLs
     * @throws JobExtractionException when the page has no usable text
     */
    public JobDetails extract(String html, URI pageUrl) {
        if (html == null || html.isBlank()) {
            throw noText();
        }
        String trimmed = html.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            JsonNode json = parseJson(trimmed);
            if (json != null) {
                JsonLd ld = new JsonLd(List.of(json));
                JsonNode posting = ld.posting(pageUrl);
                if (posting == null) {
                    throw new JobExtractionException(JobExtractionException.Reason.NOT_A_JOB_POSTING,
                            "The address returned data, not a job posting page");
                }
                return fromJsonLd(ld, posting, null, pageUrl);
            }
        }
        Document doc = Jsoup.parse(html, pageUrl == null ? "" : pageUrl.toString());
        List<JsonNode> scripts = new ArrayList<>();
        for (Element script : doc.select("script[type]")) {
            if (script.attr("type").strip().toLowerCase(Locale.ROOT).startsWith("application/ld+json")) {
                JsonNode node = parseJson(script.data());
                if (node != null) {
                    scripts.add(node);
                }
            }
        }
        JsonLd ld = new JsonLd(scripts);
        JsonNode posting = ld.posting(pageUrl);
        if (posting != null) {
            return fromJsonLd(ld, posting, doc, pageUrl);
        }
        return fromPage(doc, ld, pageUrl);
    }

    // ---------------------------------------------------------------- JSON-LD

    /** The script's JSON, read leniently, or null when it cannot be read at all. */
    static JsonNode parseJson(String text) {
        if (text == null) {
            return null;
        }
        String json = text.strip();
        json = stripPrefix(json, "<!--");
        json = stripSuffix(json, "-->");
        json = stripPrefix(json, "//<![CDATA[");
        json = stripPrefix(json, "<![CDATA[");
        json = stripSuffix(json, "//]]>");
        json = stripSuffix(json, "]]>");
        json = json.strip();
        while (json.endsWith(";")) {
            json = json.substring(0, json.length() - 1).strip();
        }
        if (json.isEmpty()) {
            return null;
        }
        try {
            return LENIENT.readTree(json);
        } catch (JsonProcessingException e) {
            if (json.contains("&quot;") || json.contains("&#")) {
                try {
                    return LENIENT.readTree(Parser.unescapeEntities(json, false));
                } catch (JsonProcessingException ignored) {
                    return null;
                }
            }
            return null;
        }
    }

    private static String stripPrefix(String s, String prefix) {
        return s.startsWith(prefix) ? s.substring(prefix.length()).strip() : s;
    }

    private static String stripSuffix(String s, String suffix) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()).strip() : s;
    }

    /** The JSON-LD entities of a page, indexed by {@code @id} so references can be followed. */
    private static final class JsonLd {
        private final Map<String, JsonNode> byId = new HashMap<>();
        private final List<JsonNode> postings = new ArrayList<>();
        private final List<JsonNode> organizations = new ArrayList<>();

        JsonLd(List<JsonNode> roots) {
            // breadth first, so that top-level postings come before nested ones
            Deque<JsonNode> queue = new ArrayDeque<>();
            Deque<Integer> depths = new ArrayDeque<>();
            for (JsonNode root : roots) {
                queue.add(root);
                depths.add(0);
            }
            while (!queue.isEmpty()) {
                JsonNode node = queue.poll();
                int depth = depths.poll();
                if (depth > MAX_DEPTH) {
                    continue;
                }
                if (node.isObject()) {
                    JsonNode id = node.get("@id");
                    if (id != null && id.isTextual() && node.size() > 1) {
                        byId.putIfAbsent(id.asText(), node);
                    }
                    if (hasType(node, "JobPosting")) {
                        postings.add(node);
                    } else if (hasType(node, "Organization") || hasType(node, "Corporation")) {
                        organizations.add(node);
                    }
                }
                if (node.isContainerNode()) {
                    for (JsonNode child : node) {
                        if (child.isContainerNode()) {
                            queue.add(child);
                            depths.add(depth + 1);
                        }
                    }
                }
            }
        }

        /** The posting for this page: the one whose url is the page's, else the first with a title or description. */
        JsonNode posting(URI pageUrl) {
            JsonNode first = null;
            for (JsonNode posting : postings) {
                if (clean(text(posting.get("title"))) == null && clean(text(posting.get("description"))) == null) {
                    continue;
                }
                if (first == null) {
                    first = posting;
                }
                String url = text(posting.get("url"));
                if (pageUrl != null && url != null && url.strip().equals(pageUrl.toString())) {
                    return posting;
                }
            }
            return first;
        }

        /** Follows an {@code {"@id": ...}} reference to the entity it names, when the page defines it. */
        JsonNode deref(JsonNode node) {
            if (node != null && node.isObject() && node.size() == 1 && node.has("@id")) {
                JsonNode target = byId.get(node.get("@id").asText());
                return target == null ? node : target;
            }
            return node;
        }

        List<JsonNode> all(JsonNode node) {
            List<JsonNode> out = new ArrayList<>();
            if (node == null || node.isNull() || node.isMissingNode()) {
                return out;
            }
            if (node.isArray()) {
                node.forEach(n -> out.add(deref(n)));
            } else {
                out.add(deref(node));
            }
            return out;
        }
    }

    private static boolean hasType(JsonNode node, String type) {
        JsonNode t = node.get("@type");
        if (t == null) {
            return false;
        }
        if (t.isArray()) {
            for (JsonNode each : t) {
                if (typeIs(each.asText(), type)) {
                    return true;
                }
            }
            return false;
        }
        return typeIs(t.asText(), type);
    }

    /** "JobPosting", "schema:JobPosting" and "https://schema.org/JobPosting" alike. */
    private static boolean typeIs(String value, String type) {
        String v = value == null ? "" : value.strip();
        int cut = Math.max(v.lastIndexOf('/'), Math.max(v.lastIndexOf(':'), v.lastIndexOf('#')));
        return v.substring(cut + 1).equalsIgnoreCase(type);
    }

    private JobDetails fromJsonLd(JsonLd ld, JsonNode posting, Document doc, URI pageUrl) {
        String title = clean(text(posting.get("title")));
        if (title == null) {
            title = clean(text(posting.get("name")));
        }
        String company = null;
        for (JsonNode org : ld.all(posting.get("hiringOrganization"))) {
            company = clean(org.isObject() ? text(org.get("name")) : text(org));
            if (company != null) {
                break;
            }
        }
        if (company == null && doc != null) {
            company = pageCompany(doc, ld);
        }

        List<TextBlocks.Block> blocks = TextBlocks.fromMarkup(text(posting.get("description")));
        if (blocks.isEmpty() && doc != null) {
            blocks = pageBlocks(doc);
        }
        String description = TextBlocks.render(blocks);
        TextBlocks.Sections sections = TextBlocks.sections(blocks);

        List<String> responsibilities = new ArrayList<>(sections.responsibilities());
        responsibilities.addAll(listField(ld, posting.get("responsibilities")));
        List<String> qualifications = new ArrayList<>(sections.qualifications());
        for (String field : List.of("qualifications", "experienceRequirements", "educationRequirements", "skills")) {
            qualifications.addAll(listField(ld, posting.get(field)));
        }

        List<String> logistics = new ArrayList<>();
        for (JsonNode type : ld.all(posting.get("employmentType"))) {
            String t = employmentType(text(type));
            if (t != null) {
                logistics.add(t);
            }
        }
        addIfPresent(logistics, "Hours: ", clean(text(posting.get("workHours"))));
        addIfPresent(logistics, "Start date: ", date(text(posting.get("jobStartDate"))));
        logistics.addAll(sections.logistics());

        List<String> additional = new ArrayList<>();
        addIfPresent(additional, "Posted: ", date(text(posting.get("datePosted"))));
        addIfPresent(additional, "Apply by: ", date(text(posting.get("validThrough"))));
        additional.addAll(sections.benefits());
        additional.addAll(listField(ld, posting.get("jobBenefits")));

        String salary = salary(ld, posting.get("baseSalary"));
        if (salary == null) {
            salary = salary(ld, posting.get("estimatedSalary"));
        }
        if (salary == null) {
            salary = salaryInText(description);
        }

        return details(company, title, description, salary, responsibilities, qualifications, logistics,
                locations(ld, posting), additional, link(text(posting.get("url")), pageUrl));
    }

    /** A text, list or object field (schema.org allows all three) as list items. */
    private static List<String> listField(JsonLd ld, JsonNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode each : ld.all(node)) {
            String value = each.isObject()
                    ? firstText(each, "description", "name", "credentialCategory", "educationalLevel")
                    : text(each);
            if (each.isObject() && value == null && each.has("monthsOfExperience")) {
                value = each.get("monthsOfExperience").asText() + " months of experience";
            }
            if (value == null) {
                continue;
            }
            List<TextBlocks.Block> blocks = TextBlocks.fromMarkup(value);
            boolean hasItems = blocks.stream().anyMatch(b -> b.kind() == TextBlocks.Kind.ITEM);
            for (TextBlocks.Block block : blocks) {
                if (!hasItems || block.kind() == TextBlocks.Kind.ITEM) {
                    String item = clean(block.text());
                    if (item != null) {
                        out.add(item);
                    }
                }
            }
        }
        return out;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = clean(text(node.get(field)));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static List<String> locations(JsonLd ld, JsonNode posting) {
        List<String> out = new ArrayList<>();
        for (JsonNode place : ld.all(posting.get("jobLocation"))) {
            String location = null;
            if (place.isObject()) {
                for (JsonNode address : ld.all(place.get("address"))) {
                    location = address.isObject() ? address(address) : clean(text(address));
                    if (location != null) {
                        break;
                    }
                }
                if (location == null) {
                    location = clean(text(place.get("name")));
                }
            } else {
                location = clean(text(place));
            }
            if (location != null) {
                out.add(location);
            }
        }
        boolean remote = false;
        for (JsonNode type : ld.all(posting.get("jobLocationType"))) {
            remote |= "TELECOMMUTE".equalsIgnoreCase(String.valueOf(text(type)).strip());
        }
        if (remote) {
            List<String> areas = new ArrayList<>();
            for (JsonNode area : ld.all(posting.get("applicantLocationRequirements"))) {
                String name = area.isObject() ? clean(text(area.get("name"))) : clean(text(area));
                if (name != null) {
                    areas.add(name);
                }
            }
            out.add(areas.isEmpty() ? "Remote" : "Remote (" + String.join(", ", areas) + ")");
        }
        return out;
    }

    private static String address(JsonNode address) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("addressLocality", "addressRegion", "addressCountry")) {
            JsonNode value = address.get(field);
            String part = value != null && value.isObject() ? clean(text(value.get("name"))) : clean(text(value));
            if (part != null && !parts.contains(part)) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? clean(text(address.get("name"))) : String.join(", ", parts);
    }

    private static String employmentType(String raw) {
        String value = clean(raw);
        if (value == null) {
            return null;
        }
        String key = value.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (key) {
            case "FULL_TIME", "FULLTIME" -> "Full-time";
            case "PART_TIME", "PARTTIME" -> "Part-time";
            case "CONTRACTOR", "CONTRACT" -> "Contract";
            case "TEMPORARY" -> "Temporary";
            case "INTERN", "INTERNSHIP" -> "Internship";
            case "VOLUNTEER" -> "Volunteer";
            case "PER_DIEM" -> "Per diem";
            case "OTHER" -> null; // says nothing
            default -> value.equals(key) && !value.contains(" ")
                    ? value.charAt(0) + value.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ')
                    : value;
        };
    }

    // ---------------------------------------------------------------- salary

    /** "USD 120,000–150,000 per year" from a MonetaryAmount (or the text it is given as). */
    static String salary(JsonNode amount) {
        return salary(new JsonLd(List.of()), amount);
    }

    private static String salary(JsonLd ld, JsonNode node) {
        for (JsonNode amount : ld.all(node)) {
            String formatted = amount.isObject() ? monetaryAmount(ld, amount) : clean(text(amount));
            if (formatted != null) {
                return formatted;
            }
        }
        return null;
    }

    private static String monetaryAmount(JsonLd ld, JsonNode amount) {
        JsonNode value = ld.deref(amount.get("value"));
        String currency = clean(text(amount.get("currency")));
        String unit = clean(text(amount.get("unitText")));
        Object min = null;
        Object max = null;
        Object single = null;
        if (value != null && value.isObject()) {
            min = number(value.get("minValue"));
            max = number(value.get("maxValue"));
            single = number(value.get("value"));
            unit = firstNonNull(clean(text(value.get("unitText"))), unit);
            currency = firstNonNull(currency, clean(text(value.get("currency"))));
        } else if (value != null) {
            single = number(value);
        } else {
            // MonetaryAmountDistribution, or min/max on the amount itself
            min = number(amount.get("minValue"));
            max = number(amount.get("maxValue"));
            single = number(amount.has("median") ? amount.get("median") : amount.get("percentile50"));
        }
        if (min != null && max != null && min.equals(max)) {
            single = min;
            min = null;
            max = null;
        }
        String prefix = currency == null ? "" : currency + " ";
        String amountText;
        if (min != null && max != null) {
            amountText = prefix + format(min) + "–" + format(max);
        } else if (single != null) {
            amountText = prefix + format(single);
        } else if (min != null) {
            amountText = "From " + prefix + format(min);
        } else if (max != null) {
            amountText = "Up to " + prefix + format(max);
        } else {
            return null;
        }
        String per = per(unit);
        return per == null ? amountText : amountText + " " + per;
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }

    /** A positive amount as a BigDecimal, a non-numeric text as itself, else null (zero means "not given"). */
    private static Object number(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
            return null;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue();
            return value.signum() > 0 ? value : null;
        }
        String text = clean(node.asText());
        if (text == null) {
            return null;
        }
        Matcher m = AMOUNT.matcher(text);
        if (m.find() && text.replaceAll("[\\d,.\\s$€£₹kKmM]", "").length() <= 3) {
            try {
                BigDecimal value = new BigDecimal(m.group(1).replace(",", ""));
                if (m.group(2) != null) {
                    value = value.multiply(BigDecimal.valueOf(m.group(2).equalsIgnoreCase("k") ? 1_000 : 1_000_000));
                }
                return value.signum() > 0 ? value : null;
            } catch (NumberFormatException e) {
                return text;
            }
        }
        return text;
    }

    private static String format(Object amount) {
        if (!(amount instanceof BigDecimal value)) {
            return String.valueOf(amount);
        }
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.US);
        BigDecimal stripped = value.stripTrailingZeros();
        DecimalFormat format = new DecimalFormat(stripped.scale() <= 0 ? "#,##0" : "#,##0.00", symbols);
        return format.format(value);
    }

    private static String per(String unit) {
        if (unit == null) {
            return null;
        }
        String u = unit.toUpperCase(Locale.ROOT).strip();
        return switch (u) {
            case "YEAR", "YEARLY", "ANNUAL", "ANNUALLY", "ANNUM", "PER YEAR" -> "per year";
            case "MONTH", "MONTHLY", "PER MONTH" -> "per month";
            case "WEEK", "WEEKLY", "PER WEEK" -> "per week";
            case "DAY", "DAILY", "PER DAY" -> "per day";
            case "HOUR", "HOURLY", "PER HOUR" -> "per hour";
            default -> "per " + unit.toLowerCase(Locale.ROOT);
        };
    }

    /** A salary range written in the description ("$120,000 - $150,000 a year"), when the data gives none. */
    static String salaryInText(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = SALARY_IN_TEXT.matcher(text);
        return m.find() ? TextBlocks.normalize(m.group()) : null;
    }

    // ---------------------------------------------------------------- the page itself

    private JobDetails fromPage(Document doc, JsonLd ld, URI pageUrl) {
        String company = pageCompany(doc, ld);
        String title = firstNonNull(meta(doc, "og:title"), meta(doc, "twitter:title"));
        if (title == null) {
            Element h1 = doc.selectFirst("h1");
            title = h1 == null ? null : clean(TextBlocks.inlineText(h1, false));
        }
        if (title == null) {
            title = clean(doc.title());
        }
        title = withoutSiteSuffix(title, company);

        List<TextBlocks.Block> blocks = pageBlocks(doc);
        String description = TextBlocks.render(blocks);
        if (description.isBlank()) {
            description = firstNonNull(meta(doc, "og:description"), meta(doc, "description"));
        }
        if (description == null || description.isBlank()) {
            throw noText();
        }
        TextBlocks.Sections sections = TextBlocks.sections(blocks);
        return details(company, title, description, salaryInText(description), sections.responsibilities(),
                sections.qualifications(), sections.logistics(), List.of(), sections.benefits(), link(null, pageUrl));
    }

    /** The readable part of the page: main, article or the body, without navigation, header, footer, forms. */
    private static List<TextBlocks.Block> pageBlocks(Document doc) {
        Element body = doc.body();
        if (body == null) {
            return List.of();
        }
        Element root = null;
        for (String selector : List.of("main", "[role=main]", "article")) {
            Element candidate = doc.selectFirst(selector);
            if (candidate != null && TextBlocks.normalize(candidate.text()).length() >= 200) {
                root = candidate;
                break;
            }
        }
        boolean wholeBody = root == null;
        root = (wholeBody ? body : root).clone();
        root.select("nav, footer, aside, form, dialog, [role=navigation], [role=banner], [role=contentinfo], "
                + "[role=dialog], [role=alertdialog], [aria-modal=true]").remove();
        if (wholeBody) {
            root.select("header").remove();
        }
        return TextBlocks.fromHtml(root);
    }

    private static String pageCompany(Document doc, JsonLd ld) {
        String company = firstNonNull(meta(doc, "og:site_name"), meta(doc, "application-name"));
        if (company == null) {
            for (JsonNode org : ld.organizations) {
                company = clean(text(org.get("name")));
                if (company != null) {
                    break;
                }
            }
        }
        return company;
    }

    private static String meta(Document doc, String name) {
        for (Element meta : doc.select("meta[property], meta[name]")) {
            if (name.equalsIgnoreCase(meta.attr("property")) || name.equalsIgnoreCase(meta.attr("name"))) {
                String value = clean(meta.attr("content"));
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    /** "Senior Engineer | Acme" → "Senior Engineer" when Acme is the site. */
    private static String withoutSiteSuffix(String title, String site) {
        if (title == null || site == null) {
            return title;
        }
        for (String separator : List.of(" | ", " - ", " – ", " — ", " · ")) {
            String suffix = separator + site;
            if (title.length() > suffix.length() && title.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT))) {
                return title.substring(0, title.length() - suffix.length()).strip();
            }
        }
        return title;
    }

    // ---------------------------------------------------------------- values

    /** The text of a JSON value: a string, a number, the first of an array, the name or @value of an object. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.isArray()) {
            for (JsonNode each : node) {
                String text = text(each);
                if (clean(text) != null) {
                    return text;
                }
            }
            return null;
        }
        JsonNode inner = node.has("@value") ? node.get("@value") : node.get("name");
        return inner == null || inner.isContainerNode() ? null : inner.asText();
    }

    /** One line of plain text (markup and entities removed), or null for blanks and placeholders. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        String text = value;
        if (text.indexOf('<') >= 0 || text.indexOf('&') >= 0) {
            text = Jsoup.parseBodyFragment(text).text();
        }
        text = TextBlocks.normalize(text);
        if (text.isEmpty() || PLACEHOLDERS.contains(text.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return text;
    }

    /** An ISO date-time as its date ("2026-10-04"), other dates as written. */
    static String date(String value) {
        String text = clean(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toLocalDate().toString();
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return ZonedDateTime.parse(text).toLocalDate().toString();
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return LocalDateTime.parse(text).toLocalDate().toString();
        } catch (DateTimeParseException ignored) {
            // next format
        }
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException ignored) {
            // as written
        }
        return text.matches("^\\d{4}-\\d{2}-\\d{2}\\b.*") ? text.substring(0, 10) : text;
    }

    private static void addIfPresent(List<String> list, String label, String value) {
        if (value != null) {
            list.add(label + value);
        }
    }

    private static String link(String url, URI pageUrl) {
        String candidate = clean(url);
        if (candidate != null) {
            try {
                URI uri = pageUrl == null ? new URI(candidate) : pageUrl.resolve(new URI(candidate));
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.toString().length() <= JobDetails.Limits.URL) {
                    return uri.toString();
                }
            } catch (Exception ignored) {
                // the page's address instead
            }
        }
        return pageUrl == null || pageUrl.toString().length() > JobDetails.Limits.URL ? null : pageUrl.toString();
    }

    private static JobDetails details(String company, String title, String description, String salary,
                                      List<String> responsibilities, List<String> qualifications,
                                      List<String> logistics, List<String> location, List<String> additionalInfo,
                                      String link) {
        if (title == null && (description == null || description.isBlank())) {
            throw noText();
        }
        return new JobDetails(cut(company, JobDetails.Limits.NAME), cut(title, JobDetails.Limits.NAME),
                cut(description == null || description.isBlank() ? null : description, JobDetails.Limits.DESCRIPTION),
                cut(salary, JobDetails.Limits.SALARY), items(responsibilities), items(qualifications),
                items(logistics), items(location), items(additionalInfo), link);
    }

    private static List<String> items(List<String> list) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Iterator<String> it = list.iterator(); it.hasNext() && out.size() < JobDetails.Limits.LIST; ) {
            String item = clean(it.next());
            if (item != null) {
                out.add(cut(item, JobDetails.Limits.ITEM));
            }
        }
        return List.copyOf(out);
    }

    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static JobExtractionException noText() {
        return new JobExtractionException(JobExtractionException.Reason.NO_TEXT,
                "The page has no readable job description (it may need JavaScript to show it): "
                        + "paste the description instead");
    }
}
