package io.atspro.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.atspro.bench.PostingGenerator;
import io.atspro.posting.NormalizedPosting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The dev stack's job boards: WireMock on a free 127.0.0.1 port answering the requests the board connectors make,
 * so that the scheduler fills the catalog without the internet. With the shared corpus ({@code ../shared}) it serves
 * the recorded board captures of {@code fixtures/job-boards} (see SOURCES.txt there), one board per capture; without
 * it, one Greenhouse board of postings made by {@link PostingGenerator}.
 *
 * <p>The application reads every platform from this one base ({@code atspro.scraping.*-base-url}); the boards to
 * register as scrape sources are {@link #sources()}. A JSON-LD career page is registered by its path
 * ({@code careers/...html}), which the application resolves against {@code atspro.scraping.career-page-base-url}:
 * unlike an absolute URL, that stays right when the next run of the dev stack gets another port.
 */
public final class LocalBoards implements AutoCloseable {

    /** One board to register as a scrape source; a null company name leaves the board's own. */
    public record Source(String platform, String board, String companyName) {
    }

    /** The platforms whose base URL ({@code atspro.scraping.<platform>-base-url}) points here. */
    public static final List<String> PLATFORMS = List.of("greenhouse", "lever", "ashby", "workday",
            "smartrecruiters", "workable", "recruitee", "personio", "teamtailor");
    /** The recorded captures, relative to the shared directory. */
    public static final String FIXTURES = "fixtures/job-boards";
    /** The Greenhouse board token of the generated postings. */
    public static final String GENERATED_BOARD = "atspro-demo";
    public static final int GENERATED_POSTINGS = 300;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final String WORKDAY_TENANT = "nvidia";
    private static final String WORKDAY_SITE = "NVIDIAExternalCareerSite";
    private static final String SMARTRECRUITERS_COMPANY = "BoschGroup";
    private static final long GENERATOR_SEED = 20_260_101L;
    private static final int GENERATED_COMPANIES = 40;

    private final WireMockServer server;
    private final List<Source> sources = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private String origin;

    private LocalBoards(WireMockServer server) {
        this.server = server;
    }

    /**
     * Starts the server and stubs the boards.
     *
     * @param sharedDir the shared corpus ({@code ../shared}), or null when there is none
     * @param projectDir to name the captures' directory relative to it in {@link #describe()}
     */
    public static LocalBoards start(Path sharedDir, Path projectDir) {
        WireMockServer server = new WireMockServer(options()
                .bindAddress(FreePort.LOOPBACK)
                .port(FreePort.find())
                // a dev session can run for days: nothing reads the journal
                .disableRequestJournal());
        server.start();
        LocalBoards boards = new LocalBoards(server);
        try {
            // anything not stubbed: a plain 404 (robots.txt, details of postings without a capture, later pages)
            server.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)
                    .withHeader("Content-Type", "text/plain").withBody("Not served by the dev stack's board server")));
            Path fixtures = sharedDir == null ? null : sharedDir.resolve(FIXTURES);
            if (fixtures != null && Files.isDirectory(fixtures)) {
                boards.recorded(fixtures);
                boards.origin = "recorded captures from " + relative(projectDir, fixtures);
            }
            if (boards.sources.isEmpty()) {
                boards.generated();
                boards.origin = GENERATED_POSTINGS + " generated postings (no " + relative(projectDir,
                        fixtures != null ? fixtures : projectDir.resolveSibling("shared").resolve(FIXTURES)) + ")";
            }
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        return boards;
    }

    /** http://127.0.0.1:port, without a trailing slash. */
    public String baseUrl() {
        return "http://" + FreePort.LOOPBACK + ":" + server.port();
    }

    public int port() {
        return server.port();
    }

    public List<Source> sources() {
        return List.copyOf(sources);
    }

    /** "14 boards on 10 platforms, recorded captures from ../shared/fixtures/job-boards". */
    public String describe() {
        long platforms = sources.stream().map(Source::platform).distinct().count();
        return sources.size() + (sources.size() == 1 ? " board" : " boards") + " on " + platforms
                + (platforms == 1 ? " platform" : " platforms") + ", " + origin;
    }

    /** Captures that were expected but are missing from the shared directory (their boards are not served). */
    public List<String> skipped() {
        return List.copyOf(skipped);
    }

    @Override
    public void close() {
        server.stop();
    }

    // ------------------------------------------------------------------------------------------ recorded captures

    private void recorded(Path dir) {
        byte[] greenhouse = read(dir, "greenhouse.json");
        if (greenhouse != null) {
            serve(get(urlPathEqualTo("/v1/boards/phonepe/jobs")).withQueryParam("content", equalTo("true")),
                    greenhouse, JSON_TYPE);
            sources.add(new Source("greenhouse", "phonepe", null));
        }

        byte[] lever = read(dir, "lever.json");
        if (lever != null) {
            // LeverConnector pages with skip/limit until a short page: the capture is the first and only page
            serve(get(urlPathEqualTo("/v0/postings/meesho")).withQueryParam("mode", equalTo("json"))
                    .withQueryParam("skip", equalTo("0")), lever, JSON_TYPE);
            serve(get(urlPathEqualTo("/v0/postings/meesho")).withQueryParam("mode", equalTo("json"))
                    .withQueryParam("skip", matching("[1-9][0-9]*")), bytes("[]"), JSON_TYPE);
            sources.add(new Source("lever", "meesho", "Meesho"));
        }

        ashby(dir, "ashby/stapply_notion.json", "notion", "Notion");
        ashby(dir, "ashby/stapply_hims-and-hers.json", "hims-and-hers", "Hims & Hers");
        ashby(dir, "ashby/stapply_roadsurfer.com.json", "roadsurfer.com", "roadsurfer");

        workday(dir);
        smartRecruiters(dir);

        byte[] workable = read(dir, "workable/clearfetch_huggingface_widget.json");
        if (workable != null) {
            serve(get(urlPathEqualTo("/api/v1/widget/accounts/huggingface")).withQueryParam("details",
                    equalTo("true")), workable, JSON_TYPE);
            sources.add(new Source("workable", "huggingface", null));
        }

        // Recruitee, Personio and Teamtailor read every board from the one configured base ({base}/api/offers/,
        // {base}/xml, {base}/jobs.json whatever the slug): one board each
        byte[] recruitee = read(dir, "recruitee/hunt_channable_offers.json");
        if (recruitee != null) {
            serve(get(urlPathEqualTo("/api/offers/")), recruitee, JSON_TYPE);
            sources.add(new Source("recruitee", "channable", null));
        }
        byte[] personio = read(dir, "personio/clearfetch_personio.xml");
        if (personio != null) {
            serve(get(urlPathEqualTo("/xml")), personio, "application/xml; charset=utf-8");
            sources.add(new Source("personio", "personio", null));
        }
        byte[] teamtailor = read(dir, "teamtailor/jobs_slaterconsult_jobs_feed.json");
        if (teamtailor != null) {
            serve(get(urlPathEqualTo("/jobs.json")), teamtailor, "application/feed+json; charset=utf-8");
            sources.add(new Source("teamtailor", "slaterconsult", null));
        }

        careerPage(dir, "jobs_breezy_highlightshealthcare_reduced.html", null);
        careerPage(dir, "jobs_icims_fujifilm_reduced.html", null);
        // its JobPosting names no hiring organisation (the Organization is a block of its own)
        careerPage(dir, "jobs_jazzhr_paradromics_reduced.html", "Paradromics, Inc.");
    }

    private void ashby(Path dir, String file, String board, String company) {
        byte[] body = read(dir, file);
        if (body != null) {
            serve(get(urlPathEqualTo("/posting-api/job-board/" + board)).withQueryParam("includeCompensation",
                    equalTo("true")), body, JSON_TYPE);
            sources.add(new Source("ashby", board, company));
        }
    }

    /**
     * The listing (POST .../jobs) at offset 0, an empty one after; each listed posting's detail from the capture
     * whose {@code externalUrl} is that posting's, the others 404 (the connector skips them as closed).
     */
    private void workday(Path dir) {
        byte[] listingBytes = read(dir, "workday/clearfetch_nvidia_jobs.json");
        if (listingBytes == null) {
            return;
        }
        String api = "/wday/cxs/" + WORKDAY_TENANT + "/" + WORKDAY_SITE;
        JsonNode listing = parse(listingBytes, "workday/clearfetch_nvidia_jobs.json");
        serve(post(urlEqualTo(api + "/jobs")).withRequestBody(matchingJsonPath("$.offset", equalTo("0"))),
                listingBytes, JSON_TYPE);
        ObjectNode empty = JSON.createObjectNode();
        empty.put("total", 0);
        empty.putArray("jobPostings");
        empty.putArray("facets");
        serve(post(urlEqualTo(api + "/jobs")).atPriority(10), bytes(empty.toString()), JSON_TYPE);

        Set<String> paths = new LinkedHashSet<>();
        listing.path("jobPostings").forEach(entry -> paths.add(entry.path("externalPath").asText()));
        String publicSite = "https://" + WORKDAY_TENANT + ".wd5.myworkdayjobs.com/" + WORKDAY_SITE;
        for (Path file : list(dir.resolve("workday"), "_detail")) {
            byte[] body = read(file);
            String url = parse(body, file.toString()).path("jobPostingInfo").path("externalUrl").asText("");
            if (url.startsWith(publicSite) && paths.contains(url.substring(publicSite.length()))) {
                serve(get(urlEqualTo(api + url.substring(publicSite.length()))), body, JSON_TYPE);
            }
        }
        sources.add(new Source("workday", WORKDAY_TENANT + ".wd5/" + WORKDAY_SITE, "NVIDIA"));
    }

    /**
     * The listing at offset 0 with {@code totalFound} set to the postings it holds (the capture says 4796 of the live
     * board but holds 2), an empty page after; details of listed postings from the captures with their id, the
     * others 404.
     */
    private void smartRecruiters(Path dir) {
        String file = "smartrecruiters/clearfetch_boschgroup_postings.json";
        byte[] listingBytes = read(dir, file);
        if (listingBytes == null) {
            return;
        }
        String postings = "/v1/companies/" + SMARTRECRUITERS_COMPANY + "/postings";
        ObjectNode listing = (ObjectNode) parse(listingBytes, file);
        int held = listing.path("content").size();
        listing.put("totalFound", held);
        serve(get(urlPathEqualTo(postings)).withQueryParam("offset", equalTo("0")), bytes(listing.toString()),
                JSON_TYPE);
        ObjectNode empty = JSON.createObjectNode();
        empty.put("offset", 100).put("limit", 100).put("totalFound", held);
        empty.putArray("content");
        serve(get(urlPathEqualTo(postings)).withQueryParam("offset", matching("[1-9][0-9]*")),
                bytes(empty.toString()), JSON_TYPE);

        Set<String> ids = new LinkedHashSet<>();
        listing.path("content").forEach(entry -> ids.add(entry.path("id").asText()));
        for (Path detailFile : list(dir.resolve("smartrecruiters"), "_detail")) {
            byte[] body = read(detailFile);
            JsonNode detail = parse(body, detailFile.toString());
            String id = detail.path("id").asText("");
            if (ids.contains(id) && SMARTRECRUITERS_COMPANY.equals(detail.path("company").path("identifier").asText())) {
                serve(get(urlPathEqualTo(postings + "/" + id)), body, JSON_TYPE);
            }
        }
        sources.add(new Source("smartrecruiters", SMARTRECRUITERS_COMPANY, null));
    }

    /** A JSON-LD page at /careers/{file}, registered by that path (robots.txt: the catch-all 404, crawl allowed). */
    private void careerPage(Path dir, String file, String company) {
        byte[] page = read(dir, "jsonld-pages/" + file);
        if (page != null) {
            serve(get(urlEqualTo("/careers/" + file)), page, "text/html; charset=utf-8");
            sources.add(new Source("jsonld", "careers/" + file, company));
        }
    }

    // ------------------------------------------------------------------------------------------ generated postings

    /**
     * One Greenhouse board ({@code GET /v1/boards/atspro-demo/jobs?content=true}) of postings from the benchmark's
     * generator, in Greenhouse's shape: the content entity-escaped HTML as Greenhouse sends it, employment type and
     * workplace as custom metadata fields. Deterministic but for the dates, which end today.
     */
    private void generated() {
        PostingGenerator generator = new PostingGenerator(GENERATOR_SEED, GENERATED_COMPANIES,
                Instant.now().truncatedTo(ChronoUnit.DAYS));
        ObjectNode root = JSON.createObjectNode();
        ArrayNode jobs = root.putArray("jobs");
        for (int i = 0; i < GENERATED_POSTINGS; i++) {
            NormalizedPosting p = generator.posting(i);
            long id = 4_500_000_000L + i;
            ObjectNode job = jobs.addObject();
            job.put("id", id);
            job.put("internal_job_id", 2_500_000L + i);
            job.put("title", p.title());
            job.put("company_name", p.companyName());
            job.putObject("location").put("name", p.locationRaw());
            job.put("absolute_url", "https://boards.greenhouse.io/" + GENERATED_BOARD + "/jobs/" + id);
            String posted = p.postedAt().toString();
            job.put("first_published", posted);
            job.put("updated_at", posted);
            job.put("requisition_id", "REQ-" + (10_000 + i));
            ArrayNode metadata = job.putArray("metadata");
            String employment = employmentLabel(p.employmentType());
            if (employment != null) {
                metadata.addObject().put("id", 1001).put("name", "Employment Type").put("value", employment)
                        .put("value_type", "single_select");
            }
            String workplace = workplaceLabel(p.workArrangement());
            if (workplace != null) {
                metadata.addObject().put("id", 1002).put("name", "Workplace").put("value", workplace)
                        .put("value_type", "single_select");
            }
            String department = p.metadata() == null ? null : p.metadata().get("department");
            ArrayNode departments = job.putArray("departments");
            if (department != null) {
                departments.addObject().put("id", 3000 + Math.abs(department.hashCode() % 1000)).put("name", department);
            }
            job.putArray("offices");
            job.put("content", escape(html(p.description())));
        }
        root.putObject("meta").put("total", GENERATED_POSTINGS);
        serve(get(urlPathEqualTo("/v1/boards/" + GENERATED_BOARD + "/jobs")).withQueryParam("content",
                equalTo("true")), bytes(root.toString()), JSON_TYPE);
        sources.add(new Source("greenhouse", GENERATED_BOARD, null));
    }

    private static String employmentLabel(String type) {
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "full_time" -> "Full-time";
            case "part_time" -> "Part-time";
            case "contract" -> "Contract";
            case "internship" -> "Intern";
            case "temporary" -> "Temporary";
            default -> null;
        };
    }

    private static String workplaceLabel(String arrangement) {
        if (arrangement == null) {
            return null;
        }
        return switch (arrangement) {
            case "remote" -> "Remote";
            case "hybrid" -> "Hybrid";
            case "onsite" -> "On-site";
            default -> null;
        };
    }

    /** The generator's text as HTML: paragraphs, a line followed by "- " items as a heading and its list. */
    static String html(String text) {
        StringBuilder out = new StringBuilder();
        for (String block : text.split("\n\n")) {
            String[] lines = block.split("\n");
            boolean inList = false;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("- ")) {
                    if (!inList) {
                        out.append("<ul>");
                        inList = true;
                    }
                    out.append("<li>").append(escape(line.substring(2))).append("</li>");
                    continue;
                }
                if (inList) {
                    out.append("</ul>");
                    inList = false;
                }
                boolean heading = i + 1 < lines.length && lines[i + 1].startsWith("- ");
                out.append(heading ? "<h3>" : "<p>").append(escape(line)).append(heading ? "</h3>" : "</p>");
            }
            if (inList) {
                out.append("</ul>");
            }
        }
        return out.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void serve(MappingBuilder request, byte[] body, String contentType) {
        server.stubFor(request.willReturn(aResponse().withStatus(200).withHeader("Content-Type", contentType)
                .withBody(body)));
    }

    /** The capture's bytes, or null (noted in {@link #skipped()}) when the shared directory lacks it. */
    private byte[] read(Path dir, String relative) {
        Path file = dir.resolve(relative);
        if (!Files.isRegularFile(file)) {
            skipped.add(relative);
            return null;
        }
        return read(file);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the board capture " + file, e);
        }
    }

    private static JsonNode parse(byte[] body, String what) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("The board capture " + what + " is not JSON", e);
        }
    }

    /** The directory's *.json files whose names contain {@code marker}, sorted; none when it is absent. */
    private static List<Path> list(Path dir, String marker) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> {
                String name = f.getFileName().toString();
                return name.endsWith(".json") && name.contains(marker);
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String relative(Path projectDir, Path path) {
        try {
            return projectDir.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize()).toString();
        } catch (IllegalArgumentException e) {
            return path.toString();
        }
    }
}
