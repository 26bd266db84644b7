package io.atspro.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.resume.JsonResumeMapper;
import io.atspro.resume.ResumeService;
import io.atspro.storage.ObjectStorage;
import io.atspro.task.PermanentTaskFailure;
import io.atspro.task.TaskContext;
import io.atspro.task.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * Writes a user's export: every row they own, table by table as JSON (secrets such as session tokens and
 * password hashes left out), applications and jobs also as CSV, the active resume as JSON Resume, and every
 * file they uploaded; one zip in S3 under their prefix.
 */
@ApplicationScoped
public class ExportHandler implements TaskHandler {

    /** Columns never exported: credentials, not data. */
    static final String[] SECRET_COLUMNS = {"token", "accessToken", "refreshToken", "idToken", "password",
        "token_hash", "cookies", "session_data"};

    private final ExportService exports;
    private final DataSource dataSource;
    private final ObjectStorage storage;
    private final ResumeService resumes;
    private final ObjectMapper json;

    ExportHandler(ExportService exports, DataSource dataSource, ObjectStorage storage, ResumeService resumes,
            ObjectMapper json) {
        this.exports = exports;
        this.dataSource = dataSource;
        this.storage = storage;
        this.resumes = resumes;
        this.json = json;
    }

    @Override
    public String type() {
        return ExportService.TASK_TYPE;
    }

    @Override
    public JsonNode handle(TaskContext context) throws Exception {
        UUID exportId = UUID.fromString(context.payload().path("export_id").asText());
        Optional<String> owner = exports.owner(exportId);
        if (owner.isEmpty()) {
            return null; // finished by an earlier attempt, or the user is gone
        }
        String userId = owner.get();
        Path zip = Files.createTempFile("atspro-export-", ".zip");
        try {
            int tables;
            int files = 0;
            try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
                tables = writeTables(z, userId);
                writeResume(z, userId);
                String prefix = ObjectStorage.userPrefix(userId);
                for (String key : storage.keys(prefix)) {
                    String relative = key.substring(prefix.length());
                    if (relative.startsWith("exports/")) {
                        continue;
                    }
                    z.putNextEntry(new ZipEntry("files/" + relative));
                    try (InputStream in = storage.open(key)) {
                        in.transferTo(z);
                    }
                    z.closeEntry();
                    files++;
                }
                z.putNextEntry(new ZipEntry("README.txt"));
                z.write(("Your ATSPro data: tables/ has every row you own as JSON (credentials left out), csv/ your "
                        + "applications and jobs, resume.json your active resume as JSON Resume, files/ what you "
                        + "uploaded.\n").getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            String key = ObjectStorage.userPrefix(userId) + "exports/" + exportId + ".zip";
            storage.put(key, zip, "application/zip");
            exports.completed(exportId, key, Files.size(zip), tables, files);
            return json.createObjectNode().put("export_id", exportId.toString()).put("tables", tables)
                    .put("files", files);
        } catch (IOException | SQLException | RuntimeException e) {
            if (context.lastAttempt()) {
                exports.failed(exportId, "The export could not be written: " + e.getMessage());
                throw new PermanentTaskFailure("Export failed", e);
            }
            throw e;
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    private int writeTables(ZipOutputStream z, String userId) throws SQLException, IOException {
        int n = 0;
        try (Connection c = dataSource.getConnection()) {
            List<UserTables.OwnedTable> tables = UserTables.of(c);
            for (UserTables.OwnedTable t : tables) {
                try (PreparedStatement st = c.prepareStatement("SELECT coalesce(jsonb_agg(to_jsonb(t) - ?::text[]), "
                        + "'[]'::jsonb)::text FROM " + t.quotedTable() + " t WHERE " + t.quotedColumn() + " = ?")) {
                    st.setArray(1, c.createArrayOf("text", SECRET_COLUMNS));
                    st.setString(2, userId);
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        z.putNextEntry(new ZipEntry("tables/" + t.table() + ".json"));
                        z.write(rs.getString(1).getBytes(StandardCharsets.UTF_8));
                        z.closeEntry();
                        n++;
                    }
                }
            }
            csv(z, c, "csv/applications.csv", "SELECT id, company_name, job_title, job_url, status, application_method, "
                    + "applied_at, response_date, offer_date, offer_salary, rejection_reason, follow_up_date, notes, "
                    + "created_at, updated_at FROM applications WHERE user_id = ? ORDER BY created_at", userId);
            csv(z, c, "csv/jobs.csv", "SELECT id, status, source_type, source_url, parsed_data ->> 'company' AS company, "
                    + "parsed_data ->> 'title' AS title, notes, created_at FROM jobs WHERE user_id = ? "
                    + "ORDER BY created_at", userId);
        }
        return n;
    }

    private static void csv(ZipOutputStream z, Connection c, String name, String sql, String userId)
            throws SQLException, IOException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, userId);
            try (ResultSet rs = st.executeQuery()) {
                z.putNextEntry(new ZipEntry(name));
                ResultSetMetaData meta = rs.getMetaData();
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    line.append(i > 1 ? "," : "").append(meta.getColumnLabel(i));
                }
                z.write(line.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
                while (rs.next()) {
                    line.setLength(0);
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        line.append(i > 1 ? "," : "").append(cell(rs.getString(i)));
                    }
                    z.write(line.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
                }
                z.closeEntry();
            }
        }
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; a formula-like start is defused. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private void writeResume(ZipOutputStream z, String userId) throws SQLException, IOException {
        UUID active = null;
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT id FROM resumes WHERE user_id = ? AND is_active")) {
            st.setString(1, userId);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    active = rs.getObject(1, UUID.class);
                }
            }
        }
        if (active != null) {
            z.putNextEntry(new ZipEntry("resume.json"));
            z.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                    new JsonResumeMapper(json).toJsonResume(resumes.resumeData(userId, active))));
            z.closeEntry();
        }
    }
}
