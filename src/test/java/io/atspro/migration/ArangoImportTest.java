package io.atspro.migration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.atspro.testing.Db;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Imports src/test/resources/arangodb-export (written from the shapes of seeds 000 and 002, both file formats,
 * with bad records of each kind) through the admin endpoint, twice.
 */
@QuarkusTest
class ArangoImportTest {

    static final String PATH = "/api/v1/admin/imports";
    static final String ARANGODB = PATH + "/arangodb";
    static final Path EXPORT = Path.of("src/test/resources/arangodb-export");
    static final String ALICE = "ba_import_alice";
    static final String BOB = "ba_import_bob";
    static final String ADMIN = Tokens.admin().subject("import-admin").email("import-admin@atspro.test").bearer();

    /** Every row the import wrote, by table and legacy key, with its id and updated_at. */
    static final String DIGEST = """
            SELECT string_agg(t || '/' || legacy_id || '=' || id || '@' || updated_at, ';' ORDER BY t, legacy_id) FROM (
              SELECT 'resumes' t, legacy_id, id, updated_at FROM resumes WHERE legacy_id LIKE 'imp-%'
              UNION ALL SELECT 'jobs', legacy_id, id, updated_at FROM jobs WHERE legacy_id LIKE 'imp-%'
              UNION ALL SELECT 'applications', legacy_id, id, updated_at FROM applications WHERE legacy_id LIKE 'imp-%'
              UNION ALL SELECT 'documents', legacy_id, id, updated_at FROM documents WHERE legacy_id LIKE 'imp-%'
              UNION ALL SELECT 'results:' || legacy_collection, legacy_id, id, updated_at FROM optimization_results
                WHERE legacy_id LIKE 'imp-%') rows
            """;

    @BeforeAll
    static void betterAuthUsersExist() {
        for (String id : List.of(ALICE, BOB)) {
            Db.update("INSERT INTO \"user\" (id, name, email, \"emailVerified\", \"createdAt\", \"updatedAt\") "
                    + "VALUES (?, ?, ?, true, now(), now()) ON CONFLICT (id) DO NOTHING", id, id, id + "@example.com");
        }
    }

    static RequestSpecification admin() {
        return given().header("Authorization", ADMIN);
    }

    static JsonPath importZip(Path zip) {
        return admin().multiPart("file", zip.toFile(), "application/zip").post(ARANGODB)
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    @Test
    void anExportImportsTwiceWithTheSameResult() throws IOException {
        JsonPath first = importZip(zipOf(EXPORT, "atspro-export/"));
        Map<String, Object> c = first.getMap("summary.collections");
        assertThat(c).containsOnlyKeys("resumes", "jobs", "documents", "optimized_resumes", "user_resumes",
                "user_jobs", "resume_optimization", "job_documents");
        assertCounts(first, "resumes", 5, 3, 0, 0, 2);
        assertCounts(first, "jobs", 6, 4, 0, 0, 2);
        assertCounts(first, "documents", 6, 4, 0, 0, 2);
        assertCounts(first, "optimized_resumes", 3, 2, 0, 0, 1);
        assertCounts(first, "user_resumes", 3, 0, 0, 2, 1);
        assertCounts(first, "user_jobs", 3, 1, 0, 1, 1);
        assertCounts(first, "resume_optimization", 2, 0, 0, 2, 0);
        assertCounts(first, "job_documents", 3, 0, 0, 2, 1);
        assertThat(first.getInt("summary.derived.applications.inserted")).isEqualTo(3);
        assertThat(first.getList("summary.skipped_files", String.class))
                .containsExactly("atspro-export/_graphs.structure.json");

        List<Map<String, String>> failures = first.getList("summary.failures");
        assertThat(failures).extracting(f -> f.get("collection") + " " + f.get("key") + ": " + f.get("reason"))
                .containsExactlyInAnyOrder(
                        "resumes imp-r-ghost: unknown user ba_import_nobody",
                        "resumes imp-r-nouser: missing required field: user_id",
                        "jobs atspro-export/jobs.jsonl:6: malformed JSON line",
                        "jobs imp-j-bad-status: unknown status 'ghosted'",
                        "documents imp-d-bad-ref: resume_id resumes/imp-r-missing was not imported",
                        "documents imp-d-notype: missing required field: type",
                        "optimized_resumes imp-o-cross: resume_id resumes/imp-r-bob-1 belongs to another user",
                        "user_resumes imp-ur-dangling: dangling edge: resumes/imp-r-nowhere was not imported",
                        "user_jobs imp-uj-dangling: dangling edge: jobs/imp-j-nowhere was not imported",
                        "job_documents imp-jd-dangling: dangling edge: documents/imp-d-nowhere was not imported");

        // rows, with legacy_id, owners and mapped statuses
        assertThat(Db.text("SELECT user_id || ' ' || status || ' ' || source || ' ' || version || ' ' || is_active "
                + "|| ' ' || (resume_data -> 'contact_info' ->> 'full_name') || ' ' "
                + "|| (created_at = timestamptz '2024-03-01 10:00:00.123456+00') "
                + "FROM resumes WHERE legacy_id = 'imp-r-alice-1'"))
                .isEqualTo(ALICE + " parsed import 2 true Alice Arango true");
        assertThat(Db.text("SELECT status || ' ' || error_message FROM resumes WHERE legacy_id = 'imp-r-bob-1'"))
                .isEqualTo("failed Could not read the document");
        assertThat(Db.text("SELECT status || ' ' || source_type || ' ' || (parsed_data ->> 'company') || ' ' "
                + "|| source_url FROM jobs WHERE legacy_id = 'imp-j-alice-1'"))
                .isEqualTo("completed url Acme https://jobs.example.com/acme/1");
        assertThat(Db.text("SELECT status || ' ' || source_type || ' ' || source_filename FROM jobs "
                + "WHERE legacy_id = 'imp-j-bob-2'")).isEqualTo("pending document posting.pdf");
        assertThat(Db.text("SELECT a.status || ' ' || a.company_name || ' ' || (a.applied_at = timestamptz '2024-03-10 00:00:00+00') "
                + "|| ' ' || "
                + "(a.job_id = j.id) FROM applications a JOIN jobs j ON j.legacy_id = a.legacy_id "
                + "WHERE a.legacy_id = 'imp-j-alice-1'")).isEqualTo("applied Acme true true");
        assertThat(Db.text("SELECT status FROM applications WHERE legacy_id = 'imp-j-bob-1'")).isEqualTo("interviewing");
        assertThat(Db.text("SELECT status FROM applications WHERE legacy_id = 'imp-j-bob-2'")).isEqualTo("applied");
        assertThat(Db.count("SELECT count(*) FROM application_status_history h JOIN applications a "
                + "ON a.id = h.application_id WHERE a.legacy_id LIKE 'imp-%'")).isEqualTo(3);
        assertThat(Db.text("SELECT result_type || ' ' || (result_data ->> 'score') || ' ' || (r.legacy_id) || ' ' "
                + "|| (j.legacy_id) FROM optimization_results o JOIN resumes r ON r.id = o.resume_id "
                + "JOIN jobs j ON j.id = o.job_id WHERE o.legacy_collection = 'optimized_resumes' "
                + "AND o.legacy_id = 'imp-o-bob-1'")).as("resume and job from the resume_optimization edge")
                .isEqualTo("optimization 61 imp-r-bob-1 imp-j-bob-1");
        assertThat(Db.text("SELECT string_agg(result_type, ',' ORDER BY result_type) FROM optimization_results "
                + "WHERE legacy_collection = 'documents' AND legacy_id LIKE 'imp-%'"))
                .isEqualTo("optimization,research,score");
        assertThat(Db.text("SELECT kind || ' ' || content_type || ' ' || size_bytes || ' ' || (j.legacy_id) || ' ' "
                + "|| (metadata ->> 'file_url') FROM documents d JOIN jobs j ON j.id = d.job_id "
                + "WHERE d.legacy_id = 'imp-d-cover-1'"))
                .isEqualTo("cover_letter text/markdown 49 imp-j-alice-1 https://files.atspro.example/old/cover-acme.md");

        String before = Db.text(DIGEST);
        assertThat(before.split(";")).hasSize(3 + 4 + 3 + 1 + 5);

        // the same export again, this time as the server-side directory: nothing changes
        JsonPath second = admin().contentType(ContentType.JSON).body("{\"directory\":\"arangodb-export\"}")
                .post(ARANGODB).then().statusCode(200).extract().jsonPath();
        assertCounts(second, "resumes", 5, 0, 0, 3, 2);
        assertCounts(second, "jobs", 6, 0, 0, 4, 2);
        assertCounts(second, "documents", 6, 0, 0, 4, 2);
        assertCounts(second, "optimized_resumes", 3, 0, 0, 2, 1);
        assertCounts(second, "user_jobs", 3, 0, 0, 2, 1);
        assertThat(second.getInt("summary.derived.applications.unchanged")).isEqualTo(3);
        assertThat(second.getList("summary.failures")).hasSize(10);
        assertThat(Db.text(DIGEST)).isEqualTo(before);
        assertThat(Db.count("SELECT count(*) FROM application_status_history h JOIN applications a "
                + "ON a.id = h.application_id WHERE a.legacy_id LIKE 'imp-%'")).isEqualTo(3);

        // the same export as one zip, flat this time, a third time: still nothing
        JsonPath third = importZip(zipOf(EXPORT, ""));
        assertCounts(third, "resumes", 5, 0, 0, 3, 2);
        assertThat(Db.text(DIGEST)).isEqualTo(before);

        // a changed record is updated, and only it
        Path changed = Files.createTempDirectory("arango-changed");
        Files.writeString(changed.resolve("jobs.jsonl"), Files.readString(EXPORT.resolve("jobs.jsonl"))
                .replace("\"status\":\"interview\"", "\"status\":\"offer\""));
        JsonPath fourth = importZip(zipOf(changed, ""));
        assertCounts(fourth, "jobs", 6, 0, 1, 3, 2);
        assertThat(Db.text("SELECT status FROM applications WHERE legacy_id = 'imp-j-bob-1'")).isEqualTo("offered");

        // the runs, newest first, with who ran them
        admin().get(PATH).then().statusCode(200)
                .body("items[0].id", equalTo(fourth.getString("id")))
                .body("items[0].run_by", equalTo(fourth.getString("run_by")))
                .body("items[0].summary.collections.jobs.updated", equalTo(1))
                .body("items.source", hasItem(containsString("arangodb-export")));
        assertThat(Db.count("SELECT count(*) FROM import_runs WHERE id = ?::uuid", first.getString("id")))
                .isEqualTo(1);
    }

    static void assertCounts(JsonPath summary, String collection, int read, int inserted, int updated, int unchanged,
            int failed) {
        String at = "summary.collections." + collection + ".";
        assertThat(List.of(summary.getInt(at + "read"), summary.getInt(at + "inserted"),
                summary.getInt(at + "updated"), summary.getInt(at + "unchanged"), summary.getInt(at + "failed")))
                .as(collection + " read, inserted, updated, unchanged, failed")
                .containsExactly(read, inserted, updated, unchanged, failed);
    }

    @Test
    void onlyAdminsImport() throws IOException {
        Path zip = zipOf(EXPORT, "");
        given().multiPart("file", zip.toFile(), "application/zip").post(ARANGODB).then().statusCode(401);
        given().get(PATH).then().statusCode(401);
        String user = Tokens.user().bearer();
        given().header("Authorization", user).multiPart("file", zip.toFile(), "application/zip").post(ARANGODB)
                .then().statusCode(403);
        given().header("Authorization", user).get(PATH).then().statusCode(403);
    }

    @Test
    void badUploadsAreRefusedAndRecordNoRun() throws IOException {
        long runs = Db.count("SELECT count(*) FROM import_runs");
        Path text = Files.createTempFile("not-a-zip", ".zip");
        Files.writeString(text, "resumes.json is not here");
        admin().multiPart("file", text.toFile(), "application/zip").post(ARANGODB).then().statusCode(415)
                .contentType("application/problem+json");

        Path empty = Files.createTempDirectory("arango-empty");
        Files.writeString(empty.resolve("notes.txt"), "nothing to import");
        admin().multiPart("file", zipOf(empty, "").toFile(), "application/zip").post(ARANGODB).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("file"));

        Path truncated = Files.createTempFile("truncated", ".zip");
        byte[] whole = Files.readAllBytes(zipOf(EXPORT, ""));
        Files.write(truncated, java.util.Arrays.copyOf(whole, 40));
        admin().multiPart("file", truncated.toFile(), "application/zip").post(ARANGODB).then().statusCode(400)
                .contentType("application/problem+json");

        admin().multiPart("other", "x").post(ARANGODB).then().statusCode(400);
        admin().contentType(ContentType.JSON).body("{\"directory\":\"../main\"}").post(ARANGODB).then()
                .statusCode(400).body("errors.field", hasItem("directory"));
        admin().contentType(ContentType.JSON).body("{\"directory\":\"no-such-export\"}").post(ARANGODB).then()
                .statusCode(400);
        admin().contentType(ContentType.TEXT).body("resumes").post(ARANGODB).then().statusCode(415);
        assertThat(Db.count("SELECT count(*) FROM import_runs")).isEqualTo(runs);
    }

    /** The export files of {@code dir}, in a zip under {@code prefix}. */
    static Path zipOf(Path dir, String prefix) throws IOException {
        Path zip = Files.createTempFile("arangodb-export", ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> files = Files.list(dir)) {
            if (!prefix.isEmpty()) {
                z.putNextEntry(new ZipEntry(prefix));
                z.closeEntry();
            }
            for (Path file : files.sorted().toList()) {
                z.putNextEntry(new ZipEntry(prefix + file.getFileName()));
                z.write(Files.readAllBytes(file));
                z.closeEntry();
            }
        }
        return zip;
    }
}
