package io.atspro.posting;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspro.posting.PostingSections.Kind;
import io.atspro.skill.Lexicon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostingSectionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Requirements | REQUIREMENTS",
        "What you'll bring: | REQUIREMENTS",
        "What we’re looking for | REQUIREMENTS",
        "Your Profile | REQUIREMENTS",
        "Minimum Qualifications | REQUIREMENTS",
        "Dein Profil | REQUIREMENTS",
        "Was du mitbringst | REQUIREMENTS",
        "Nice to have | NICE_TO_HAVE",
        "Preferred Qualifications | NICE_TO_HAVE",
        "Bonus points if you have | NICE_TO_HAVE",
        "Wünschenswert | NICE_TO_HAVE",
        "What we offer | BENEFITS",
        "Benefits & Perks | BENEFITS",
        "Why join us? | BENEFITS",
        "Wir bieten dir | BENEFITS",
        "Responsibilities | OTHER",
        "About the role | OTHER",
        "Deine Aufgaben | OTHER"})
    void headingsAreClassified(String heading, Kind kind) {
        assertThat(PostingSections.kindOf(heading)).isEqualTo(kind);
    }

    private static final String POSTING = """
            About us

            Acme builds payment software for small shops.

            What you'll do
            - Build services in Java and Kotlin
            - Own our PostgreSQL schema

            Requirements
            - 5+ years of Java
            - Experience with PostgreSQL and Kafka

            Nice to have
            - Kubernetes
            - Some Go

            What we offer
            - 30 days of holiday
            - A learning budget

            How to apply
            Send us your CV.""";

    @Test
    void aDescriptionIsSplitAtItsHeadings() {
        PostingSections.Split split = PostingSections.split(POSTING);

        assertThat(split.requirements()).isEqualTo("- 5+ years of Java\n- Experience with PostgreSQL and Kafka");
        assertThat(split.niceToHave()).isEqualTo("- Kubernetes\n- Some Go");
        assertThat(split.benefits()).isEqualTo("- 30 days of holiday\n- A learning budget");
    }

    @Test
    void aHeadingWithItsContentOnTheSameLineAndGermanHeadingsAreRead() {
        PostingSections.Split split = PostingSections.split("""
                Deine Aufgaben:
                Du entwickelst unsere Plattform.

                Dein Profil:
                Erfahrung mit Python und SQL

                Wir bieten:
                Ein tolles Team und Homeoffice""");
        assertThat(split.requirements()).isEqualTo("Erfahrung mit Python und SQL");
        assertThat(split.benefits()).isEqualTo("Ein tolles Team und Homeoffice");
        assertThat(PostingSections.split("Requirements: Java, SQL\nBenefits: remote work").requirements())
                .isEqualTo("Java, SQL");
    }

    @Test
    void proseThatMerelyMentionsRequirementsIsNoHeading() {
        PostingSections.Split split = PostingSections.split("""
                We build tools for engineers.
                Our requirements are simple: we want people who care about users and who write clean Java.
                You will work with the platform team.""");
        assertThat(split).isEqualTo(new PostingSections.Split(null, null, null));
        assertThat(PostingSections.split(null)).isEqualTo(new PostingSections.Split(null, null, null));
    }

    @Test
    void enrichReadsRequiredAndPreferredSkillsAndKeepsWhatTheBoardGave() {
        NormalizedPosting plain = posting(POSTING);
        NormalizedPosting enriched = PostingSections.enrich(plain, Lexicon.standard());

        assertThat(enriched.requirements()).contains("5+ years of Java");
        assertThat(enriched.benefits()).contains("learning budget");
        assertThat(enriched.requiredSkills()).contains("Java", "PostgreSQL", "Kafka").doesNotContain("Kubernetes");
        assertThat(enriched.preferredSkills()).contains("Kubernetes").doesNotContain("Java");

        NormalizedPosting given = posting("We build things in Python.")
                .withSections("Terraform and AWS", "Free lunch", java.util.List.of(), java.util.List.of());
        NormalizedPosting kept = PostingSections.enrich(given, Lexicon.standard());
        assertThat(kept.requirements()).isEqualTo("Terraform and AWS");
        assertThat(kept.benefits()).isEqualTo("Free lunch");
        assertThat(kept.requiredSkills()).contains("Terraform").doesNotContain("Python");

        NormalizedPosting noSections = PostingSections.enrich(posting("We use Python and Django daily."),
                Lexicon.standard());
        assertThat(noSections.requirements()).isNull();
        assertThat(noSections.requiredSkills()).contains("Python", "Django");
        assertThat(noSections.preferredSkills()).isEmpty();
    }

    private static NormalizedPosting posting(String description) {
        return new NormalizedPosting("1", "Engineer", "Acme", null, null, null, null, null, null, null, null, null,
                null, description, null, null, null, null);
    }
}
