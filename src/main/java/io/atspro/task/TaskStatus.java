package io.atspro.task;

import java.util.Locale;

public enum TaskStatus {
    PENDING, RUNNING, COMPLETED, FAILED, CANCELLED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public static TaskStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
