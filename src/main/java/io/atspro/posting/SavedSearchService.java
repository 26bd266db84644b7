package io.atspro.posting;

import io.atspro.shared.ConflictException;
import io.atspro.shared.InvalidInputException;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Saved catalog searches and what they match. */
@ApplicationScoped
@Transactional
public class SavedSearchService {

    static final int MAX_PER_USER = 50;

    private final SavedSearchRepository searches;
    private final CatalogService catalog;
    private final Clock clock;

    SavedSearchService(SavedSearchRepository searches, CatalogService catalog, Clock clock) {
        this.searches = searches;
        this.catalog = catalog;
        this.clock = clock;
    }

    SavedSearchView create(String userId, SavedSearchRequests.Search request) {
        if (request.searchName() == null) {
            throw new InvalidInputException("search_name", "is required");
        }
        if (searches.countOfUser(userId) >= MAX_PER_USER) {
            throw new ConflictException("You have " + MAX_PER_USER + " saved searches, the most there can be; "
                    + "delete one first");
        }
        SavedSearch search = SavedSearch.create(userId, clock.instant());
        apply(search, request);
        searches.persist(search);
        return SavedSearchView.of(search);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Page<SavedSearchView> list(String userId, PageRequest page) {
        return new Page<>(searches.ofUser(userId, page.page(), page.size()).stream().map(SavedSearchView::of).toList(),
                page.page(), page.size(), searches.countOfUser(userId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    SavedSearchView get(String userId, UUID id) {
        return SavedSearchView.of(owned(userId, id));
    }

    SavedSearchView patch(String userId, UUID id, SavedSearchRequests.Search patch) {
        SavedSearch search = owned(userId, id);
        apply(search, patch);
        search.updatedAt = clock.instant();
        return SavedSearchView.of(search);
    }

    /** Copies the fields given; absent ones stay. A minimum salary of 0 clears it. */
    private static void apply(SavedSearch search, SavedSearchRequests.Search patch) {
        if (patch.searchName() != null) {
            search.searchName = patch.searchName().strip();
        }
        if (patch.query() != null) {
            search.query = blankToNull(patch.query());
        }
        if (patch.locations() != null) {
            search.locations = list(patch.locations());
        }
        if (patch.workArrangements() != null) {
            search.workArrangements = list(patch.workArrangements());
        }
        if (patch.employmentTypes() != null) {
            search.employmentTypes = list(patch.employmentTypes());
        }
        if (patch.experienceLevels() != null) {
            search.experienceLevels = list(patch.experienceLevels());
        }
        if (patch.minSalary() != null) {
            search.minSalary = patch.minSalary() == 0 ? null : patch.minSalary();
        }
        if (patch.targetCompanies() != null) {
            search.targetCompanies = list(patch.targetCompanies());
        }
        if (patch.excludedCompanies() != null) {
            search.excludedCompanies = list(patch.excludedCompanies());
        }
        if (patch.isActive() != null) {
            search.isActive = patch.isActive();
        }
    }

    void delete(String userId, UUID id) {
        searches.delete(owned(userId, id));
    }

    /** Active postings the search matches that the catalog first saw after {@code since} (all when null). */
    @Transactional(Transactional.TxType.SUPPORTS)
    PostingSearch.Result matches(String userId, UUID id, Instant since, boolean notApplied, String cursor, int limit) {
        SavedSearch search = owned(userId, id);
        return catalog.match(search.criteria(since, notApplied ? userId : null), cursor, limit);
    }

    /** A saved search and the postings of a run it matches. */
    public record Alert(String userId, UUID searchId, String searchName, List<PostingSummary> postings) {
    }

    /**
     * Which active saved searches match which of these (new) postings: one alert per search with at least one
     * match, at most 20 postings each. Postings the user has applied to are left out.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Alert> alertsFor(List<UUID> postingIds) {
        if (postingIds.isEmpty()) {
            return List.of();
        }
        List<Alert> alerts = new java.util.ArrayList<>();
        for (SavedSearch search : searches.active()) {
            PostingSearch.Result result = catalog.match(search.criteria(null, search.userId).among(postingIds),
                    null, 20);
            if (!result.items().isEmpty()) {
                alerts.add(new Alert(search.userId, search.id, search.searchName, result.items()));
            }
        }
        return alerts;
    }

    /** How many postings the user's active saved searches matched that the catalog first saw after {@code since}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public int newMatches(String userId, Instant since) {
        java.util.Set<UUID> ids = new java.util.HashSet<>();
        for (SavedSearch search : searches.activeOf(userId)) {
            catalog.match(search.criteria(since, userId), null, 100).items().forEach(p -> ids.add(p.id()));
        }
        return ids.size();
    }

    private SavedSearch owned(String userId, UUID id) {
        return searches.findOwned(userId, id).orElseThrow(() -> new ResourceNotFoundException("Saved search"));
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).distinct().toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
