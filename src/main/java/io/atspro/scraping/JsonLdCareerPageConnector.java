package io.atspro.scraping;

import io.atspro.posting.NormalizedPosting;
import static io.atspro.scraping.Normalization.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.atspro.scraping.BoardException.Kind;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A career page carrying schema.org JobPosting JSON-LD. Honours the host's robots.txt for the page's path (groups
 * "ATSPro" and "*"). The base URL, when given, only resolves relative page URLs.
 */
public class JsonLdCareerPageConnector implements BoardConnector {

    static final String ROBOTS_AGENT = "atspro";

    private final String base;
    private final BoardHttpClient http;

    public JsonLdCareerPageConnector(String baseUrl, BoardHttpClient http) {
        this.base = baseUrl;
        this.http = http;
    }

    @Override
    public String platform() {
        return "jsonld";
    }

    @Override
    public List<NormalizedPosting> fetchAll(String pageUrl) throws BoardException {
        URI uri;
        try {
            uri = base == null || base.isBlank() ? URI.create(pageUrl.trim()) : URI.create(base).resolve(pageUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new BoardException(Kind.MALFORMED, "Not a valid career page URL: " + pageUrl, e);
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new BoardException(Kind.MALFORMED, "Career page URL must be an absolute http(s) URL: " + pageUrl);
        }
        String url = uri.toString();
        checkRobots(uri);
        Document doc = Jsoup.parse(http.get(url), url);
        List<JsonNode> postings = new ArrayList<>();
        int malformed = 0;
        String lastError = null;
        for (Element script : doc.select("script[type]")) {
            if (!script.attr("type").toLowerCase(Locale.ROOT).contains("application/ld+json")) {
                continue;
            }
            String json = script.data().trim()
                    .replaceFirst("^<!--", "").replaceFirst("-->$", "")
                    .replaceFirst("^/\\*<!\\[CDATA\\[\\*/", "").replaceFirst("/\\*]]>\\*/$", "").trim();
            if (json.isEmpty()) {
                continue;
            }
            try {
                collect(Normalization.parseJson(json, "JSON-LD on " + url), postings, 0);
            } catch (BoardException e) {
                malformed++;
                lastError = e.getMessage();
            }
        }
        if (postings.isEmpty() && malformed > 0) {
            throw new BoardException(Kind.MALFORMED, "The career page " + url + " has " + malformed
                    + " unreadable JSON-LD block(s) and no readable JobPosting: " + lastError);
        }
        List<NormalizedPosting> out = new ArrayList<>();
        for (JsonNode posting : postings) {
            out.add(map(posting, url));
        }
        return out;
    }

    private void checkRobots(URI page) throws BoardException {
        String robotsUrl = page.getScheme() + "://" + page.getRawAuthority() + "/robots.txt";
        BoardHttpClient.Response response = http.getResponse(robotsUrl);
        RobotsRules rules;
        if (response.status() / 100 == 2) {
            rules = RobotsRules.parse(response.body() == null ? "" : response.body(), ROBOTS_AGENT);
        } else if (response.status() / 100 == 4) {
            rules = RobotsRules.ALLOW_ALL; // no robots.txt: crawling allowed
        } else {
            throw new BoardException(Kind.ROBOTS_DISALLOWED, "Could not read " + robotsUrl + " (HTTP "
                    + response.status() + "); not fetching the page without permission");
        }
        String path = (page.getRawPath() == null || page.getRawPath().isEmpty() ? "/" : page.getRawPath())
                + (page.getRawQuery() != null ? "?" + page.getRawQuery() : "");
        if (!rules.allows(path)) {
            throw new BoardException(Kind.ROBOTS_DISALLOWED,
                    page.getHost() + "'s robots.txt does not allow crawling " + path);
        }
    }

    private static void collect(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 8) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out, depth + 1));
        } else if (node.isObject()) {
            if (isJobPosting(node)) {
                out.add(node);
                return;
            }
            collect(node.get("@graph"), out, depth + 1);
            JsonNode items = node.get("itemListElement");
            if (items != null) {
                for (JsonNode item : items) {
                    collect(item.has("item") ? item.get("item") : item, out, depth + 1);
                }
            }
        }
    }

    private static boolean isJobPosting(JsonNode node) {
        JsonNode type = node.get("@type");
        if (type == null) {
            return false;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().endsWith("JobPosting")) {
                    return true;
                }
            }
            return false;
        }
        return type.asText().endsWith("JobPosting");
    }

    private NormalizedPosting map(JsonNode p, String pageUrl) {
        String title = text(p, "title");
        if (title == null) {
            title = text(p, "name");
        }
        String url = text(p, "url");
        String id = JobPostingSchema.identifier(p.get("identifier"));
        if (id == null) {
            id = url != null ? url : sha256(pageUrl + "|" + title);
        }
        JobPostingSchema.Places places = JobPostingSchema.places(p.get("jobLocation"));
        Normalization.Location first = places.first();
        JobPostingSchema.Pay pay = JobPostingSchema.pay(p.get("baseSalary"));

        Map<String, String> meta = new HashMap<>();
        meta.put("platform", platform());
        meta.put("validThrough", text(p, "validThrough"));
        meta.put("occupationalCategory", text(p, "occupationalCategory"));
        meta.put("directApply", text(p, "directApply"));
        return new NormalizedPosting(id, title, JobPostingSchema.organizationName(p.get("hiringOrganization")),
                places.raw(), first.city(), first.state(), first.country(),
                JobPostingSchema.arrangement(p.get("jobLocationType"), places.raw()),
                JobPostingSchema.employmentType(p.get("employmentType")), pay.min(), pay.max(), pay.currency(),
                pay.interval(), Normalization.htmlToText(text(p, "description")),
                Normalization.instant(text(p, "datePosted")), url != null ? url : pageUrl, pageUrl, meta);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
