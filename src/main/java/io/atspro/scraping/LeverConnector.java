package io.atspro.scraping;

import io.atspro.posting.NormalizedPosting;
import static io.atspro.scraping.Normalization.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.atspro.scraping.BoardException.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Entities;

/** Lever Postings API: GET {base}/v0/postings/{company}?mode=json&skip=N&limit=M, paged until a short page. */
public class LeverConnector implements BoardConnector {

    public static final String DEFAULT_BASE = "https://api.lever.co";
    static final int MAX_PAGES = 200;

    private final String base;
    private final BoardHttpClient http;
    private final int pageSize;

    public LeverConnector(String baseUrl, BoardHttpClient http) {
        this(baseUrl, http, 100);
    }

    public LeverConnector(String baseUrl, BoardHttpClient http, int pageSize) {
        this.base = Normalization.siteBase(baseUrl, DEFAULT_BASE);
        this.http = http;
        this.pageSize = pageSize;
    }

    @Override
    public String platform() {
        return "lever";
    }

    @Override
    public List<NormalizedPosting> fetchAll(String company) throws BoardException {
        Map<String, NormalizedPosting> byId = new LinkedHashMap<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            String url = base + "/v0/postings/" + Normalization.encodePath(company) + "?mode=json&skip="
                    + (page * pageSize) + "&limit=" + pageSize;
            JsonNode root = Normalization.parseJson(http.get(url), "Lever board '" + company + "'");
            if (!root.isArray()) {
                String error = text(root, "error");
                throw new BoardException(Kind.MALFORMED, "Lever board '" + company + "' did not return a postings list"
                        + (error != null ? ": " + error : ""));
            }
            for (JsonNode posting : root) {
                NormalizedPosting p = map(posting, company);
                byId.putIfAbsent(p.externalId(), p); // a posting may shift across pages while we read
            }
            if (root.size() < pageSize) {
                return new ArrayList<>(byId.values());
            }
        }
        throw new BoardException(Kind.MALFORMED,
                "Lever board '" + company + "' kept returning full pages after " + MAX_PAGES + " pages");
    }

    private NormalizedPosting map(JsonNode p, String company) throws BoardException {
        String id = text(p, "id");
        String title = text(p, "text");
        if (id == null || title == null) {
            throw new BoardException(Kind.MALFORMED, "Lever board '" + company + "' has a posting without id or text");
        }
        JsonNode categories = p.path("categories");
        String locationRaw = text(categories, "location");
        Normalization.Location location = Normalization.parseLocation(locationRaw)
                .orElse(new Normalization.Location(null, null, Normalization.country(text(p, "country"))));

        StringBuilder html = new StringBuilder();
        appendDiv(html, text(p, "description"));
        for (JsonNode list : p.path("lists")) {
            String heading = text(list, "text");
            if (heading != null) {
                html.append("<h3>").append(Entities.escape(heading)).append("</h3>");
            }
            String content = text(list, "content");
            if (content != null) {
                html.append("<ul>").append(content).append("</ul>");
            }
        }
        appendDiv(html, text(p, "additional"));

        BigDecimal[] salary = {null, null};
        String currency = null;
        String interval = null;
        JsonNode range = p.get("salaryRange");
        if (range != null && range.isObject()) {
            salary[0] = Normalization.decimal(range.get("min"));
            salary[1] = Normalization.decimal(range.get("max"));
            currency = text(range, "currency");
            interval = Normalization.salaryInterval(text(range, "interval"));
        }

        Map<String, String> meta = new HashMap<>();
        meta.put("platform", platform());
        meta.put("department", text(categories, "department"));
        meta.put("team", text(categories, "team"));
        meta.put("commitment", text(categories, "commitment"));
        JsonNode all = categories.path("allLocations");
        if (all.isArray() && all.size() > 1) {
            List<String> locs = new ArrayList<>();
            all.forEach(l -> locs.add(l.asText()));
            meta.put("allLocations", String.join("; ", locs));
        }
        JsonNode created = p.get("createdAt");
        Instant postedAt = created != null && created.canConvertToLong() ? Instant.ofEpochMilli(created.asLong())
                : null;
        String hosted = text(p, "hostedUrl");
        return new NormalizedPosting(id, title, company, locationRaw, location.city(), location.state(),
                location.country(),
                Normalization.workArrangement(text(p, "workplaceType"), locationRaw),
                Normalization.employmentType(text(categories, "commitment")),
                salary[0], salary[1], currency, interval,
                Normalization.htmlToText(html.toString()),
                postedAt,
                GreenhouseConnector.firstNonNull(text(p, "applyUrl"), hosted), hosted, meta);
    }

    private static void appendDiv(StringBuilder html, String fragment) {
        if (fragment != null) {
            html.append("<div>").append(fragment).append("</div>");
        }
    }
}
