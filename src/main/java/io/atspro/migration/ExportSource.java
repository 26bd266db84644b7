package io.atspro.migration;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The files of an arangoexport output: {@code <collection>.json} (a JSON array, arangoexport's {@code --type json})
 * or {@code <collection>.jsonl} (one document per line, {@code --type jsonl}), in a directory or a zip of one.
 * Other files (arangoexport's {@code .structure.json}, {@code _graphs}, ...) are listed as skipped.
 */
public final class ExportSource implements Closeable {

    /** Opens one file of the export, as often as asked. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    public record ExportFile(String name, String collection, Opener opener) {
    }

    private final String description;
    private final List<ExportFile> files;
    private final List<String> others;
    private final Closeable resource;

    private ExportSource(String description, List<ExportFile> files, List<String> others, Closeable resource) {
        this.description = description;
        this.files = files;
        this.others = others;
        this.resource = resource;
    }

    /** The export files directly inside {@code dir}. */
    public static ExportSource directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory");
        }
        List<ExportFile> files = new ArrayList<>();
        List<String> others = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.sorted().toList()) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                String name = file.getFileName().toString();
                String collection = collectionOf(name);
                if (collection == null) {
                    others.add(name);
                } else {
                    files.add(new ExportFile(name, collection, () -> Files.newInputStream(file)));
                }
            }
        }
        return new ExportSource(dir.toString(), files, others, () -> { });
    }

    /**
     * The export files in a zip, at its root or in one folder. Reading stops with an IOException past
     * {@code maxUncompressedBytes} in all, whatever the entries claim (a zip bomb is refused, not unpacked).
     */
    public static ExportSource zip(Path zipFile, String description, long maxUncompressedBytes) throws IOException {
        ZipFile zip = new ZipFile(zipFile.toFile());
        long[] budget = {maxUncompressedBytes};
        List<ExportFile> files = new ArrayList<>();
        List<String> others = new ArrayList<>();
        try {
            List<? extends ZipEntry> entries = Collections.list((Enumeration<? extends ZipEntry>) zip.entries());
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (ZipEntry entry : entries) {
                if (entry.isDirectory() || entry.getName().startsWith("__MACOSX/")) {
                    continue;
                }
                String path = entry.getName();
                String name = path.substring(path.lastIndexOf('/') + 1);
                String collection = collectionOf(name);
                if (collection == null) {
                    others.add(path);
                } else {
                    files.add(new ExportFile(path, collection, () -> new Capped(zip.getInputStream(entry), budget)));
                }
            }
        } catch (RuntimeException e) {
            zip.close();
            throw e;
        }
        return new ExportSource(description, files, others, zip);
    }

    static String collectionOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        String base;
        if (lower.endsWith(".jsonl")) {
            base = fileName.substring(0, fileName.length() - 6);
        } else if (lower.endsWith(".json")) {
            base = fileName.substring(0, fileName.length() - 5);
        } else {
            return null;
        }
        return ArangoImporter.COLLECTIONS.contains(base) ? base : null;
    }

    public String description() {
        return description;
    }

    public List<ExportFile> files() {
        return files;
    }

    public List<ExportFile> files(String collection) {
        return files.stream().filter(f -> f.collection().equals(collection)).toList();
    }

    public List<String> skippedFiles() {
        return others;
    }

    @Override
    public void close() throws IOException {
        resource.close();
    }

    /** Counts what is read from every entry against one budget. */
    private static final class Capped extends FilterInputStream {
        private final long[] budget;

        Capped(InputStream in, long[] budget) {
            super(in);
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                spend(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                spend(n);
            }
            return n;
        }

        private void spend(long n) throws IOException {
            budget[0] -= n;
            if (budget[0] < 0) {
                throw new ExportTooLargeException();
            }
        }
    }

    /** The zip holds more than the configured uncompressed size. */
    public static final class ExportTooLargeException extends IOException {
        ExportTooLargeException() {
            super("The export unpacks to more than the allowed size");
        }
    }
}
