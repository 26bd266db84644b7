package io.atspro.job;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Objects;

/**
 * A job posting in the shape stored as {@code parsed_data} (seeds 000 and 002): typed by hand, or read from a
 * page by {@link JobPostingExtractor}. Lists are never null: a missing list becomes an empty one, and null
 * items are dropped. The limits suit manual entry; the extractor truncates to stay within them.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
// Jackson reads and writes these outside the REST layer (caches, JSONB columns, patches): the native image
// needs them, and their nested types, registered
@RegisterForReflection(registerFullHierarchy = true)
public record JobDetails(
        @Size(max = Limits.NAME) String company,
        @Size(max = Limits.NAME) String title,
        @Size(max = Limits.DESCRIPTION) String description,
        @Size(max = Limits.SALARY) String salary,
        @Size(max = Limits.LIST) List<@Size(max = Limits.ITEM) String> responsibilities,
        @Size(max = Limits.LIST) List<@Size(max = Limits.ITEM) String> qualifications,
        @Size(max = Limits.LIST) List<@Size(max = Limits.ITEM) String> logistics,
        @Size(max = Limits.LIST) List<@Size(max = Limits.ITEM) String> location,
        @Size(max = Limits.LIST) List<@Size(max = Limits.ITEM) String> additionalInfo,
        @Size(max = Limits.URL) String link) {

    /** Field size limits. */
    public static final class Limits {
        /** Company and title. */
        public static final int NAME = 300;
        public static final int DESCRIPTION = 100_000;
        public static final int SALARY = 300;
        /** Items per list. */
        public static final int LIST = 100;
        /** Characters per list item. */
        public static final int ITEM = 2000;
        public static final int URL = 2048;

        private Limits() {
        }
    }

    public JobDetails {
        responsibilities = clean(responsibilities);
        qualifications = clean(qualifications);
        logistics = clean(logistics);
        location = clean(location);
        additionalInfo = clean(additionalInfo);
    }

    private static List<String> clean(List<String> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
