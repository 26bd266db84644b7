package io.atspro.scraping;

import static io.atspro.scraping.GreenhouseConnector.firstNonNull;
import static io.atspro.scraping.Normalization.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.atspro.posting.NormalizedPosting;
import io.atspro.scraping.BoardException.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Workable's public widget API: GET {base}/api/v1/widget/accounts/{account}?details=true, one request for the
 * whole board. The account's {@code name} is the employer's; {@code details=true} adds each job's description HTML,
 * which some accounts still leave out (the posting then has no description rather than failing the run). The widget
 * says nothing about the employer beyond its name and a blurb, so postings carry no company facts.
 */
public class WorkableConnector implements BoardConnector {

    public static final String DEFAULT_BASE = "https://apply.workable.com";

    private final String base;
    private final BoardHttpClient http;

    public WorkableConnector(String baseUrl, BoardHttpClient http) {
        this.base = Normalization.siteBase(baseUrl, DEFAULT_BASE);
        this.http = http;
    }

    @Override
    public String platform() {
        return "workable";
    }

    @Override
    public List<NormalizedPosting> fetchAll(String account) throws BoardException {
        String what = "Workable account '" + account + "'";
        String url = base + "/api/v1/widget/accounts/" + Normalization.encodePath(account) + "?details=true";
        JsonNode root = Normalization.parseJson(http.get(url), what);
        JsonNode jobs = root.get("jobs");
        if (jobs == null || !jobs.isArray()) {
            throw new BoardException(Kind.MALFORMED, what + " answered without a \"jobs\" list");
        }
        String company = firstNonNull(text(root, "name"), account);
        List<NormalizedPosting> out = new ArrayList<>();
        for (JsonNode job : jobs) {
            out.add(map(job, company, what));
        }
        return out;
    }

    private NormalizedPosting map(JsonNode job, String company, String what) throws BoardException {
        String id = text(job, "shortcode");
        String title = text(job, "title");
        if (id == null || title == null) {
            throw new BoardException(Kind.MALFORMED, what + " has a job without shortcode or title");
        }
        // the first of locations[] carries the ISO code; the flat fields name the same place in words
        JsonNode firstLocation = job.path("locations").path(0);
        String city = text(job, "city");
        String state = text(job, "state");
        String countryName = text(job, "country");
        Normalization.Location location = new Normalization.Location(city, state,
                firstNonNull(Normalization.country(text(firstLocation, "countryCode")),
                        Normalization.country(countryName)))
                .orElse(new Normalization.Location(text(firstLocation, "city"), text(firstLocation, "region"),
                        Normalization.country(text(firstLocation, "country"))));

        Map<String, String> meta = new HashMap<>();
        meta.put("platform", platform());
        meta.put("department", text(job, "department"));
        meta.put("function", text(job, "function"));
        meta.put("experience", text(job, "experience"));
        meta.put("education", text(job, "education"));
        meta.put("industry", text(job, "industry"));
        meta.put("code", text(job, "code"));
        JsonNode locations = job.path("locations");
        if (locations.size() > 1) {
            List<String> all = new ArrayList<>();
            locations.forEach(l -> all.add(joined(text(l, "city"), text(l, "region"), text(l, "country"))));
            meta.put("locations", String.join("; ", all));
        }

        // telecommuting=false leaves open whether the job is on site or hybrid, so it decides nothing
        JsonNode telecommuting = job.get("telecommuting");
        String url = firstNonNull(text(job, "url"), text(job, "shortlink"));
        String locationRaw = firstNonNull(joined(city, state, countryName),
                joined(text(firstLocation, "city"), text(firstLocation, "region"), text(firstLocation, "country")));
        return new NormalizedPosting(id, title, company, locationRaw, location.city(), location.state(),
                location.country(), telecommuting != null && telecommuting.asBoolean(false) ? "remote" : null,
                Normalization.employmentType(text(job, "employment_type")), null, null, null, null,
                Normalization.htmlToText(text(job, "description")),
                Normalization.instant(firstNonNull(text(job, "published_on"), text(job, "created_at"))),
                firstNonNull(text(job, "application_url"), url), url, meta);
    }

    /** "City, State, Country" of the parts present, or null. */
    private static String joined(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null) {
                present.add(part);
            }
        }
        return present.isEmpty() ? null : String.join(", ", present);
    }
}
