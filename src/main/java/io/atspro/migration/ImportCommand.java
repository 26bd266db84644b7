package io.atspro.migration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.UUID;

/**
 * The import without the service: plain JDBC against a database Flyway has migrated (V9 or later).
 *
 * <pre>java -cp target/quarkus-app/lib/main/*:target/quarkus-app/app/* io.atspro.migration.ImportCommand \
 *     EXPORT_DIR_OR_ZIP --jdbc-url jdbc:postgresql://127.0.0.1:5432/atspro --user atspro --password atspro</pre>
 *
 * Prints the summary as JSON. Exit status: 0 all imported, 2 some records failed (listed), 1 the import could
 * not run.
 */
public final class ImportCommand {

    private ImportCommand() {
    }

    public static void main(String[] args) throws Exception {
        String path = null;
        String url = System.getenv("ATSPRO_DB_URL");
        String user = System.getenv("ATSPRO_DB_USER");
        String password = System.getenv("ATSPRO_DB_PASSWORD");
        String runBy = "command:" + System.getProperty("user.name", "unknown");
        int batch = 500;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jdbc-url" -> url = value(args, ++i);
                case "--user" -> user = value(args, ++i);
                case "--password" -> password = value(args, ++i);
                case "--run-by" -> runBy = value(args, ++i);
                case "--batch-size" -> batch = Integer.parseInt(value(args, ++i));
                default -> {
                    if (args[i].startsWith("--") || path != null) {
                        usage("unexpected argument " + args[i]);
                    }
                    path = args[i];
                }
            }
        }
        if (path == null || url == null) {
            usage("an export directory or zip and --jdbc-url (or ATSPRO_DB_URL) are required");
        }
        Path export = Path.of(path);
        try (ExportSource source = Files.isDirectory(export) ? ExportSource.directory(export)
                : ExportSource.zip(export, export.toString(), Long.MAX_VALUE);
             Connection c = DriverManager.getConnection(url, user, password)) {
            if (!ImportRuns.tryLock(c)) {
                System.err.println("Another import is running");
                System.exit(1);
            }
            c.setAutoCommit(false);
            Instant started = Instant.now();
            ImportSummary summary = new ArangoImporter(batch).run(c, source);
            UUID id = ImportRuns.record(c, runBy, source.description(), started, Instant.now(), summary);
            c.commit();
            System.out.println(ImportRuns.SUMMARY_JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
            System.err.println("import run " + id);
            System.exit(summary.totalFailed() == 0 ? 0 : 2);
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: ImportCommand EXPORT_DIR_OR_ZIP --jdbc-url URL [--user U] [--password P] "
                + "[--run-by NAME] [--batch-size N]");
        System.exit(1);
    }
}
