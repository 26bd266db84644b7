package io.atspro.goal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void aWeekRunsFromMondayMidnightInTheGoalsTimeZone() {
        Instant sundayEveningUtc = Instant.parse("2026-01-04T23:30:00Z"); // already Monday 08:30 in Tokyo
        assertThat(ProgressMeter.week(ZoneOffset.UTC, sundayEveningUtc))
                .containsExactly(Instant.parse("2025-12-29T00:00:00Z"), Instant.parse("2026-01-05T00:00:00Z"));
        assertThat(ProgressMeter.week(TOKYO, sundayEveningUtc))
                .containsExactly(Instant.parse("2026-01-04T15:00:00Z"), Instant.parse("2026-01-11T15:00:00Z"));
        Instant mondayMidnight = Instant.parse("2026-01-05T00:00:00Z");
        assertThat(ProgressMeter.week(ZoneOffset.UTC, mondayMidnight)[0]).isEqualTo(mondayMidnight);
    }

    @Test
    void isoWeeksCrossTheYearAsTheIsoCalendarSays() {
        assertThat(ProgressMeter.isoWeek(ZoneOffset.UTC, Instant.parse("2026-01-01T12:00:00Z"))).isEqualTo("2026-W01");
        assertThat(ProgressMeter.isoWeek(ZoneOffset.UTC, Instant.parse("2027-01-01T12:00:00Z"))).isEqualTo("2026-W53");
        assertThat(ProgressMeter.isoWeek(ZoneOffset.UTC, Instant.parse("2025-12-29T00:00:00Z"))).isEqualTo("2026-W01");
        assertThat(ProgressMeter.isoWeek(TOKYO, Instant.parse("2026-01-04T23:30:00Z"))).isEqualTo("2026-W02");
    }
}
