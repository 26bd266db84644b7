package io.atspro.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.atspro.shared.ConflictException;
import io.atspro.shared.InvalidInputException;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.PayloadTooLargeException;
import io.atspro.shared.UnsupportedContentException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/** Runs ArangoDB imports for the admin API (one at a time across all pods) and lists past runs. */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final Pattern DIRECTORY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final DataSource dataSource;
    private final MigrationConfig config;
    private final Clock clock;

    ImportService(DataSource dataSource, MigrationConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /** Imports an uploaded zip of arangoexport files. */
    public ImportRunView importZip(String adminId, Path upload, String filename) {
        if (!startsWithZipMagic(upload)) {
            throw new UnsupportedContentException("The upload is not a zip archive");
        }
        ExportSource source;
        try {
            source = ExportSource.zip(upload, "upload:" + (filename == null ? "export.zip" : filename),
                    config.maxUncompressedSize().asLongValue());
        } catch (ZipException e) {
            throw new InvalidInputException("file", "is not a readable zip archive");
        } catch (IOException e) {
            throw new InvalidInputException("file", "could not be read");
        }
        try (source) {
            return run(adminId, source, "file");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Imports the export in {@code atspro.migration.import-dir}/{@code name}. */
    public ImportRunView importDirectory(String adminId, String name) {
        Path root = config.importDir().orElseThrow(() -> new InvalidInputException("directory",
                "server-side imports are off (atspro.migration.import-dir is not set)"));
        if (name == null || !DIRECTORY_NAME.matcher(name).matches() || name.contains("..")) {
            throw new InvalidInputException("directory", "must be the name of a directory in the import directory");
        }
        Path dir = root.resolve(name).normalize();
        if (!dir.startsWith(root.normalize()) || !Files.isDirectory(dir)) {
            throw new InvalidInputException("directory", "is not a directory in the import directory");
        }
        try (ExportSource source = ExportSource.directory(dir)) {
            return run(adminId, source, "directory");
        } catch (IOException e) {
            throw new InvalidInputException("directory", "could not be read");
        }
    }

    private ImportRunView run(String adminId, ExportSource source, String field) {
        if (source.files().isEmpty()) {
            throw new InvalidInputException(field, "holds no export file: expected <collection>.json or "
                    + "<collection>.jsonl for " + String.join(", ", ArangoImporter.COLLECTIONS));
        }
        Instant started = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            if (!ImportRuns.tryLock(c)) {
                throw new ConflictException("Another import is running; try again when it has finished");
            }
            try {
                c.setAutoCommit(false);
                ImportSummary summary = new ArangoImporter(config.batchSize()).run(c, source);
                Instant finished = clock.instant();
                UUID id = ImportRuns.record(c, adminId, source.description(), started, finished, summary);
                c.commit();
                LOG.infof("ArangoDB import %s by %s from %s: %d failed", id, adminId, source.description(),
                        summary.totalFailed());
                return new ImportRunView(id, adminId, source.description(), OffsetDateTime.ofInstant(started,
                        clock.getZone()), OffsetDateTime.ofInstant(finished, clock.getZone()),
                        ImportRuns.SUMMARY_JSON.valueToTree(summary));
            } catch (ExportSource.ExportTooLargeException e) {
                c.rollback();
                throw new PayloadTooLargeException(e.getMessage() + "; what was committed before stays");
            } catch (IOException e) {
                c.rollback();
                throw new InvalidInputException(field, "could not be read to the end; what was committed before stays");
            } finally {
                c.setAutoCommit(true);
                ImportRuns.unlock(c);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Import failed: " + e.getMessage(), e);
        }
    }

    public Page<ImportRunView> runs(PageRequest page) {
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM import_runs");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                total = rs.getLong(1);
            }
            List<ImportRunView> items = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("SELECT id, run_by, source, started_at, finished_at, "
                    + "summary::text FROM import_runs ORDER BY started_at DESC, id LIMIT ? OFFSET ?")) {
                st.setInt(1, page.size());
                st.setInt(2, page.offset());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        items.add(new ImportRunView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class),
                                ImportRuns.SUMMARY_JSON.readTree(rs.getString(6))));
                    }
                }
            }
            return new Page<>(items, page.page(), page.size(), total);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Listing imports failed: " + e.getMessage(), e);
        }
    }

    private static boolean startsWithZipMagic(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), ZIP_MAGIC);
        } catch (IOException e) {
            return false;
        }
    }
}
