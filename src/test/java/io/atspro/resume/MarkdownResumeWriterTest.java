package io.atspro.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.atspro.resume.ResumeData.ContactInfo;
import io.atspro.resume.ResumeData.WorkExperience;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownResumeWriterTest {

    private final MarkdownResumeWriter writer = new MarkdownResumeWriter();

    @Test
    void writesNameContactSectionsAndJobs() {
        String markdown = writer.write(ResumeDataTest.sample());

        assertThat(markdown).isEqualTo("""
                # Jane Doe

                jane@example.com | +1 415 555 0132 | San Francisco, CA | [LinkedIn](https://www.linkedin.com/in/jane-doe)

                ## Summary

                Engineer.

                ## Experience

                ### Senior Engineer — Acme Corp (Mar 2021 – Present)

                Platform team.

                - Built the billing service

                Skills: Java

                ## Education

                ### Bachelor of Science in Computer Science — MIT (May 2016)

                GPA: 3.8 | Honors: cum laude

                Relevant courses: Algorithms

                ## Certifications

                - CKA — CNCF (Jan 2022; expires Jan 2025; credential ID LF-123)

                ## Skills

                Java, Go
                """);
    }

    @Test
    void escapesMarkdownInTheText() {
        ResumeData resume = new ResumeData(new ContactInfo("Jane *Star* Doe", null, null, null, List.of()), "# not a heading",
                List.of(new WorkExperience("[Acme]", "C_Dev", "2020", "2021", false, null, List.of("Used *nix"), List.of())),
                null, null, List.of("C#", "snake_case"));

        String markdown = writer.write(resume);

        assertThat(markdown).contains("# Jane \\*Star\\* Doe", "\\# not a heading", "### C\\_Dev — \\[Acme\\] (2020 – 2021)",
                "- Used \\*nix", "C#, snake\\_case");
    }

    @Test
    void anEmptyResumeStillGivesATitle() {
        assertThat(writer.write(new ResumeData(null, null, null, null, null, null))).isEqualTo("# Resume\n");
    }

    @Test
    void whatItWritesReadsBack() {
        ResumeData original = JsonResumeMapperTest.rich();
        byte[] markdown = writer.write(original).getBytes(StandardCharsets.UTF_8);

        String text = new ResumeTextExtractor().extract(new ByteArrayInputStream(markdown), DocumentFormat.MARKDOWN).text();
        ResumeData parsed = new ResumeParser().parse(text);

        assertThat(parsed.contactInfo()).isEqualTo(original.contactInfo());
        assertThat(parsed.workExperience()).extracting(WorkExperience::company, WorkExperience::position,
                WorkExperience::isCurrent).containsExactly(
                        tuple("Globex", "Staff Data Engineer", true),
                        tuple("Initech", "Data Engineer", false));
        assertThat(parsed.skills()).isEqualTo(original.skills());
        assertThat(parsed.education()).extracting(ResumeData.Education::institution)
                .containsExactly("Politecnico di Milano", "Liceo Scientifico");
    }
}
