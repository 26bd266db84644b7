package io.atspro.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatusEventsTest {

    /** Stands in for the features that react to status changes (notifications, analytics). */
    @ApplicationScoped
    static class Listener {
        static final List<ApplicationStatusChanged> SEEN = new CopyOnWriteArrayList<>();

        void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApplicationStatusChanged change) {
            SEEN.add(change);
        }
    }

    @Test
    void everyCommittedStatusChangeIsAnnouncedAndARefusedOneIsNot() {
        String bearer = Tokens.user().bearer();
        String location = given().header("Authorization", bearer).contentType(ContentType.JSON)
                .body("{\"company_name\":\"Acme\",\"job_title\":\"Engineer\"}").post("/api/v1/applications")
                .then().statusCode(201).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        given().header("Authorization", bearer).contentType(ContentType.JSON).body("{\"status\":\"applied\"}")
                .post(location + "/status").then().statusCode(200);
        given().header("Authorization", bearer).contentType(ContentType.JSON).body("{\"status\":\"accepted\"}")
                .post(location + "/status").then().statusCode(409);

        List<ApplicationStatusChanged> mine = Listener.SEEN.stream()
                .filter(e -> e.applicationId().toString().equals(id)).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).from()).isEqualTo(ApplicationStatus.SAVED);
        assertThat(mine.get(0).to()).isEqualTo(ApplicationStatus.APPLIED);
        assertThat(mine.get(0).companyName()).isEqualTo("Acme");
    }
}
