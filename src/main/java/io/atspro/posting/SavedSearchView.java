package io.atspro.posting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record SavedSearchView(UUID id, String searchName, String query, List<String> locations,
        List<String> workArrangements, List<String> employmentTypes, List<String> experienceLevels, Integer minSalary,
        List<String> targetCompanies, List<String> excludedCompanies, boolean isActive, Instant createdAt,
        Instant updatedAt) {

    static SavedSearchView of(SavedSearch s) {
        return new SavedSearchView(s.id, s.searchName, s.query, s.locations, s.workArrangements, s.employmentTypes,
                s.experienceLevels, s.minSalary, s.targetCompanies, s.excludedCompanies, s.isActive, s.createdAt,
                s.updatedAt);
    }
}
