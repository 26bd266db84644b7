package io.atspro.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.job.JobDetails;
import io.atspro.resume.ResumeData;
import io.atspro.resume.ResumeData.ContactInfo;
import io.atspro.resume.ResumeData.Education;
import io.atspro.resume.ResumeData.WorkExperience;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AtsScorerTest {

    private final AtsScorer scorer = new AtsScorer();

    private static final ContactInfo CONTACT =
            new ContactInfo("Ada Lovelace", "ada@example.com", "+44 20 5555 0100", "London", List.of());

    private static JobDetails job(List<String> qualifications, List<String> responsibilities) {
        return new JobDetails("Acme Corp", "Backend Engineer", "We build things.", null, responsibilities,
                qualifications, null, List.of("Remote"), null, null);
    }

    private static ResumeData resume(String summary, List<WorkExperience> work, List<String> skills) {
        return new ResumeData(CONTACT, summary, work,
                List.of(new Education("MIT", "BSc", "Computer Science", "2015", null, null, null, null)),
                List.of(), skills);
    }

    private static WorkExperience work(String company, String start, String end, boolean current, String... bullets) {
        return new WorkExperience(company, "Software Engineer", start, end, current, null, List.of(bullets), List.of());
    }

    private static Map<String, SectionCheck> checks(MatchResult r) {
        return r.sectionChecks().stream().collect(Collectors.toMap(SectionCheck::section, Function.identity()));
    }

    @Test
    void aliasesOnEitherSideMatch() {
        JobDetails job = job(List.of("Strong JavaScript and Kubernetes skills",
                "Experience with PostgreSQL and machine learning"), List.of());
        ResumeData resume = resume("Backend engineer.", List.of(), List.of("JS", "k8s", "Postgres", "ML"));

        MatchResult r = scorer.score(resume, job);

        assertThat(r.keywordsMatched()).contains("JavaScript", "Kubernetes", "PostgreSQL", "machine learning");
        assertThat(r.keywordsMissing()).isEmpty();
    }

    @Test
    void javaIsNotJavaScript() {
        JobDetails job = job(List.of("3+ years of JavaScript and TypeScript", "React"), List.of());
        ResumeData resume = resume("Java developer", List.of(), List.of("Java", "Spring Boot", "Hibernate"));

        MatchResult r = scorer.score(resume, job);

        assertThat(r.keywordsMatched()).isEmpty();
        assertThat(r.keywordsMissing()).contains("JavaScript", "TypeScript", "React");
    }

    @Test
    void requiredQualificationsWeighMoreThanResponsibilitiesAndTheOrderIsStable() {
        JobDetails job = job(List.of("Experience with Kafka and Terraform", "Nice to have: Redis"),
                List.of("Build services with Docker", "Write documentation"));
        MatchResult r = scorer.score(resume(null, List.of(), List.of()), job);

        // qualifications (3) > responsibilities (2) > preferred (1.5); alphabetical within a weight
        assertThat(r.keywordsMissing()).containsExactly("Kafka", "Terraform", "backend", "Docker",
                "technical documentation", "Redis");

        MatchResult withKafka = scorer.score(resume(null, List.of(), List.of("Kafka")), job);
        MatchResult withRedis = scorer.score(resume(null, List.of(), List.of("Redis")), job);
        assertThat(withKafka.score()).isGreaterThan(withRedis.score());
    }

    @Test
    void sameInputSameResult() {
        JobDetails job = job(List.of("Go, Rust or Java", "Distributed systems", "AWS or GCP"),
                List.of("Mentor engineers", "Own CI/CD"));
        ResumeData resume = resume("Backend engineer building distributed systems in Go.",
                List.of(work("Acme", "2020-01", null, true, "Built Go services on AWS")), List.of("Go", "AWS"));

        MatchResult first = scorer.score(resume, job);
        for (int i = 0; i < 5; i++) {
            assertThat(new AtsScorer().score(resume, job)).isEqualTo(first);
        }
    }

    @Test
    void aCompleteResumePassesEverySectionCheck() {
        ResumeData resume = resume("Backend engineer with eight years of experience building payment systems.",
                List.of(work("Acme", "2020-01", null, true, "Built APIs"),
                        work("Initech", "2016-05", "2019-12", false, "Fixed bugs")),
                List.of("Java", "SQL", "Kafka"));

        MatchResult r = scorer.score(resume, job(List.of("Java"), List.of()));

        assertThat(r.sectionChecks()).extracting(SectionCheck::section).containsExactly(
                "contact", "experience_dates", "summary", "education", "skills");
        assertThat(r.sectionChecks()).allMatch(SectionCheck::passed);
        assertThat(r.score()).isEqualTo(100);
    }

    @Test
    void sectionChecksReportWhatIsMissing() {
        ResumeData resume = new ResumeData(
                new ContactInfo("Ada Lovelace", "ada@example.com", null, null, null),
                "Engineer.",
                List.of(work("Acme", null, null, false, "Built APIs"), work("Initech", "2016-05", null, false)),
                List.of(), List.of(), List.of("Java"));

        Map<String, SectionCheck> checks = checks(scorer.score(resume, job(List.of("Java"), List.of())));

        assertThat(checks.get("contact").passed()).isFalse();
        assertThat(checks.get("contact").detail()).contains("phone");
        assertThat(checks.get("experience_dates").passed()).isFalse();
        assertThat(checks.get("experience_dates").detail()).contains("at Acme", "at Initech");
        assertThat(checks.get("summary").passed()).isFalse();
        assertThat(checks.get("summary").detail()).contains("too short");
        assertThat(checks.get("education").passed()).isFalse();
        assertThat(checks.get("skills").passed()).isFalse();
        assertThat(checks.get("skills").detail()).isEqualTo("1 skill listed");
    }

    @Test
    void suggestionsAreConcrete() {
        JobDetails job = job(List.of("Experience with distributed systems", "Kubernetes in production"), List.of());
        ResumeData resume = new ResumeData(CONTACT, null,
                List.of(work("Acme", null, null, false, "Designed distributed systems")),
                List.of(), List.of(), List.of("Java", "Distributed systems", "SQL"));

        List<String> suggestions = scorer.score(resume, job).suggestions();

        assertThat(suggestions).contains(
                "Your experience at Acme has no dates",
                "Add a summary that mentions distributed systems",
                "Add Kubernetes to your skills if you have used it",
                "Add your education: degree, institution and graduation year");
        assertThat(suggestions).doesNotContain("Add distributed systems to your skills if you have used it");
    }

    @Test
    void suggestionsPointAtSkillsWithoutEvidenceAndEvidenceWithoutSkills() {
        JobDetails job = job(List.of("Kafka", "PostgreSQL"), List.of());
        ResumeData resume = resume("Backend engineer who builds reliable data-heavy services for fintech.",
                List.of(work("Acme", "2020-01", null, true, "Ran PostgreSQL in production")),
                List.of("Kafka", "Java", "Docker"));

        List<String> suggestions = scorer.score(resume, job).suggestions();

        assertThat(suggestions).contains("Show where you used Kafka in your work experience",
                "Add PostgreSQL to your skills section");
    }

    @Test
    void suggestionsAreWordedByKind() {
        JobDetails job = job(List.of("BLS and ACLS certification required", "BSN preferred",
                "Excellent communication"), List.of("Provide direct patient care"));
        List<String> suggestions = scorer.score(resume("Nurse", List.of(), List.of("BLS")), job).suggestions();

        assertThat(suggestions).contains(
                "Add your ACLS certification or license if you hold it",
                "Add patient care to your skills if you have used it",
                "Mention BSN in your education if it applies to you",
                "Show communication with an example in your experience or summary");
        assertThat(suggestions).noneMatch(x -> x.startsWith("Add your BLS"));
    }

    @Test
    void endDateMissingOnAPastJobIsFlagged() {
        ResumeData resume = resume("x", List.of(work("Initech", "2016-05", null, false, "Fixed bugs")), List.of());
        assertThat(scorer.score(resume, job(List.of(), List.of())).suggestions())
                .contains("Your experience at Initech has no end date; add one or mark it as current");
    }

    @Test
    void emptyInputsScoreLowWithoutExceptions() {
        ResumeData empty = new ResumeData(null, null, null, null, null, null);
        JobDetails job = job(List.of("Java", "Kubernetes", "AWS"), List.of("Build microservices"));
        JobDetails emptyJob = new JobDetails(null, null, null, null, null, null, null, null, null, null);

        assertThatCode(() -> {
            MatchResult r = scorer.score(empty, job);
            assertThat(r.score()).isZero();
            assertThat(r.keywordsMatched()).isEmpty();
            assertThat(r.keywordsMissing()).contains("Java", "Kubernetes", "AWS");
            assertThat(r.sectionChecks()).hasSize(5).noneMatch(SectionCheck::passed);
            assertThat(r.suggestions()).isNotEmpty();

            assertThat(scorer.score(null, null).score()).isZero();
            assertThat(scorer.score(empty, emptyJob).score()).isZero();
            assertThat(scorer.score(empty, emptyJob).suggestions()).anyMatch(s -> s.contains("job posting"));
            assertThat(scorer.score(resume("Engineer", List.of(), List.of("Java")), null).score()).isBetween(0, 20);
        }).doesNotThrowAnyException();
    }

    @Test
    void nullElementsInJobListsAreIgnored() {
        JobDetails job = new JobDetails("Acme", null, null, null, java.util.Arrays.asList("Docker", null),
                java.util.Arrays.asList(null, "Java"), null, null, null, null);
        assertThat(scorer.score(resume(null, List.of(), List.of("Java")), job).keywordsMatched()).contains("Java");
    }

    @Test
    void scoreIsWithinBoundsAndSerialisesInSnakeCase() throws Exception {
        MatchResult r = scorer.score(resume("Engineer", List.of(), List.of("Java")), job(List.of("Java"), List.of()));
        assertThat(r.score()).isBetween(0, 100);

        JsonNode json = new ObjectMapper().valueToTree(r);
        assertThat(json.has("keywords_matched")).isTrue();
        assertThat(json.has("keywords_missing")).isTrue();
        assertThat(json.has("section_checks")).isTrue();
        assertThat(json.get("section_checks").get(0).has("passed")).isTrue();
        assertThat(new ObjectMapper().treeToValue(json, MatchResult.class)).isEqualTo(r);
    }
}
