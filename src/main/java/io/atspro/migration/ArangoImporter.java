package io.atspro.migration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.postgresql.util.PSQLException;

/**
 * Imports an arangoexport of ATSPro's ArangoDB (seeds 000 and 002) into the consolidated tables, on one JDBC
 * connection that it commits once per batch. Every row keeps its ArangoDB {@code _key} as {@code legacy_id} and is
 * upserted by it, written only when something differs: importing the same export again changes nothing (same ids,
 * same updated_at). A record that cannot be imported is reported with its key and reason, and the rest import.
 *
 * <p>Order: resumes, jobs, documents, optimized_resumes, then the edge collections. The edges
 * {@code resume_optimization} and {@code job_documents} are read first too, so a result or document whose own
 * {@code resume_id}/{@code job_id} is missing takes it from its edge. Edges have no table of their own: each is
 * checked against the rows it links (owner, both ends imported, the same link) and counts as unchanged when it
 * agrees; {@code user_jobs} with a status also records the application when the job document had none.
 */
public final class ArangoImporter {

    public static final List<String> DOCUMENT_COLLECTIONS = List.of("resumes", "jobs", "documents", "optimized_resumes");
    public static final List<String> EDGE_COLLECTIONS =
            List.of("user_resumes", "user_jobs", "resume_optimization", "job_documents");
    public static final List<String> COLLECTIONS = List.of("resumes", "jobs", "documents", "optimized_resumes",
            "user_resumes", "user_jobs", "resume_optimization", "job_documents");

    /** Where a document file's content is said to be: legacy documents never had an object in S3. */
    static final String LEGACY_STORAGE_PREFIX = "legacy/arangodb/documents/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int batchSize;

    public ArangoImporter() {
        this(500);
    }

    public ArangoImporter(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.batchSize = batchSize;
    }

    /**
     * Imports the export on {@code c}, which must not be in autocommit mode; it is committed after every batch.
     *
     * @throws IOException when a file cannot be read at all (a zip past its size budget, a broken archive); the
     *                     batches committed before stay
     */
    public ImportSummary run(Connection c, ExportSource source) throws SQLException, IOException {
        if (c.getAutoCommit()) {
            throw new IllegalArgumentException("the connection must not be in autocommit mode");
        }
        Run run = new Run(c);
        run.summary.skippedFiles.addAll(source.skippedFiles());
        run.indexEdges(source);
        for (String collection : COLLECTIONS) {
            for (ExportSource.ExportFile file : source.files(collection)) {
                run.importFile(file);
            }
        }
        return run.summary;
    }

    // ---------------------------------------------------------------------------------------------------------

    enum Outcome {
        INSERTED, UPDATED, UNCHANGED;

        Outcome and(Outcome other) {
            return other.ordinal() < ordinal() ? other : this;
        }
    }

    /** A record that cannot be imported, and why (the reason reaches the admin's summary). */
    static final class Rejected extends Exception {
        Rejected(String reason) {
            super(reason, null, false, false);
        }
    }

    /** One parsed export record, or where a record could not be parsed. */
    private record Parsed(ObjectNode doc, String where, String error) {
    }

    /** An imported row: its id and owner. */
    private record Row(UUID id, String userId) {
    }

    private record Upserted(Outcome outcome, UUID id) {
    }

    private final class Run {
        final Connection c;
        final ImportSummary summary = new ImportSummary();
        final Map<String, Boolean> users = new HashMap<>();
        /** optimized_resumes key → [resumes key, jobs key] from resume_optimization. */
        final Map<String, String[]> optimizationEdges = new HashMap<>();
        /** documents key → jobs key from job_documents. */
        final Map<String, String> documentEdges = new HashMap<>();
        /** Jobs whose own document carried an application status: their user_jobs status is not used. */
        final Set<String> jobsWithApplicationStatus = new HashSet<>();

        Run(Connection c) {
            this.c = c;
        }

        void indexEdges(ExportSource source) throws IOException {
            for (ExportSource.ExportFile file : source.files("resume_optimization")) {
                read(file, parsed -> {
                    if (parsed.doc() == null) {
                        return;
                    }
                    String[] from = endpoint(parsed.doc(), "_from");
                    String[] to = endpoint(parsed.doc(), "_to");
                    String[] job = endpoint(parsed.doc(), "job_context");
                    if (from != null && to != null && "resumes".equals(from[0]) && "optimized_resumes".equals(to[0])) {
                        optimizationEdges.putIfAbsent(to[1],
                                new String[] {from[1], job != null && "jobs".equals(job[0]) ? job[1] : null});
                    }
                });
            }
            for (ExportSource.ExportFile file : source.files("job_documents")) {
                read(file, parsed -> {
                    if (parsed.doc() == null) {
                        return;
                    }
                    String[] from = endpoint(parsed.doc(), "_from");
                    String[] to = endpoint(parsed.doc(), "_to");
                    if (from != null && to != null && "jobs".equals(from[0]) && "documents".equals(to[0])) {
                        documentEdges.putIfAbsent(to[1], from[1]);
                    }
                });
            }
        }

        void importFile(ExportSource.ExportFile file) throws IOException, SQLException {
            String collection = file.collection();
            List<Parsed> batch = new ArrayList<>(batchSize);
            SqlConsumer flush = () -> {
                importBatch(collection, batch);
                batch.clear();
            };
            SQLException[] failure = {null};
            read(file, parsed -> {
                if (failure[0] != null) {
                    return;
                }
                batch.add(parsed);
                if (batch.size() >= batchSize) {
                    try {
                        flush.run();
                    } catch (SQLException e) {
                        failure[0] = e;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            flush.run();
        }

        /** One transaction; each record in a savepoint of its own, so a refused record takes nothing else down. */
        void importBatch(String collection, List<Parsed> batch) throws SQLException {
            if (batch.isEmpty()) {
                return;
            }
            ImportSummary.Counts counts = summary.of(collection);
            try {
                for (Parsed parsed : batch) {
                    counts.read++;
                    if (parsed.doc() == null) {
                        summary.fail(collection, parsed.where(), parsed.error());
                        continue;
                    }
                    String key = text(parsed.doc(), "_key");
                    if (key == null || key.isBlank()) {
                        summary.fail(collection, parsed.where(), "missing required field: _key");
                        continue;
                    }
                    Savepoint savepoint = c.setSavepoint();
                    try {
                        Outcome outcome = importRecord(collection, key, parsed.doc());
                        c.releaseSavepoint(savepoint);
                        switch (outcome) {
                            case INSERTED -> counts.inserted++;
                            case UPDATED -> counts.updated++;
                            case UNCHANGED -> counts.unchanged++;
                        }
                    } catch (Rejected e) {
                        c.rollback(savepoint);
                        summary.fail(collection, key, e.getMessage());
                    } catch (SQLException e) {
                        c.rollback(savepoint);
                        summary.fail(collection, key, reason(e));
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }

        Outcome importRecord(String collection, String key, ObjectNode doc) throws Rejected, SQLException {
            return switch (collection) {
                case "resumes" -> resume(key, doc);
                case "jobs" -> job(key, doc);
                case "documents" -> document(key, doc);
                case "optimized_resumes" -> optimizedResume(key, doc);
                case "user_resumes" -> userEdge(doc, "resumes");
                case "user_jobs" -> userEdge(doc, "jobs");
                case "resume_optimization" -> resumeOptimization(doc);
                case "job_documents" -> jobDocument(doc);
                default -> throw new IllegalStateException(collection);
            };
        }

        // ---- resumes

        Outcome resume(String key, ObjectNode doc) throws Rejected, SQLException {
            String userId = user(doc);
            ObjectNode data = object(doc, "resume_data", true);
            String status = oneOf(doc, "status", StatusMapping.RESUME, "parsed");
            String source = oneOf(doc, "source", StatusMapping.RESUME_SOURCE, "import");
            int version = doc.hasNonNull("version") ? doc.get("version").asInt(1) : 1;
            if (version < 1) {
                throw new Rejected("version must be 1 or more");
            }
            boolean active = doc.path("is_active").asBoolean(false);
            ObjectNode fileMetadata = object(doc, "file_metadata", false);
            OffsetDateTime created = timestamp(doc, "created_at");
            OffsetDateTime updated = Optional.ofNullable(timestamp(doc, "updated_at")).orElse(created);
            return upsert("""
                    INSERT INTO resumes AS t (user_id, legacy_id, status, source, title, version, is_active, resume_data,
                        file_metadata, error_message, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, coalesce(?, now()), coalesce(?, now()))
                    ON CONFLICT (legacy_id) DO UPDATE SET user_id = excluded.user_id, status = excluded.status,
                        source = excluded.source, title = excluded.title, version = excluded.version,
                        is_active = excluded.is_active, resume_data = excluded.resume_data,
                        file_metadata = excluded.file_metadata, error_message = excluded.error_message,
                        updated_at = now()
                    WHERE (t.user_id, t.status, t.source, t.title, t.version, t.is_active, t.resume_data,
                           t.file_metadata, t.error_message)
                        IS DISTINCT FROM (excluded.user_id, excluded.status, excluded.source, excluded.title,
                           excluded.version, excluded.is_active, excluded.resume_data, excluded.file_metadata,
                           excluded.error_message)
                    RETURNING t.id, t.xmax = 0
                    """, "SELECT id FROM resumes WHERE legacy_id = ?", key,
                    userId, key, status, source, text(doc, "title"), version, active, data.toString(),
                    json(fileMetadata), text(doc, "error_message"), created, updated).outcome();
        }

        // ---- jobs, and the application a 000 job's status stands for

        Outcome job(String key, ObjectNode doc) throws Rejected, SQLException {
            String userId = user(doc);
            ObjectNode parsed = object(doc, "parsed_data", false);
            if (parsed == null) {
                parsed = object(doc, "job_details", false);
            }
            parsed = parsed == null ? JSON.createObjectNode() : parsed.deepCopy();
            for (String field : List.of("title", "company")) {
                if (!parsed.hasNonNull(field) && text(doc, field) != null) {
                    parsed.put(field, text(doc, field));
                }
            }
            String rawStatus = text(doc, "status");
            String jobStatus;
            String applicationStatus = null;
            if (rawStatus == null) {
                jobStatus = parsed.isEmpty() ? "pending" : "completed";
            } else if (StatusMapping.JOB.contains(StatusMapping.normalize(rawStatus))) {
                jobStatus = StatusMapping.normalize(rawStatus);
            } else {
                applicationStatus = StatusMapping.application(rawStatus)
                        .orElseThrow(() -> new Rejected("unknown status '" + rawStatus + "'"));
                jobStatus = "completed";
            }
            String sourceUrl = Optional.ofNullable(text(doc, "source_url")).orElse(text(parsed, "link"));
            String sourceFilename = text(doc, "source_filename");
            String sourceType = oneOf(doc, "source_type", StatusMapping.JOB_SOURCE,
                    sourceUrl != null ? "url" : sourceFilename != null ? "document" : "manual");
            ObjectNode scores = object(doc, "scores", false);
            OffsetDateTime created = timestamp(doc, "created_at");
            OffsetDateTime updated = Optional.ofNullable(timestamp(doc, "updated_at")).orElse(created);
            OffsetDateTime appliedAt = timestamp(doc, "application_date");

            Upserted job = upsert("""
                    INSERT INTO jobs AS t (user_id, legacy_id, status, source_type, source_url, source_filename,
                        parsed_data, scores, error_message, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, coalesce(?, now()), coalesce(?, now()))
                    ON CONFLICT (legacy_id) DO UPDATE SET user_id = excluded.user_id, status = excluded.status,
                        source_type = excluded.source_type, source_url = excluded.source_url,
                        source_filename = excluded.source_filename, parsed_data = excluded.parsed_data,
                        scores = excluded.scores, error_message = excluded.error_message, updated_at = now()
                    WHERE (t.user_id, t.status, t.source_type, t.source_url, t.source_filename, t.parsed_data,
                           t.scores, t.error_message)
                        IS DISTINCT FROM (excluded.user_id, excluded.status, excluded.source_type, excluded.source_url,
                           excluded.source_filename, excluded.parsed_data, excluded.scores, excluded.error_message)
                    RETURNING t.id, t.xmax = 0
                    """, "SELECT id FROM jobs WHERE legacy_id = ?", key,
                    userId, key, jobStatus, sourceType, sourceUrl, sourceFilename, parsed.toString(), json(scores),
                    text(doc, "error_message"), created, updated);
            if (applicationStatus == null) {
                return job.outcome();
            }
            Outcome application = application(key, userId, job.id(), text(parsed, "company"), text(parsed, "title"),
                    sourceUrl, applicationStatus, appliedAt, created);
            jobsWithApplicationStatus.add(key);
            return job.outcome().and(application);
        }

        /** The application of a tracked job, keyed by the job's _key; its first status goes into its history. */
        Outcome application(String jobKey, String userId, UUID jobId, String company, String title, String url,
                String status, OffsetDateTime appliedAt, OffsetDateTime created) throws SQLException {
            Upserted application = upsert("""
                    INSERT INTO applications AS t (user_id, legacy_id, job_id, company_name, job_title, job_url, status,
                        applied_at, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, now()), coalesce(?, now()))
                    ON CONFLICT (legacy_id) DO UPDATE SET user_id = excluded.user_id, job_id = excluded.job_id,
                        company_name = excluded.company_name, job_title = excluded.job_title,
                        job_url = excluded.job_url, status = excluded.status, applied_at = excluded.applied_at,
                        updated_at = now()
                    WHERE (t.user_id, t.job_id, t.company_name, t.job_title, t.job_url, t.status, t.applied_at)
                        IS DISTINCT FROM (excluded.user_id, excluded.job_id, excluded.company_name, excluded.job_title,
                           excluded.job_url, excluded.status, excluded.applied_at)
                    RETURNING t.id, t.xmax = 0
                    """, "SELECT id FROM applications WHERE legacy_id = ?", jobKey,
                    userId, jobKey, jobId, truncate(company == null ? "Unknown company" : company, 255),
                    truncate(title == null ? "Untitled job" : title, 255), url, status, appliedAt, created, created);
            if (application.outcome() == Outcome.INSERTED) {
                execute("INSERT INTO application_status_history (application_id, user_id, from_status, to_status, "
                                + "notes, changed_by, created_at) VALUES (?, ?, NULL, ?, 'imported from ArangoDB', "
                                + "'system', coalesce(?, now()))",
                        application.id(), userId, status, appliedAt != null ? appliedAt : created);
            }
            ImportSummary.Counts derived = summary.derivedOf("applications");
            switch (application.outcome()) {
                case INSERTED -> derived.inserted++;
                case UPDATED -> derived.updated++;
                case UNCHANGED -> derived.unchanged++;
            }
            derived.read++;
            return application.outcome();
        }

        // ---- documents: results (002) or files (000)

        Outcome document(String key, ObjectNode doc) throws Rejected, SQLException {
            String type = StatusMapping.normalize(text(doc, "type"));
            if (type == null) {
                throw new Rejected("missing required field: type");
            }
            if (StatusMapping.RESULT_TYPES.contains(type)) {
                String userId = user(doc);
                JsonNode result = doc.get("result");
                if (result == null || result.isNull()) {
                    throw new Rejected("missing required field: result");
                }
                ObjectNode data = result.isObject() ? (ObjectNode) result : JSON.createObjectNode().set("value", result);
                String resumeKey = text(doc, "resume_id");
                String jobKey = Optional.ofNullable(text(doc, "job_id")).orElse(documentEdges.get(key));
                return result("documents", key, doc, userId, type, resumeKey, jobKey, data);
            }
            if (StatusMapping.DOCUMENT_KINDS.contains(type)) {
                return file(key, doc, type);
            }
            throw new Rejected("unknown type '" + text(doc, "type") + "'");
        }

        Outcome file(String key, ObjectNode doc, String kind) throws Rejected, SQLException {
            String userId = user(doc);
            String filename = text(doc, "filename");
            if (filename == null || filename.isBlank()) {
                throw new Rejected("missing required field: filename");
            }
            String jobKey = Optional.ofNullable(text(doc, "job_id")).orElse(documentEdges.get(key));
            UUID jobId = jobKey == null ? null : owned("jobs", "job_id", jobKey, userId);
            String content = text(doc, "content");
            byte[] bytes = content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8);
            ObjectNode metadata = JSON.createObjectNode();
            metadata.put("imported_from", "arangodb");
            metadata.put("file_url", text(doc, "file_url"));
            metadata.put("content", content);
            OffsetDateTime created = timestamp(doc, "created_at");
            OffsetDateTime updated = Optional.ofNullable(timestamp(doc, "updated_at")).orElse(created);
            return upsert("""
                    INSERT INTO documents AS t (user_id, legacy_id, kind, filename, content_type, size_bytes, sha256,
                        storage_key, job_id, metadata, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, coalesce(?, now()), coalesce(?, now()))
                    ON CONFLICT (legacy_id) DO UPDATE SET user_id = excluded.user_id, kind = excluded.kind,
                        filename = excluded.filename, content_type = excluded.content_type,
                        size_bytes = excluded.size_bytes, sha256 = excluded.sha256, job_id = excluded.job_id,
                        metadata = excluded.metadata, updated_at = now()
                    WHERE (t.user_id, t.kind, t.filename, t.content_type, t.size_bytes, t.sha256, t.job_id, t.metadata)
                        IS DISTINCT FROM (excluded.user_id, excluded.kind, excluded.filename, excluded.content_type,
                           excluded.size_bytes, excluded.sha256, excluded.job_id, excluded.metadata)
                    RETURNING t.id, t.xmax = 0
                    """, "SELECT id FROM documents WHERE legacy_id = ?", key,
                    userId, key, kind, truncate(filename, 255), contentType(filename), (long) bytes.length,
                    sha256(bytes), LEGACY_STORAGE_PREFIX + key, jobId, metadata.toString(), created, updated)
                    .outcome();
        }

        // ---- optimized_resumes (000)

        Outcome optimizedResume(String key, ObjectNode doc) throws Rejected, SQLException {
            String userId = user(doc);
            String[] edge = optimizationEdges.get(key);
            String resumeKey = Optional.ofNullable(text(doc, "resume_id")).orElse(edge == null ? null : edge[0]);
            String jobKey = Optional.ofNullable(text(doc, "job_id")).orElse(edge == null ? null : edge[1]);
            ObjectNode data = JSON.createObjectNode();
            for (String[] field : new String[][] {{"content", "content"}, {"optimization_score", "score"},
                {"keywords_matched", "keywords_matched"}, {"keywords_missing", "keywords_missing"}}) {
                if (doc.has(field[0])) {
                    data.set(field[1], doc.get(field[0]));
                }
            }
            return result("optimized_resumes", key, doc, userId, "optimization", resumeKey, jobKey, data);
        }

        Outcome result(String collection, String key, ObjectNode doc, String userId, String type, String resumeKey,
                String jobKey, ObjectNode data) throws Rejected, SQLException {
            if (resumeKey == null) {
                throw new Rejected("missing required field: resume_id");
            }
            UUID resumeId = owned("resumes", "resume_id", resumeKey, userId);
            UUID jobId = jobKey == null ? null : owned("jobs", "job_id", jobKey, userId);
            OffsetDateTime created = timestamp(doc, "created_at");
            OffsetDateTime updated = Optional.ofNullable(timestamp(doc, "updated_at")).orElse(created);
            return upsert("""
                    INSERT INTO optimization_results AS t (user_id, legacy_collection, legacy_id, resume_id, job_id,
                        result_type, result_data, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, coalesce(?, now()), coalesce(?, now()))
                    ON CONFLICT (legacy_collection, legacy_id) DO UPDATE SET user_id = excluded.user_id,
                        resume_id = excluded.resume_id, job_id = excluded.job_id, result_type = excluded.result_type,
                        result_data = excluded.result_data, updated_at = now()
                    WHERE (t.user_id, t.resume_id, t.job_id, t.result_type, t.result_data)
                        IS DISTINCT FROM (excluded.user_id, excluded.resume_id, excluded.job_id, excluded.result_type,
                           excluded.result_data)
                    RETURNING t.id, t.xmax = 0
                    """, "SELECT id FROM optimization_results WHERE legacy_collection = '" + collection
                            + "' AND legacy_id = ?", key,
                    userId, collection, key, resumeId, jobId, type, data.toString(), created, updated).outcome();
        }

        // ---- edges

        Outcome userEdge(ObjectNode doc, String target) throws Rejected, SQLException {
            String[] from = requireEndpoint(doc, "_from", "user", "users");
            String[] to = requireEndpoint(doc, "_to", target);
            if (!userExists(from[1])) {
                throw new Rejected("unknown user " + from[1]);
            }
            Row row = row(target, to[1]).orElseThrow(() -> dangling(target, to[1]));
            if (!row.userId().equals(from[1])) {
                throw new Rejected("edge gives " + target + "/" + to[1] + " to user " + from[1]
                        + " but the record belongs to another user");
            }
            String status = text(doc, "status");
            if (!"jobs".equals(target) || status == null || jobsWithApplicationStatus.contains(to[1])) {
                return Outcome.UNCHANGED;
            }
            String applicationStatus = StatusMapping.application(status)
                    .orElseThrow(() -> new Rejected("unknown status '" + status + "'"));
            String company;
            String title;
            String url;
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT parsed_data ->> 'company', parsed_data ->> 'title', source_url FROM jobs WHERE id = ?")) {
                st.setObject(1, row.id());
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    company = rs.getString(1);
                    title = rs.getString(2);
                    url = rs.getString(3);
                }
            }
            OffsetDateTime created = timestamp(doc, "created_at");
            return application(to[1], from[1], row.id(), company, title, url, applicationStatus, null, created);
        }

        Outcome resumeOptimization(ObjectNode doc) throws Rejected, SQLException {
            String[] from = requireEndpoint(doc, "_from", "resumes");
            String[] to = requireEndpoint(doc, "_to", "optimized_resumes");
            Row resume = row("resumes", from[1]).orElseThrow(() -> dangling("resumes", from[1]));
            UUID[] links = links("SELECT resume_id, job_id FROM optimization_results "
                    + "WHERE legacy_collection = 'optimized_resumes' AND legacy_id = ?", to[1])
                    .orElseThrow(() -> dangling("optimized_resumes", to[1]));
            if (!resume.id().equals(links[0])) {
                throw new Rejected("edge links optimized_resumes/" + to[1] + " to resumes/" + from[1]
                        + " but the record names another resume");
            }
            String[] job = endpoint(doc, "job_context");
            if (job != null) {
                Row jobRow = row("jobs", job[1]).orElseThrow(() -> dangling("jobs", job[1]));
                if (!jobRow.id().equals(links[1])) {
                    throw new Rejected("edge's job_context jobs/" + job[1] + " is not the job of optimized_resumes/"
                            + to[1]);
                }
            }
            return Outcome.UNCHANGED;
        }

        Outcome jobDocument(ObjectNode doc) throws Rejected, SQLException {
            String[] from = requireEndpoint(doc, "_from", "jobs");
            String[] to = requireEndpoint(doc, "_to", "documents");
            Row job = row("jobs", from[1]).orElseThrow(() -> dangling("jobs", from[1]));
            UUID[] links = links("SELECT job_id, job_id FROM documents WHERE legacy_id = ?", to[1])
                    .or(() -> linksUnchecked("SELECT job_id, job_id FROM optimization_results "
                            + "WHERE legacy_collection = 'documents' AND legacy_id = ?", to[1]))
                    .orElseThrow(() -> dangling("documents", to[1]));
            if (!job.id().equals(links[0])) {
                throw new Rejected("edge links documents/" + to[1] + " to jobs/" + from[1]
                        + " but the record names another job");
            }
            return Outcome.UNCHANGED;
        }

        // ---- lookups

        String user(ObjectNode doc) throws Rejected, SQLException {
            String userId = text(doc, "user_id");
            if (userId == null || userId.isBlank()) {
                throw new Rejected("missing required field: user_id");
            }
            if (!userExists(userId)) {
                throw new Rejected("unknown user " + userId);
            }
            return userId;
        }

        boolean userExists(String userId) throws SQLException {
            Boolean known = users.get(userId);
            if (known == null) {
                try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM \"user\" WHERE id = ?")) {
                    st.setString(1, userId);
                    try (ResultSet rs = st.executeQuery()) {
                        known = rs.next();
                    }
                }
                users.put(userId, known);
            }
            return known;
        }

        /** The imported row of a resume or job referenced by a record of {@code userId}. */
        UUID owned(String table, String field, String reference, String userId) throws Rejected, SQLException {
            String key = key(reference, table, field);
            Row row = row(table, key).orElseThrow(() -> new Rejected(
                    field + " " + table + "/" + key + " was not imported"));
            if (!row.userId().equals(userId)) {
                throw new Rejected(field + " " + table + "/" + key + " belongs to another user");
            }
            return row.id();
        }

        Optional<Row> row(String table, String key) throws SQLException {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, user_id FROM " + table + " WHERE legacy_id = ?")) {
                st.setString(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new Row(rs.getObject(1, UUID.class), rs.getString(2)))
                            : Optional.empty();
                }
            }
        }

        Optional<UUID[]> links(String sql, String key) throws SQLException {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setString(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                            : Optional.empty();
                }
            }
        }

        Optional<UUID[]> linksUnchecked(String sql, String key) {
            try {
                return links(sql, key);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        Upserted upsert(String sql, String lookup, String key, Object... params) throws SQLException {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                bind(st, params);
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return new Upserted(rs.getBoolean(2) ? Outcome.INSERTED : Outcome.UPDATED,
                                rs.getObject(1, UUID.class));
                    }
                }
            }
            try (PreparedStatement st = c.prepareStatement(lookup)) {
                st.setString(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return new Upserted(Outcome.UNCHANGED, rs.getObject(1, UUID.class));
                }
            }
        }

        void execute(String sql, Object... params) throws SQLException {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                bind(st, params);
                st.executeUpdate();
            }
        }

        void read(ExportSource.ExportFile file, RecordConsumer consumer) throws IOException {
            try (InputStream raw = file.opener().open(); BufferedInputStream in = new BufferedInputStream(raw)) {
                if (firstSignificantByte(in) == '[') {
                    readArray(file.name(), in, consumer);
                } else {
                    readLines(file.name(), in, consumer);
                }
            }
        }
    }

    // ---- reading arangoexport files

    @FunctionalInterface
    private interface RecordConsumer {
        void accept(Parsed parsed) throws IOException;
    }

    @FunctionalInterface
    private interface SqlConsumer {
        void run() throws SQLException;
    }

    /** Peeks past whitespace and a BOM; the stream is left where it was. */
    private static int firstSignificantByte(BufferedInputStream in) throws IOException {
        in.mark(4096);
        try {
            for (int i = 0; i < 4096; i++) {
                int b = in.read();
                if (b < 0) {
                    return -1;
                }
                if (!Character.isWhitespace(b) && b != 0xEF && b != 0xBB && b != 0xBF) {
                    return b;
                }
            }
            return -1;
        } finally {
            in.reset();
        }
    }

    /** arangoexport --type json: one array of documents, read as a stream. */
    private static void readArray(String name, InputStream in, RecordConsumer consumer) throws IOException {
        int index = 0;
        try (JsonParser parser = JSON.getFactory().createParser(in)) {
            parser.nextToken();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    consumer.accept(new Parsed(null, name, "the JSON array is not closed"));
                    return;
                }
                String where = name + "[" + index++ + "]";
                if (token == JsonToken.START_OBJECT) {
                    consumer.accept(new Parsed(JSON.readTree(parser), where, null));
                } else {
                    parser.skipChildren();
                    consumer.accept(new Parsed(null, where, "not a JSON object"));
                }
            }
        } catch (JsonProcessingException e) {
            consumer.accept(new Parsed(null, name + "[" + index + "]",
                    "malformed JSON (line " + e.getLocation().getLineNr() + "); the rest of this file was not read"));
        }
    }

    /** arangoexport --type jsonl: one document per line; a malformed line costs only itself. */
    private static void readLines(String name, InputStream in, RecordConsumer consumer) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (number == 1 && trimmed.startsWith("\uFEFF")) {
                trimmed = trimmed.substring(1);
            }
            if (trimmed.isEmpty()) {
                continue;
            }
            String where = name + ":" + number;
            JsonNode node;
            try {
                node = JSON.readTree(trimmed);
            } catch (JsonProcessingException e) {
                consumer.accept(new Parsed(null, where, "malformed JSON line"));
                continue;
            }
            if (node instanceof ObjectNode object) {
                consumer.accept(new Parsed(object, where, null));
            } else {
                consumer.accept(new Parsed(null, where, "not a JSON object"));
            }
        }
    }

    // ---- field helpers

    static String text(JsonNode doc, String field) {
        JsonNode value = doc.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return value.asText();
    }

    private static ObjectNode object(ObjectNode doc, String field, boolean orEmpty) throws Rejected {
        JsonNode value = doc.get(field);
        if (value == null || value.isNull()) {
            return orEmpty ? JSON.createObjectNode() : null;
        }
        if (!value.isObject()) {
            throw new Rejected(field + " is not an object");
        }
        return (ObjectNode) value;
    }

    private static String oneOf(ObjectNode doc, String field, Set<String> allowed, String otherwise) throws Rejected {
        String raw = text(doc, field);
        if (raw == null) {
            return otherwise;
        }
        String value = StatusMapping.normalize(raw);
        if (!allowed.contains(value)) {
            throw new Rejected("unknown " + field + " '" + raw + "'");
        }
        return value;
    }

    /** ISO 8601 with or without an offset (none means UTC), a date, or epoch seconds/milliseconds. */
    static OffsetDateTime timestamp(ObjectNode doc, String field) throws Rejected {
        JsonNode value = doc.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            long n = value.asLong();
            return Instant.ofEpochMilli(Math.abs(n) < 100_000_000_000L ? n * 1000 : n).atOffset(ZoneOffset.UTC);
        }
        String text = value.asText().strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw new Rejected(field + " is not a timestamp");
                }
            }
        }
    }

    /** {@code resumes/123} or {@code 123} → {@code 123}; another collection's id is refused. */
    private static String key(String reference, String collection, String field) throws Rejected {
        int slash = reference.indexOf('/');
        if (slash < 0) {
            return reference;
        }
        if (!reference.substring(0, slash).equals(collection)) {
            throw new Rejected(field + " " + reference + " is not in " + collection);
        }
        return reference.substring(slash + 1);
    }

    /** An edge end {@code collection/key}, or null when absent or malformed. */
    private static String[] endpoint(ObjectNode doc, String field) {
        String value = text(doc, field);
        if (value == null) {
            return null;
        }
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            return null;
        }
        return new String[] {value.substring(0, slash), value.substring(slash + 1)};
    }

    private static String[] requireEndpoint(ObjectNode doc, String field, String... collections) throws Rejected {
        if (text(doc, field) == null) {
            throw new Rejected("missing required field: " + field);
        }
        String[] end = endpoint(doc, field);
        if (end == null || !List.of(collections).contains(end[0])) {
            throw new Rejected(field + " '" + text(doc, field) + "' is not a " + collections[0] + " id");
        }
        return end;
    }

    private static Rejected dangling(String collection, String key) {
        return new Rejected("dangling edge: " + collection + "/" + key + " was not imported");
    }

    /** A database refusal in words an admin can act on, without SQL. */
    static String reason(SQLException e) {
        String constraint = null;
        if (e instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            constraint = psql.getServerErrorMessage().getConstraint();
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String what = switch (state) {
            case "23505" -> "conflicts with an existing row";
            case "23514" -> "breaks a check";
            case "23502" -> "misses a required value";
            case "23503" -> "references a missing row";
            case "22001" -> "has a value too long";
            default -> "was refused by the database (SQLSTATE " + state + ")";
        };
        return constraint == null ? what : what + " (" + constraint + ")";
    }

    private static void bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
    }

    private static String json(JsonNode node) {
        return node == null ? null : node.toString();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static String contentType(String filename) {
        String name = filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (name.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return "text/markdown";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        return "text/plain";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
