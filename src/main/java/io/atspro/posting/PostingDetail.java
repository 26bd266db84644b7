package io.atspro.posting;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One catalog posting in full, with the other boards that list the same job.
 *
 * @param requirements the description's requirements section (or the board's own field), or null
 * @param benefits the description's benefits section (or the board's own field), or null
 * @param requiredSkills the skills the requirements name (the whole description's when it has no such section)
 * @param preferredSkills the skills named as nice to have
 * @param company what the catalog knows of the employer
 */
public record PostingDetail(UUID id, String title, UUID companyId, String companyName, String description,
        String location, String city, String state, String country, String workArrangement, String employmentType,
        String experienceLevel, BigDecimal salaryMin, BigDecimal salaryMax, String salaryCurrency,
        String salaryInterval, Instant postedAt, String sourcePlatform, String externalId, String sourceUrl,
        String applyUrl, boolean isActive, Instant firstSeenAt, Instant lastSeenAt, Instant closedAt,
        LocalDate expiresDate, JsonNode metadata, List<Listing> alsoListedOn, String requirements, String benefits,
        List<String> requiredSkills, List<String> preferredSkills, Company company) {

    /** The employer as the catalog knows it; fields the boards never gave are null. */
    @Schema(name = "PostingCompany")
    public record Company(UUID id, String name, String domain, String logoUrl, String careerPageUrl,
            String headquartersCity, String headquartersCountry) {
    }

    /** The same job on another board. */
    @Schema(name = "PostingListing")
    public record Listing(UUID id, String sourcePlatform, String applyUrl, boolean isActive) {
    }
}
