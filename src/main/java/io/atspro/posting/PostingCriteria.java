package io.atspro.posting;

import java.time.Instant;
import java.util.List;

/**
 * What a catalog search asks for; shared by GET /postings and saved searches. Lists mean "any of"; null or empty
 * means no filter.
 *
 * @param q               websearch syntax: words, "a phrase", or, -excluded
 * @param locations       city, state, country or any part of the location text
 * @param minSalary       the posting's range, per year, reaches at least this
 * @param companies       company name contains any of these
 * @param seenAfter       first seen by the catalog after this instant (saved-search matches)
 * @param notAppliedBy    hide postings this user has an application for
 * @param includeInactive also closed and expired postings
 * @param onlyIds         only among these postings (saved-search alerts for a run's new postings)
 */
public record PostingCriteria(String q, List<String> locations, List<String> workArrangements,
        List<String> employmentTypes, List<String> experienceLevels, Integer minSalary, List<String> companies,
        List<String> excludedCompanies, Instant postedAfter, Instant seenAfter, String notAppliedBy,
        boolean includeInactive, List<java.util.UUID> onlyIds) {

    public PostingCriteria(String q, List<String> locations, List<String> workArrangements,
            List<String> employmentTypes, List<String> experienceLevels, Integer minSalary, List<String> companies,
            List<String> excludedCompanies, Instant postedAfter, Instant seenAfter, String notAppliedBy,
            boolean includeInactive) {
        this(q, locations, workArrangements, employmentTypes, experienceLevels, minSalary, companies,
                excludedCompanies, postedAfter, seenAfter, notAppliedBy, includeInactive, null);
    }

    /** The same search among the given postings only. */
    public PostingCriteria among(List<java.util.UUID> ids) {
        return new PostingCriteria(q, locations, workArrangements, employmentTypes, experienceLevels, minSalary,
                companies, excludedCompanies, postedAfter, seenAfter, notAppliedBy, includeInactive, List.copyOf(ids));
    }

    public PostingCriteria {
        q = q == null || q.isBlank() ? null : q.strip();
        locations = clean(locations);
        workArrangements = clean(workArrangements);
        employmentTypes = clean(employmentTypes);
        experienceLevels = clean(experienceLevels);
        companies = clean(companies);
        excludedCompanies = clean(excludedCompanies);
    }

    public static PostingCriteria text(String q) {
        return new PostingCriteria(q, null, null, null, null, null, null, null, null, null, null, false);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                .distinct().toList();
    }
}
