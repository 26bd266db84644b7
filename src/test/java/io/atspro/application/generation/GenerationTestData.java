package io.atspro.application.generation;

import io.atspro.job.JobDetails;
import io.atspro.matching.MatchResult;
import io.atspro.resume.ResumeData;
import io.atspro.resume.ResumeData.Certification;
import io.atspro.resume.ResumeData.ContactInfo;
import io.atspro.resume.ResumeData.Education;
import io.atspro.resume.ResumeData.Link;
import io.atspro.resume.ResumeData.WorkExperience;
import java.time.LocalDate;
import java.util.List;

/** A realistic resume, job and match shared by the generation tests. */
final class GenerationTestData {

    private GenerationTestData() {
    }

    static final WorkExperience NORTHWIND = new WorkExperience("Northwind Analytics", "Senior Data Engineer", "2021-03",
            null, true, "Own the company's event data platform.",
            List.of("Mentored three junior engineers on code review and testing",
                    "Built a streaming pipeline on Kafka and Spark that processes 2 million events per hour",
                    "Cut nightly batch runtime from 6 hours to 40 minutes by rewriting jobs in PySpark"),
            List.of("Python", "Kafka", "Spark", "AWS"));

    static final WorkExperience BRIGHTSIDE = new WorkExperience("Brightside Retail", "Backend Developer", "2018-06",
            "2021-02", false, null,
            List.of("Developed REST APIs in Java and Spring Boot for the online store",
                    "Led the migration of the order database to PostgreSQL with zero downtime"),
            List.of("Java", "Spring Boot", "PostgreSQL"));

    static final WorkExperience CAFE = new WorkExperience("Cafe Luna", "Barista", "2016-01", "2018-05", false, null,
            List.of("Served 200 customers a day"), List.of("Customer service"));

    static ResumeData resume() {
        return new ResumeData(
                new ContactInfo("Maya Chen", "maya.chen@example.com", "+1 415 555 0142", "San Francisco, CA",
                        List.of(new Link("GitHub", "https://github.com/mayachen"))),
                "Data engineer who builds reliable pipelines.",
                List.of(NORTHWIND, BRIGHTSIDE, CAFE),
                List.of(new Education("University of Washington", "B.Sc.", "Computer Science", "2018-06", 3.7,
                        List.of("Dean's List"), List.of("Distributed Systems", "Databases"), List.of())),
                List.of(new Certification("AWS Certified Data Engineer", "Amazon Web Services", "2023-04", null, null)),
                List.of("SQL", "Python", "Kafka", "Spark", "Java", "Docker"));
    }

    static JobDetails dataJob() {
        return new JobDetails("Helio Logistics", "Data Platform Engineer",
                "Helio Logistics moves freight across North America. We are hiring an engineer to scale our data platform.",
                "$150,000 - $175,000",
                List.of("Design and run streaming pipelines", "Improve the reliability of batch jobs"),
                List.of("3+ years with Python", "Experience with Kafka and Spark", "Airflow", "Terraform"),
                List.of("Hybrid, 2 days a week in office"), List.of("Seattle, WA"), List.of(),
                "https://helio.example/jobs/42");
    }

    static JobDetails javaJob() {
        return new JobDetails("Orbit Pay", "Java Backend Engineer", "Build payment APIs.", null,
                List.of("Build REST APIs"), List.of("Java", "Spring Boot", "PostgreSQL"), List.of(), List.of(),
                List.of(), null);
    }

    static MatchResult dataMatch() {
        return new MatchResult(72, List.of("Python", "Kafka", "Spark"), List.of("Airflow", "Terraform"), List.of(),
                List.of("Mention Airflow if you have used it"));
    }

    static GenerationRequest request(ContentType type) {
        return new GenerationRequest(type, resume(), dataJob(), dataMatch(), null, "applied", LocalDate.of(2025, 5, 2));
    }
}
