package io.atspro.resume;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspro.resume.SectionSplitter.Kind;
import io.atspro.resume.SectionSplitter.Sections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SectionSplitterTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Summary                     | SUMMARY",
        "PROFESSIONAL PROFILE        | SUMMARY",
        "About Me:                   | SUMMARY",
        "Experience                  | EXPERIENCE",
        "WORK EXPERIENCE             | EXPERIENCE",
        "Employment History:         | EXPERIENCE",
        "Professional Experience     | EXPERIENCE",
        "## Work History             | EXPERIENCE",
        "E X P E R I E N C E         | EXPERIENCE",
        "Education                   | EDUCATION",
        "EDUCATION & TRAINING        | EDUCATION",
        "Certifications              | CERTIFICATIONS",
        "Certificates:               | CERTIFICATIONS",
        "Licenses & Certifications   | CERTIFICATIONS",
        "Skills                      | SKILLS",
        "Technical Skills:           | SKILLS",
        "CORE COMPETENCIES           | SKILLS",
        "— Skills —                  | SKILLS",
        "Projects                    | OTHER",
        "Languages                   | OTHER"})
    void recognisesHeadingsAndTheirSynonyms(String line, Kind kind) {
        assertThat(SectionSplitter.heading(line)).contains(kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Experienced engineer", "Senior Software Engineer at Acme",
        "Skills matter more than titles in this role", "Java, Python, Go"})
    void doesNotTakeOrdinaryLinesForHeadings(String line) {
        assertThat(SectionSplitter.heading(line)).isEmpty();
    }

    @Test
    void splitsLinesIntoSectionsWithTheHeaderFirst() {
        Sections sections = SectionSplitter.split(List.of(
                "Jane Doe", "jane@example.com",
                "Summary", "Engineer.",
                "EXPERIENCE", "Engineer at Acme", "• Built things",
                "Projects", "A side project",
                "Skills:", "Java, Go"));

        assertThat(sections.of(Kind.HEADER)).containsExactly("Jane Doe", "jane@example.com");
        assertThat(sections.of(Kind.SUMMARY)).containsExactly("Engineer.");
        assertThat(sections.of(Kind.EXPERIENCE)).containsExactly("Engineer at Acme", "• Built things");
        assertThat(sections.of(Kind.OTHER)).containsExactly("A side project");
        assertThat(sections.of(Kind.SKILLS)).containsExactly("Java, Go");
    }

    @Test
    void aHeadingWithItsContentOnTheSameLineOpensTheSection() {
        Sections sections = SectionSplitter.split(List.of("Jane Doe", "Skills: Java, Go", "Docker"));

        assertThat(sections.of(Kind.SKILLS)).containsExactly("Java, Go", "Docker");
    }

    @Test
    void labelsInsideJobsAndSkillListsStayWhereTheyAre() {
        Sections sections = SectionSplitter.split(List.of(
                "Experience", "Engineer at Acme", "Technologies: Kafka, Go", "Skills: Java",
                "Skills", "Languages", "Java, Go", "Tools: Docker"));

        assertThat(sections.of(Kind.EXPERIENCE)).containsExactly("Engineer at Acme", "Technologies: Kafka, Go", "Skills: Java");
        assertThat(sections.of(Kind.SKILLS)).containsExactly("Java, Go", "Tools: Docker");
    }

    @Test
    void aRepeatedSectionIsJoined() {
        Sections sections = SectionSplitter.split(List.of("Skills", "Java", "Education", "MIT", "Skills", "Go"));

        assertThat(sections.of(Kind.SKILLS)).containsExactly("Java", "Go");
    }
}
