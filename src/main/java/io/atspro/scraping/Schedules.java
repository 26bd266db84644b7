package io.atspro.scraping;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.atspro.shared.InvalidInputException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Quartz cron expressions (the syntax of Quarkus's own @Scheduled), evaluated in UTC. */
final class Schedules {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private Schedules() {
    }

    /** Throws a 400 naming {@code field} when the expression is not a valid Quartz cron. */
    static void validate(String field, String cron) {
        try {
            PARSER.parse(cron).validate();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "is not a Quartz cron expression (seconds minutes hours day-of-month "
                    + "month day-of-week, e.g. \"0 0 */6 * * ?\"): " + e.getMessage());
        }
    }

    /** The first time strictly after {@code after}; null when the expression never fires again. */
    static Instant next(String cron, Instant after) {
        return ExecutionTime.forCron(PARSER.parse(cron)).nextExecution(ZonedDateTime.ofInstant(after, ZoneOffset.UTC))
                .map(ZonedDateTime::toInstant).orElse(null);
    }
}
