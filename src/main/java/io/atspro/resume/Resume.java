package io.atspro.resume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.atspro.shared.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A resume (seed 002 + 000): structured {@code resume_data} in seed 000's shape, parsed from an upload,
 * typed by hand or imported. Its status moves only through the methods below.
 */
@Entity
@Table(name = "resumes")
public class Resume {

    public static final String PENDING = "pending";
    public static final String PARSING = "parsing";
    public static final String PARSED = "parsed";
    public static final String FAILED = "failed";
    public static final String MANUAL = "manual";

    @Id
    UUID id;

    @Column(nullable = false, updatable = false)
    String userId;

    String legacyId;
    UUID taskId;

    @Column(nullable = false)
    String status;

    @Column(nullable = false)
    String source;

    String title;
    int version;
    boolean isActive;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    JsonNode resumeData;

    @JdbcTypeCode(SqlTypes.JSON)
    JsonNode fileMetadata;

    String errorMessage;

    /**
     * What the parse of the file asks the user to check, a JSON array of strings; none for a resume typed or
     * imported, or once edited. Held as a JSON node rather than a {@code List<String>}: Hibernate keys the mapping of
     * a basic {@code List<String>} by its Java type, and another entity maps {@code List<String>} to a PostgreSQL
     * array, so a JSON list here made schema validation expect JSON there, depending on which entity it bound first.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    JsonNode parseWarnings;

    @Column(nullable = false)
    Instant createdAt;

    @Column(nullable = false)
    Instant updatedAt;

    protected Resume() {
    }

    static Resume uploaded(String userId, String title, JsonNode emptyData, JsonNode fileMetadata, Instant now) {
        Resume resume = create(userId, "upload", PENDING, title, emptyData, now);
        resume.fileMetadata = fileMetadata;
        return resume;
    }

    static Resume written(String userId, String source, String title, JsonNode data, Instant now) {
        return create(userId, source, MANUAL, title, data, now);
    }

    private static Resume create(String userId, String source, String status, String title, JsonNode data, Instant now) {
        Resume resume = new Resume();
        resume.id = UUID.randomUUID();
        resume.userId = userId;
        resume.source = source;
        resume.status = status;
        resume.title = title;
        resume.version = 1;
        resume.resumeData = data;
        resume.parseWarnings = warningsNode(List.of());
        resume.createdAt = now;
        resume.updatedAt = now;
        return resume;
    }

    /** The parse task picked it up; false when there is nothing left to parse (already done: a rerun). */
    boolean startParsing(Instant now) {
        if (!PENDING.equals(status) && !PARSING.equals(status)) {
            return false;
        }
        status = PARSING;
        updatedAt = now;
        return true;
    }

    void parsed(JsonNode data, List<String> warnings, Instant now) {
        status = PARSED;
        resumeData = data;
        parseWarnings = warningsNode(warnings);
        errorMessage = null;
        updatedAt = now;
    }

    void failed(String message, Instant now) {
        status = FAILED;
        errorMessage = message;
        updatedAt = now;
    }

    /**
     * A manual edit: the data is replaced and the version bumped. Not while the file is still being read. New data
     * clears the parse's warnings: they were about what the parser made of the file, which the user has now checked
     * and corrected; a new title keeps them.
     */
    void edit(String newTitle, boolean titleGiven, JsonNode newData, Instant now) {
        if (PENDING.equals(status) || PARSING.equals(status)) {
            throw new ConflictException("The resume is still being parsed; edit it once it is " + PARSED);
        }
        if (titleGiven) {
            title = newTitle;
        }
        if (newData != null) {
            resumeData = newData;
            parseWarnings = warningsNode(List.of());
            if (FAILED.equals(status)) {
                status = MANUAL;
                errorMessage = null;
            }
        }
        version++;
        updatedAt = now;
    }

    void activate(boolean active, Instant now) {
        isActive = active;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    public String status() {
        return status;
    }

    /** The parse's warnings, in order. */
    public List<String> parseWarnings() {
        List<String> warnings = new ArrayList<>();
        if (parseWarnings != null) {
            parseWarnings.forEach(warning -> warnings.add(warning.asText()));
        }
        return warnings;
    }

    private static JsonNode warningsNode(List<String> warnings) {
        ArrayNode node = JsonNodeFactory.instance.arrayNode();
        warnings.forEach(node::add);
        return node;
    }

    public JsonNode resumeData() {
        return resumeData;
    }
}
