package io.atspro.scraping;

import static io.atspro.scraping.Normalization.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.atspro.posting.CompanyFacts;
import io.atspro.posting.NormalizedPosting;
import io.atspro.posting.PostingSections;
import io.atspro.scraping.BoardException.Kind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * SmartRecruiters Posting API: the listing {@code GET {base}/v1/companies/{company}/postings?limit=100&offset=N}
 * paged by its {@code totalFound}, each posting's ad one {@code GET {base}/v1/companies/{company}/postings/{id}}.
 * The board is the company identifier from the careers URL ({@code BoschGroup}).
 *
 * <p>Ids come as strings in the listing and as numbers in details ({@code department.id}), so every id is read and
 * compared as text. Salary stays null: the Posting API's payloads carry no structured compensation, and a figure
 * in the ad's prose is not read as one.
 */
public class SmartRecruitersConnector implements BoardConnector, SearchableBoard {

    public static final String DEFAULT_BASE = "https://api.smartrecruiters.com";
    /** The API's largest page. */
    static final int PAGE_SIZE = 100;
    /** The most listing entries one run reads (Bosch, among the largest boards, lists about 4,800). */
    static final int MAX_POSTINGS = 10_000;

    private final String base;
    private final BoardHttpClient http;

    public SmartRecruitersConnector(String baseUrl, BoardHttpClient http) {
        this.base = Normalization.siteBase(baseUrl, DEFAULT_BASE);
        this.http = http;
    }

    @Override
    public String platform() {
        return "smartrecruiters";
    }

    @Override
    public List<NormalizedPosting> fetchAll(String company) throws BoardException {
        return fetchAll(company, KnownPostings.none());
    }

    @Override
    public List<NormalizedPosting> fetchAll(String company, KnownPostings known) throws BoardException {
        return read(companyId(company), null, null, MAX_POSTINGS, known);
    }

    /**
     * The API's {@code q} with the query. The location is matched here on the listing entry's location (city,
     * region, full location, or the country it names), before any detail is read: the API's own city and country
     * parameters want exact values, where a person types "Berlin" or "Germany".
     */
    @Override
    public List<NormalizedPosting> search(String company, String query, String location, int max, KnownPostings known)
            throws BoardException {
        String id = companyId(company);
        if (max <= 0) {
            return List.of();
        }
        return read(id, Normalization.blankToNull(query), Normalization.blankToNull(location), max, known);
    }

    private static String companyId(String company) throws BoardException {
        String id = Normalization.blankToNull(company);
        if (id == null) {
            throw new BoardException(Kind.MALFORMED, "A SmartRecruiters board needs the company identifier from its "
                    + "careers URL, e.g. BoschGroup for https://careers.smartrecruiters.com/BoschGroup");
        }
        return id;
    }

    private List<NormalizedPosting> read(String company, String query, String location, int max, KnownPostings known)
            throws BoardException {
        String what = "SmartRecruiters board '" + company + "'";
        String postings = base + "/v1/companies/" + Normalization.encodePath(company) + "/postings";
        List<NormalizedPosting> out = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        for (int offset = 0; offset < MAX_POSTINGS; offset += PAGE_SIZE) {
            String url = postings + "?limit=" + PAGE_SIZE + "&offset=" + offset
                    + (query == null ? "" : "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            JsonNode page = Normalization.parseJson(http.get(url), what + " (listing at offset " + offset + ")");
            JsonNode content = page.get("content");
            if (content == null || !content.isArray()) {
                throw new BoardException(Kind.MALFORMED, what + " answered its listing without a \"content\" list");
            }
            for (JsonNode entry : content) {
                String id = text(entry, "id");
                if (id == null) {
                    throw new BoardException(Kind.MALFORMED, what + " lists a posting without an id");
                }
                if (!listed.add(id) || (location != null && !locationMatches(location, entry.path("location")))) {
                    continue;
                }
                String stamp = stamp(id, entry);
                if (known.unchanged(id, stamp)) {
                    continue;
                }
                String body = WorkdayConnector.bodyUnlessGone(http, postings + "/" + Normalization.encodePath(id));
                if (body == null) {
                    continue;
                }
                JsonNode detail = Normalization.parseJson(body, what + " posting " + id);
                if (!detail.isObject()) {
                    throw new BoardException(Kind.MALFORMED, what + " posting " + id + " is not a JSON object");
                }
                out.add(map(company, id, stamp, entry, detail));
                if (out.size() >= max) {
                    return out;
                }
            }
            if (content.size() < PAGE_SIZE || offset + PAGE_SIZE >= page.path("totalFound").asInt(Integer.MAX_VALUE)) {
                break;
            }
        }
        return out;
    }

    /** The listing entry's parts that change when the posting is edited or moved; its detail is read again then. */
    private static String stamp(String id, JsonNode entry) {
        JsonNode location = entry.path("location");
        return Normalization.stamp(id, text(entry, "uuid"), text(entry, "jobAdId"), text(entry, "name"),
                text(entry, "releasedDate"), text(entry, "refNumber"), text(location, "fullLocation"),
                text(location, "remote"), text(location, "hybrid"), text(entry.path("typeOfEmployment"), "id"),
                text(entry.path("experienceLevel"), "id"), text(entry.path("language"), "code"));
    }

    private static boolean locationMatches(String wanted, JsonNode location) {
        return WorkdayConnector.locationMatches(wanted, Arrays.asList(text(location, "fullLocation"),
                text(location, "city"), text(location, "region")), Normalization.countryCode(text(location, "country")));
    }

    private NormalizedPosting map(String board, String id, String stamp, JsonNode entry, JsonNode detail) {
        JsonNode location = either(detail, entry, "location");
        String city = text(location, "city");
        String region = text(location, "region");
        String country = Normalization.country(text(location, "country"));
        String locationRaw = text(location, "fullLocation");
        if (locationRaw == null) {
            locationRaw = Normalization.blankToNull(Stream.of(city, region, country).filter(Objects::nonNull)
                    .collect(Collectors.joining(", ")));
        }

        JsonNode company = either(detail, entry, "company");
        String companyId = GreenhouseConnector.firstNonNull(text(company, "identifier"), board);
        String experience = text(either(detail, entry, "experienceLevel"), "id");
        JsonNode employment = either(detail, entry, "typeOfEmployment");
        JsonNode department = either(detail, entry, "department");

        Map<String, String> meta = new HashMap<>();
        meta.put("platform", platform());
        meta.put(KnownPostings.STAMP, stamp);
        meta.put("refNumber", value(either(detail, entry, "refNumber")));
        meta.put("department", text(department, "label"));
        meta.put("departmentId", text(department, "id"));
        meta.put("function", text(either(detail, entry, "function"), "label"));
        meta.put("industry", text(either(detail, entry, "industry"), "label"));
        meta.put("experienceLevel", text(either(detail, entry, "experienceLevel"), "label"));
        meta.put("typeOfEmployment", text(employment, "label"));
        meta.put("language", text(either(detail, entry, "language"), "code"));
        for (JsonNode field : either(detail, entry, "customField")) {
            String label = text(field, "fieldLabel");
            if (label != null) {
                meta.put("customField." + label.replaceAll("\\s+", " "), text(field, "valueLabel"));
            }
        }

        JsonNode sections = detail.path("jobAd").path("sections");
        JsonNode additional = sections.path("additionalInformation");
        String benefits = PostingSections.kindOf(text(additional, "title")) == PostingSections.Kind.BENEFITS
                ? Normalization.htmlToText(text(additional, "text")) : null;

        String sourceUrl = GreenhouseConnector.firstNonNull(text(detail, "postingUrl"),
                "https://jobs.smartrecruiters.com/" + Normalization.encodePath(companyId) + "/"
                        + Normalization.encodePath(id));
        String title = value(either(detail, entry, "name"));
        return new NormalizedPosting(id, title == null ? id : title.replaceAll("\\s+", " "),
                GreenhouseConnector.firstNonNull(text(company, "name"), board), locationRaw, city, region, country,
                arrangement(location),
                // an internship is one whatever its hours ("Full-time" Pflichtpraktikum)
                Normalization.employmentType("internship".equals(experience) ? experience : null,
                        text(employment, "label"), text(employment, "id")),
                null, null, null, null,
                description(sections),
                Normalization.instant(value(either(detail, entry, "releasedDate"))),
                GreenhouseConnector.firstNonNull(text(detail, "applyUrl"), sourceUrl), sourceUrl, meta)
                .withSections(Normalization.htmlToText(text(sections.path("qualifications"), "text")), benefits,
                        List.of(), List.of())
                .withCompany(new CompanyFacts(null, null,
                        "https://careers.smartrecruiters.com/" + Normalization.encodePath(companyId), null, null));
    }

    /** The detail's field, else the listing entry's (the detail of a Bosch posting has no department). */
    private static JsonNode either(JsonNode detail, JsonNode entry, String field) {
        JsonNode v = detail.get(field);
        return v != null && !v.isNull() ? v : entry.path(field);
    }

    private static String value(JsonNode node) {
        return node.isValueNode() ? Normalization.blankToNull(node.asText()) : null;
    }

    /** The flags say which of on-site, hybrid and remote the posting is; both false is on-site. */
    private static String arrangement(JsonNode location) {
        JsonNode remote = location.get("remote");
        JsonNode hybrid = location.get("hybrid");
        if (remote != null && remote.asBoolean(false)) {
            return "remote";
        }
        if (hybrid != null && hybrid.asBoolean(false)) {
            return "hybrid";
        }
        return remote != null && remote.isBoolean() ? "onsite" : null;
    }

    /**
     * The ad's sections in the payload's order, each under its title, as plain text. Each section is converted on its
     * own, so that one cut off mid-tag cannot swallow the next; sections without text (videos) are left out.
     */
    private static String description(JsonNode sections) {
        List<String> parts = new ArrayList<>();
        for (Iterator<JsonNode> it = sections.elements(); it.hasNext(); ) {
            JsonNode section = it.next();
            String body = Normalization.htmlToText(text(section, "text"));
            if (body == null) {
                continue;
            }
            String title = text(section, "title");
            parts.add(title == null ? body : title + "\n\n" + body);
        }
        return parts.isEmpty() ? null : String.join("\n\n", parts);
    }
}
