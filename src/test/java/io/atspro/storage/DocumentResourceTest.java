package io.atspro.storage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.atspro.testing.Db;
import io.atspro.testing.TestFiles;
import io.atspro.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DocumentResourceTest {

    @Inject
    ObjectStorage storage;

    private static String userId(String bearer) {
        return given().header("Authorization", bearer).get("/api/v1/me").then().statusCode(200).extract().path("id");
    }

    private static ValidatableResponse upload(String bearer, String filename, byte[] content, String declaredType, String kind) {
        var request = given().header("Authorization", bearer).multiPart("file", filename, content, declaredType);
        if (kind != null) {
            request.multiPart("kind", kind);
        }
        return request.post("/api/v1/documents").then();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void aPdfIsStoredWithItsHashAndDownloadsThroughAPresignedLink() throws Exception {
        String bearer = Tokens.user().bearer();
        String userId = userId(bearer);
        byte[] pdf = TestFiles.pdf("Alice Liddell resume");
        String location = upload(bearer, "alice resume.pdf", pdf, "application/octet-stream", "resume")
                .statusCode(201)
                .body("content_type", equalTo("application/pdf"))
                .body("size_bytes", equalTo(pdf.length))
                .body("sha256", equalTo(sha256(pdf)))
                .body("filename", equalTo("alice resume.pdf"))
                .body("kind", equalTo("resume"))
                .extract().header("Location");
        assertThat(storage.keys(ObjectStorage.userPrefix(userId))).hasSize(1);

        String url = given().header("Authorization", bearer).get(location + "/download")
                .then().statusCode(200).body("expires_at", notNullValue()).extract().path("url");
        byte[] downloaded = RestAssured.given().urlEncodingEnabled(false).get(URI.create(url)).then().statusCode(200)
                .header("Content-Disposition", containsString("alice resume.pdf")).extract().asByteArray();
        assertThat(downloaded).isEqualTo(pdf);
        String tampered = url.replaceFirst("X-Amz-Signature=[0-9a-f]", "X-Amz-Signature=z");
        RestAssured.given().urlEncodingEnabled(false).get(URI.create(tampered)).then().statusCode(403);
    }

    @Test
    void theTypeComesFromTheContentNotTheHeaderOrName() {
        String bearer = Tokens.user().bearer();
        upload(bearer, "notes.txt", "Plain notes\nline two".getBytes(StandardCharsets.UTF_8), "application/pdf", "other")
                .statusCode(201).body("content_type", equalTo("text/plain"));
        upload(bearer, "cv.md", "# Alice\n\n- Java".getBytes(StandardCharsets.UTF_8), "text/plain", "resume")
                .statusCode(201).body("content_type", equalTo("text/markdown"));
        upload(bearer, "data.txt", "{\"a\": [1, 2]}".getBytes(StandardCharsets.UTF_8), "text/plain", "other")
                .statusCode(201).body("content_type", equalTo("application/json"));
        upload(bearer, "cv.docx", TestFiles.docx("Alice Liddell", "Engineer"), "application/octet-stream", "resume")
                .statusCode(201).body("content_type", containsString("wordprocessingml"));
    }

    @Test
    void unsupportedOrEmptyFilesAreRefusedAndLeaveNothing() {
        String bearer = Tokens.user().bearer();
        String userId = userId(bearer);
        upload(bearer, "photo.pdf", TestFiles.png(), "application/pdf", "resume")
                .statusCode(415).contentType("application/problem+json");
        upload(bearer, "tool.exe", new byte[] {'M', 'Z', 0, 0, 3, 0}, "application/pdf", "other").statusCode(415);
        upload(bearer, "empty.pdf", new byte[0], "application/pdf", "resume")
                .statusCode(400).body("errors[0].field", equalTo("file"));
        upload(bearer, "cv.pdf", TestFiles.pdf("x"), "application/pdf", "selfie")
                .statusCode(400).body("errors[0].field", equalTo("kind"));
        upload(bearer, "cv.pdf", TestFiles.pdf("x"), "application/pdf", null)
                .statusCode(400).body("errors[0].field", equalTo("kind"));
        given().header("Authorization", bearer).multiPart("kind", "resume").post("/api/v1/documents")
                .then().statusCode(400).body("errors[0].field", equalTo("file"));

        assertThat(Db.count("SELECT count(*) FROM documents WHERE user_id = ?", userId)).isZero();
        assertThat(storage.keys(ObjectStorage.userPrefix(userId))).isEmpty();
    }

    @Test
    void anUploadOverTheLimitIs413AndStoresNothing() {
        String bearer = Tokens.user().bearer();
        String userId = userId(bearer);
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        upload(bearer, "big.txt", big, "text/plain", "other")
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        byte[] muchTooBig = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(muchTooBig, (byte) 'a');
        upload(bearer, "bigger.txt", muchTooBig, "text/plain", "other").statusCode(413);
        byte[] justUnder = new byte[9_900_000];
        java.util.Arrays.fill(justUnder, (byte) 'b');
        upload(bearer, "under.txt", justUnder, "text/plain", "other").statusCode(201);

        assertThat(Db.count("SELECT count(*) FROM documents WHERE user_id = ?", userId)).isEqualTo(1);
        assertThat(storage.keys(ObjectStorage.userPrefix(userId))).hasSize(1);
    }

    @Test
    void whenTheRowCannotBeWrittenTheUploadedObjectIsRemoved() {
        String bearer = Tokens.user().bearer();
        String userId = userId(bearer);
        Db.update("""
                CREATE OR REPLACE FUNCTION fail_document_insert() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql""");
        Db.update("CREATE TRIGGER fail_documents BEFORE INSERT ON documents FOR EACH ROW "
                + "WHEN (NEW.user_id = '" + userId + "') EXECUTE FUNCTION fail_document_insert()");
        try {
            upload(bearer, "cv.pdf", TestFiles.pdf("x"), "application/pdf", "resume")
                    .statusCode(500).contentType("application/problem+json")
                    .body("detail", containsString("reference"));
        } finally {
            Db.update("DROP TRIGGER fail_documents ON documents");
        }
        assertThat(Db.count("SELECT count(*) FROM documents WHERE user_id = ?", userId)).isZero();
        assertThat(storage.keys(ObjectStorage.userPrefix(userId))).isEmpty();
    }

    @Test
    void listingFiltersByKindAndAnotherUsersDocumentIs404() {
        String owner = Tokens.user().bearer();
        String location = upload(owner, "cv.pdf", TestFiles.pdf("x"), "application/pdf", "resume").statusCode(201)
                .extract().header("Location");
        upload(owner, "letter.txt", "Dear hiring manager".getBytes(StandardCharsets.UTF_8), "text/plain", "cover_letter")
                .statusCode(201);

        given().header("Authorization", owner).queryParam("kind", "cover_letter").get("/api/v1/documents")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].filename", equalTo("letter.txt"));
        given().header("Authorization", owner).get("/api/v1/documents").then().body("total", equalTo(2));

        String stranger = Tokens.user().bearer();
        given().header("Authorization", stranger).get(location).then().statusCode(404);
        given().header("Authorization", stranger).get(location + "/download").then().statusCode(404);
        given().header("Authorization", stranger).delete(location).then().statusCode(404);
        given().header("Authorization", owner).get(location).then().statusCode(200);
    }

    @Test
    void deletingADocumentDeletesItsFile() {
        String bearer = Tokens.user().bearer();
        String userId = userId(bearer);
        String location = upload(bearer, "cv.pdf", TestFiles.pdf("x"), "application/pdf", "resume").statusCode(201)
                .extract().header("Location");
        given().header("Authorization", bearer).delete(location).then().statusCode(204);
        given().header("Authorization", bearer).get(location).then().statusCode(404);
        assertThat(storage.keys(ObjectStorage.userPrefix(userId))).isEmpty();
    }
}
