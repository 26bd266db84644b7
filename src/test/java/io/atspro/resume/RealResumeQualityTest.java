package io.atspro.resume;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.testing.SharedFixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Parsing quality on real resumes written by other people ({@code ../shared/fixtures/resumes-real/}: 30 files, the
 * odd-numbered 15 hand-labelled in {@code labels-dev.json}), read the way an upload reads them: text extraction,
 * then the rules parser. Scored as {@link RealResumeScores} describes; the bars are those of issue 15. The resumes
 * are real people's: this test prints figures and the names of files and fields that missed, never their contents.
 * Skipped, saying where the corpus lives, when {@code ../shared} is not beside the checkout.
 */
class RealResumeQualityTest {

    static final String CORPUS = "fixtures/resumes-real";

    private static final double NAME_EMAIL_PHONE_RECALL = 0.90;
    private static final double LINKS_RECALL = 0.85;
    private static final double WORK_PRECISION_AND_RECALL = 0.80;
    private static final double EDUCATION_RECALL = 0.80;
    private static final double SKILLS_PRECISION_AND_RECALL = 0.75;

    private static final ResumeTextExtractor EXTRACTOR = new ResumeTextExtractor();
    private static final ResumeParser PARSER = new ResumeParser();
    private static RealResumeScores scores;

    /** Scores the labelled half once; called from each test, so that without ../shared each test is skipped. */
    private static synchronized RealResumeScores scores() throws IOException {
        if (scores != null) {
            return scores;
        }
        JsonNode labels = new ObjectMapper().readTree(SharedFixtures.string(CORPUS + "/labels-dev.json"));
        RealResumeScores scored = new RealResumeScores();
        for (JsonNode label : labels) {
            String file = label.get("file").asText();
            scored.score(file, label, parse(SharedFixtures.require(CORPUS + "/files/" + file)).data());
        }
        System.out.println("Parsing quality on " + labels.size() + " labelled real resumes (" + CORPUS + ")");
        System.out.println(scored.table());
        scored.misses().forEach((file, fields) -> System.out.println("  " + file + " missed: " + fields));
        scores = scored;
        return scores;
    }

    @Test
    void contactDetailsAreFound() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        for (String field : List.of("name", "email", "phone")) {
            soft.assertThat(scores().tally(field).recall()).as(field + " recall").isGreaterThanOrEqualTo(NAME_EMAIL_PHONE_RECALL);
        }
        soft.assertThat(scores().tally("links").recall()).as("links recall").isGreaterThanOrEqualTo(LINKS_RECALL);
        soft.assertAll();
    }

    @Test
    void workHistoryReadsAsThePersonWroteIt() throws IOException {
        RealResumeScores.Tally work = scores().tally("work");
        assertThat(work.precision()).as("work entry precision (company and position both right)")
                .isGreaterThanOrEqualTo(WORK_PRECISION_AND_RECALL);
        assertThat(work.recall()).as("work entry recall (company and position both right)")
                .isGreaterThanOrEqualTo(WORK_PRECISION_AND_RECALL);
    }

    @Test
    void schoolsAndDegreesAreFound() throws IOException {
        assertThat(scores().tally("institution").recall()).as("institution recall").isGreaterThanOrEqualTo(EDUCATION_RECALL);
        assertThat(scores().tally("degree").recall()).as("degree recall").isGreaterThanOrEqualTo(EDUCATION_RECALL);
    }

    @Test
    void skillsComeFromTheSkillsSections() throws IOException {
        RealResumeScores.Tally skills = scores().tally("skills");
        assertThat(skills.precision()).as("skills precision").isGreaterThanOrEqualTo(SKILLS_PRECISION_AND_RECALL);
        assertThat(skills.recall()).as("skills recall").isGreaterThanOrEqualTo(SKILLS_PRECISION_AND_RECALL);
    }

    /** All 30 files, labelled or not: each is read, and each gives a work history or says why it could not. */
    @Test
    void everyRealResumeGivesJobsOrSaysWhatIsMissing() throws IOException {
        List<Path> files = files();
        assertThat(files).hasSize(30);
        SoftAssertions soft = new SoftAssertions();
        for (Path file : files) {
            ParsedResume parsed = parse(file);
            String name = file.getFileName().toString();
            // booleans and counts only: a failure message must not print what the resume says
            soft.assertThat(parsed.data().contactInfo().email() != null || parsed.data().contactInfo().phone() != null)
                    .as(name + " has an email or a phone").isTrue();
            soft.assertThat(!parsed.data().workExperience().isEmpty()
                            || parsed.warnings().contains(ParseWarnings.NO_EXPERIENCE_SECTION)
                            || parsed.warnings().contains(ParseWarnings.EXPERIENCE_NOT_READ))
                    .as(name + " has jobs or a warning about them").isTrue();
            long nameless = parsed.data().workExperience().stream()
                    .filter(job -> job.company() == null && job.position() == null).count();
            soft.assertThat(nameless).as(name + ": jobs with neither company nor title").isZero();
        }
        soft.assertAll();
    }

    static List<Path> files() throws IOException {
        SharedFixtures.assumeAvailable(CORPUS + "/files");
        Path dir = SharedFixtures.path(CORPUS + "/files");
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(pdf|docx)"))
                    .sorted().toList();
        }
    }

    static ParsedResume parse(Path file) throws IOException {
        ExtractedText text = EXTRACTOR.extract(new ByteArrayInputStream(Files.readAllBytes(file)),
                ResumeTextExtractor.sniff(file));
        return PARSER.parse(text).withWarningsFirst(text.warnings());
    }
}
