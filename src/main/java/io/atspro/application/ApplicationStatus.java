package io.atspro.application;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One status vocabulary for every seed, and the one table of allowed moves. The automation states
 * (pending → in_progress → applied | failed) come from seed 004.
 */
public enum ApplicationStatus {
    SAVED, APPLIED, SCREENING, INTERVIEWING, OFFERED, ACCEPTED, REJECTED, WITHDRAWN, PENDING, IN_PROGRESS, FAILED;

    private static final Map<ApplicationStatus, Set<ApplicationStatus>> MOVES = new EnumMap<>(ApplicationStatus.class);

    static {
        allow(SAVED, APPLIED, PENDING, WITHDRAWN, REJECTED);
        allow(PENDING, IN_PROGRESS, SAVED, WITHDRAWN);
        allow(IN_PROGRESS, APPLIED, FAILED);
        allow(FAILED, PENDING, SAVED, WITHDRAWN);
        allow(APPLIED, SCREENING, INTERVIEWING, OFFERED, REJECTED, WITHDRAWN);
        allow(SCREENING, INTERVIEWING, OFFERED, REJECTED, WITHDRAWN);
        allow(INTERVIEWING, OFFERED, REJECTED, WITHDRAWN);
        allow(OFFERED, ACCEPTED, REJECTED, WITHDRAWN);
        allow(ACCEPTED, WITHDRAWN);
        allow(REJECTED);
        allow(WITHDRAWN);
    }

    private static void allow(ApplicationStatus from, ApplicationStatus... to) {
        MOVES.put(from, to.length == 0 ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(Arrays.asList(to))));
    }

    public boolean canMoveTo(ApplicationStatus next) {
        return MOVES.get(this).contains(next);
    }

    public Set<ApplicationStatus> next() {
        return MOVES.get(this);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApplicationStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Maps the other seeds' words onto this vocabulary (submitted → applied, reviewing → screening, ...). */
    public static ApplicationStatus fromSeed(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "submitted" -> APPLIED;
            case "reviewing", "review", "under_review" -> SCREENING;
            case "interview", "interviewed" -> INTERVIEWING;
            case "offer" -> OFFERED;
            default -> of(v);
        };
    }
}
