package io.atspro.scraping;

import io.atspro.posting.NormalizedPosting;
import static io.atspro.scraping.Normalization.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.atspro.scraping.BoardException.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Ashby posting API: GET {base}/posting-api/job-board/{name}?includeCompensation=true. Unlisted jobs skipped. */
public class AshbyConnector implements BoardConnector {

    public static final String DEFAULT_BASE = "https://api.ashbyhq.com";

    private final String base;
    private final BoardHttpClient http;

    public AshbyConnector(String baseUrl, BoardHttpClient http) {
        this.base = Normalization.siteBase(baseUrl, DEFAULT_BASE);
        this.http = http;
    }

    @Override
    public String platform() {
        return "ashby";
    }

    @Override
    public List<NormalizedPosting> fetchAll(String boardName) throws BoardException {
        String url = base + "/posting-api/job-board/" + Normalization.encodePath(boardName)
                + "?includeCompensation=true";
        JsonNode root = Normalization.parseJson(http.get(url), "Ashby board '" + boardName + "'");
        JsonNode jobs = root.get("jobs");
        if (jobs == null || !jobs.isArray()) {
            throw new BoardException(Kind.MALFORMED, "Ashby board '" + boardName + "' answered without a \"jobs\" list");
        }
        List<NormalizedPosting> out = new ArrayList<>();
        for (JsonNode job : jobs) {
            JsonNode listed = job.get("isListed");
            if (listed != null && listed.isBoolean() && !listed.asBoolean()) {
                continue;
            }
            out.add(map(job, boardName));
        }
        return out;
    }

    private NormalizedPosting map(JsonNode job, String board) throws BoardException {
        String id = text(job, "id");
        String title = text(job, "title");
        if (id == null || title == null) {
            throw new BoardException(Kind.MALFORMED, "Ashby board '" + board + "' has a job without id or title");
        }
        String locationRaw = text(job, "location");
        JsonNode address = job.path("address").path("postalAddress");
        Normalization.Location structured = new Normalization.Location(text(address, "addressLocality"),
                text(address, "addressRegion"), Normalization.country(text(address, "addressCountry")));
        Normalization.Location location = structured.orElse(Normalization.parseLocation(locationRaw));

        JsonNode remote = job.get("isRemote");
        String arrangement = Normalization.workArrangement(text(job, "workplaceType"));
        if (arrangement == null && remote != null && remote.asBoolean(false)) {
            arrangement = "remote";
        }
        if (arrangement == null) {
            arrangement = Normalization.workArrangement(locationRaw);
        }

        Map<String, String> meta = new HashMap<>();
        meta.put("platform", platform());
        meta.put("department", text(job, "department"));
        meta.put("team", text(job, "team"));
        List<String> secondary = new ArrayList<>();
        for (JsonNode s : job.path("secondaryLocations")) {
            String l = text(s, "location");
            if (l != null) {
                secondary.add(l);
            }
        }
        if (!secondary.isEmpty()) {
            meta.put("secondaryLocations", String.join("; ", secondary));
        }
        JsonNode compensation = job.path("compensation");
        meta.put("compensationSummary", GreenhouseConnector.firstNonNull(
                text(compensation, "scrapeableCompensationSalarySummary"), text(compensation, "compensationTierSummary")));

        Salary salary = salary(compensation);
        String description = Normalization.htmlToText(text(job, "descriptionHtml"));
        if (description == null) {
            description = Normalization.htmlToText(text(job, "descriptionPlain"));
        }
        String jobUrl = text(job, "jobUrl");
        return new NormalizedPosting(id, title, board, locationRaw, location.city(), location.state(),
                location.country(), arrangement, Normalization.employmentType(text(job, "employmentType")),
                salary.min, salary.max, salary.currency, salary.interval, description,
                Normalization.instant(text(job, "publishedAt")),
                GreenhouseConnector.firstNonNull(text(job, "applyUrl"), jobUrl), jobUrl, meta);
    }

    private static final class Salary {
        BigDecimal min;
        BigDecimal max;
        String currency;
        String interval;
    }

    /** Widest salary range over all tiers' Salary components (tiers first, then summary components). */
    private static Salary salary(JsonNode compensation) {
        Salary s = new Salary();
        List<JsonNode> components = new ArrayList<>();
        for (JsonNode tier : compensation.path("compensationTiers")) {
            tier.path("components").forEach(components::add);
        }
        if (components.isEmpty()) {
            compensation.path("summaryComponents").forEach(components::add);
        }
        for (JsonNode c : components) {
            String type = text(c, "compensationType");
            if (type == null || !type.toLowerCase(Locale.ROOT).contains("salary")) {
                continue;
            }
            String currency = text(c, "currencyCode");
            if (s.currency != null && currency != null && !s.currency.equals(currency)) {
                continue; // don't mix currencies in one range
            }
            BigDecimal min = Normalization.decimal(c.get("minValue"));
            BigDecimal max = Normalization.decimal(c.get("maxValue"));
            if (min == null && max == null) {
                continue;
            }
            s.currency = currency;
            s.interval = s.interval != null ? s.interval : Normalization.salaryInterval(text(c, "interval"));
            if (min != null && (s.min == null || min.compareTo(s.min) < 0)) {
                s.min = min;
            }
            if (max != null && (s.max == null || max.compareTo(s.max) > 0)) {
                s.max = max;
            }
        }
        return s;
    }
}
