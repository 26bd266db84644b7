package io.atspro.goal;

import java.util.Locale;

/** What a goal counts: three are computed from the user's applications, {@code custom} is set by hand. */
enum GoalType {
    APPLICATIONS_PER_WEEK, INTERVIEWS, OFFERS, CUSTOM;

    static final String CODES = "applications_per_week|interviews|offers|custom";
    static final String MESSAGE = "must be one of applications_per_week, interviews, offers, custom";

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static GoalType of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** True when progress comes from the user's data rather than from a value they set. */
    boolean computed() {
        return this != CUSTOM;
    }
}
