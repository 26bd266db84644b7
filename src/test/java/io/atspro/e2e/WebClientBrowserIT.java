package io.atspro.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.atspro.testing.SharedFixtures;
import io.atspro.testing.TestStack;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reference web client at {@code /app/} in a real, headless Chromium against the packaged service and a real
 * Keycloak: the authorization-code login with PKCE on Keycloak's own page, a real resume uploaded and parsed, a job
 * added from a URL and applied to, the application moved on the board (a legal move, then an illegal drop the API
 * refuses), notifications arriving over the stream without a reload, and the logout through Keycloak.
 *
 * <p>Uses the system's Chromium and chromedriver ({@code apt-get install chromium chromium-driver}); without them it
 * is skipped, except on CI ({@code CI=true}) where it fails. The browser resolves no name but 127.0.0.1, so it never
 * reaches the network. A screenshot of each step goes to {@code target/browser-screenshots/}. The resume's contents
 * are never logged: assertions name only counts and statuses.
 */
@QuarkusIntegrationTest
class WebClientBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String INSTALL = "apt-get install chromium chromium-driver";
    /** A DOCX: the PDFs of the corpus make PDFBox warn about each broken font glyph, thousands of log lines. */
    private static final String RESUME = "fixtures/resumes-real/files/r09.docx";
    private static final Path SCREENSHOTS = Path.of("target/browser-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The parse of a real resume in a freshly started service (the first parse loads the parser's vocabularies). */
    private static final Duration PARSE_WAIT = Duration.ofSeconds(180);

    /** Chromium is newer than the DevTools versions this Selenium ships: it warns, but the test uses no DevTools. */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    private ChromeDriverService service;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String missing = "the browser test needs Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                + ": " + INSTALL;
        if (!present && "true".equals(System.getenv("CI"))) {
            Assertions.fail(missing + " (CI=true: not skipped)");
        }
        Assumptions.assumeTrue(present, missing);

        Files.createDirectories(SCREENSHOTS);
        try (Stream<Path> old = Files.list(SCREENSHOTS)) {
            for (Path picture : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(picture);
            }
        }
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        profile = Files.createTempDirectory("atspro-chromium-");
        // the explicit driver: Selenium Manager is never asked to find or download one
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(SCREENSHOTS.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--disable-default-apps", "--disable-extensions", "--no-pings",
                "--disable-domain-reliability", "--disable-client-side-phishing-detection",
                "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,"
                        + "CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions",
                // every name but 127.0.0.1 fails to resolve: the browser talks to the service and Keycloak only
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--proxy-server=direct://", "--proxy-bypass-list=*",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        options.setExperimentalOption("prefs", Map.of("credentials_enable_service", false,
                "profile.password_manager_enabled", false));
        driver = new ChromeDriver(service, options);
        // the app re-renders panels as answers arrive: an element found a moment ago may be replaced before it is read
        wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** An element's text, read again when the app has just replaced the element. */
    private String text(By element) {
        return wait.until(d -> d.findElement(element).getText());
    }

    @Test
    void aliceSignsInUploadsAResumeWorksTheBoardSeesNotificationsLiveAndSignsOut() throws IOException {
        Path resume = SharedFixtures.require(RESUME);
        String company = "Example Robotics " + UUID.randomUUID().toString().substring(0, 6);
        String jobUrl = jobPage(company);
        try {
            journey(resume, company, jobUrl);
        } catch (RuntimeException | AssertionError e) {
            screenshot("99-failure.png");
            throw e;
        }
    }

    private void journey(Path resume, String company, String jobUrl) {
        // 1. the signed-out app
        driver.get("http://127.0.0.1:" + RestAssured.port + "/app/");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
        screenshot("01-signed-out.png");

        // 2. Keycloak's own login page (authorization-code flow with PKCE)
        driver.findElement(By.id("sign-in-main")).click();
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).as("the login page is Keycloak's")
                .startsWith(TestStack.get().keycloak().issuer() + "/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256");
        screenshot("02-keycloak-login.png");
        username.sendKeys("alice");
        driver.findElement(By.id("password")).sendKeys("alice");
        driver.findElement(By.id("kc-login")).click();

        // 3. back in the app, signed in, the notification stream open
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workspace")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-name"), "Alice"));
        assertThat(driver.getCurrentUrl()).as("the code and state are gone from the address bar").doesNotContain("code=");
        wait.until(ExpectedConditions.attributeToBe(By.id("stream-state"), "data-state", "open"));
        screenshot("03-signed-in.png");

        // 4. a real resume uploaded, parsed and reviewed (its contents stay out of the test's output)
        // alice may have resumes from earlier tests, and the app shows her latest at sign-in: this one has its title
        String resumeTitle = "Browser upload " + UUID.randomUUID().toString().substring(0, 8);
        driver.findElement(By.id("resume-title")).sendKeys(resumeTitle);
        driver.findElement(By.id("resume-file")).sendKeys(resume.toAbsolutePath().toString());
        driver.findElement(By.id("resume-upload")).click();
        new WebDriverWait(driver, PARSE_WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> shown = d.findElements(By.cssSelector("#resume-result h3"));
            List<WebElement> status = d.findElements(By.id("resume-status"));
            return !shown.isEmpty() && shown.get(0).getText().equals(resumeTitle)
                    && !status.isEmpty() && List.of("parsed", "failed").contains(status.get(0).getText());
        });
        assertThat(text(By.id("resume-status"))).as("resume status").isEqualTo("parsed");
        assertThat(text(By.id("resume-work-count"))).as("work entries").matches("[0-9]+");
        assertThat(driver.findElements(By.cssSelector("#resume-warnings h4"))).as("the warnings area").hasSize(1);
        scrollTo("resume");
        screenshot("04-resume-parsed.png");

        // 5. a job added from its URL, read by the service, and an application created for it
        scrollTo("jobs");
        driver.findElement(By.id("job-url")).sendKeys(jobUrl);
        driver.findElement(By.id("job-add")).click();
        wait.until(ExpectedConditions.textToBe(By.id("job-status"), "completed"));
        assertThat(text(By.id("job-title"))).isEqualTo("Staff Platform Engineer");
        driver.findElement(By.id("job-apply")).click();
        By card = By.xpath("//li[contains(@class,'card')][contains(., '" + company + "')]");
        WebElement saved = wait.until(ExpectedConditions.presenceOfElementLocated(card));
        String id = saved.getAttribute("data-id");
        assertThat(column(id)).isEqualTo("saved");
        screenshot("05-job-and-application.png");

        // 6. a legal move with the keyboard alternative (the card's list and Move button): saved → applied
        scrollTo("board");
        new Select(driver.findElement(By.id("move-" + id))).selectByValue("applied");
        driver.findElement(By.id("move-go-" + id)).click();
        wait.until(d -> "applied".equals(column(id)));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("board-status"), "moved to applied"));
        // ... and the notification the move produced arrives over the stream, without a reload
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//ol[@id='notification-list']/li[contains(., '" + company + "') and contains(., 'applied')]")));

        // 7. an illegal drop, applied → accepted: the API refuses (409), the problem's detail is shown, the card goes back
        dragAndDrop(driver.findElement(By.cssSelector("li.card[data-id='" + id + "']")),
                driver.findElement(By.cssSelector(".column[data-status='accepted']")));
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("board-problem")));
        wait.until(ExpectedConditions.textToBePresentInElement(problem, "cannot move from applied to accepted"));
        assertThat(problem.getText()).contains("Conflict");
        wait.until(d -> "applied".equals(column(id)));
        screenshot("06-board-illegal-move-refused.png");

        // 8. catalog search
        scrollTo("search");
        driver.findElement(By.id("search-q")).sendKeys("engineer");
        driver.findElement(By.id("search-go")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-summary")));
        screenshot("07-search.png");

        // 9. an announcement sent server-side (alice is an admin) appears live, and the unread count goes up
        int unreadBefore = unread();
        String title = "Browser test announcement " + company;
        given().auth().oauth2(TestStack.get().keycloak().tokenFor("alice", "alice")).contentType(ContentType.JSON)
                .body(Map.of("title", title, "message", "The reference client shows this without a reload.",
                        "priority", "normal"))
                .post("/api/v1/admin/notifications/announcements").then().statusCode(200);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//ol[@id='notification-list']/li[contains(., '" + title + "')]")));
        wait.until(d -> unread() > unreadBefore);
        scrollTo("notifications");
        screenshot("08-notifications-live.png");

        // 10. logout at Keycloak (id_token_hint, post_logout_redirect_uri) and back to the signed-out app
        driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-state", "signed-out"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
        assertThat(driver.getCurrentUrl()).startsWith("http://127.0.0.1:" + RestAssured.port + "/app/");
        assertThat(text(By.id("user-name"))).isEmpty();
        screenshot("09-signed-out-again.png");
    }

    /** A career page with a schema.org JobPosting, served by the stack's board server (WireMock on 127.0.0.1). */
    private static String jobPage(String company) {
        String path = "/careers/web-client-it/" + UUID.randomUUID() + ".html";
        String html = """
                <!doctype html><html><head><title>Staff Platform Engineer</title>
                <script type="application/ld+json">{"@context": "https://schema.org", "@type": "JobPosting",
                "title": "Staff Platform Engineer", "description": "<p>Build the platform our robots run on.</p>",
                "datePosted": "2026-11-02", "employmentType": "FULL_TIME",
                "hiringOrganization": {"@type": "Organization", "name": "%s"},
                "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Berlin",
                "addressCountry": "DE"}}}</script></head>
                <body><h1>Staff Platform Engineer</h1><p>Build the platform our robots run on.</p></body></html>
                """.formatted(company);
        TestStack.get().boards().wiremock().stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody(html)));
        return TestStack.get().boards().url(path);
    }

    /** The status column the card of application {@code id} is in, or null. */
    private String column(String id) {
        List<WebElement> cards = driver.findElements(By.cssSelector(".column li.card[data-id='" + id + "']"));
        return cards.isEmpty() ? null
                : cards.get(0).findElement(By.xpath("ancestor::section[contains(@class,'column')]")).getAttribute("data-status");
    }

    private int unread() {
        return Integer.parseInt(text(By.id("unread-count")).replaceAll("[^0-9]", ""));
    }

    /**
     * HTML5 drag and drop, dispatched as the browser would: chromedriver's pointer actions do not start native
     * HTML5 drags, so the test fires dragstart, dragover, drop and dragend with one DataTransfer, which runs the
     * app's own handlers.
     */
    private void dragAndDrop(WebElement source, WebElement target) {
        ((JavascriptExecutor) driver).executeScript("""
                const [source, target] = arguments;
                const data = new DataTransfer();
                const fire = (element, type) => element.dispatchEvent(
                    new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data}));
                fire(source, 'dragstart');
                fire(target, 'dragenter');
                fire(target, 'dragover');
                fire(target, 'drop');
                fire(source, 'dragend');
                """, source, target);
    }

    private void scrollTo(String id) {
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    private void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            // a missing picture must not hide the step's own result
            System.err.println("Could not save screenshot " + name + ": " + e.getMessage());
        }
    }
}
