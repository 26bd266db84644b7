package io.atspro.scraping;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.atspro.testing.TestStack;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Synthetic job-board payloads in the boards' real shapes, served by the test stack's WireMock. */
public final class BoardPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BoardPayloads() {
    }

    /** A word no other test uses: letters only, so full-text search sees it as one token. */
    public static String uniqueWord() {
        StringBuilder sb = new StringBuilder("q");
        for (int i = 0; i < 9; i++) {
            sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return sb.toString();
    }

    public static WireMockServer boards() {
        return TestStack.get().boards().wiremock();
    }

    /** An Ashby posting; {@code workplace} OnSite|Remote|Hybrid, {@code employment} FullTime|Contract|PartTime|Intern. */
    public static ObjectNode ashbyJob(String title, String city, String country, String workplace, String employment,
            Integer salaryMin, Integer salaryMax, String interval, String publishedAt, String description) {
        String id = UUID.randomUUID().toString();
        ObjectNode job = JSON.createObjectNode();
        job.put("id", id).put("title", title).put("department", "Engineering").put("team", "Platform")
                .put("employmentType", employment).put("location", city).put("publishedAt", publishedAt)
                .put("isListed", true).put("isRemote", "Remote".equals(workplace)).put("workplaceType", workplace)
                .put("jobUrl", "https://jobs.ashbyhq.com/x/" + id)
                .put("applyUrl", "https://jobs.ashbyhq.com/x/" + id + "/application")
                .put("descriptionHtml", "<p>" + description + "</p>").put("descriptionPlain", description);
        job.putArray("secondaryLocations");
        ObjectNode address = job.putObject("address").putObject("postalAddress");
        address.put("addressLocality", city).put("addressCountry", country);
        ObjectNode compensation = job.putObject("compensation");
        ArrayNode tiers = compensation.putArray("compensationTiers");
        compensation.putArray("summaryComponents");
        if (salaryMin != null) {
            ObjectNode component = tiers.addObject().put("id", "t1").put("title", "Base").putArray("components")
                    .addObject();
            component.put("id", "c1").put("compensationType", "Salary").put("interval", interval)
                    .put("currencyCode", "USD").put("minValue", salaryMin).put("maxValue", salaryMax);
        }
        return job;
    }

    public static String ashbyBoard(List<ObjectNode> jobs) {
        ObjectNode root = JSON.createObjectNode();
        root.put("apiVersion", "1");
        root.putArray("jobs").addAll(jobs);
        return root.toString();
    }

    /** An Ashby board with one on-site posting of this title. */
    public static String ashbyJobBoardOf(String title) {
        return ashbyBoard(List.of(ashbyJob(title, "Lisbon", "Portugal", "OnSite", "FullTime", null, null, null,
                "2026-11-20T10:00:00Z", "The role.")));
    }

    public static void serveAshby(String board, String body) {
        boards().stubFor(get(urlPathEqualTo("/posting-api/job-board/" + board)).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    /** A Greenhouse posting with a numeric id. */
    public static ObjectNode greenhouseJob(String title, String company, String location, String firstPublished,
            String contentHtml) {
        long id = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        ObjectNode job = JSON.createObjectNode();
        job.put("id", id).put("title", title).put("company_name", company)
                .put("absolute_url", "https://job-boards.greenhouse.io/" + company.toLowerCase(Locale.ROOT)
                        .replace(' ', '-') + "/jobs/" + id)
                .put("first_published", firstPublished).put("updated_at", firstPublished)
                .put("content", contentHtml.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        job.putObject("location").put("name", location);
        job.putArray("metadata");
        job.putArray("offices");
        job.putArray("departments");
        return job;
    }

    public static String greenhouseBoard(List<ObjectNode> jobs) {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("jobs").addAll(jobs);
        root.putObject("meta").put("total", jobs.size());
        return root.toString();
    }

    public static void serveGreenhouse(String token, String body) {
        boards().stubFor(get(urlEqualTo("/v1/boards/" + token + "/jobs?content=true")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(body)));
    }
}
