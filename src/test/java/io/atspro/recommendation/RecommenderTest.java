package io.atspro.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspro.posting.PostingSummary;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecommenderTest {

    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final float[] NO_VECTOR = new float[0];

    static PostingSummary posting(String title, String city, String country, String arrangement, String level,
            String currency, int daysAgo) {
        return new PostingSummary(UUID.randomUUID(), title, UUID.randomUUID(), "Acme", city, city, null, country,
                arrangement, "full_time", level, null, BigDecimal.ONE, currency, "year",
                NOW.minus(Duration.ofDays(daysAgo)), "ashby", null, true, "", 0);
    }

    static Recommender.Candidate candidate(PostingSummary p, float similarity, List<String> skills, Integer salary) {
        return new Recommender.Candidate(p, similarity, skills, salary);
    }

    static Recommender.Basis basis(Recommender.Preferences preferences) {
        return new Recommender.Basis(NO_VECTOR, Set.of("java", "postgresql", "kafka"), preferences);
    }

    private final Recommender recommender = new Recommender();

    @Test
    void aSalaryUnderTheFloorIsFilteredOutButAnUnstatedOneIsKept() {
        var prefs = new Recommender.Preferences(List.of(), true, null, 100_000, "USD", null);
        var under = candidate(posting("Engineer", null, null, "remote", null, "USD", 1), 0.5f, List.of(), 90_000);
        var unstated = candidate(posting("Engineer", null, null, "remote", null, null, 1), 0.5f, List.of(), null);
        var otherCurrency = candidate(posting("Engineer", null, null, "remote", null, "EUR", 1), 0.5f, List.of(),
                90_000);
        assertThat(recommender.rank(basis(prefs), List.of(under, unstated, otherCurrency), NOW))
                .extracting(s -> s.candidate()).containsExactlyInAnyOrder(unstated, otherCurrency);
        assertThat(recommender.score(basis(prefs), unstated, NOW).reasons().preferencesMissed())
                .contains("salary not stated");
    }

    @Test
    void withoutRelocationOnlyRemotePostingsAndTheUsersPlacesStay() {
        var stay = new Recommender.Preferences(List.of("Berlin", "Portugal"), false, null, null, null, null);
        var berlin = candidate(posting("Engineer", "Berlin", "DE", "onsite", null, null, 1), 0.5f, List.of(), null);
        var lisbon = candidate(posting("Engineer", "Lisbon", "PT", "hybrid", null, null, 1), 0.5f, List.of(), null);
        var paris = candidate(posting("Engineer", "Paris", "FR", "onsite", null, null, 1), 0.5f, List.of(), null);
        var remote = candidate(posting("Engineer", "Paris", "FR", "remote", null, null, 1), 0.5f, List.of(), null);
        assertThat(recommender.rank(basis(stay), List.of(berlin, lisbon, paris, remote), NOW))
                .extracting(s -> s.candidate()).containsExactlyInAnyOrder(berlin, lisbon, remote);

        var move = new Recommender.Preferences(List.of("Berlin"), true, null, null, null, null);
        List<Recommender.Scored> ranked = recommender.rank(basis(move), List.of(berlin, paris), NOW);
        assertThat(ranked).extracting(s -> s.candidate()).containsExactly(berlin, paris);
        assertThat(ranked.get(1).reasons().preferencesMissed()).anySatisfy(r -> assertThat(r).contains("relocate"));
    }

    @Test
    void levelsFarApartCostAndTheTitleTellsThePostingsLevel() {
        var senior = new Recommender.Preferences(List.of(), true, null, null, null, "senior");
        var intern = candidate(posting("Software Engineering Intern", null, null, null, null, null, 1), 0.6f,
                List.of(), null);
        var seniorJob = candidate(posting("Senior Software Engineer", null, null, null, null, null, 1), 0.55f,
                List.of(), null);
        List<Recommender.Scored> ranked = recommender.rank(basis(senior), List.of(intern, seniorJob), NOW);
        assertThat(ranked.get(0).candidate()).isEqualTo(seniorJob);
        assertThat(ranked.get(0).reasons().preferencesMet()).contains("level: senior");
        assertThat(ranked.get(1).reasons().level()).isEqualTo("internship");

        assertThat(Recommender.levelOfTitle("Director of Engineering")).isEqualTo("executive");
        assertThat(Recommender.levelOfTitle("Sr. Data Analyst")).isEqualTo("senior");
        assertThat(Recommender.levelOfTitle("Junior Accountant")).isEqualTo("entry");
        assertThat(Recommender.levelOfTitle("Staff Engineer")).isEqualTo("lead");
        assertThat(Recommender.levelOfTitle("Pharmacist")).isNull();
        assertThat(Recommender.levelOfResume("Head of Operations", 3)).isEqualTo("executive");
        assertThat(Recommender.levelOfResume("Accountant", 20)).as("years alone make no lead").isEqualTo("senior");
        assertThat(Recommender.levelOfResume("Accountant", 1)).isEqualTo("entry");
        assertThat(Recommender.levelOfResume(null, 0)).isNull();
    }

    @Test
    void sharedSkillsAndFreshnessBreakTiesOfMeaning() {
        var none = Recommender.Preferences.NONE;
        var skilled = candidate(posting("Engineer", null, null, null, null, null, 3), 0.5f,
                List.of("Java", "PostgreSQL", "Kafka", "Go"), null);
        var unskilled = candidate(posting("Engineer", null, null, null, null, null, 3), 0.5f,
                List.of("Ruby", "Rails", "MySQL", "Go"), null);
        var stale = candidate(posting("Engineer", null, null, null, null, null, 90), 0.5f,
                List.of("Java", "PostgreSQL", "Kafka", "Go"), null);
        List<Recommender.Scored> ranked = recommender.rank(basis(none), List.of(unskilled, skilled), NOW);
        assertThat(ranked).extracting(s -> s.candidate()).containsExactly(skilled, unskilled);
        assertThat(recommender.rank(basis(none), List.of(stale, skilled), NOW)).extracting(s -> s.candidate())
                .containsExactly(skilled, stale);
        assertThat(ranked.get(0).reasons().matchedSkills()).containsExactly("Java", "PostgreSQL", "Kafka");
        assertThat(ranked.get(0).reasons().missingSkills()).containsExactly("Go");

        // a posting naming too few skills is weighed by its meaning alone, not punished for naming none
        var silent = candidate(posting("Engineer", null, null, null, null, null, 3), 0.5f, List.of(), null);
        assertThat(recommender.score(basis(none), silent, NOW).score())
                .isGreaterThan(recommender.score(basis(none), unskilled, NOW).score());
    }

    @Test
    void closerInMeaningRanksHigherAllElseEqual() {
        var near = candidate(posting("Engineer", null, null, null, null, null, 3), 0.7f, List.of(), null);
        var far = candidate(posting("Engineer", null, null, null, null, null, 3), 0.2f, List.of(), null);
        assertThat(recommender.rank(basis(Recommender.Preferences.NONE), List.of(far, near), NOW))
                .extracting(s -> s.candidate()).containsExactly(near, far);
    }
}
