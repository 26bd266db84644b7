package io.atspro.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.atspro.resume.ResumeData.Education;
import io.atspro.resume.ResumeData.WorkExperience;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shapes real resumes take, each in a small resume of its own: heading wordings, job headers in either order and
 * with dates anywhere, labelled fields, jobs told in sentences, date and phone forms, education on one line, skills
 * as tables and lists with spoken languages kept apart, and the warnings a parse gives.
 */
class ResumeShapesTest {

    private final ResumeParser parser = new ResumeParser();

    @ParameterizedTest
    @ValueSource(strings = {"Professional Experience", "WORK HISTORY", "Employment Record", "Career Profile",
        "Workplace:", "Relevant Work Experience", "EXPERIENCE in the Field of Nursing", "Volunteer Experience"})
    void experienceHeadingsInTheirManyWordings(String heading) {
        ResumeData resume = parser.parse(String.join("\n", "Jane Doe", heading, "Staff Nurse | St Mary's Hospital",
                "Jan 2019 – Present"));

        assertThat(resume.workExperience()).extracting(WorkExperience::position, WorkExperience::company)
                .containsExactly(tuple("Staff Nurse", "St Mary's Hospital"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Academic Qualifications", "EDUCATIONAL BACKGROUND", "Education & Training", "Qualification:"})
    void educationHeadingsInTheirManyWordings(String heading) {
        ResumeData resume = parser.parse(String.join("\n", "Jane Doe", heading,
                "B.Sc. Computer Science, University of Leeds, 2015"));

        assertThat(resume.education()).extracting(Education::degree, Education::fieldOfStudy, Education::institution,
                Education::graduationDate).containsExactly(tuple("B.Sc.", "Computer Science", "University of Leeds", "2015"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Technical Skills", "CORE COMPETENCIES", "Key Skills", "Areas of Expertise", "Computer Skills"})
    void skillsHeadingsInTheirManyWordings(String heading) {
        ResumeData resume = parser.parse(String.join("\n", "Jane Doe", heading, "Java | Kotlin | PostgreSQL"));

        assertThat(resume.skills()).containsExactly("Java", "Kotlin", "PostgreSQL");
    }

    @Test
    void jobHeadersInEitherOrderWithDatesAnywhere() {
        ResumeData resume = parser.parse("""
                Jane Doe
                Experience
                Globex Corporation | Berlin, Germany
                Senior Backend Engineer | Mar 2021 – Present
                • Built the ledger service
                Data Analyst, Initech, New Orleans, LA
                06/2018 - 02/2021
                • Built the churn model
                2015.01 – 2018.05
                Umbrella Health
                Research Assistant
                • Ran the trials database
                2009 – Technician, Acme Works
                """);

        assertThat(resume.workExperience())
                .extracting(WorkExperience::position, WorkExperience::company, WorkExperience::startDate,
                        WorkExperience::endDate, WorkExperience::isCurrent)
                .containsExactly(
                        tuple("Senior Backend Engineer", "Globex Corporation", "2021-03", null, true),
                        tuple("Data Analyst", "Initech", "2018-06", "2021-02", false),
                        tuple("Research Assistant", "Umbrella Health", "2015-01", "2018-05", false),
                        tuple("Technician", "Acme Works", "2009", null, true));
    }

    @Test
    void labelledJobFields() {
        ResumeData resume = parser.parse("""
                Rahul Verma
                Work Experience
                Present Organization:
                Bluewave Energy Limited
                Tenure : September 2015 – till date
                Designation: Senior Sales Engineer
                Key Responsibilities:
                • Led the sales team for the western region
                Previous Organizations:
                Northstar Engineering Pvt Ltd, Pune Maharashtra Tenure: July 2011 to August 2015
                Designation: Sales Engineer
                • Grew the distributor network
                """);

        assertThat(resume.workExperience())
                .extracting(WorkExperience::position, WorkExperience::company, WorkExperience::startDate,
                        WorkExperience::endDate, WorkExperience::isCurrent)
                .containsExactly(
                        tuple("Senior Sales Engineer", "Bluewave Energy Limited", "2015-09", null, true),
                        tuple("Sales Engineer", "Northstar Engineering Pvt Ltd", "2011-07", "2015-08", false));
    }

    @Test
    void jobsToldInSentences() {
        ResumeData resume = parser.parse("""
                Priya Nair
                Work Experience
                ● Currently working as a Mathematics Teacher in Greenfield Public School, Chennai
                from June 2016 to till date.
                ● Worked as a Computer Teacher with Sunrise Academy, Madurai (From June 2013 till March 2016)
                """);

        assertThat(resume.workExperience())
                .extracting(WorkExperience::position, WorkExperience::company, WorkExperience::startDate,
                        WorkExperience::endDate, WorkExperience::isCurrent)
                .containsExactly(
                        tuple("Mathematics Teacher", "Greenfield Public School", "2016-06", null, true),
                        tuple("Computer Teacher", "Sunrise Academy", "2013-06", "2016-03", false));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Since 2018                 | 2018    |         | true",
        "2015–17                    | 2015    | 2017    | false",
        "Jan 2019 - till date       | 2019-01 |         | true",
        "01/2019 – 12/2020          | 2019-01 | 2020-12 | false",
        "Summer 2022                | 2022    | 2022    | false",
        "JAN-2009 – JUL-2014        | 2009-01 | 2014-07 | false"})
    void datesAsResumesWriteThem(String dates, String start, String end, boolean current) {
        ResumeData resume = parser.parse("Jane Doe\nExperience\nIntern at Acme Labs | " + dates);

        assertThat(resume.workExperience()).singleElement()
                .extracting(WorkExperience::startDate, WorkExperience::endDate, WorkExperience::isCurrent)
                .containsExactly(start, end, current);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Mobile: +91 98330 00140                 | +91 98330 00140",
        "Tel.: 00971-501203583                   | 00971-501203583",
        "(555) 123-4567 ext. 12 · jane@mail.com  | (555) 123-4567 ext. 12",
        "tel:(+82) 10-9030-1843                  | (+82) 10-9030-1843",
        "Phone number: +36/30/242-30-92          | +36/30/242-30-92"})
    void phonesInInternationalForms(String line, String phone) {
        assertThat(parser.parse("Jane Doe\n" + line).contactInfo().phone()).isEqualTo(phone);
    }

    @Test
    void identityAndFaxNumbersAreNotPhones() {
        ResumeData resume = parser.parse(String.join("\n", "Sam Rivera", "4 | Aadhaar Card No: | 6220 3381 6273",
                "Fax: +1 212 555 0199", "5 | Mobile No: | 9566248891"));

        assertThat(resume.contactInfo().phone()).isEqualTo("9566248891");
    }

    @Test
    void linksWithoutAScheme() {
        ResumeData resume = parser.parse("Jane Doe\njane@mail.com | linkedin.com/in/jane-doe | github.com/janedoe\n");

        assertThat(resume.contactInfo().links()).extracting(ResumeData.Link::url)
                .containsExactly("https://linkedin.com/in/jane-doe", "https://github.com/janedoe");
    }

    @Test
    void profilesCountButProjectRepositoriesAndPostsDoNot() {
        ResumeData resume = parser.parse(String.join("\n", "Jane Doe", "jane@mail.com | janedoe.dev",
                "Projects", "Pathfinder | https://github.com/janedoe/pathfinder",
                "Talk write-up: https://janedoe.dev/2021/05/talk", "Find me on https://www.youtube.com/user/JaneCodes",
                "and https://github.com/janedoe"));

        assertThat(resume.contactInfo().links()).extracting(ResumeData.Link::url).containsExactly(
                "https://janedoe.dev", "https://www.youtube.com/user/JaneCodes", "https://github.com/janedoe");
    }

    @Test
    void theNameAfterAHeadingOrAboveAnAddressOrWithASuffix() {
        assertThat(parser.parse("CURRICULUM VITAE\nPERSONAL DETAILS - NOOR RAHMAN\nMobile: 00971-501203583")
                .contactInfo().fullName()).isEqualTo("Noor Rahman");
        assertThat(parser.parse("Roy A. Castillo Jr.\nE-mail: roy@example.com").contactInfo().fullName())
                .isEqualTo("Roy A. Castillo Jr.");
        assertThat(parser.parse("Residential Address: Dubai, UAE\nJane Doe\njane@mail.com").contactInfo().fullName())
                .isEqualTo("Jane Doe");
    }

    @Test
    void educationWrittenOnOneLineOrWithFrom() {
        ResumeData resume = parser.parse("""
                Jane Doe
                Education
                2006-2010 4 years bachelor degree in Biomedical Engineering from University of Peshawar Pakistan
                MSc Risk and Finance: University of Southampton, Southampton, United Kingdom
                Cornell University
                MEng in Computer Science
                Dec 2014 | Ithaca, NY
                Cum. GPA: 3.83 / 4.0
                La Martiniere for Boys
                Grad. May 2011 | Kolkata, India
                """);

        assertThat(resume.education()).extracting(Education::institution, Education::degree)
                .containsExactly(tuple("University of Peshawar", "bachelor degree"),
                        tuple("University of Southampton", "MSc"),
                        tuple("Cornell University", "MEng"),
                        tuple("La Martiniere for Boys", null));
    }

    @Test
    void schoolsLoseMarksAffiliationsAndWrappedTails() {
        ResumeData resume = parser.parse("""
                Ravi Kumar
                Academic Profile
                ❖ MCA from Sri Ram College of Arts, Perambalur. Affiliated to Bharathidasan University during the
                years 2011-2013 with 81%.
                ❖ Bachelor of Commerce from University of Madras with 85% (2010)
                """);

        assertThat(resume.education()).extracting(Education::institution, Education::degree).containsExactly(
                tuple("Sri Ram College of Arts, Perambalur", "MCA"), tuple("University of Madras", "Bachelor of Commerce"));
    }

    @Test
    void skillsTablesAndListsWithSpokenLanguagesKeptApart() {
        ResumeData resume = parser.parse("""
                Jane Doe
                Skills
                DevOps | AWS, Docker, Kubernetes
                Back-end | Koa, Express, Django
                Languages | Korean, English, Japanese
                • Fluent in Spanish
                • Terraform
                Mother tongue(s) | UNDERSTANDING | SPEAKING
                C | 2019 - 2021
                """);

        assertThat(resume.skills()).containsExactly("AWS", "Docker", "Kubernetes", "Koa", "Express", "Django", "Terraform",
                "C");
    }

    @Test
    void warningsSayWhatToCheck() {
        ParsedResume parsed = parser.parseWithWarnings("""
                Jane Doe
                jane@mail.com
                Experience
                Built things for people
                Skills
                Java, Go
                """);

        assertThat(parsed.warnings()).containsExactly(ParseWarnings.EXPERIENCE_NOT_READ, ParseWarnings.NO_EDUCATION_SECTION);
        assertThat(parser.parseWithWarnings("Jane Doe\njane@mail.com\nI like hiking.").warnings())
                .contains(ParseWarnings.NO_EXPERIENCE_SECTION, ParseWarnings.NO_SKILLS_SECTION);
        assertThat(parser.parseWithWarnings("jane@mail.com\nExperience\nNurse at St Mary's Hospital").warnings())
                .containsExactly(ParseWarnings.NO_NAME, "1 job has no dates: add them so your history reads in order.",
                        ParseWarnings.NO_EDUCATION_SECTION, ParseWarnings.NO_SKILLS_SECTION);
    }

    @Test
    void aParseOfAlmostNothingSaysSo() {
        ParsedResume parsed = parser.parseWithWarnings("Jane Doe\njane@mail.com\nHello there.").flaggedWhenAlmostEmpty();

        assertThat(parsed.warnings()).first().isEqualTo(ParsedResume.ALMOST_NOTHING);
        assertThat(List.copyOf(parsed.warnings())).contains(ParseWarnings.NO_EXPERIENCE_SECTION);
    }
}
