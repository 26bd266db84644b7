package io.atspro.scraping;

import static io.atspro.scraping.GreenhouseConnector.firstNonNull;
import static io.atspro.scraping.Normalization.text;
import static io.atspro.scraping.SafeXml.childText;

import com.fasterxml.jackson.databind.JsonNode;
import io.atspro.posting.CompanyFacts;
import io.atspro.posting.NormalizedPosting;
import io.atspro.scraping.BoardException.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Teamtailor career sites ({site} = https://{company}.teamtailor.com). Reads {site}/jobs.json, a JSON Feed 1.1 whose
 * items each embed a schema.org JobPosting ({@code _jobposting}); sites that do not serve it (404, or an HTML page
 * instead of JSON) are read from {site}/jobs.rss, RSS 2.0 with Teamtailor's {@code tt:} elements. Both feeds give a
 * job the same UUID (JSON {@code id}, RSS {@code guid}), so a board keeps its postings' ids whichever feed it served.
 * A JSON feed that is cut off or not a feed is MALFORMED, not a reason to try the RSS: the site does serve JSON.
 *
 * <p>The company is the hiring organisation the board names (RSS: the channel's title). On agency boards that is the
 * recruiting agency ("Slater Consult"), the employers being named only in the prose; it is the board's company all
 * the same, and a source's configured company name overrides it.
 */
public class TeamtailorConnector implements BoardConnector {

    private final String configuredBase;
    private final BoardHttpClient http;

    public TeamtailorConnector(String baseUrl, BoardHttpClient http) {
        this.configuredBase = baseUrl;
        this.http = http;
    }

    @Override
    public String platform() {
        return "teamtailor";
    }

    @Override
    public List<NormalizedPosting> fetchAll(String company) throws BoardException {
        String site = Normalization.siteBase(configuredBase,
                "https://" + Normalization.encodePath(company) + ".teamtailor.com");
        String jsonUrl = site + "/jobs.json";
        BoardHttpClient.Response response = http.getResponse(jsonUrl);
        if (response.status() == 404 || (response.status() / 100 == 2 && !looksLikeJson(response.body()))) {
            return fromRss(http.get(site + "/jobs.rss"), company);
        }
        if (response.status() / 100 != 2) {
            throw new BoardException(Kind.HTTP_ERROR, "GET " + jsonUrl + " answered HTTP " + response.status()
                    + "; check the board token or URL");
        }
        return fromJsonFeed(response.body(), company);
    }

    private static boolean looksLikeJson(String body) {
        String s = body == null ? "" : body.stripLeading();
        return s.startsWith("{") || s.startsWith("[");
    }

    // ---------------------------------------------------------------- jobs.json

    private List<NormalizedPosting> fromJsonFeed(String body, String company) throws BoardException {
        String what = "Teamtailor board '" + company + "' (jobs.json)";
        JsonNode feed = Normalization.parseJson(body, what);
        JsonNode items = feed.get("items");
        if (items == null || !items.isArray()) {
            throw new BoardException(Kind.MALFORMED, what + " is not a JSON feed: it has no \"items\" list");
        }
        String feedTitle = text(feed, "title");
        String homePage = text(feed, "home_page_url");
        List<NormalizedPosting> out = new ArrayList<>();
        for (JsonNode item : items) {
            out.add(fromJsonItem(item, firstNonNull(feedTitle, company), homePage, what));
        }
        return out;
    }

    private NormalizedPosting fromJsonItem(JsonNode item, String boardName, String homePage, String what)
            throws BoardException {
        JsonNode posting = item.path("_jobposting");
        String id = text(item, "id");
        String title = firstNonNull(text(item, "title"), text(posting, "title"));
        if (id == null || title == null) {
            throw new BoardException(Kind.MALFORMED, what + " has an item without id or title");
        }
        JobPostingSchema.Places places = JobPostingSchema.places(posting.get("jobLocation"));
        Normalization.Location first = places.first();
        JobPostingSchema.Pay pay = JobPostingSchema.pay(posting.get("baseSalary"));
        JsonNode organization = posting.get("hiringOrganization");
        String html = firstNonNull(text(item, "content_html"), text(posting, "description"));

        Map<String, String> meta = new HashMap<>();
        meta.put("platform", platform());
        meta.put("feed", "json");
        meta.put("jobId", JobPostingSchema.identifier(posting.get("identifier")));
        meta.put("validThrough", text(posting, "validThrough"));

        String url = text(item, "url");
        return new NormalizedPosting(id, title,
                firstNonNull(JobPostingSchema.organizationName(organization), boardName), places.raw(),
                first.city(), first.state(), first.country(),
                JobPostingSchema.arrangement(posting.get("jobLocationType"), places.raw()),
                JobPostingSchema.employmentType(posting.get("employmentType")), pay.min(), pay.max(),
                pay.currency(), pay.interval(), Normalization.htmlToText(html),
                Normalization.instant(firstNonNull(text(item, "date_published"), text(posting, "datePosted"))),
                url, url, meta)
                .withCompany(new CompanyFacts(CompanyFacts.domainOf(text(organization, "sameAs")),
                        logo(organization), homePage, null, null));
    }

    /** schema.org lets an Organization's logo be a URL or an ImageObject. */
    private static String logo(JsonNode organization) {
        JsonNode logo = organization == null ? null : organization.get("logo");
        return logo != null && logo.isObject() ? text(logo, "url") : text(organization, "logo");
    }

    // ---------------------------------------------------------------- jobs.rss

    private List<NormalizedPosting> fromRss(String body, String company) throws BoardException {
        String what = "Teamtailor board '" + company + "' (jobs.rss)";
        Element rss = SafeXml.parse(body, what).getDocumentElement();
        Element channel = SafeXml.child(rss, "channel");
        if (!"rss".equals(rss.getLocalName()) || channel == null) {
            throw new BoardException(Kind.MALFORMED,
                    what + " answered <" + rss.getTagName() + "> instead of an RSS channel");
        }
        String boardName = firstNonNull(childText(channel, "title"), company);
        CompanyFacts facts = new CompanyFacts(null, null, childText(channel, "link"), null, null);
        List<NormalizedPosting> out = new ArrayList<>();
        for (Element item : SafeXml.children(channel, "item")) {
            out.add(fromRssItem(item, boardName, what).withCompany(facts));
        }
        return out;
    }

    private NormalizedPosting fromRssItem(Element item, String boardName, String what) throws BoardException {
        String id = childText(item, "guid");
        String title = childText(item, "title");
        if (id == null || title == null) {
            throw new BoardException(Kind.MALFORMED, what + " has an item without guid or title");
        }
        List<String> raw = new ArrayList<>();
        Normalization.Location first = null;
        for (Element place : SafeXml.children(SafeXml.child(item, "locations"), "location")) {
            String city = childText(place, "city");
            String country = childText(place, "country");
            Normalization.Location location = new Normalization.Location(city, null, Normalization.country(country));
            if (first == null) {
                first = location;
            }
            String named = city != null && country != null ? city + ", " + country : firstNonNull(city, country);
            if (named != null) {
                raw.add(named);
            }
        }
        if (first == null) {
            first = Normalization.Location.EMPTY;
        }

        Map<String, String> meta = new HashMap<>();
        meta.put("platform", platform());
        meta.put("feed", "rss");
        meta.put("department", childText(item, "department"));
        meta.put("role", childText(item, "role"));
        meta.put("remoteStatus", childText(item, "remoteStatus"));

        String url = childText(item, "link");
        // the XML parser has already turned the entity-escaped description back into HTML
        return new NormalizedPosting(id, title, boardName, raw.isEmpty() ? null : String.join("; ", raw),
                first.city(), first.state(), first.country(), remoteStatus(childText(item, "remoteStatus")), null,
                null, null, null, null, Normalization.htmlToText(childText(item, "description")),
                Normalization.instant(childText(item, "pubDate")), url, url, meta);
    }

    /** Teamtailor's remote status: none, temporary (remote for now), hybrid or fully (remote). */
    private static String remoteStatus(String status) {
        if (status == null) {
            return null;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "fully" -> "remote";
            case "hybrid" -> "hybrid";
            case "none" -> "onsite";
            default -> null;
        };
    }
}
