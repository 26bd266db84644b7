package io.atspro.goal;

import java.util.Locale;

enum GoalStatus {
    ACTIVE, COMPLETED, ABANDONED;

    static final String CODES = "active|completed|abandoned";
    static final String MESSAGE = "must be one of active, completed, abandoned";

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static GoalStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
