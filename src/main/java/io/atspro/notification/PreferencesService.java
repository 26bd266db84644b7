package io.atspro.notification;

import io.atspro.shared.InvalidInputException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Notification preferences: defaults until the user changes one, then a row. */
@ApplicationScoped
public class PreferencesService {

    @ApplicationScoped
    static class Repository implements PanacheRepositoryBase<NotificationPreferences, String> {

        /** Users whose briefing of this kind is due, locked; rows another pod holds are skipped. */
        @SuppressWarnings("unchecked")
        List<NotificationPreferences> lockDue(String column, String enabled, Instant now, int max) {
            return getEntityManager().createNativeQuery("SELECT * FROM notification_preferences WHERE " + enabled
                            + " AND " + column + " <= ?1 ORDER BY " + column + " LIMIT ?2 FOR UPDATE SKIP LOCKED",
                    NotificationPreferences.class).setParameter(1, now).setParameter(2, max).getResultList();
        }
    }

    private final Repository preferences;
    private final Clock clock;

    PreferencesService(Repository preferences, Clock clock) {
        this.preferences = preferences;
        this.clock = clock;
    }

    /** The user's preferences, or the defaults (not stored) when they never set any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    NotificationPreferences of(String userId) {
        return preferences.findByIdOptional(userId)
                .orElseGet(() -> NotificationPreferences.defaults(userId, clock.instant()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PreferencesView get(String userId) {
        return PreferencesView.of(of(userId));
    }

    /** Applies the fields given; absent ones stay. Times are HH:mm in the user's time zone. */
    @Transactional
    public PreferencesView update(String userId, PreferencesView.Patch patch) {
        NotificationPreferences p = preferences.findByIdOptional(userId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElse(null);
        boolean created = p == null;
        if (created) {
            p = NotificationPreferences.defaults(userId, clock.instant());
        }
        patch.applyTo(p);
        if (patch.timeZone() != null) {
            try {
                p.timeZone = ZoneId.of(patch.timeZone()).getId();
            } catch (DateTimeException e) {
                throw new InvalidInputException("time_zone", "is not an IANA time zone such as Europe/Berlin");
            }
        }
        p.morningBriefingTime = time("morning_briefing_time", patch.morningBriefingTime(), p.morningBriefingTime, false);
        p.eveningUpdateTime = time("evening_update_time", patch.eveningUpdateTime(), p.eveningUpdateTime, false);
        p.quietHoursStart = time("quiet_hours_start", patch.quietHoursStart(), p.quietHoursStart, true);
        p.quietHoursEnd = time("quiet_hours_end", patch.quietHoursEnd(), p.quietHoursEnd, true);
        if ((p.quietHoursStart == null) != (p.quietHoursEnd == null)) {
            throw new InvalidInputException("quiet_hours_end", "quiet hours need both a start and an end (or neither)");
        }
        Instant now = clock.instant();
        p.reschedule(now);
        p.updatedAt = now;
        if (created) {
            preferences.persist(p);
        }
        return PreferencesView.of(p);
    }

    /** "" clears a nullable time; absent keeps the old one. */
    private static LocalTime time(String field, String value, LocalTime old, boolean nullable) {
        if (value == null) {
            return old;
        }
        if (value.isEmpty() && nullable) {
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a time of day like 08:00" + (nullable ? " (or \"\")" : ""));
        }
    }

    Repository repository() {
        return preferences;
    }
}
