package io.atspro.goal;

import io.atspro.application.ApplicationActivity;
import io.atspro.application.ApplicationStatus;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Measures a goal against the user's real data:
 * <ul>
 * <li>{@code applications_per_week}: applications whose {@code applied_at} is in the current ISO week (Monday
 * 00:00 to the next Monday 00:00) in the goal's time zone;</li>
 * <li>{@code interviews} / {@code offers}: applications whose status history shows a move to
 * {@code interviewing} / {@code offered} from {@code starts_on} (else the goal's creation) to the end of
 * {@code target_date} (else now), each application counted once;</li>
 * <li>{@code custom}: the {@code current} value the user sets.</li>
 * </ul>
 */
@ApplicationScoped
class ProgressMeter {

    /** The upper bound of an open window: beyond any timestamp the data can hold, within PostgreSQL's range. */
    private static final Instant OPEN_END = Instant.parse("9999-01-01T00:00:00Z");

    private final ApplicationActivity activity;

    ProgressMeter(ApplicationActivity activity) {
        this.activity = activity;
    }

    GoalViews.Progress measure(Goal goal, Instant now) {
        ZoneId zone = ZoneId.of(goal.timeZone);
        long target = goal.target();
        if (goal.type() == GoalType.APPLICATIONS_PER_WEEK) {
            Instant[] week = week(zone, now);
            return GoalViews.Progress.of(activity.applied(goal.userId, week[0], week[1]), target, week[0], week[1]);
        }
        Instant start = goal.startsOn != null ? goal.startsOn.atStartOfDay(zone).toInstant() : goal.createdAt;
        Instant end = goal.targetDate != null ? goal.targetDate.plusDays(1).atStartOfDay(zone).toInstant() : null;
        long current = switch (goal.type()) {
            case INTERVIEWS -> activity.reached(goal.userId, ApplicationStatus.INTERVIEWING, start, end == null ? OPEN_END : end);
            case OFFERS -> activity.reached(goal.userId, ApplicationStatus.OFFERED, start, end == null ? OPEN_END : end);
            default -> goal.manualCurrent();
        };
        return GoalViews.Progress.of(current, target, start, end);
    }

    /** [start, end) of the ISO week (Monday 00:00 to the next Monday 00:00 in {@code zone}) holding {@code now}. */
    static Instant[] week(ZoneId zone, Instant now) {
        LocalDate monday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new Instant[] {monday.atStartOfDay(zone).toInstant(), monday.plusWeeks(1).atStartOfDay(zone).toInstant()};
    }

    /** The ISO week holding {@code now} in {@code zone}, as {@code 2026-W07}. */
    static String isoWeek(ZoneId zone, Instant now) {
        LocalDate day = now.atZone(zone).toLocalDate();
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
