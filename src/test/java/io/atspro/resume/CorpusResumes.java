package io.atspro.resume;

import io.atspro.resume.ResumeData.Certification;
import io.atspro.resume.ResumeData.ContactInfo;
import io.atspro.resume.ResumeData.Education;
import io.atspro.resume.ResumeData.Link;
import io.atspro.resume.ResumeData.WorkExperience;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The known resumes of the quality corpus: built from fixed pools with a fixed seed, so every run renders and
 * scores the same documents. Text is limited to what the PDF Standard 14 fonts can draw (Latin-1).
 */
final class CorpusResumes {

    static final int SIZE = 24;

    private static final String[] NAMES = {
        "Jane Doe", "Carlos Mendoza", "Aisha Khan", "Liam O'Connor", "Sophie Müller", "Hiroshi Tanaka",
        "Olivia Smith", "Mateo García", "Chloé Dubois", "Noah Williams", "Priya Raman", "Lars Østergaard",
        "Emma van der Berg", "Jean-Luc Moreau", "Fatima Al-Sayed", "Mei Lin Chen", "Ana Maria Rossi Bianchi",
        "Kwame Mensah", "Ingrid Johansson", "Diego Fernández", "Yuki Sato", "Sean McAllister", "Zoë Papadopoulos",
        "Ahmed Hassan"};
    private static final String[] PHONES = {
        "+1 (415) 555-0132", "(212) 555-0147", "415-555-0199", "+44 20 7946 0958", "+49 30 901820",
        "+33 1 42 68 53 00", "+91 98765 43210", "+61 2 9374 4000", "+81 3-1234-5678", "555.123.4567",
        "+34 912 345 678", "+353 1 234 5678", "+1 650.555.0101", "+27 21 555 1234", "+55 11 91234-5678"};
    private static final String[] CITIES = {
        "San Francisco, CA", "London, UK", "Berlin, Germany", "Paris, France", "Bangalore, India", "Sydney, Australia",
        "Tokyo, Japan", "Madrid, Spain", "Dublin, Ireland", "Toronto, Canada", "Austin, TX", "Cape Town, South Africa"};
    private static final String[] COMPANIES = {
        "Acme Corp", "Globex Corporation", "Initech", "Umbrella Health", "Stark Industries", "Wayne Enterprises",
        "Hooli", "Pied Piper", "Soylent Labs", "Tyrell Systems", "Cyberdyne Systems", "Wonka Industries",
        "Vandelay Industries", "Massive Dynamic", "Oscorp", "Nakatomi Trading", "Blue Sun Logistics",
        "Aperture Science", "Black Mesa Research", "Dunder Mifflin", "Contoso Ltd", "Fabrikam, Inc.",
        "Northwind Traders", "Brightwave Analytics", "Kestrel Software GmbH", "Gringotts Bank", "Oceanic Airlines"};
    private static final String[] POSITIONS = {
        "Software Engineer", "Senior Software Engineer", "Backend Developer", "Data Scientist", "Product Manager",
        "DevOps Engineer", "Frontend Developer", "QA Analyst", "Engineering Manager", "Machine Learning Engineer",
        "Site Reliability Engineer", "UX Designer", "Technical Lead", "Solutions Architect", "Marketing Specialist",
        "Financial Analyst", "Project Coordinator", "Research Assistant", "Junior Developer", "Staff Engineer",
        "Mobile Developer", "Security Analyst", "Data Engineer", "Business Analyst", "Customer Success Manager",
        "Operations Manager", "Software Engineering Intern"};
    private static final String[] RESPONSIBILITIES = {
        "Designed and built a payments service handling 2 million transactions per day",
        "Led a team of five engineers through a migration from a monolith to microservices",
        "Reduced cloud spend by 30% by right-sizing clusters and introducing autoscaling",
        "Mentored junior developers and ran weekly code review sessions",
        "Introduced contract testing, cutting integration failures in staging by half",
        "Built dashboards that gave the sales team daily visibility into the pipeline",
        "Owned the on-call rotation and wrote the runbooks for every production alert",
        "Shipped a redesigned onboarding flow that raised activation from 41% to 58%",
        "Automated the release process so that deployments went from weekly to several times a day",
        "Partnered with product and design to define the roadmap for the mobile app",
        "Wrote the data pipeline that feeds the recommendation models, processing 5 TB nightly",
        "Improved p99 latency of the search API from 900 ms to 120 ms",
        "Coordinated vendor audits and kept the SOC 2 controls documented and current",
        "Analysed churn data and presented retention recommendations to the leadership team",
        "Maintained the internal component library used by twelve product teams"};
    private static final String[][] SCHOOLS = {
        {"University of Toronto"}, {"Massachusetts Institute of Technology"}, {"Stanford University"},
        {"University of Oxford"}, {"Technical University of Munich"}, {"Universidad de Buenos Aires"},
        {"Indian Institute of Technology Bombay"}, {"University of Cape Town"}, {"McGill University"},
        {"Imperial College London"}, {"Georgia Institute of Technology"}, {"National University of Singapore"},
        {"Trinity College Dublin"}, {"Kyoto University"}, {"Delft University of Technology"},
        {"Seoul National University"}, {"University of Melbourne"}, {"Sorbonne University"}};
    private static final String[][] DEGREES = {
        {"Bachelor of Science", "Computer Science"}, {"Master of Science", "Data Science"}, {"B.Sc.", "Physics"},
        {"M.Sc.", "Software Engineering"}, {"MBA", null}, {"PhD", "Machine Learning"},
        {"Bachelor of Arts", "Economics"}, {"B.A.", "Psychology"}, {"Master of Engineering", "Electrical Engineering"},
        {"B.Eng.", "Mechanical Engineering"}, {"Associate of Applied Science", "Information Technology"},
        {"Bachelor of Business Administration", null}, {"Master of Arts", "International Relations"}};
    private static final String[][] CERTIFICATES = {
        {"AWS Certified Solutions Architect – Associate", "Amazon Web Services"},
        {"Certified Kubernetes Administrator", "Cloud Native Computing Foundation"},
        {"Professional Scrum Master I", "Scrum.org"}, {"Google Professional Data Engineer", "Google Cloud"},
        {"Project Management Professional", "Project Management Institute"}, {"CompTIA Security+", "CompTIA"},
        {"Azure Fundamentals", "Microsoft"}, {"Terraform Associate", "HashiCorp"},
        {"Oracle Certified Professional Java SE 11 Developer", "Oracle"}, {"Certified Information Systems Security Professional", "ISC2"}};
    private static final String[] SKILLS = {
        "Java", "Python", "Go", "Kotlin", "TypeScript", "JavaScript", "React", "Node.js", "Spring Boot", "PostgreSQL",
        "MySQL", "MongoDB", "Redis", "Kafka", "Docker", "Kubernetes", "Terraform", "AWS", "GCP", "Azure", "CI/CD",
        "Git", "Linux", "GraphQL", "REST APIs", "Microservices", "Machine Learning", "TensorFlow", "PyTorch",
        "Pandas", "SQL", "Tableau", "Figma", "Agile", "Scrum", "C++", "C#", ".NET", "Rust", "Scala", "Apache Spark",
        "Airflow", "Elasticsearch", "gRPC", "Jenkins", "Ansible", "Prometheus", "Grafana", "Snowflake", "dbt",
        "Excel", "Jira", "Product Strategy", "Stakeholder Management", "Data Visualization", "Statistics",
        "A/B Testing"};
    private static final String[] SUMMARIES = {
        "Engineer with a track record of shipping reliable systems and growing the people around me.",
        "Analytical problem solver who turns messy data into decisions that move the business.",
        "Product-minded builder who enjoys the whole path from customer interview to production release.",
        "Hands-on leader focused on calm operations, clear documentation and fast feedback loops."};

    private CorpusResumes() {
    }

    static List<ResumeData> all() {
        Random random = new Random(20240611L);
        List<ResumeData> resumes = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            resumes.add(resume(i, random));
        }
        return resumes;
    }

    private static ResumeData resume(int index, Random random) {
        String name = NAMES[index];
        String handle = ascii(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").replace(' ', '-');
        String email = handle.replace('-', '.') + (index % 3 == 0 ? "@example.com" : index % 3 == 1 ? "@mail.example.org" : "@gmail.com");
        List<Link> links = new ArrayList<>();
        if (index % 4 != 3) {
            links.add(new Link("LinkedIn", "https://www.linkedin.com/in/" + handle));
        }
        if (index % 2 == 0) {
            links.add(new Link("GitHub", "https://github.com/" + handle.replace("-", "")));
        }
        if (index % 3 != 1) {
            links.add(new Link("Website", "https://" + handle.replace("-", "") + ".dev"));
        }
        ContactInfo contact = new ContactInfo(name, email, PHONES[index % PHONES.length], CITIES[index % CITIES.length], links);

        int jobCount = 1 + index % 4;
        int year = 2024;
        int month = 1 + random.nextInt(12);
        List<WorkExperience> jobs = new ArrayList<>();
        Set<String> usedCompanies = new LinkedHashSet<>();
        for (int j = 0; j < jobCount; j++) {
            boolean current = j == 0 && random.nextBoolean();
            String end = current ? null : iso(year, month);
            int startYear = year - 1 - random.nextInt(3);
            int startMonth = 1 + random.nextInt(12);
            String company = pickUnused(COMPANIES, usedCompanies, random);
            String position = POSITIONS[random.nextInt(POSITIONS.length)];
            List<String> bullets = pickSome(RESPONSIBILITIES, 2 + random.nextInt(3), random);
            jobs.add(new WorkExperience(company, position, iso(startYear, startMonth), end, current, null, bullets, List.of()));
            year = startYear - random.nextInt(2);
            month = 1 + random.nextInt(12);
            if (year == startYear && month >= startMonth) {
                month = Math.max(1, startMonth - 1);
            }
        }

        int schoolCount = 1 + index % 2;
        List<Education> schools = new ArrayList<>();
        int graduation = year - random.nextInt(2);
        for (int s = 0; s < schoolCount; s++) {
            String[] degree = DEGREES[(index + s * 5) % DEGREES.length];
            String institution = SCHOOLS[(index * 2 + s) % SCHOOLS.length][0];
            Double gpa = random.nextInt(3) == 0 ? Math.round((3.0 + random.nextDouble()) * 10) / 10.0 : null;
            schools.add(new Education(institution, degree[0], degree[1], iso(graduation, 5 + random.nextInt(2)), gpa,
                    List.of(), List.of(), List.of()));
            graduation -= 2 + random.nextInt(3);
        }

        List<Certification> certifications = new ArrayList<>();
        for (int c = 0; c < index % 3; c++) {
            String[] certificate = CERTIFICATES[(index + c * 3) % CERTIFICATES.length];
            certifications.add(new Certification(certificate[0], certificate[1],
                    iso(2019 + random.nextInt(5), 1 + random.nextInt(12)), null, null));
        }

        List<String> skills = pickSome(SKILLS, 5 + random.nextInt(11), random);
        return new ResumeData(contact, SUMMARIES[index % SUMMARIES.length], jobs, schools, certifications, skills);
    }

    private static String iso(int year, int month) {
        return String.format(Locale.ROOT, "%04d-%02d", year, month);
    }

    private static String pickUnused(String[] pool, Set<String> used, Random random) {
        String pick;
        do {
            pick = pool[random.nextInt(pool.length)];
        } while (!used.add(pick));
        return pick;
    }

    private static List<String> pickSome(String[] pool, int count, Random random) {
        Set<String> picked = new LinkedHashSet<>();
        while (picked.size() < count) {
            picked.add(pool[random.nextInt(pool.length)]);
        }
        return List.copyOf(picked);
    }

    static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("Ø", "O").replace("ø", "o");
    }
}
