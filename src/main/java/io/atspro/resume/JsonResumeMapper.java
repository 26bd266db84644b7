package io.atspro.resume;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.resume.ResumeData.Certification;
import io.atspro.resume.ResumeData.ContactInfo;
import io.atspro.resume.ResumeData.Education;
import io.atspro.resume.ResumeData.Link;
import io.atspro.resume.ResumeData.WorkExperience;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts between {@link ResumeData} and the JSON Resume schema (jsonresume.org, v1). What both hold survives a
 * round trip. JSON Resume has no place for job and school skills, honours, certificate expiry and credential ids;
 * those are not exported. A job without an end date is current, as JSON Resume has it.
 */
public final class JsonResumeMapper {

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d+(?:[.,]\\d+)?)");
    private static final Map<String, String> PROFILE_URLS = Map.of(
            "linkedin", "https://www.linkedin.com/in/", "github", "https://github.com/", "gitlab", "https://gitlab.com/",
            "twitter", "https://twitter.com/", "x", "https://x.com/");

    private final ObjectMapper mapper;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final JsonFields fields = new JsonFields();

    public JsonResumeMapper() {
        this(new ObjectMapper());
    }

    public JsonResumeMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    // ---- export

    public ObjectNode toJsonResume(ResumeData resume) {
        ObjectNode root = nodes.objectNode();
        root.set("basics", basics(resume.contactInfo(), resume.summary()));
        putArray(root, "work", resume.workExperience().stream().map(this::work).toList());
        putArray(root, "education", resume.education().stream().map(this::education).toList());
        putArray(root, "certificates", resume.certifications().stream().map(this::certificate).toList());
        putArray(root, "skills", resume.skills().stream().map(skill -> (JsonNode) nodes.objectNode().put("name", skill)).toList());
        return root;
    }

    private ObjectNode basics(ContactInfo contact, String summary) {
        ObjectNode basics = nodes.objectNode();
        putText(basics, "name", contact.fullName());
        putText(basics, "email", contact.email());
        putText(basics, "phone", contact.phone());
        contact.links().stream().filter(link -> "Website".equalsIgnoreCase(link.name())).findFirst()
                .ifPresent(website -> basics.put("url", website.url()));
        putText(basics, "summary", summary);
        if (contact.address() != null) {
            basics.set("location", nodes.objectNode().put("address", contact.address()));
        }
        putArray(basics, "profiles", contact.links().stream().map(this::profile).toList());
        return basics;
    }

    private JsonNode profile(Link link) {
        ObjectNode profile = nodes.objectNode();
        putText(profile, "network", link.name());
        putText(profile, "username", username(link.url()));
        putText(profile, "url", link.url());
        return profile;
    }

    private JsonNode work(WorkExperience job) {
        ObjectNode work = nodes.objectNode();
        putText(work, "name", job.company());
        putText(work, "position", job.position());
        putText(work, "startDate", job.startDate());
        putText(work, "endDate", job.isCurrent() ? null : job.endDate());
        putText(work, "summary", job.description());
        putStrings(work, "highlights", job.responsibilities());
        return work;
    }

    private JsonNode education(Education school) {
        ObjectNode education = nodes.objectNode();
        putText(education, "institution", school.institution());
        putText(education, "area", school.fieldOfStudy());
        putText(education, "studyType", school.degree());
        putText(education, "endDate", school.graduationDate());
        if (school.gpa() != null) {
            education.put("score", BigDecimal.valueOf(school.gpa()).stripTrailingZeros().toPlainString());
        }
        putStrings(education, "courses", school.relevantCourses());
        return education;
    }

    private JsonNode certificate(Certification certification) {
        ObjectNode certificate = nodes.objectNode();
        putText(certificate, "name", certification.name());
        putText(certificate, "date", certification.dateObtained());
        putText(certificate, "issuer", certification.issuer());
        return certificate;
    }

    // ---- import

    /** Reads JSON Resume text; malformed JSON or a wrong shape fails naming the field. */
    public ResumeData fromJsonResume(String json) {
        try {
            return fromJsonResume(mapper.readTree(json));
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String position = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new JsonResumeFormatException("", "the document is not valid JSON" + position, e);
        }
    }

    public ResumeData fromJsonResume(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new JsonResumeFormatException("", "a JSON Resume must be a JSON object, not "
                    + (root == null || root.isMissingNode() ? "empty input" : JsonFields.kind(root)));
        }
        JsonNode basics = fields.object(root.get("basics"), "basics");
        List<Link> links = new ArrayList<>();
        List<JsonNode> profiles = fields.objects(basics.get("profiles"), "basics.profiles");
        for (int i = 0; i < profiles.size(); i++) {
            Link link = link(profiles.get(i), "basics.profiles[" + i + "]");
            if (link != null) {
                links.add(link);
            }
        }
        String website = fields.text(basics, "url", "basics");
        if (website != null && links.stream().noneMatch(link -> link.url().equals(website))) {
            links.add(new Link("Website", website));
        }
        ContactInfo contact = new ContactInfo(fields.text(basics, "name", "basics"), fields.text(basics, "email", "basics"),
                fields.text(basics, "phone", "basics"), address(fields.object(basics.get("location"), "basics.location")), links);

        return new ResumeData(contact, fields.text(basics, "summary", "basics"),
                fields.each(root, "work", this::importWork), fields.each(root, "education", this::importEducation),
                fields.each(root, "certificates", this::importCertificate), importSkills(root));
    }

    private Link link(JsonNode profile, String path) {
        String network = fields.text(profile, "network", path);
        String url = fields.text(profile, "url", path);
        String username = fields.text(profile, "username", path);
        if (url == null && username != null && network != null) {
            String base = PROFILE_URLS.get(network.toLowerCase(Locale.ROOT));
            url = base == null ? null : base + username;
        }
        if (url == null) {
            return null;
        }
        return new Link(network != null ? network : ContactExtractor.network(url), url);
    }

    private String address(JsonNode location) {
        List<String> parts = new ArrayList<>();
        for (String field : List.of("address", "city", "region", "postalCode", "countryCode")) {
            String value = fields.text(location, field, "basics.location");
            if (value != null && parts.stream().noneMatch(part -> part.contains(value))) {
                parts.add(value);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private WorkExperience importWork(JsonNode work, String path) {
        String company = fields.text(work, "name", path);
        String start = fields.date(work, "startDate", path);
        String rawEnd = fields.text(work, "endDate", path);
        boolean current = rawEnd == null ? start != null : PartialDate.isPresent(rawEnd);
        String end = current ? null : fields.date(work, "endDate", path);
        String summary = fields.text(work, "summary", path);
        return new WorkExperience(company != null ? company : fields.text(work, "company", path),
                fields.text(work, "position", path), start, end, current, summary != null ? summary : fields.text(work, "description", path),
                fields.strings(work.get("highlights"), path + ".highlights"), List.of());
    }

    private Education importEducation(JsonNode education, String path) {
        List<String> honors = new ArrayList<>();
        Double gpa = null;
        JsonNode score = education.get("score");
        if (score != null && score.isNumber()) {
            gpa = score.asDouble();
        } else if (score != null && !score.isNull()) {
            String text = fields.text(education, "score", path);
            Matcher number = LEADING_NUMBER.matcher(text);
            if (number.find()) {
                gpa = Double.valueOf(number.group(1).replace(',', '.'));
            } else if (!text.isBlank()) {
                honors.add(text);
            }
        }
        return new Education(fields.text(education, "institution", path), fields.text(education, "studyType", path),
                fields.text(education, "area", path), fields.date(education, "endDate", path), gpa, honors,
                fields.strings(education.get("courses"), path + ".courses"), List.of());
    }

    private Certification importCertificate(JsonNode certificate, String path) {
        return new Certification(fields.text(certificate, "name", path), fields.text(certificate, "issuer", path),
                fields.date(certificate, "date", path), null, null);
    }

    private List<String> importSkills(JsonNode root) {
        JsonNode skills = root.get("skills");
        if (skills == null || skills.isNull()) {
            return List.of();
        }
        if (!skills.isArray()) {
            throw new JsonResumeFormatException("skills", "must be an array, not " + JsonFields.kind(skills));
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < skills.size(); i++) {
            JsonNode skill = skills.get(i);
            String path = "skills[" + i + "]";
            if (skill.isTextual()) {
                names.add(skill.asText());
                continue;
            }
            fields.object(skill, path);
            List<String> keywords = fields.strings(skill.get("keywords"), path + ".keywords");
            String name = fields.text(skill, "name", path);
            if (!keywords.isEmpty()) {
                names.addAll(keywords);
            } else if (name != null) {
                names.add(name);
            }
        }
        return Text.dedupe(names);
    }

    private static String username(String url) {
        String[] segments = ContactExtractor.urlKey(url).split("/");
        return segments.length > 1 ? segments[segments.length - 1] : null;
    }

    private void putText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private void putStrings(ObjectNode node, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(field);
            values.forEach(array::add);
        }
    }

    private void putArray(ObjectNode node, String field, List<JsonNode> values) {
        if (!values.isEmpty()) {
            node.putArray(field).addAll(values);
        }
    }
}
