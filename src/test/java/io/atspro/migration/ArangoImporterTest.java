package io.atspro.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.atspro.testing.TestStack;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The importer alone, as ImportCommand runs it: plain JDBC on a freshly migrated database, small batches. */
class ArangoImporterTest {

    private static DataSource fresh;

    @BeforeAll
    static void migrateAnEmptyDatabaseWithTwoUsers() throws SQLException {
        String name = "import_" + UUID.randomUUID().toString().substring(0, 8);
        TestStack.get().postgres().createDatabase(name);
        fresh = TestStack.get().postgres().dataSource(name);
        Flyway.configure().dataSource(fresh).locations("classpath:db/migration")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        try (Connection c = fresh.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO \"user\" (id, name, email, \"emailVerified\", \"createdAt\", \"updatedAt\") VALUES "
                    + "('ba_import_alice', 'Alice', 'a@example.com', true, now(), now()), "
                    + "('ba_import_bob', 'Bob', 'b@example.com', true, now(), now())");
        }
    }

    @Test
    void batchesOfTwoImportTheSameAndASecondRunChangesNothing() throws Exception {
        ImportSummary first = run();
        assertThat(first.collections.get("resumes").inserted).isEqualTo(3);
        assertThat(first.collections.get("jobs").inserted).isEqualTo(4);
        assertThat(first.collections.get("documents").inserted).isEqualTo(4);
        assertThat(first.collections.get("optimized_resumes").inserted).isEqualTo(2);
        assertThat(first.totalFailed()).isEqualTo(10);
        assertThat(ImportRuns.toJson(first)).contains("\"skipped_files\"", "\"failures_not_listed\":0");

        ImportSummary second = run();
        for (ImportSummary.Counts counts : second.collections.values()) {
            assertThat(counts.inserted + counts.updated).isZero();
        }
        assertThat(second.totalFailed()).isEqualTo(10);
    }

    @Test
    void aZipThatUnpacksPastItsBudgetIsRefused() throws Exception {
        Path zip = ArangoImportTest.zipOf(ArangoImportTest.EXPORT, "");
        try (ExportSource source = ExportSource.zip(zip, "bomb", 1000);
             Connection c = fresh.getConnection()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> new ArangoImporter().run(c, source))
                    .isInstanceOf(ExportSource.ExportTooLargeException.class);
            c.rollback();
        }
    }

    private static ImportSummary run() throws Exception {
        try (ExportSource source = ExportSource.directory(ArangoImportTest.EXPORT);
             Connection c = fresh.getConnection()) {
            c.setAutoCommit(false);
            return new ArangoImporter(2).run(c, source);
        }
    }
}
