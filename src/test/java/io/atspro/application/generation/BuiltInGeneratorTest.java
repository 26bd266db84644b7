package io.atspro.application.generation;

import static io.atspro.application.generation.GenerationTestData.BRIGHTSIDE;
import static io.atspro.application.generation.GenerationTestData.dataJob;
import static io.atspro.application.generation.GenerationTestData.dataMatch;
import static io.atspro.application.generation.GenerationTestData.javaJob;
import static io.atspro.application.generation.GenerationTestData.request;
import static io.atspro.application.generation.GenerationTestData.resume;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspro.job.JobDetails;
import io.atspro.resume.ResumeData;
import io.atspro.resume.ResumeData.ContactInfo;
import io.atspro.resume.ResumeData.Education;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BuiltInGeneratorTest {

    private static final Clock MAY_14 = Clock.fixed(LocalDate.of(2025, 5, 14).atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneOffset.UTC);
    private static final Pattern TEMPLATE_TOKEN = Pattern.compile("[\\[\\]{}]|\\bnull\\b|\\bundefined\\b");

    private final BuiltInGenerator generator = new BuiltInGenerator(MAY_14);

    @Test
    void coverLetterNamesTheMostRelevantEmployerTheJobAndMatchedSkills() throws Exception {
        GeneratedText letter = generator.generate(request(ContentType.COVER_LETTER));
        String text = letter.content();

        assertThat(text).startsWith("Dear Helio Logistics Hiring Team,")
                .contains("Data Platform Engineer position at Helio Logistics")
                .contains("Senior Data Engineer at Northwind Analytics")
                .contains("Python, Kafka and Spark")
                // the Kafka/Spark bullet, rephrased in the first person
                .contains("I built a streaming pipeline on Kafka and Spark that processes 2 million events per hour")
                .contains("Maya Chen\nmaya.chen@example.com\n+1 415 555 0142")
                .doesNotContain("Airflow", "Terraform", "Barista");
        assertNoTemplateTokens(text);
        assertThat(letter.modelUsed()).isEqualTo("atspro-builtin-v1");
        assertThat(letter.tokensUsed()).isEqualTo(text.split("\\s+").length);
        assertThat(letter.prompt()).contains("cover letter").contains("Senior Data Engineer at Northwind Analytics");
    }

    @Test
    void coverLetterPicksTheRoleThatMatchesTheJobNotTheMostRecentOne() throws Exception {
        GenerationRequest request = new GenerationRequest(ContentType.COVER_LETTER, resume(), javaJob(), null, null,
                null, null);
        String text = generator.generate(request).content();

        assertThat(text).contains("As Backend Developer at Brightside Retail from June 2018 to February 2021")
                .contains("Java Backend Engineer position at Orbit Pay")
                .containsPattern("Java, Spring Boot and PostgreSQL|Spring Boot, Java and PostgreSQL|Java, PostgreSQL")
                .doesNotContain("Northwind Analytics");
        assertNoTemplateTokens(text);
    }

    @Test
    void tiesGoToTheMostRecentRole() throws Exception {
        JobDetails unrelated = new JobDetails("Acme", "Gardener", null, null, null, null, null, null, null, null);
        String text = generator.generate(new GenerationRequest(ContentType.COVER_LETTER, resume(), unrelated, null, null,
                null, null)).content();

        assertThat(text).contains("In my current role as Senior Data Engineer at Northwind Analytics");
        assertNoTemplateTokens(text);
    }

    @Test
    void sameInputGivesSameOutput() throws Exception {
        for (ContentType type : ContentType.values()) {
            GeneratedText first = generator.generate(request(type));
            GeneratedText second = new BuiltInGenerator(MAY_14).generate(request(type));
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void withoutCompanyOrTitleTheLetterAddressesYourTeam() throws Exception {
        JobDetails anonymous = new JobDetails(null, null, "We need Python and Kafka skills.", null, null, null, null,
                null, null, null);
        String text = generator.generate(new GenerationRequest(ContentType.COVER_LETTER, resume(), anonymous, null,
                null, null, null)).content();

        assertThat(text).startsWith("Dear Hiring Manager,").contains("joining your team").contains("contribute to your team")
                .contains("Northwind Analytics");
        assertNoTemplateTokens(text);
    }

    @Test
    void withoutExperienceTheLetterFocusesOnEducationAndSkills() throws Exception {
        ResumeData graduate = new ResumeData(new ContactInfo("Sam Ortiz", "sam@example.com", null, null, null), null,
                List.of(),
                List.of(new Education("Oregon State University", "B.S.", "Computer Science", "2024-06", null,
                        List.of("Magna Cum Laude"), List.of("Data Engineering with Kafka", "Operating Systems"), List.of())),
                List.of(), List.of("Python", "Spark", "Git"));
        String text = generator.generate(new GenerationRequest(ContentType.COVER_LETTER, graduate, dataJob(), null, null,
                null, null)).content();

        assertThat(text).contains("I completed my B.S. in Computer Science at Oregon State University in June 2024")
                .contains("Data Engineering with Kafka").contains("Magna Cum Laude")
                .contains("Python and Spark").contains("Sam Ortiz\nsam@example.com")
                .doesNotContain("In my current role", "As ");
        assertNoTemplateTokens(text);
    }

    @Test
    void anAlmostEmptyResumeStillGivesAUsableLetter() throws Exception {
        ResumeData empty = new ResumeData(null, null, null, null, null, null);
        JobDetails bare = new JobDetails(null, null, null, null, null, null, null, null, null, null);
        for (ContentType type : ContentType.values()) {
            String text = generator.generate(new GenerationRequest(type, empty, bare, null, null, null, null)).content();
            assertThat(text).isNotBlank();
            assertNoTemplateTokens(text);
        }
    }

    @Test
    void rolesWithoutBulletsFallBackToTheirDescriptionOrSkills() throws Exception {
        ResumeData resume = new ResumeData(new ContactInfo("Lee Park", null, null, null, null), null,
                List.of(new ResumeData.WorkExperience("Kite Labs", "Data Engineer", "2020", "2023", false,
                        "Responsible for the Kafka ingestion layer. Also on call.", List.of(), List.of("Kafka"))),
                List.of(), List.of(), List.of());
        String text = generator.generate(new GenerationRequest(ContentType.COVER_LETTER, resume, dataJob(), null, null,
                null, null)).content();

        assertThat(text).contains("As Data Engineer at Kite Labs from 2020 to 2023, I was responsible for the Kafka ingestion layer.");
        assertNoTemplateTokens(text);
    }

    @Test
    void followUpHasSubjectRoleAndDaysSinceApplying() throws Exception {
        GeneratedText email = generator.generate(request(ContentType.FOLLOW_UP_EMAIL));
        String text = email.content();

        assertThat(text.lines().findFirst()).hasValue(
                "Subject: Following up on my application for Data Platform Engineer at Helio Logistics");
        assertThat(text).contains("on May 2, 2025 (12 days ago)")
                .contains("Senior Data Engineer at Northwind Analytics")
                .contains("Best regards,\nMaya Chen");
        assertThat(text.split("\\s+").length).isLessThan(150);
        assertNoTemplateTokens(text);
        assertThat(email.prompt()).contains("follow-up");
    }

    @Test
    void followUpWithoutDateOrCompanyAndAfterAnInterview() throws Exception {
        JobDetails anonymous = new JobDetails(null, "Analyst", null, null, null, null, null, null, null, null);
        String recent = generator.generate(new GenerationRequest(ContentType.FOLLOW_UP_EMAIL, resume(), anonymous, null,
                null, null, null)).content();
        assertThat(recent).startsWith("Subject: Following up on my application for Analyst\n")
                .contains("I applied for the Analyst position recently").doesNotContain("days ago");
        assertNoTemplateTokens(recent);

        String afterInterview = generator.generate(new GenerationRequest(ContentType.FOLLOW_UP_EMAIL, resume(), dataJob(),
                dataMatch(), null, "Interviewing", LocalDate.of(2025, 5, 13))).content();
        assertThat(afterInterview).startsWith("Subject: Thank you and next steps for Data Platform Engineer at Helio Logistics")
                .contains("Thank you again for speaking with me");
        assertNoTemplateTokens(afterInterview);

        String yesterday = generator.generate(new GenerationRequest(ContentType.FOLLOW_UP_EMAIL, resume(), dataJob(),
                null, null, "applied", LocalDate.of(2025, 5, 13))).content();
        assertThat(yesterday).contains("at Helio Logistics yesterday");
    }

    @Test
    void tailoredResumeIsMarkdownWithMatchedSkillsFirstAndHighlightedBullets() throws Exception {
        GeneratedText resume = generator.generate(request(ContentType.TAILORED_RESUME));
        String md = resume.content();

        assertThat(md).startsWith("# Maya Chen\n")
                .contains("maya.chen@example.com · +1 415 555 0142 · San Francisco, CA · GitHub: https://github.com/mayachen")
                .contains("## Summary\n\nSenior Data Engineer with hands-on experience in Python, Kafka and Spark, "
                        + "applying for the Data Platform Engineer role at Helio Logistics.")
                .contains("Data engineer who builds reliable pipelines.")
                .contains("**Key skills for this role:** Python, Kafka, Spark")
                .contains("**Additional skills:** SQL, Java, Docker")
                .contains("### Senior Data Engineer — Northwind Analytics\n*March 2021 – Present*")
                .contains("- Built a streaming pipeline on **Kafka** and **Spark**")
                .contains("Skills: **Python**, **Kafka**, **Spark**, AWS")
                .contains("### B.Sc. in Computer Science — University of Washington")
                .contains("## Certifications\n\n- AWS Certified Data Engineer — Amazon Web Services (April 2023)");
        // reverse-chronological order is kept
        assertThat(md.indexOf("Northwind Analytics")).isLessThan(md.indexOf("Brightside Retail"));
        assertThat(md.indexOf("Brightside Retail")).isLessThan(md.indexOf("Cafe Luna"));
        // within a role, the bullets that match the job come first
        assertThat(md.indexOf("streaming pipeline")).isLessThan(md.indexOf("Mentored three junior engineers"));
        assertThat(resume.prompt()).contains("tailored resume");
    }

    @Test
    void applicantNoteIsAcknowledgedInThePromptOnly() throws Exception {
        GenerationRequest request = new GenerationRequest(ContentType.COVER_LETTER, resume(), dataJob(), dataMatch(),
                "Please mention that I can relocate.", null, null);
        GeneratedText text = generator.generate(request);
        assertThat(text.prompt()).contains("note");
        assertThat(text.content()).doesNotContain("relocate");
    }

    @Test
    void firstPersonRephrasing() {
        assertThat(Wording.firstPerson("- Lead a team of 5 engineers.")).isEqualTo("I led a team of 5 engineers");
        assertThat(Wording.firstPerson("Manages the AWS budget")).isEqualTo("I managed the AWS budget");
        assertThat(Wording.firstPerson("Reduced costs by 30%")).isEqualTo("I reduced costs by 30%");
        assertThat(Wording.firstPerson("Developing internal tools")).isEqualTo("I worked on developing internal tools");
        assertThat(Wording.firstPerson("Code reviews for the platform team"))
                .isEqualTo("my work included code reviews for the platform team");
        assertThat(Wording.firstPerson("AWS cost reporting")).isEqualTo("my work included AWS cost reporting");
    }

    @Test
    void contentTypeCodes() {
        assertThat(ContentType.COVER_LETTER.code()).isEqualTo("cover_letter");
        assertThat(ContentType.of("follow_up_email")).isEqualTo(ContentType.FOLLOW_UP_EMAIL);
        assertThat(ContentType.of("Tailored-Resume")).isEqualTo(ContentType.TAILORED_RESUME);
        assertThatThrownBy(() -> ContentType.of("poem")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContentType.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestRejectsOverlongNotes() {
        assertThatThrownBy(() -> new GenerationRequest(ContentType.COVER_LETTER, resume(), dataJob(), null,
                "x".repeat(2001), null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new GenerationRequest(ContentType.COVER_LETTER, resume(), dataJob(), null, "  ", " ", null)
                .applicantNote()).isNull();
    }

    @Test
    void bracketsInUserDataNeverLookLikeTemplateSlots() throws Exception {
        ResumeData resume = new ResumeData(new ContactInfo("Ana [Dev] Silva", null, null, null, null), null,
                List.of(BRIGHTSIDE), List.of(), List.of(), List.of());
        JobDetails job = new JobDetails("{Company}", "[Title]", null, null, null, List.of("Java"), null, null, null, null);
        String text = generator.generate(new GenerationRequest(ContentType.COVER_LETTER, resume, job, null, null, null,
                null)).content();
        assertNoTemplateTokens(text);
    }

    private static void assertNoTemplateTokens(String text) {
        assertThat(TEMPLATE_TOKEN.matcher(text).find()).as("template token or null in:%n%s", text).isFalse();
    }
}
