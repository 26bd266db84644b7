package io.atspro.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The transition table and what moves do to an application, without a database. */
class ApplicationStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static Application application(ApplicationStatus initial) {
        return Application.start("u1", "Acme", "Engineer", initial, JsonNodeFactory.instance.objectNode(),
                JsonNodeFactory.instance.arrayNode(), NOW);
    }

    @Test
    void theHappyPathIsAllowedAndFinalStatesAreFinal() {
        assertThat(ApplicationStatus.SAVED.canMoveTo(ApplicationStatus.APPLIED)).isTrue();
        assertThat(ApplicationStatus.APPLIED.canMoveTo(ApplicationStatus.SCREENING)).isTrue();
        assertThat(ApplicationStatus.SCREENING.canMoveTo(ApplicationStatus.INTERVIEWING)).isTrue();
        assertThat(ApplicationStatus.INTERVIEWING.canMoveTo(ApplicationStatus.OFFERED)).isTrue();
        assertThat(ApplicationStatus.OFFERED.canMoveTo(ApplicationStatus.ACCEPTED)).isTrue();
        assertThat(ApplicationStatus.OFFERED.canMoveTo(ApplicationStatus.SAVED)).isFalse();
        assertThat(ApplicationStatus.REJECTED.next()).isEmpty();
        assertThat(ApplicationStatus.WITHDRAWN.next()).isEmpty();
        for (ApplicationStatus status : ApplicationStatus.values()) {
            assertThat(status.canMoveTo(status)).as("%s to itself", status).isFalse();
        }
    }

    @Test
    void anIllegalMoveChangesNothing() {
        Application application = application(ApplicationStatus.SAVED);
        application.moveTo(ApplicationStatus.APPLIED, "user", null, null, NOW);
        assertThatThrownBy(() -> application.moveTo(ApplicationStatus.ACCEPTED, "user", null, null, NOW))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("applied");
        assertThat(application.status()).isEqualTo(ApplicationStatus.APPLIED);
    }

    @Test
    void stagesSetTheirDatesWhenTheUserGivesNone() {
        Application application = application(ApplicationStatus.SAVED);
        assertThat(application.appliedAt).isNull();
        StatusChange change = application.moveTo(ApplicationStatus.APPLIED, "user", "sent", null, NOW);
        assertThat(application.appliedAt).isEqualTo(NOW);
        assertThat(change.fromStatus).isEqualTo("saved");
        assertThat(change.toStatus).isEqualTo("applied");
        Instant interview = NOW.plusSeconds(86_400);
        application.moveTo(ApplicationStatus.INTERVIEWING, "user", null, interview, NOW);
        assertThat(application.responseDate).isEqualTo(interview);
        assertThat(application.interviewDates).containsExactly(interview);
        application.moveTo(ApplicationStatus.REJECTED, "user", "Went with another candidate", null, NOW);
        assertThat(application.rejectionReason).isEqualTo("Went with another candidate");
    }

    @Test
    void otherSeedsWordsMapOntoTheVocabulary() {
        assertThat(ApplicationStatus.fromSeed("submitted")).isEqualTo(ApplicationStatus.APPLIED);
        assertThat(ApplicationStatus.fromSeed("reviewing")).isEqualTo(ApplicationStatus.SCREENING);
        assertThat(ApplicationStatus.fromSeed("interviewed")).isEqualTo(ApplicationStatus.INTERVIEWING);
        assertThat(ApplicationStatus.fromSeed("interview")).isEqualTo(ApplicationStatus.INTERVIEWING);
        assertThat(ApplicationStatus.fromSeed("offer")).isEqualTo(ApplicationStatus.OFFERED);
    }
}
