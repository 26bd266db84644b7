package io.atspro.discovery;

import io.atspro.identity.UsageService;
import io.atspro.posting.CatalogService;
import io.atspro.posting.PostingCriteria;
import io.atspro.posting.PostingFacts;
import io.atspro.posting.PostingSummary;
import io.atspro.scraping.ScrapeService;
import io.atspro.shared.ConflictException;
import io.atspro.shared.InvalidInputException;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.ResourceNotFoundException;
import io.atspro.task.TaskQueue;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Discoveries: a user's search run in the background on the catalog and on the boards that search server-side.
 * Each start takes one unit of the plan's monthly discoveries; one discovery per user runs at a time.
 */
@ApplicationScoped
public class DiscoveryService {

    static final String TASK_TYPE = "discovery_run";

    @ApplicationScoped
    static class Repository implements PanacheRepositoryBase<Discovery, UUID> {
    }

    private final Repository discoveries;
    private final UsageService usage;
    private final ScrapeService scraping;
    private final CatalogService catalog;
    private final TaskQueue tasks;
    private final DataSource dataSource;
    private final DiscoveryConfig config;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final Clock clock;

    DiscoveryService(Repository discoveries, UsageService usage, ScrapeService scraping, CatalogService catalog,
            TaskQueue tasks, DataSource dataSource, DiscoveryConfig config,
            com.fasterxml.jackson.databind.ObjectMapper json, Clock clock) {
        this.discoveries = discoveries;
        this.usage = usage;
        this.scraping = scraping;
        this.catalog = catalog;
        this.tasks = tasks;
        this.dataSource = dataSource;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** Queues a discovery (202); 409 while another of the user's runs, 429 past the plan's monthly discoveries. */
    @Transactional
    public DiscoveryView start(String userId, DiscoveryRequests.Start request) {
        List<String> searchable = scraping.searchablePlatforms();
        List<String> sources = request.sources() == null ? searchable
                : List.copyOf(new LinkedHashSet<>(request.sources()));
        for (String source : sources) {
            if (!searchable.contains(source)) {
                throw new InvalidInputException("sources", "'" + source + "' cannot be searched; the boards that "
                        + "search server-side are " + String.join(", ", searchable));
            }
        }
        // the user's row lock serialises two starts of one user, so "one at a time" holds under concurrency
        discoveries.getEntityManager().createNativeQuery("SELECT 1 FROM \"user\" WHERE id = ?1 FOR UPDATE")
                .setParameter(1, userId).getResultList();
        if (discoveries.count("userId = ?1 and status in ('queued', 'running')", userId) > 0) {
            throw new ConflictException("One of your discoveries is still running; wait for it to finish");
        }
        usage.consume(userId, UsageService.Quota.DISCOVERIES);
        String location = request.location() == null || request.location().isBlank() ? null
                : request.location().strip();
        Discovery discovery = Discovery.queue(userId, request.searchQuery().strip(), location, sources,
                clock.instant());
        discoveries.persist(discovery);
        discovery.taskId = tasks.submit(userId, TASK_TYPE,
                json.createObjectNode().put("discovery_id", discovery.id.toString()));
        return DiscoveryView.of(discovery);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DiscoveryView> list(String userId, PageRequest page) {
        var query = discoveries.find("userId", Sort.descending("createdAt").and("id", Sort.Direction.Descending),
                userId);
        List<DiscoveryView> items = query.page(page.page(), page.size()).list().stream().map(DiscoveryView::of)
                .toList();
        return new Page<>(items, page.page(), page.size(), query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DiscoveryView get(String userId, UUID id) {
        return DiscoveryView.of(owned(userId, id));
    }

    /** The discovery's results in its order, a page at a time (empty until it has finished). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PostingSummary> results(String userId, UUID id, PageRequest page) {
        Discovery discovery = owned(userId, id);
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT posting_id FROM crawler_job_results WHERE crawler_job_id = ? ORDER BY rank LIMIT ? OFFSET ?")) {
            st.setObject(1, discovery.id);
            st.setInt(2, page.size());
            st.setLong(3, (long) page.page() * page.size());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the discovery's results", e);
        }
        Map<UUID, PostingFacts> facts = catalog.facts(ids, true);
        List<PostingSummary> items = ids.stream().map(facts::get).filter(java.util.Objects::nonNull)
                .map(PostingFacts::summary).toList();
        return new Page<>(items, page.page(), page.size(), discovery.jobsFound);
    }

    private Discovery owned(String userId, UUID id) {
        return discoveries.findByIdOptional(id).filter(d -> d.userId.equals(userId))
                .orElseThrow(() -> new ResourceNotFoundException("Discovery"));
    }

    // ---- the run

    /** What a run needs; empty when the discovery is over already (a retried task). */
    record RunStart(UUID id, String query, String location, List<String> sources) {
    }

    @Transactional
    Optional<RunStart> begin(UUID id) {
        Discovery d = discoveries.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (d == null || d.finished()) {
            return Optional.empty();
        }
        d.status = Discovery.RUNNING;
        if (d.startedAt == null) {
            d.startedAt = clock.instant();
        }
        return Optional.of(new RunStart(d.id, d.searchQuery, d.location, d.sources));
    }

    /**
     * Searches the boards (their finds enter the catalog as any run's do), then the catalog; the results are the
     * catalog's ranking of everything that matches, followed by what the boards found that the catalog's text search
     * does not rank (a board's own search also matches words the posting text does not show).
     */
    void run(RunStart start) {
        ScrapeService.BoardSearch boards = scraping.searchBoards(start.query(), start.location(), start.sources(),
                config.maxBoards());
        PostingCriteria criteria = new PostingCriteria(start.query(), start.location() == null ? null
                : List.of(start.location()), null, null, null, null, null, null, null, null, null, false);
        Set<UUID> ranked = new LinkedHashSet<>();
        catalog.search(criteria, null, config.maxResults()).items().forEach(p -> ranked.add(p.id()));
        for (UUID id : inPlace(boards.postingIds(), start.location())) {
            if (ranked.size() >= config.maxResults()) {
                break;
            }
            ranked.add(id);
        }
        complete(start.id(), List.copyOf(ranked), boards);
    }

    /**
     * The board finds that are in the location, by the catalog's own location filter: a board's search matches
     * the words, and postings it knew unchanged come back without their details, wherever they are.
     */
    private List<UUID> inPlace(List<UUID> found, String location) {
        if (location == null || found.isEmpty()) {
            return found;
        }
        PostingCriteria where = new PostingCriteria(null, List.of(location), null, null, null, null, null, null,
                null, null, null, false).among(found);
        Set<UUID> matching = new java.util.HashSet<>();
        catalog.match(where, null, found.size()).items().forEach(p -> matching.add(p.id()));
        return found.stream().filter(matching::contains).toList();
    }

    @Transactional
    void complete(UUID id, List<UUID> results, ScrapeService.BoardSearch boards) {
        Discovery d = discoveries.findById(id);
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO crawler_job_results (crawler_job_id, posting_id, rank, is_new)
                SELECT ?, u.id, u.rank, u.id = ANY(?) FROM unnest(?::uuid[]) WITH ORDINALITY AS u(id, rank)
                ON CONFLICT DO NOTHING""")) {
            st.setObject(1, id);
            st.setArray(2, c.createArrayOf("uuid", boards.newIds().toArray()));
            st.setArray(3, c.createArrayOf("uuid", results.toArray()));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the discovery's results", e);
        }
        d.jobsFound = results.size();
        d.jobsNew = (int) results.stream().filter(boards.newIds()::contains).count();
        d.boardsSearched = boards.boardsSearched();
        d.boardsFailed = boards.boardsFailed();
        d.errorMessage = boards.errors().isEmpty() ? null : truncate(String.join("; ", boards.errors()));
        d.status = Discovery.SUCCEEDED;
        d.completedAt = clock.instant();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void fail(UUID id, String message) {
        Discovery d = discoveries.findById(id);
        if (d != null && !d.finished()) {
            d.status = Discovery.FAILED;
            d.errorMessage = truncate(message);
            d.completedAt = clock.instant();
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
