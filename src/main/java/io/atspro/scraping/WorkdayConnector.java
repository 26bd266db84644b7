package io.atspro.scraping;

import static io.atspro.scraping.Normalization.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.posting.CompanyFacts;
import io.atspro.posting.NormalizedPosting;
import io.atspro.scraping.BoardException.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workday career sites through the JSON API their own pages use ("CXS"): the listing is
 * {@code POST {site}/wday/cxs/{tenant}/{site}/jobs} paged by offset, each posting's details one
 * {@code GET {site}/wday/cxs/{tenant}/{site}{externalPath}}. The board token is {@code {tenant}.{wdN}/{site}},
 * e.g. {@code nvidia.wd5/NVIDIAExternalCareerSite}, read from {@code https://nvidia.wd5.myworkdayjobs.com}.
 *
 * <p>The listing carries little (title, path, "2 Locations", "Posted Today"), so every posting needs its detail
 * request; {@link KnownPostings} lets a run skip those of postings whose listing entry has not changed.
 */
public class WorkdayConnector implements BoardConnector, SearchableBoard {

    /** Workday answers at most 20 postings per listing request. */
    static final int PAGE_SIZE = 20;
    /** The most listing entries one run reads; Workday's totals top out there (NVIDIA's says exactly 2000). */
    static final int MAX_POSTINGS = 2000;

    private static final Pattern TOKEN = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_-]*)\\.(wd\\d{1,3})/([A-Za-z0-9][A-Za-z0-9_-]*)");
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,;=:@%/-]+");
    private static final Pattern LOCATION_PARTS = Pattern.compile("\\s*,\\s*|\\s+-\\s+");
    private static final Pattern REMOTE_WORD = Pattern.compile("(?i)\\bremote\\b");

    private final String configuredBase;
    private final BoardHttpClient http;

    /**
     * @param configuredBaseOrNull when set, every board's requests go to this base instead of the tenant's own host
     *     (tests and the dev stack); the postings' public URLs stay on the tenant's host
     */
    public WorkdayConnector(String configuredBaseOrNull, BoardHttpClient http) {
        this.configuredBase = configuredBaseOrNull;
        this.http = http;
    }

    @Override
    public String platform() {
        return "workday";
    }

    @Override
    public List<NormalizedPosting> fetchAll(String board) throws BoardException {
        return fetchAll(board, KnownPostings.none());
    }

    @Override
    public List<NormalizedPosting> fetchAll(String board, KnownPostings known) throws BoardException {
        return read(Site.of(board, configuredBase), "", null, MAX_POSTINGS, known);
    }

    /**
     * Workday's {@code searchText} with the query; the location is matched here, not by Workday, because its
     * location filter takes facet ids whose names and nesting differ per tenant. A posting matches when the location
     * occurs (case-insensitive) in its listing's locations text, its detail's location, additional locations or
     * country, or names the posting's country. A listing entry often says only "2 Locations", so the match needs the
     * detail: postings of other places cost a detail request each. For the same reason a posting {@code known} holds
     * unchanged is reported seen whatever its location: it is on the board, which is all "seen" claims.
     */
    @Override
    public List<NormalizedPosting> search(String board, String query, String location, int max, KnownPostings known)
            throws BoardException {
        Site site = Site.of(board, configuredBase);
        if (max <= 0) {
            return List.of();
        }
        return read(site, query == null ? "" : query.strip(), Normalization.blankToNull(location), max, known);
    }

    private List<NormalizedPosting> read(Site site, String searchText, String location, int max, KnownPostings known)
            throws BoardException {
        List<NormalizedPosting> out = new ArrayList<>();
        Set<String> listed = new LinkedHashSet<>();
        Integer total = null;
        for (int offset = 0; offset < MAX_POSTINGS; offset += PAGE_SIZE) {
            JsonNode page = listingPage(site, searchText, offset);
            JsonNode entries = page.get("jobPostings");
            if (entries == null || !entries.isArray()) {
                throw new BoardException(Kind.MALFORMED, site.describe() + " answered its listing without a "
                        + "\"jobPostings\" list");
            }
            if (total == null) {
                // later pages may say 0: only the first page's total counts
                total = page.path("total").asInt(Integer.MAX_VALUE);
            }
            for (JsonNode entry : entries) {
                Listed l = Listed.of(entry, site);
                if (!listed.add(l.id)) {
                    continue; // a posting may shift across pages while we read
                }
                if (known.unchanged(l.id, l.stamp)) {
                    continue;
                }
                JsonNode detail = detail(site, l);
                if (detail != null && (location == null || matches(location, l, detail))) {
                    out.add(map(site, l, detail));
                    if (out.size() >= max) {
                        return out;
                    }
                }
            }
            if (entries.size() < PAGE_SIZE || offset + PAGE_SIZE >= total) {
                break;
            }
        }
        return out;
    }

    private JsonNode listingPage(Site site, String searchText, int offset) throws BoardException {
        ObjectNode body = Normalization.JSON.createObjectNode();
        body.putObject("appliedFacets");
        body.put("limit", PAGE_SIZE);
        body.put("offset", offset);
        body.put("searchText", searchText);
        return Normalization.parseJson(http.postJson(site.api() + "/jobs", body.toString()),
                site.describe() + " (listing at offset " + offset + ")");
    }

    /** The posting's detail, or null when it was closed between the listing and this request (HTTP 404). */
    private JsonNode detail(Site site, Listed l) throws BoardException {
        String body = bodyUnlessGone(http, site.api() + l.externalPath);
        if (body == null) {
            return null;
        }
        JsonNode root = Normalization.parseJson(body, site.describe() + " posting " + l.externalPath);
        if (!root.path("jobPostingInfo").isObject()) {
            throw new BoardException(Kind.MALFORMED, site.describe() + " posting " + l.externalPath
                    + " answered without \"jobPostingInfo\"");
        }
        return root;
    }

    /**
     * The body of a 2xx answer, or null for a 404: a detail-reading board lists a posting, then closes it before its
     * detail is read, and that posting is simply no longer there. Any other status fails as {@link BoardHttpClient#get}
     * does.
     */
    static String bodyUnlessGone(BoardHttpClient http, String url) throws BoardException {
        BoardHttpClient.Response response = http.getResponse(url);
        if (response.status() == 404) {
            return null;
        }
        if (response.status() / 100 != 2) {
            throw new BoardException(Kind.HTTP_ERROR, "GET " + url + " answered HTTP " + response.status());
        }
        return response.body();
    }

    private static boolean matches(String location, Listed l, JsonNode detail) {
        JsonNode info = detail.path("jobPostingInfo");
        List<String> places = new ArrayList<>();
        places.add(l.locationsText);
        places.add(text(info, "location"));
        info.path("additionalLocations").forEach(a -> places.add(a.asText()));
        places.add(text(info.path("country"), "descriptor"));
        return locationMatches(location, places, countryCode(info));
    }

    /**
     * The client-side location filter of a search: the wanted place occurs in one of the posting's places
     * (case-insensitive), or names the posting's country ("Germany" for a posting in DE).
     */
    static boolean locationMatches(String wanted, List<String> places, String postingCountry) {
        String w = wanted.toLowerCase(Locale.ROOT);
        for (String place : places) {
            if (place != null && place.toLowerCase(Locale.ROOT).contains(w)) {
                return true;
            }
        }
        String code = Normalization.countryCode(wanted);
        return code != null && code.equals(postingCountry);
    }

    private NormalizedPosting map(Site site, Listed l, JsonNode detail) {
        JsonNode info = detail.path("jobPostingInfo");
        String locationRaw = Normalization.blankToNull(text(info, "location"));
        if (locationRaw == null && !l.locationsText.matches("(?i)\\d+ locations?")) {
            locationRaw = l.locationsText;
        }
        String country = countryCode(info);
        Normalization.Location location = parseLocation(locationRaw);
        if (country == null) {
            country = location.country();
        }
        List<String> additional = new ArrayList<>();
        info.path("additionalLocations").forEach(a -> additional.add(a.asText()));

        Map<String, String> meta = new HashMap<>();
        meta.put("platform", platform());
        meta.put(KnownPostings.STAMP, l.stamp);
        meta.put("legalEntity", text(detail.path("hiringOrganization"), "name"));
        meta.put("jobReqId", text(info, "jobReqId"));
        meta.put("workdayId", text(info, "id"));
        meta.put("timeType", text(info, "timeType"));
        meta.put("remoteType", text(info, "remoteType"));
        meta.put("endDate", text(info, "endDate"));
        meta.put("locationsText", l.locationsText);
        if (!additional.isEmpty()) {
            meta.put("additionalLocations", String.join("; ", additional));
        }
        if (!l.bulletFields.isEmpty()) {
            meta.put("bulletFields", String.join("; ", l.bulletFields));
        }

        String url = GreenhouseConnector.firstNonNull(text(info, "externalUrl"), site.publicUrl(l.externalPath));
        String title = GreenhouseConnector.firstNonNull(text(info, "title"), l.title);
        return new NormalizedPosting(l.id, title, site.tenant, locationRaw, location.city(), location.state(), country,
                Normalization.workArrangement(text(info, "remoteType"), locationRaw),
                Normalization.employmentType(text(info, "timeType")),
                null, null, null, null,
                Normalization.htmlToText(text(info, "jobDescription")),
                Normalization.instant(text(info, "startDate")),
                url, url, meta)
                .withCompany(new CompanyFacts(CompanyFacts.domainOf(text(detail.path("hiringOrganization"), "url")),
                        null, site.publicSite(), null, null));
    }

    /** The country's ISO code: Workday gives it on the requisition's location, else only the country's name. */
    private static String countryCode(JsonNode info) {
        String code = text(info.path("jobRequisitionLocation").path("country"), "alpha2Code");
        if (code != null) {
            return code.toUpperCase(Locale.ROOT);
        }
        return Normalization.countryCode(text(info.path("country"), "descriptor"));
    }

    /**
     * Workday tenants write locations country first ("Israel, Beer Sheva", "US, CA, Santa Clara", "USA - Pennsylvania
     * - West Point"), which the shared parser would read as city first. When the first part names a country, the city
     * is the last part and the state the one before it; any other form goes to the shared parser.
     */
    static Normalization.Location parseLocation(String raw) {
        if (raw == null || REMOTE_WORD.matcher(raw).find()) {
            return Normalization.parseLocation(raw);
        }
        String[] parts = LOCATION_PARTS.split(raw.strip());
        String country = parts.length >= 2 ? Normalization.countryCode(parts[0]) : null;
        if (country == null) {
            return Normalization.parseLocation(raw);
        }
        return new Normalization.Location(parts[parts.length - 1], parts.length >= 3 ? parts[parts.length - 2] : null,
                country);
    }

    /** One board: the tenant's host and site. */
    private record Site(String tenant, String dataCenter, String name, String base) {

        static Site of(String token, String configuredBase) throws BoardException {
            Matcher m = TOKEN.matcher(token == null ? "" : token.strip());
            if (!m.matches()) {
                throw new BoardException(Kind.MALFORMED, "Workday board '" + token + "' is not of the form "
                        + "{tenant}.{wdN}/{site}, e.g. nvidia.wd5/NVIDIAExternalCareerSite (from the career site's "
                        + "address https://nvidia.wd5.myworkdayjobs.com/NVIDIAExternalCareerSite)");
            }
            String publicHost = "https://" + m.group(1) + "." + m.group(2) + ".myworkdayjobs.com";
            return new Site(m.group(1), m.group(2), m.group(3), Normalization.siteBase(configuredBase, publicHost));
        }

        String api() {
            return base + "/wday/cxs/" + tenant + "/" + name;
        }

        String publicSite() {
            return "https://" + tenant + "." + dataCenter + ".myworkdayjobs.com/" + name;
        }

        String publicUrl(String externalPath) {
            return publicSite() + externalPath;
        }

        String describe() {
            return "Workday board '" + tenant + "." + dataCenter + "/" + name + "'";
        }
    }

    /**
     * One listing entry. Its id is the last segment of its {@code externalPath}, which is Workday's own
     * {@code jobPostingId}: unique per posting on a site, and known before the detail is read (which
     * {@link KnownPostings} needs). The requisition id is not: postings of one requisition share it (Durham's
     * {@code ..._R26-129-1} lists {@code R26-129} in bulletFields), and which bullet fields a site shows is the
     * tenant's choice.
     */
    private record Listed(String id, String title, String externalPath, String locationsText,
            List<String> bulletFields, String stamp) {

        static Listed of(JsonNode entry, Site site) throws BoardException {
            String title = text(entry, "title");
            String path = text(entry, "externalPath");
            if (title == null || path == null) {
                throw new BoardException(Kind.MALFORMED, site.describe() + " lists a posting without title or "
                        + "externalPath");
            }
            if (!SAFE_PATH.matcher(path).matches() || path.contains("..") || path.endsWith("/")) {
                throw new BoardException(Kind.MALFORMED, site.describe() + " lists a posting at an unusable path: "
                        + path);
            }
            String locations = Normalization.blankToNull(text(entry, "locationsText"));
            List<String> bullets = new ArrayList<>();
            entry.path("bulletFields").forEach(b -> bullets.add(b.asText()));
            // postedOn ("Posted Today", "Posted 30+ Days Ago") is relative: it changes daily with nothing else
            String stamp = Normalization.stamp(title, path, locations, String.join("\n", bullets));
            return new Listed(path.substring(path.lastIndexOf('/') + 1), title, path,
                    locations == null ? "" : locations, List.copyOf(bullets), stamp);
        }
    }
}
