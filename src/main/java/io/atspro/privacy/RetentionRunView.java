package io.atspro.privacy;

import java.time.Instant;
import java.util.UUID;

/** A retention run as the admin API shows it. */
public record RetentionRunView(UUID id, String trigger, String status, Instant asOf, Instant startedAt,
        Instant finishedAt, int postingsDeleted, int browserSessionsDeleted, int tasksArchived, int tasksDeleted,
        int notificationsDeleted, int objectsDeleted, String errorMessage) {

    static RetentionRunView of(RetentionRun r) {
        return new RetentionRunView(r.id, r.trigger, r.status, r.asOf, r.startedAt, r.finishedAt, r.postingsDeleted,
                r.browserSessionsDeleted, r.tasksArchived, r.tasksDeleted, r.notificationsDeleted, r.objectsDeleted,
                r.errorMessage);
    }
}
