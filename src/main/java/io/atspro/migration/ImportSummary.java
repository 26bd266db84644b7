package io.atspro.migration;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one import did: per collection of the export, how many records were read and what became of each
 * (inserted, updated, unchanged, failed); rows written on the side (applications from jobs' statuses) under
 * {@code derived}; every failed record with its key and reason; and the files of the export it did not know.
 */
// Jackson reads and writes these outside the REST layer (caches, JSONB columns, patches): the native image
// needs them, and their nested types, registered
@RegisterForReflection(registerFullHierarchy = true)
public final class ImportSummary {

    /** Failures kept in the summary; past this only the counts grow. */
    static final int MAX_FAILURES = 1000;

    /** The counts of one collection. {@code read = inserted + updated + unchanged + failed}. */
    public static final class Counts {
        public int read;
        public int inserted;
        public int updated;
        public int unchanged;
        public int failed;
    }

    public record Failure(String collection, String key, String reason) {
    }

    public final Map<String, Counts> collections = new LinkedHashMap<>();
    public final Map<String, Counts> derived = new LinkedHashMap<>();
    public final List<Failure> failures = new ArrayList<>();
    public int failuresNotListed;
    public final List<String> skippedFiles = new ArrayList<>();

    Counts of(String collection) {
        return collections.computeIfAbsent(collection, c -> new Counts());
    }

    Counts derivedOf(String table) {
        return derived.computeIfAbsent(table, c -> new Counts());
    }

    void fail(String collection, String key, String reason) {
        of(collection).failed++;
        if (failures.size() < MAX_FAILURES) {
            failures.add(new Failure(collection, key, reason));
        } else {
            failuresNotListed++;
        }
    }

    public int totalFailed() {
        return collections.values().stream().mapToInt(c -> c.failed).sum();
    }
}
