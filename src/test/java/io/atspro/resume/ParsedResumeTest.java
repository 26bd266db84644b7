package io.atspro.resume;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspro.resume.ResumeData.ContactInfo;
import io.atspro.resume.ResumeData.Education;
import io.atspro.resume.ResumeData.WorkExperience;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParsedResumeTest {

    private static final ContactInfo NAME_AND_EMAIL =
            new ContactInfo("Ada Lovelace", "ada@example.com", null, null, null);

    @Test
    void warningsAreKeptInOrderOnceEachWithoutBlanks() {
        ParsedResume parsed = new ParsedResume(ResumeDataTest.sample(),
                Arrays.asList("No education section found", null, " ", "No education section found", "Two columns"));

        assertThat(parsed.warnings()).containsExactly("No education section found", "Two columns");
        assertThat(parsed.withWarningsFirst(List.of("Two columns", "Only the first page was read")).warnings())
                .containsExactly("Two columns", "Only the first page was read", "No education section found");
    }

    @Test
    void noJobsNoSchoolsAndNoSkillsIsAlmostNothingWhateverTheContactDetails() {
        ParsedResume nameOnly = new ParsedResume(new ResumeData(NAME_AND_EMAIL, "A summary", null, null, null, null),
                List.of("No work experience section found"));
        ParsedResume empty = new ParsedResume(new ResumeData(null, null, null, null, null, null), null);

        assertThat(nameOnly.foundAlmostNothing()).isTrue();
        assertThat(empty.foundAlmostNothing()).isTrue();
        assertThat(nameOnly.flaggedWhenAlmostEmpty().warnings())
                .containsExactly(ParsedResume.ALMOST_NOTHING, "No work experience section found");
        assertThat(nameOnly.flaggedWhenAlmostEmpty().data()).as("what was found is kept").isEqualTo(nameOnly.data());
        assertThat(empty.flaggedWhenAlmostEmpty().flaggedWhenAlmostEmpty().warnings())
                .containsExactly(ParsedResume.ALMOST_NOTHING);
    }

    @Test
    void anyJobSchoolOrSkillIsMoreThanNothing() {
        WorkExperience job = new WorkExperience("Acme", "Engineer", null, null, false, null, null, null);
        Education school = new Education("MIT", null, null, null, null, null, null, null);
        for (ResumeData data : List.of(new ResumeData(null, null, List.of(job), null, null, null),
                new ResumeData(null, null, null, List.of(school), null, null),
                new ResumeData(null, null, null, null, null, List.of("Java")))) {
            ParsedResume parsed = new ParsedResume(data, List.of());
            assertThat(parsed.foundAlmostNothing()).as(data.toString()).isFalse();
            assertThat(parsed.flaggedWhenAlmostEmpty()).isSameAs(parsed);
        }
    }
}
