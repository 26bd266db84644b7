package io.atspro.posting;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One catalog posting in full, with the other boards that list the same job. */
public record PostingDetail(UUID id, String title, UUID companyId, String companyName, String description,
        String location, String city, String state, String country, String workArrangement, String employmentType,
        String experienceLevel, BigDecimal salaryMin, BigDecimal salaryMax, String salaryCurrency,
        String salaryInterval, Instant postedAt, String sourcePlatform, String externalId, String sourceUrl,
        String applyUrl, boolean isActive, Instant firstSeenAt, Instant lastSeenAt, Instant closedAt,
        LocalDate expiresDate, JsonNode metadata, List<Listing> alsoListedOn) {

    /** The same job on another board. */
    public record Listing(UUID id, String sourcePlatform, String applyUrl, boolean isActive) {
    }
}
