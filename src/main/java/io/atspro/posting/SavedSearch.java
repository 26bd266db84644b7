package io.atspro.posting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A user's saved catalog search (001 job_search_preferences). */
@Entity
@Table(name = "job_search_preferences")
public class SavedSearch {

    @Id
    UUID id;

    @Column(nullable = false, updatable = false)
    String userId;

    @Column(nullable = false)
    String searchName;

    String query;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    List<String> targetCompanies;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    List<String> excludedCompanies;

    Integer minSalary;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    List<String> experienceLevels;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    List<String> workArrangements;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    List<String> employmentTypes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    List<String> locations;

    boolean isActive;

    @Column(nullable = false, updatable = false)
    Instant createdAt;

    @Column(nullable = false)
    Instant updatedAt;

    protected SavedSearch() {
    }

    static SavedSearch create(String userId, Instant now) {
        SavedSearch search = new SavedSearch();
        search.id = UUID.randomUUID();
        search.userId = userId;
        search.isActive = true;
        search.targetCompanies = List.of();
        search.excludedCompanies = List.of();
        search.experienceLevels = List.of();
        search.workArrangements = List.of();
        search.employmentTypes = List.of();
        search.locations = List.of();
        search.createdAt = now;
        search.updatedAt = now;
        return search;
    }

    PostingCriteria criteria(java.time.Instant seenAfter, String notAppliedBy) {
        return new PostingCriteria(query, locations, workArrangements, employmentTypes, experienceLevels, minSalary,
                targetCompanies, excludedCompanies, null, seenAfter, notAppliedBy, false);
    }
}
