package io.atspro.privacy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One run of the retention job and what it removed (retention_runs). */
@Entity
@Table(name = "retention_runs")
public class RetentionRun {

    @Id
    public UUID id;
    public String trigger;
    public String status;
    public Instant asOf;
    public Instant startedAt;
    public Instant finishedAt;
    public int postingsDeleted;
    public int browserSessionsDeleted;
    public int tasksArchived;
    public int tasksDeleted;
    public int notificationsDeleted;
    public int objectsDeleted;
    public String errorMessage;
}
