package io.atspro.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.testing.SharedFixtures;
import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class JobPostingExtractorTest {

    private static final URI PAGE = URI.create("https://careers.example.com/jobs/42?src=x");
    private final JobPostingExtractor extractor = new JobPostingExtractor();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A recorded payload from ../shared/fixtures/job-boards; the calling test is skipped without it. */
    static String resource(String name) {
        return SharedFixtures.string("fixtures/job-boards/" + name);
    }

    static String page(String... jsonLd) {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><title>Careers</title>"
                + "<meta property=\"og:site_name\" content=\"Example Careers\">");
        for (String json : jsonLd) {
            html.append("<script type=\"application/ld+json\">").append(json).append("</script>");
        }
        return html.append("</head><body><nav>Home Jobs Login</nav><h1>Loading…</h1>"
                + "<script>window.app = {}</script></body></html>").toString();
    }

    // ---------------------------------------------------------------- JSON-LD

    @Test
    void readsTheICimsJobPosting() {
        JobDetails job = extractor.extract(page(resource("jobposting_jsonld.json")), PAGE);

        assertThat(job.title()).isEqualTo("Sr. Advanced Field Support Specialist (TS/SCI Clearance Required)");
        assertThat(job.company()).isEqualTo("General Dynamics Mission Systems, Inc");
        assertThat(job.description()).startsWith("Basic Qualifications\nBachelor's degree in a related specialized area.")
                .contains("CLEARANCE REQUIREMENTS: Department of Defense Top Secret/SCI security clearance is required.")
                .doesNotContain("<").doesNotContain("Home Jobs Login");
        assertThat(job.qualifications()).containsExactly("Bachelor's degree in a related specialized area.",
                "CLEARANCE REQUIREMENTS: Department of Defense Top Secret/SCI security clearance is required.");
        // addressLocality "UNAVAILABLE" (and postOfficeBoxNumber) are placeholders
        assertThat(job.location()).containsExactly("Annapolis Junction, MD, US", "VA, US");
        // employmentType OTHER says nothing
        assertThat(job.logistics()).isEmpty();
        assertThat(job.additionalInfo()).containsExactly("Posted: 2026-10-04", "Apply by: 2027-10-04");
        assertThat(job.salary()).isNull();
        assertThat(job.link()).isEqualTo("https://careers-gdms.icims.com/jobs/75243/"
                + "sr.-advanced-field-support-specialist-%28ts-sci-clearance-required%29/job");
        assertThat(job.responsibilities()).isEmpty();
    }

    @Test
    void findsThePostingInsideAGraphAndFollowsIdReferences() {
        String graph = """
                {"@context":"https://schema.org","@graph":[
                  {"@type":"WebPage","@id":"https://acme.example/jobs/7#page","name":"Jobs"},
                  {"@type":"Organization","@id":"https://acme.example/#org","name":"Acme Robotics"},
                  {"@type":["JobPosting","Thing"],"title":"Firmware Engineer",
                   "hiringOrganization":{"@id":"https://acme.example/#org"},
                   "description":"<p>Build robots.</p>","employmentType":["FULL_TIME","CONTRACTOR"]}
                ]}""";

        JobDetails job = extractor.extract(page(graph), PAGE);

        assertThat(job.title()).isEqualTo("Firmware Engineer");
        assertThat(job.company()).isEqualTo("Acme Robotics");
        assertThat(job.description()).isEqualTo("Build robots.");
        assertThat(job.logistics()).containsExactly("Full-time", "Contract");
        assertThat(job.link()).isEqualTo(PAGE.toString());
    }

    @Test
    void findsThePostingInATopLevelArrayAndSkipsBrokenBlocks() {
        String broken = "{\"@type\": \"Organization\", \"name\": ";
        String array = """
                [{"@type":"BreadcrumbList","itemListElement":[]},
                 {"@context":"http://schema.org","@type":"http://schema.org/JobPosting","title":"Data Analyst",
                  "hiringOrganization":"Numbers Inc","description":"Crunch numbers.","url":"/jobs/99"}]""";

        JobDetails job = extractor.extract(page(broken, array), PAGE);

        assertThat(job.title()).isEqualTo("Data Analyst");
        assertThat(job.company()).isEqualTo("Numbers Inc");
        assertThat(job.link()).isEqualTo("https://careers.example.com/jobs/99");
    }

    @Test
    void findsAPostingNestedInAnotherEntity() {
        String nested = """
                {"@context":"https://schema.org","@type":"WebPage",
                 "mainEntity":{"@type":"JobPosting","title":"Nurse","description":"Care for patients."}}""";

        assertThat(extractor.extract(page(nested), PAGE).title()).isEqualTo("Nurse");
    }

    @Test
    void acceptsRawNewlinesTabsAndHtmlCommentWrappers() {
        String raw = "<!--\n{\"@type\":\"JobPosting\",\"title\":\"Line\tCook\",\"description\":\"Intro line\n"
                + "Responsibilities:\n• Prep vegetables\n• Keep the station clean\r\n\nRequirements:\n- Food safety "
                + "certificate\n- Weekend availability\",}\n-->";

        JobDetails job = extractor.extract(page(raw), PAGE);

        assertThat(job.title()).isEqualTo("Line Cook");
        assertThat(job.responsibilities()).containsExactly("Prep vegetables", "Keep the station clean");
        assertThat(job.qualifications()).containsExactly("Food safety certificate", "Weekend availability");
        assertThat(job.description()).isEqualTo("Intro line\n\nResponsibilities\n- Prep vegetables\n"
                + "- Keep the station clean\n\nRequirements\n- Food safety certificate\n- Weekend availability");
    }

    @Test
    void dropsPlaceholderValues() {
        String json = """
                {"@type":"JobPosting","title":"Welder","description":"Weld things.",
                 "hiringOrganization":{"@type":"Organization","name":"N/A"},
                 "baseSalary":"UNAVAILABLE","employmentType":"undefined","datePosted":"null","validThrough":"-",
                 "jobLocation":{"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"unavailable",
                   "addressRegion":"NULL","addressCountry":{"@type":"Country","name":"n/a"}}}}""";
        String noSiteName = "<html><head><script type=\"application/ld+json\">" + json + "</script></head>"
                + "<body></body></html>";

        JobDetails job = extractor.extract(noSiteName, PAGE);

        assertThat(job.title()).isEqualTo("Welder");
        assertThat(job.company()).isNull();
        assertThat(job.salary()).isNull();
        assertThat(job.location()).isEmpty();
        assertThat(job.logistics()).isEmpty();
        assertThat(job.additionalInfo()).isEmpty();
    }

    @Test
    void fallsBackToTheSiteNameForTheCompany() {
        String json = "{\"@type\":\"JobPosting\",\"title\":\"Welder\",\"description\":\"x\",\"hiringOrganization\":\"-\"}";

        assertThat(extractor.extract(page(json), PAGE).company()).isEqualTo("Example Careers");
    }

    @Test
    void formatsSalaries() throws IOException {
        assertThat(salary("""
                {"@type":"MonetaryAmount","currency":"USD","value":{"@type":"QuantitativeValue",
                 "minValue":120000,"maxValue":150000,"unitText":"YEAR"}}"""))
                .isEqualTo("USD 120,000–150,000 per year");
        assertThat(salary("""
                {"currency":"USD","value":{"minValue":"120000","maxValue":"150,000.00","unitText":"YEAR"}}"""))
                .isEqualTo("USD 120,000–150,000 per year");
        assertThat(salary("{\"currency\":\"USD\",\"value\":{\"value\":45.5,\"unitText\":\"HOUR\"}}"))
                .isEqualTo("USD 45.50 per hour");
        assertThat(salary("{\"currency\":\"EUR\",\"value\":{\"minValue\":60000,\"unitText\":\"YEAR\"}}"))
                .isEqualTo("From EUR 60,000 per year");
        assertThat(salary("{\"currency\":\"GBP\",\"value\":{\"minValue\":0,\"maxValue\":70000}}"))
                .isEqualTo("Up to GBP 70,000");
        assertThat(salary("{\"currency\":\"INR\",\"value\":{\"minValue\":2500000,\"maxValue\":2500000,"
                + "\"unitText\":\"ANNUAL\"}}")).isEqualTo("INR 2,500,000 per year");
        assertThat(salary("{\"currency\":\"USD\",\"value\":5000,\"unitText\":\"MONTH\"}"))
                .isEqualTo("USD 5,000 per month");
        assertThat(salary("\"$90k - $110k\"")).isEqualTo("$90k - $110k");
        assertThat(salary("{\"currency\":\"USD\",\"value\":{\"minValue\":0,\"maxValue\":0}}")).isNull();
    }

    private static String salary(String json) throws IOException {
        return JobPostingExtractor.salary(JSON.readTree(json));
    }

    @Test
    void readsTheSalaryFromThePosting() {
        String json = """
                {"@type":"JobPosting","title":"Designer","description":"Design.",
                 "baseSalary":{"@type":"MonetaryAmount","currency":"USD",
                   "value":{"@type":"QuantitativeValue","minValue":120000,"maxValue":150000,"unitText":"YEAR"}}}""";

        assertThat(extractor.extract(page(json), PAGE).salary()).isEqualTo("USD 120,000–150,000 per year");
    }

    @Test
    void findsASalaryRangeInTheDescriptionWhenTheDataHasNone() {
        String json = "{\"@type\":\"JobPosting\",\"title\":\"Designer\",\"description\":"
                + "\"<p>The base pay range is $120,000 - $150,000 per year plus equity.</p>\"}";

        assertThat(extractor.extract(page(json), PAGE).salary()).isEqualTo("$120,000 - $150,000 per year");
    }

    @Test
    void marksRemoteJobs() {
        String remoteUs = """
                {"@type":"JobPosting","title":"SRE","description":"Keep it up.","jobLocationType":"TELECOMMUTE",
                 "applicantLocationRequirements":{"@type":"Country","name":"USA"}}""";
        String hybrid = """
                {"@type":"JobPosting","title":"SRE","description":"Keep it up.","jobLocationType":["TELECOMMUTE"],
                 "jobLocation":{"@type":"Place","address":{"addressLocality":"Berlin",
                   "addressCountry":{"@type":"Country","name":"DE"}}}}""";

        assertThat(extractor.extract(page(remoteUs), PAGE).location()).containsExactly("Remote (USA)");
        assertThat(extractor.extract(page(hybrid), PAGE).location()).containsExactly("Berlin, DE", "Remote");
    }

    @Test
    void sortsGreenhouseBulletsIntoResponsibilitiesAndQualifications() throws IOException {
        JsonNode posting = JSON.readTree(resource("greenhouse.json")).get("jobs").get(1);
        // Greenhouse serves the description HTML entity-escaped once; the extractor undoes that
        String json = JSON.createObjectNode().put("@context", "https://schema.org").put("@type", "JobPosting")
                .put("title", posting.get("title").asText()).put("description", posting.get("content").asText())
                .set("hiringOrganization", JSON.createObjectNode().put("name", posting.get("company_name").asText()))
                .toString();

        JobDetails job = extractor.extract(page(json), URI.create(posting.get("absolute_url").asText()));

        assertThat(job.title()).isEqualTo("Associate Manager, Lending Operations");
        assertThat(job.company()).isEqualTo("PhonePe");
        assertThat(job.responsibilities()).hasSize(6).first().asString()
                .startsWith("Process Setup & Optimization: Set up processes to track");
        assertThat(job.qualifications()).contains(
                "Education: Preferably B.Tech from a Tier-1 institution OR MBA from a Tier-1/Tier-2 institution",
                "Experience: 2-3 years of Operations background.",
                "Prior experience in the lending vertical operations is preferred.");
        assertThat(job.additionalInfo()).anyMatch(i -> i.startsWith("Insurance Benefits - Medical Insurance"));
        assertThat(job.description()).contains("Key Responsibilities\n- Process Setup & Optimization:")
                .doesNotContain("&nbsp;").doesNotContain("&amp;").doesNotContain("<video");
        assertThat(job.link()).isEqualTo(posting.get("absolute_url").asText());
    }

    @Test
    void keepsSubheadingsInsideTheirSection() throws IOException {
        JsonNode posting = JSON.readTree(resource("greenhouse.json")).get("jobs").get(4);
        String json = JSON.createObjectNode().put("@type", "JobPosting").put("title", posting.get("title").asText())
                .put("description", posting.get("content").asText()).toString();

        JobDetails job = extractor.extract(page(json), PAGE);

        // h2 "Key Responsibilities" > h3 "1. Cross-Border ...", "2. Regulatory Change ..." > bullets
        assertThat(job.responsibilities()).contains("Inbound and outbound remittances",
                "Track regulatory developments across India and relevant foreign jurisdictions impacting "
                        + "cross-border products.");
        assertThat(job.responsibilities()).noneMatch(r -> r.startsWith("The Cross-Border Regulatory Compliance role"));
        assertThat(job.qualifications()).contains("Cross-border payment regulations");
    }

    @Test
    void sortsAshbyBullets() throws IOException {
        JsonNode posting = JSON.readTree(resource("ashby.json")).get("jobs").get(1);
        String json = JSON.createObjectNode().put("@type", "JobPosting").put("title", posting.get("title").asText())
                .put("description", posting.get("descriptionHtml").asText()).put("employmentType", "FULL_TIME")
                .toString();

        JobDetails job = extractor.extract(page(json), PAGE);

        assertThat(job.responsibilities()).first().asString()
                .isEqualTo("Own the pre-sales cycle for assigned accounts: from discovery and qualification "
                        + "through to technical proposal and pilot design");
        assertThat(job.qualifications()).contains("Prior exposure to AI/ML products, conversational AI, or "
                + "language technology").anyMatch(q -> q.startsWith("3-5 years in a pre-sales"));
        assertThat(job.additionalInfo()).contains("High ownership and high impact, from day one");
        assertThat(job.logistics()).containsExactly("Full-time");
    }

    @Test
    void readsAJsonLdDocumentServedOnItsOwn() {
        JobDetails job = extractor.extract(resource("jobposting_jsonld.json"), PAGE);

        assertThat(job.title()).startsWith("Sr. Advanced Field Support Specialist");
    }

    @Test
    void refusesJsonThatIsNotAPosting() {
        JobExtractionException e = catchThrowableOfType(JobExtractionException.class,
                () -> extractor.extract("{\"jobs\":[]}", PAGE));

        assertThat(e.reason()).isEqualTo(JobExtractionException.Reason.NOT_A_JOB_POSTING);
    }

    // ---------------------------------------------------------------- the page itself

    @Test
    void readsAPageWithoutJsonLd() {
        String html = """
                <!doctype html><html><head><title>Backend Engineer | Acme</title>
                <meta property="og:site_name" content="Acme">
                <meta property="og:title" content="Backend Engineer | Acme">
                <style>.x{color:red}</style><script>track("view")</script></head>
                <body>
                <header><a href="/">Acme</a> <a href="/jobs">All jobs</a></header>
                <nav><ul><li>Home</li><li>Teams</li></ul></nav>
                <main>
                  <h1>Backend Engineer</h1>
                  <p>We are looking for a backend engineer to join our payments team in Lisbon.
                     You will design APIs used by millions of people every day.</p>
                  <h2>What you'll do</h2>
                  <ul><li>Design and build <b>REST</b> services</li><li>Own on-call for your services</li></ul>
                  <p><strong>What you bring:</strong></p>
                  <ul><li>5+ years of Java</li><li>Experience with PostgreSQL<ul><li>Query tuning</li></ul></li></ul>
                  <h3>Benefits</h3>
                  <ul><li>Health insurance</li></ul>
                  <p>Salary: €60,000 – €75,000 a year.</p>
                  <form><button>Apply</button></form>
                  <script>window.dataLayer = [];</script>
                </main>
                <footer>© Acme 2026 · Privacy</footer>
                </body></html>""";

        JobDetails job = extractor.extract(html, PAGE);

        assertThat(job.title()).isEqualTo("Backend Engineer");
        assertThat(job.company()).isEqualTo("Acme");
        assertThat(job.description())
                .startsWith("Backend Engineer\nWe are looking for a backend engineer to join our payments team in "
                        + "Lisbon. You will design APIs used by millions of people every day.")
                .contains("What you'll do\n- Design and build REST services\n- Own on-call for your services")
                .doesNotContain("All jobs", "Teams", "Privacy", "track(", "dataLayer", "color:red", "Apply");
        assertThat(job.responsibilities()).containsExactly("Design and build REST services",
                "Own on-call for your services");
        assertThat(job.qualifications()).containsExactly("5+ years of Java", "Experience with PostgreSQL",
                "Query tuning");
        assertThat(job.additionalInfo()).containsExactly("Health insurance");
        assertThat(job.salary()).isEqualTo("€60,000 – €75,000 a year");
        assertThat(job.link()).isEqualTo(PAGE.toString());
        assertThat(job.location()).isEmpty();
    }

    @Test
    void takesTheTitleFromTheHeadingOrTheTitleElement() {
        String withH1 = "<html><head><title>Jobs at Foo</title></head><body><h1>Barista</h1><p>Make coffee.</p></body></html>";
        String withTitle = "<html><head><title>Barista – Foo</title></head><body><p>Make coffee.</p></body></html>";

        assertThat(extractor.extract(withH1, PAGE).title()).isEqualTo("Barista");
        assertThat(extractor.extract(withTitle, PAGE).title()).isEqualTo("Barista – Foo");
        assertThat(extractor.extract(withTitle, PAGE).description()).isEqualTo("Make coffee.");
    }

    @Test
    void keepsBulletsWrittenAsTextInParagraphs() {
        String html = "<html><body><article><p><b>Requirements</b></p><p>• SQL<br>• Python<br/>- dbt</p>"
                + "<p>We value curiosity and care about the craft of building good data products for everyone.</p>"
                + "</article></body></html>";

        JobDetails job = extractor.extract(html, PAGE);

        assertThat(job.qualifications()).containsExactly("SQL", "Python", "dbt");
    }

    @Test
    void failsClearlyOnAPageOfOnlyScripts() {
        String html = "<!doctype html><html><head><script src=\"/app.js\"></script>"
                + "<script>window.__STATE__ = {\"jobs\": []};</script><style>body{margin:0}</style></head>"
                + "<body><div id=\"root\"></div><script>render(document.getElementById('root'))</script>"
                + "<noscript>You need to enable JavaScript to run this app.</noscript></body></html>";

        JobExtractionException e = catchThrowableOfType(JobExtractionException.class,
                () -> extractor.extract(html, PAGE));

        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(JobExtractionException.Reason.NO_TEXT);
        assertThat(e.getMessage()).contains("no readable job description").contains("paste the description");
    }

    @Test
    void failsClearlyOnAnEmptyPage() {
        assertThat(catchThrowableOfType(JobExtractionException.class, () -> extractor.extract("", PAGE)).reason())
                .isEqualTo(JobExtractionException.Reason.NO_TEXT);
        assertThat(catchThrowableOfType(JobExtractionException.class, () -> extractor.extract(null, PAGE)).reason())
                .isEqualTo(JobExtractionException.Reason.NO_TEXT);
    }

    @Test
    void usesTheMetaDescriptionWhenTheBodyIsEmpty() {
        String html = "<html><head><meta property=\"og:title\" content=\"Chef\">"
                + "<meta name=\"description\" content=\"Lead our kitchen.\"></head><body><div id=app></div></body></html>";

        JobDetails job = extractor.extract(html, PAGE);

        assertThat(job.title()).isEqualTo("Chef");
        assertThat(job.description()).isEqualTo("Lead our kitchen.");
    }

    @Test
    void staysWithinTheJobDetailsLimits() {
        StringBuilder items = new StringBuilder("<h2>Requirements</h2><ul>");
        for (int i = 0; i < 150; i++) {
            items.append("<li>Skill ").append(i).append(' ').append("x".repeat(i == 0 ? 3000 : 10)).append("</li>");
        }
        String html = "<html><head><meta property=\"og:title\" content=\"" + "T".repeat(400) + "\"></head><body>"
                + items + "</ul></body></html>";

        JobDetails job = extractor.extract(html, PAGE);

        assertThat(job.title()).hasSize(JobDetails.Limits.NAME);
        assertThat(job.qualifications()).hasSize(JobDetails.Limits.LIST);
        assertThat(job.qualifications().get(0)).hasSize(JobDetails.Limits.ITEM).endsWith("…");
        assertThat(JobDetailsTest.violations(job)).isEmpty();
    }
}
