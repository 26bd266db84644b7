package io.atspro.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.atspro.resume.ResumeData.Certification;
import io.atspro.resume.ResumeData.Education;
import io.atspro.resume.ResumeData.Link;
import io.atspro.resume.ResumeData.WorkExperience;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ResumeParserTest {

    private final ResumeParser parser = new ResumeParser();

    private static final String DATES_FIRST = """
            JOHN SMITH
            Backend Engineer
            Austin, TX | john.smith@example.com | (512) 555-0100
            linkedin.com/in/johnsmith | github.com/jsmith

            Profile
            Backend engineer with eight years of experience building
            payment systems.

            Employment History
            Jan 2020 – Present
            Senior Backend Engineer
            Globex Corporation, Austin
            • Built the ledger service in Kotlin and
              reduced reconciliation time by 80%
            • Led the migration to Kubernetes
            Technologies: Kotlin, PostgreSQL, Kafka

            2017 to 2019
            Hooli
            Software Engineer
            Worked on the search indexing pipeline.

            Education
            B.S. in Computer Science, University of Texas at Austin, 2016 — GPA: 3.7/4.0, cum laude
            Relevant Coursework: Algorithms, Databases, Operating Systems

            Certifications
            AWS Certified Developer – Associate
            Issued by Amazon Web Services, Mar 2021
            Credential ID: ABC-12345
            Certified Kubernetes Administrator by CNCF (2022)

            Skills
            Languages: Kotlin, Java, Go, java
            PostgreSQL | Redis
            • Docker; Kubernetes; Terraform
            """;

    @Test
    void readsAResumeWithDatesAboveTitlesAndCompanies() {
        ResumeData resume = parser.parse(DATES_FIRST);

        assertThat(resume.contactInfo().fullName()).isEqualTo("John Smith");
        assertThat(resume.contactInfo().email()).isEqualTo("john.smith@example.com");
        assertThat(resume.contactInfo().phone()).isEqualTo("(512) 555-0100");
        assertThat(resume.contactInfo().address()).isEqualTo("Austin, TX");
        assertThat(resume.contactInfo().links()).extracting(Link::name).containsExactly("LinkedIn", "GitHub");
        assertThat(resume.summary()).isEqualTo("Backend engineer with eight years of experience building payment systems.");

        assertThat(resume.workExperience()).hasSize(2);
        WorkExperience globex = resume.workExperience().get(0);
        assertThat(globex).extracting(WorkExperience::position, WorkExperience::company, WorkExperience::startDate,
                WorkExperience::endDate, WorkExperience::isCurrent)
                .containsExactly("Senior Backend Engineer", "Globex Corporation", "2020-01", null, true);
        assertThat(globex.responsibilities()).containsExactly(
                "Built the ledger service in Kotlin and reduced reconciliation time by 80%", "Led the migration to Kubernetes");
        assertThat(globex.skills()).containsExactly("Kotlin", "PostgreSQL", "Kafka");
        WorkExperience hooli = resume.workExperience().get(1);
        assertThat(hooli).extracting(WorkExperience::position, WorkExperience::company, WorkExperience::startDate,
                WorkExperience::endDate, WorkExperience::isCurrent, WorkExperience::description)
                .containsExactly("Software Engineer", "Hooli", "2017", "2019", false, "Worked on the search indexing pipeline.");

        assertThat(resume.education()).singleElement().satisfies(school -> {
            assertThat(school.institution()).isEqualTo("University of Texas at Austin");
            assertThat(school.degree()).isEqualTo("B.S.");
            assertThat(school.fieldOfStudy()).isEqualTo("Computer Science");
            assertThat(school.graduationDate()).isEqualTo("2016");
            assertThat(school.gpa()).isEqualTo(3.7);
            assertThat(school.honors()).containsExactly("cum laude");
            assertThat(school.relevantCourses()).containsExactly("Algorithms", "Databases", "Operating Systems");
        });

        assertThat(resume.certifications()).containsExactly(
                new Certification("AWS Certified Developer – Associate", "Amazon Web Services", "2021-03", null, "ABC-12345"),
                new Certification("Certified Kubernetes Administrator", "CNCF", "2022", null, null));

        assertThat(resume.skills()).containsExactly("Kotlin", "Java", "Go", "PostgreSQL", "Redis", "Docker", "Kubernetes",
                "Terraform");
    }

    @Test
    void readsJobsLaidOutInSeveralWaysInOneDocument() {
        ResumeData resume = parser.parse("""
                # Maria Garcia
                maria.garcia@example.org · +34 912 345 678 · Madrid, Spain · https://mariagarcia.es

                ## Experience
                Acme Corp — Product Manager (Mar 2021 – Present)
                - Owned the roadmap for the mobile app
                Data Analyst, Initech, 2018-06 - 2021-02
                - Built the churn model
                Intern at Umbrella Health | Summer 2017
                Massive Dynamic | Research Engineer | 03/2015 – 05/2016
                Initech Labs
                QA Tester
                Sep 2014 — Feb 2015
                """);

        assertThat(resume.contactInfo().fullName()).isEqualTo("Maria Garcia");
        assertThat(resume.contactInfo().links()).containsExactly(new Link("Website", "https://mariagarcia.es"));
        assertThat(resume.workExperience())
                .extracting(WorkExperience::position, WorkExperience::company, WorkExperience::startDate,
                        WorkExperience::endDate, WorkExperience::isCurrent)
                .containsExactly(
                        tuple("Product Manager", "Acme Corp", "2021-03", null, true),
                        tuple("Data Analyst", "Initech", "2018-06", "2021-02", false),
                        tuple("Intern", "Umbrella Health", "2017", "2017", false),
                        tuple("Research Engineer", "Massive Dynamic", "2015-03", "2016-05", false),
                        tuple("QA Tester", "Initech Labs", "2014-09", "2015-02", false));
    }

    @Test
    void readsEducationVariants() {
        ResumeData resume = parser.parse("""
                Jane Doe
                Education
                Master of Science in Data Science
                Stanford University | 2018 – 2020
                GPA 3.9
                Harvard University, Cambridge, MA
                BA, Economics — May 2016
                Dean's List; Honors: Phi Beta Kappa
                PhD in Chemistry, ETH Zurich (expected 2026)
                Imperial College London — MBA, 2012
                """);

        assertThat(resume.education())
                .extracting(Education::institution, Education::degree, Education::fieldOfStudy, Education::graduationDate,
                        Education::gpa)
                .containsExactly(
                        tuple("Stanford University", "Master of Science", "Data Science", "2020", 3.9),
                        tuple("Harvard University", "BA", "Economics", "2016-05", null),
                        tuple("ETH Zurich", "PhD", "Chemistry", "2026", null),
                        tuple("Imperial College London", "MBA", null, "2012", null));
        assertThat(resume.education().get(1).honors()).containsExactly("Dean's List", "Phi Beta Kappa");
    }

    @Test
    void readsCertificationVariants() {
        ResumeData resume = parser.parse("""
                Certifications
                • Project Management Professional (PMP) — Project Management Institute, 2019-05
                • CompTIA Security+ | Issuer: CompTIA | Jan 2020 | Expires Jan 2023
                • Google Professional Data Engineer, Google Cloud, 2021
                • Certified ScrumMaster (Scrum Alliance), June 2018
                """);

        assertThat(resume.certifications())
                .extracting(Certification::name, Certification::issuer, Certification::dateObtained,
                        Certification::expirationDate)
                .containsExactly(
                        tuple("Project Management Professional (PMP)", "Project Management Institute", "2019-05", null),
                        tuple("CompTIA Security+", "CompTIA", "2020-01", "2023-01"),
                        tuple("Google Professional Data Engineer", "Google Cloud", "2021", null),
                        tuple("Certified ScrumMaster", "Scrum Alliance", "2018-06", null));
    }

    @Test
    void splitsSkillsOnEverySeparatorAndDropsDuplicates() {
        ResumeData resume = parser.parse("""
                Technical Skills:
                Java (Spring, Hibernate), Kotlin; Go | Rust
                • Docker
                • docker
                ▪ AWS · GCP
                Frameworks: React, and Vue.
                """);

        assertThat(resume.skills()).containsExactly("Java (Spring, Hibernate)", "Kotlin", "Go", "Rust", "Docker", "AWS",
                "GCP", "React", "Vue");
    }

    @Test
    void rejoinsASkillListThePageWidthBroke() {
        ResumeData resume = parser.parse("""
                SKILLS
                Java, Python, Kubernetes, Terraform, PostgreSQL, Apache Kafka, Machine
                Learning, Go
                """);

        assertThat(resume.skills()).containsExactly("Java", "Python", "Kubernetes", "Terraform", "PostgreSQL",
                "Apache Kafka", "Machine Learning", "Go");
    }

    @Test
    void withoutASkillsSectionTheSkillsOfJobsAreTheSkills() {
        ResumeData resume = parser.parse("""
                Experience
                Engineer at Acme, 2019 - 2021
                Skills: Java, SQL
                Developer at Initech, 2017 - 2019
                Tools: Git, java
                """);

        assertThat(resume.skills()).containsExactly("Java", "SQL", "Git");
    }

    @Test
    void aSkillsLineAtTheTopOpensTheSkillsSection() {
        ResumeData resume = parser.parse("Jane Doe\njane@example.com\nSkills: Java, Go\n");

        assertThat(resume.skills()).containsExactly("Java", "Go");
    }

    @Test
    @Timeout(20)
    void pathologicalTextIsParsedQuickly() {
        String oneHugeWord = "a".repeat(2_000_000);
        String oneHugeLine = "Java, 2019 - 2020 x@y +1 555 ".repeat(70_000);
        StringBuilder manyLines = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            manyLines.append(i % 7 == 0 ? "• did a thing\n" : "Engineer at Acme " + (1990 + i % 30) + "\n");
        }

        assertThat(parser.parse(oneHugeWord).workExperience()).isEmpty();
        assertThat(parser.parse(oneHugeLine)).isNotNull();
        assertThat(parser.parse("Experience\n" + manyLines)).isNotNull();
    }

    @Test
    void emptyOrUnstructuredTextGivesAnEmptyResumeNotAnError() {
        assertThat(parser.parse("")).isEqualTo(new ResumeData(null, null, null, null, null, null));
        assertThat(parser.parse((String) null).workExperience()).isEmpty();
        ResumeData prose = parser.parse("I have worked for many years in many places and I like it a lot.");
        assertThat(prose.contactInfo().fullName()).isNull();
        assertThat(prose.workExperience()).isEmpty();
    }
}
