package io.atspro.job;

import io.atspro.shared.AddressClassifier;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the production default, job URLs into loopback, private or link-local networks are refused. */
@QuarkusTest
@TestProfile(JobUrlSafetyTest.ProductionFetchPolicy.class)
class JobUrlSafetyTest {

    public static class ProductionFetchPolicy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atspro.jobs.fetch.allow-private-networks", "false");
        }
    }

    private static String failedReason(String bearer, String url) throws InterruptedException {
        String location = given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body("{\"url\":\"" + url + "\"}").post("/api/v1/jobs").then().statusCode(202).extract().header("Location");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            var job = given().header("Authorization", bearer).get(location).then().statusCode(200).extract();
            if ("failed".equals(job.path("status"))) {
                return job.path("error_message");
            }
            Thread.sleep(100);
        }
        throw new AssertionError(url + " was not refused");
    }

    // Only loopback targets here: if the check ever failed, nothing may leave this machine. Private and
    // link-local ranges (10/8, 169.254.169.254, ...) are checked without any traffic in AddressClassifier's tests.
    @Test
    void loopbackAddressesAreRefused() throws Exception {
        String bearer = Tokens.user().bearer();
        for (String url : new String[] {"http://127.0.0.1:8080/api/v1/me", "http://localhost/", "http://[::1]/"}) {
            org.assertj.core.api.Assertions.assertThat(failedReason(bearer, url)).as(url).containsIgnoringCase("private");
        }
    }

    @Test
    void onlyHttpAndHttpsUrlsAreAccepted() {
        String bearer = Tokens.user().bearer();
        for (String url : new String[] {"file:///etc/passwd", "ftp://example.com/job", "javascript:alert(1)", "not a url"}) {
            given().header("Authorization", bearer).contentType(ContentType.JSON).body("{\"url\":\"" + url + "\"}")
                    .post("/api/v1/jobs").then().statusCode(400).body("errors[0].field", equalTo("url"));
        }
        given().header("Authorization", bearer).get("/api/v1/jobs").then().body("total", equalTo(0));
    }
}
