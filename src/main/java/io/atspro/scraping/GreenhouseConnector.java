package io.atspro.scraping;

import io.atspro.posting.NormalizedPosting;
import static io.atspro.scraping.Normalization.blankToNull;
import static io.atspro.scraping.Normalization.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.atspro.scraping.BoardException.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Greenhouse Job Board API: GET {base}/v1/boards/{token}/jobs?content=true (one page, whole board). */
public class GreenhouseConnector implements BoardConnector {

    public static final String DEFAULT_BASE = "https://boards-api.greenhouse.io";

    private final String base;
    private final BoardHttpClient http;

    public GreenhouseConnector(String baseUrl, BoardHttpClient http) {
        this.base = Normalization.siteBase(baseUrl, DEFAULT_BASE);
        this.http = http;
    }

    @Override
    public String platform() {
        return "greenhouse";
    }

    @Override
    public List<NormalizedPosting> fetchAll(String boardToken) throws BoardException {
        String url = base + "/v1/boards/" + Normalization.encodePath(boardToken) + "/jobs?content=true";
        JsonNode root = Normalization.parseJson(http.get(url), "Greenhouse board '" + boardToken + "'");
        JsonNode jobs = root.get("jobs");
        if (jobs == null || !jobs.isArray()) {
            throw new BoardException(Kind.MALFORMED,
                    "Greenhouse board '" + boardToken + "' answered without a \"jobs\" list");
        }
        List<NormalizedPosting> out = new ArrayList<>();
        for (JsonNode job : jobs) {
            out.add(map(job, boardToken));
        }
        return out;
    }

    private NormalizedPosting map(JsonNode job, String token) throws BoardException {
        String id = text(job, "id");
        String title = text(job, "title");
        if (id == null || title == null) {
            throw new BoardException(Kind.MALFORMED, "Greenhouse board '" + token + "' has a job without id or title");
        }
        String locationRaw = text(job.path("location"), "name");
        Map<String, String> meta = new HashMap<>();
        meta.put("platform", platform());
        meta.put("requisitionId", text(job, "requisition_id"));
        meta.put("internalJobId", text(job, "internal_job_id"));
        meta.put("updatedAt", text(job, "updated_at"));
        meta.put("department", joinNames(job.path("departments")));
        meta.put("office", joinNames(job.path("offices")));
        List<String> metadataValues = new ArrayList<>();
        String employmentHint = null;
        for (JsonNode m : job.path("metadata")) {
            String name = text(m, "name");
            JsonNode valueNode = m.get("value");
            String value = valueNode == null || valueNode.isNull() ? null
                    : valueNode.isArray() ? joinValues(valueNode) : blankToNull(valueNode.asText());
            if (name != null && value != null) {
                meta.put("gh." + name, value);
                metadataValues.add(value);
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                if (employmentHint == null && (lower.contains("employment") || lower.contains("type"))) {
                    employmentHint = value;
                }
            }
        }
        // location.name is usually just the city; the office record often carries "Region, Country".
        Normalization.Location location = Normalization.parseLocation(locationRaw);
        for (JsonNode office : job.path("offices")) {
            String officeLocation = text(office, "location");
            if (officeLocation != null) {
                Normalization.Location o = Normalization.parseLocation(officeLocation);
                if (o.city() != null && o.state() == null && o.country() != null) {
                    o = new Normalization.Location(null, o.city(), o.country()); // "Karnataka, India"
                }
                if (location.city() != null && o.city() != null && !o.city().equalsIgnoreCase(location.city())) {
                    o = new Normalization.Location(null, o.state(), o.country());
                }
                location = location.orElse(o);
                break;
            }
        }
        List<String> arrangementHints = new ArrayList<>();
        arrangementHints.add(locationRaw);
        arrangementHints.addAll(metadataValues);
        String url = text(job, "absolute_url");
        String published = text(job, "first_published");
        return new NormalizedPosting(id, title,
                firstNonNull(text(job, "company_name"), token),
                locationRaw, location.city(), location.state(), location.country(),
                Normalization.workArrangement(arrangementHints.toArray(String[]::new)),
                Normalization.employmentType(employmentHint),
                null, null, null, null,
                Normalization.htmlToText(text(job, "content")),
                Normalization.instant(published != null ? published : text(job, "updated_at")),
                url, url, meta);
    }

    private static String joinNames(JsonNode array) {
        List<String> names = new ArrayList<>();
        for (JsonNode n : array) {
            String name = text(n, "name");
            if (name != null) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : String.join("; ", names);
    }

    private static String joinValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values.isEmpty() ? null : String.join("; ", values);
    }

    static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
