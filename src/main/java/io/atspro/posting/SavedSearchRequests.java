package io.atspro.posting;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class SavedSearchRequests {

    private SavedSearchRequests() {
    }

    private static final String ARRANGEMENT = "remote|hybrid|onsite";
    private static final String EMPLOYMENT = "full_time|part_time|contract|internship|temporary";
    private static final String EXPERIENCE = "internship|entry|mid|senior|lead|executive";

    /**
     * A saved search: the same filters as GET /postings, lists meaning "any of". On create {@code search_name} is
     * required; on PATCH absent fields stay as they are and a list given replaces the old one.
     */
    @Schema(name = "SavedSearchRequest")
    record Search(
            @Size(max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String searchName,
            @Size(max = 500) String query,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> locations,
            @Size(max = 3) List<@Pattern(regexp = ARRANGEMENT, message = "must be one of remote, hybrid, onsite") String> workArrangements,
            @Size(max = 5) List<@Pattern(regexp = EMPLOYMENT, message = "must be one of full_time, part_time, contract, internship, temporary") String> employmentTypes,
            @Size(max = 6) List<@Pattern(regexp = EXPERIENCE, message = "must be one of internship, entry, mid, senior, lead, executive") String> experienceLevels,
            @Min(0) @Max(100_000_000) Integer minSalary,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> targetCompanies,
            @Size(max = 20) List<@NotBlank @Size(max = 200) String> excludedCompanies,
            Boolean isActive) {
    }
}
