package io.atspro.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Test files that live in the shared corpus beside the checkout ({@code ../shared}, e.g.
 * {@code ../shared/fixtures/job-boards/greenhouse.json}) rather than in {@code src/test/resources}. Paths are relative
 * to that directory: {@code SharedFixtures.string("fixtures/job-boards/greenhouse.json")}.
 *
 * <p>Without {@code ../shared} a test that reads from it is skipped (a JUnit assumption), not failed; with it, a
 * missing file fails the test, so a misspelt name is not silently skipped. The directory is {@code ../shared}
 * relative to the working directory (Maven runs tests in the project directory), or the system property
 * {@value #PROPERTY}.
 */
public final class SharedFixtures {

    /** Overrides where the shared directory is, e.g. {@code -Datspro.shared.dir=/work/shared}. */
    public static final String PROPERTY = "atspro.shared.dir";

    private SharedFixtures() {
    }

    /** The shared directory, whether it exists or not. */
    public static Path dir() {
        String configured = System.getProperty(PROPERTY);
        Path dir = configured == null || configured.isBlank() ? Path.of("..", "shared") : Path.of(configured);
        return dir.toAbsolutePath().normalize();
    }

    /** Whether the shared directory is there. */
    public static boolean available() {
        return Files.isDirectory(dir());
    }

    /**
     * Skips the calling test when the shared directory is absent. Call it from the test or {@code @BeforeEach}:
     * from {@code @BeforeAll} it skips the whole class, which Surefire reports as a class of no tests.
     */
    public static void assumeAvailable(String relative) {
        Assumptions.assumeTrue(available(), () -> relative + " lives in the shared corpus (../shared/" + relative
                + " beside the checkout), but " + dir() + " is absent; set -D" + PROPERTY
                + "=<dir> to read it from elsewhere");
    }

    /** Where {@code relative} is in the shared directory, without checking that it is there. */
    public static Path path(String relative) {
        return dir().resolve(relative).normalize();
    }

    /** The file's path: skips the test without the shared directory, fails it when the file is missing. */
    public static Path require(String relative) {
        assumeAvailable(relative);
        Path file = path(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no shared fixture " + file + " (the shared directory " + dir()
                    + " is there but lacks " + relative + ")");
        }
        return file;
    }

    /** The file's bytes; see {@link #require(String)}. */
    public static byte[] bytes(String relative) {
        Path file = require(relative);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read shared fixture " + file, e);
        }
    }

    /** The file as UTF-8 text; see {@link #require(String)}. */
    public static String string(String relative) {
        return new String(bytes(relative), StandardCharsets.UTF_8);
    }
}
