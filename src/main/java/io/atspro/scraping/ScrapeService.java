package io.atspro.scraping;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.posting.CatalogService;
import io.atspro.posting.CatalogWriter;
import io.atspro.posting.NormalizedPosting;
import io.atspro.shared.ConflictException;
import io.atspro.shared.InvalidInputException;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.ResourceNotFoundException;
import io.atspro.task.TaskQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/** Scrape sources, their runs (as background tasks), the schedule, and the daily platform metrics. */
@ApplicationScoped
public class ScrapeService {

    static final String TASK_TYPE = "scrape_run";
    private static final Logger LOG = Logger.getLogger(ScrapeService.class);
    private static final Pattern BOARD_TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final ScrapeRepositories.Sources sources;
    private final ScrapeRepositories.Runs runs;
    private final TaskQueue tasks;
    private final CatalogService catalog;
    private final DataSource dataSource;
    private final ScrapingConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    private final BoardConnectors connectors;

    ScrapeService(ScrapeRepositories.Sources sources, ScrapeRepositories.Runs runs, TaskQueue tasks,
            CatalogService catalog, DataSource dataSource, ScrapingConfig config, ObjectMapper json, Clock clock,
            BoardConnectors connectors) {
        this.connectors = connectors;
        this.sources = sources;
        this.runs = runs;
        this.tasks = tasks;
        this.catalog = catalog;
        this.dataSource = dataSource;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    // ---- sources

    @Transactional
    public ScrapeViews.SourceView create(String adminId, ScrapeRequests.CreateSource request) {
        CareersUrls.Board target = target(request);
        String board = target.board();
        String platform = target.platform();
        checkBoard(platform, board);
        if (platform.equals("jsonld")) {
            checkPublic(board, blankToNull(request.url()) != null ? "url" : "board");
        }
        String schedule = blankToNull(request.schedule());
        if (schedule != null) {
            Schedules.validate("schedule", schedule);
        }
        if (sources.exists(platform, board)) {
            throw new ConflictException("A " + platform + " source for '" + board + "' exists already");
        }
        Instant now = clock.instant();
        ScrapeSource source = ScrapeSource.create(platform, board, blankToNull(request.companyName()),
                schedule, request.enabled() == null || request.enabled(), adminId, now);
        source.nextRunAt = source.enabled ? Schedules.next(cron(source), now) : null;
        sources.persist(source);
        return view(source);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ScrapeViews.SourceView> list(PageRequest page) {
        var query = sources.findAll(io.quarkus.panache.common.Sort.by("createdAt").and("id"));
        List<ScrapeViews.SourceView> items = query.page(page.page(), page.size()).list().stream().map(this::view).toList();
        return new Page<>(items, page.page(), page.size(), query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ScrapeViews.SourceView get(UUID id) {
        return view(source(id));
    }

    @Transactional
    public ScrapeViews.SourceView patch(UUID id, ScrapeRequests.PatchSource patch) {
        ScrapeSource source = sources.findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ResourceNotFoundException("Scrape source"));
        Instant now = clock.instant();
        if (patch.schedule() != null) {
            String schedule = blankToNull(patch.schedule());
            if (schedule != null) {
                Schedules.validate("schedule", schedule);
            }
            source.schedule = schedule;
        }
        if (patch.companyName() != null) {
            source.companyName = blankToNull(patch.companyName());
        }
        if (patch.enabled() != null) {
            source.enabled = patch.enabled();
        }
        source.nextRunAt = source.enabled ? Schedules.next(cron(source), now) : null;
        source.updatedAt = now;
        return view(source);
    }

    /** Removes a source and its runs; the postings it alone kept fresh are closed, not deleted. */
    @Transactional
    public void delete(UUID id) {
        ScrapeSource source = source(id);
        catalog.closeSource(id, clock.instant());
        sources.delete(source);
    }

    // ---- runs

    /** Queues a run of the source now (202); 409 while one is queued or running, whichever replica started it. */
    @Transactional
    public ScrapeViews.RunView runNow(UUID sourceId) {
        ScrapeSource source = sources.findByIdOptional(sourceId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new ResourceNotFoundException("Scrape source"));
        return ScrapeViews.RunView.of(queueRun(source, "manual")
                .orElseThrow(() -> new ConflictException("A run of this source is already queued or running")));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ScrapeViews.RunView> runs(UUID sourceId, PageRequest page) {
        source(sourceId);
        List<ScrapeViews.RunView> items = runs.ofSource(sourceId, page.page(), page.size()).stream()
                .map(ScrapeViews.RunView::of).toList();
        return new Page<>(items, page.page(), page.size(), runs.countOfSource(sourceId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ScrapeViews.RunView run(UUID sourceId, UUID runId) {
        return runs.findByIdOptional(runId).filter(r -> r.sourceId.equals(sourceId)).map(ScrapeViews.RunView::of)
                .orElseThrow(() -> new ResourceNotFoundException("Scrape run"));
    }

    /**
     * Queues a run of every enabled source whose time has come and moves its next time on; returns the runs it
     * queued. Safe on any number of replicas at once: due rows are locked with SKIP LOCKED, so each due slot is
     * taken by exactly one of them. One scheduler tick, and {@code POST /admin/scrape-sources/run-due}.
     */
    @Transactional
    public List<ScrapeViews.RunView> startDueRuns() {
        Instant now = clock.instant();
        List<ScrapeViews.RunView> started = new ArrayList<>();
        for (ScrapeSource source : sources.lockDue(now, 100)) {
            queueRun(source, "schedule").ifPresentOrElse(run -> started.add(ScrapeViews.RunView.of(run)),
                    () -> LOG.infof("Scrape source %s is still running; its %s slot is skipped", source.id,
                            source.nextRunAt));
            source.nextRunAt = Schedules.next(cron(source), now);
            source.updatedAt = now;
        }
        return started;
    }

    private Optional<ScrapeRun> queueRun(ScrapeSource source, String trigger) {
        if (runs.openRunOf(source.id)) {
            return Optional.empty();
        }
        ScrapeRun run = ScrapeRun.queue(source.id, trigger, clock.instant());
        try {
            runs.persist(run);
            runs.flush();
        } catch (PersistenceException e) {
            // the partial unique index; callers lock the source row first, so this is the last line of defence
            throw new ConflictException("A run of this source is already queued or running");
        }
        run.taskId = tasks.submit(null, TASK_TYPE, json.createObjectNode().put("run_id", run.id.toString()));
        return Optional.of(run);
    }

    /** What a task needs to run: the source, or empty when the run is over already (a retried task). */
    record RunStart(UUID runId, UUID sourceId, String platform, String board, String companyName) {
    }

    @Transactional
    Optional<RunStart> begin(UUID runId) {
        ScrapeRun run = runs.findByIdOptional(runId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (run == null || run.finished()) {
            return Optional.empty();
        }
        ScrapeSource source = sources.findById(run.sourceId);
        run.status = ScrapeRun.RUNNING;
        if (run.startedAt == null) {
            run.startedAt = clock.instant();
        }
        return Optional.of(new RunStart(run.id, source.id, source.platform, source.board, source.companyName));
    }

    /** What the catalog holds of the source, for a run to skip reading again ({@link KnownPostings}). */
    java.util.Map<String, String> listingStamps(UUID sourceId) {
        return catalog.listingStamps(sourceId);
    }

    /** Writes the listing and closes the run in one transaction: a run is succeeded exactly when its write is in. */
    @Transactional
    CatalogWriter.Result complete(RunStart start, List<NormalizedPosting> listing, java.util.Set<String> seenUnchanged,
            BoardHttpClient.Tally tally, long fetchMs) throws CatalogWriter.SuspiciousListingException {
        long writeStarted = System.nanoTime();
        Instant now = clock.instant();
        CatalogWriter.Result result = catalog.write(start.sourceId(), start.platform(), listing, seenUnchanged, now,
                true);
        ScrapeRun run = runs.findById(start.runId());
        run.status = ScrapeRun.SUCCEEDED;
        run.jobsFound = result.found();
        run.jobsNew = result.inserted();
        run.jobsUpdated = result.updated();
        run.jobsUnchanged = result.unchanged();
        run.jobsClosed = result.closed();
        counters(run, tally, fetchMs);
        run.writeMs = (int) ((System.nanoTime() - writeStarted) / 1_000_000);
        run.completedAt = clock.instant();
        sourceFinished(start.sourceId(), ScrapeRun.SUCCEEDED, now);
        addMetrics(start.platform(), now, result.found(), true, tally);
        return result;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void fail(RunStart start, String message, BoardHttpClient.Tally tally, long fetchMs) {
        ScrapeRun run = runs.findById(start.runId());
        Instant now = clock.instant();
        run.status = ScrapeRun.FAILED;
        run.errorMessage = message.length() > 2000 ? message.substring(0, 2000) : message;
        counters(run, tally, fetchMs);
        run.completedAt = now;
        sourceFinished(start.sourceId(), ScrapeRun.FAILED, now);
        addMetrics(start.platform(), now, 0, false, tally);
    }

    private static void counters(ScrapeRun run, BoardHttpClient.Tally tally, long fetchMs) {
        BoardHttpClient.Stats stats = tally.stats();
        run.requests = (int) stats.requests();
        run.rateLimitHits = (int) stats.rateLimitHits();
        run.errors = (int) stats.failures();
        run.fetchMs = (int) fetchMs;
    }

    private void sourceFinished(UUID sourceId, String status, Instant now) {
        ScrapeSource source = sources.findById(sourceId);
        if (source != null) {
            source.lastRunAt = now;
            source.lastStatus = status;
        }
    }

    private void addMetrics(String platform, Instant now, int found, boolean succeeded, BoardHttpClient.Tally tally) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                INSERT INTO platform_metrics AS m (platform_name, metric_date, total_jobs_scraped, successful_scrapes,
                    failed_scrapes, rate_limit_hits, requests, total_response_time_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (platform_name, metric_date) DO UPDATE SET
                    total_jobs_scraped = m.total_jobs_scraped + excluded.total_jobs_scraped,
                    successful_scrapes = m.successful_scrapes + excluded.successful_scrapes,
                    failed_scrapes = m.failed_scrapes + excluded.failed_scrapes,
                    rate_limit_hits = m.rate_limit_hits + excluded.rate_limit_hits,
                    requests = m.requests + excluded.requests,
                    total_response_time_ms = m.total_response_time_ms + excluded.total_response_time_ms,
                    updated_at = now()""")) {
            BoardHttpClient.Stats stats = tally.stats();
            st.setString(1, platform);
            st.setObject(2, LocalDate.ofInstant(now, ZoneOffset.UTC));
            st.setInt(3, found);
            st.setInt(4, succeeded ? 1 : 0);
            st.setInt(5, succeeded ? 0 : 1);
            st.setInt(6, (int) stats.rateLimitHits());
            st.setInt(7, (int) stats.requests());
            st.setLong(8, tally.totalResponseMillis());
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record platform metrics", e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScrapeViews.MetricView> metrics(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidInputException("from", "must not be after to");
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT platform_name, metric_date, total_jobs_scraped, successful_scrapes, failed_scrapes,
                       rate_limit_hits, requests, average_response_time_ms
                FROM platform_metrics WHERE metric_date BETWEEN ? AND ? ORDER BY metric_date DESC, platform_name
                LIMIT 1000""")) {
            st.setObject(1, from);
            st.setObject(2, to);
            List<ScrapeViews.MetricView> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new ScrapeViews.MetricView(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getInt(3),
                            rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), (Integer) rs.getObject(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read platform metrics", e);
        }
    }

    // ---- discovery

    /** What a search of the boards found: the postings in the boards' order, and which of them are new. */
    public record BoardSearch(List<UUID> postingIds, java.util.Set<UUID> newIds, int boardsSearched,
            int boardsFailed, List<String> errors) {
    }

    /** The platforms whose boards search server-side, and so can be searched by a discovery. */
    public List<String> searchablePlatforms() {
        return BoardConnectors.PLATFORMS.stream()
                .filter(p -> connectors.forPlatform(p).filter(SearchableBoard.class::isInstance).isPresent())
                .toList();
    }

    /**
     * Searches the enabled sources of these platforms on their boards (at most {@code maxBoards}, the most recently
     * read first) and writes what they find into the catalog as any run does, but as a partial listing that closes
     * nothing. A board that fails is counted and skipped. Requests go through the shared client: per-host pacing and
     * circuits hold as for scheduled runs.
     */
    public BoardSearch searchBoards(String query, String location, java.util.Collection<String> platforms,
            int maxBoards) {
        List<UUID> ids = new ArrayList<>();
        java.util.Set<UUID> fresh = new java.util.HashSet<>();
        List<String> errors = new ArrayList<>();
        int searched = 0;
        int failed = 0;
        for (ScrapeSource source : sources.enabledOf(platforms, maxBoards)) {
            if (!(connectors.forPlatform(source.platform).orElse(null) instanceof SearchableBoard board)) {
                continue;
            }
            searched++;
            KnownPostings known = new KnownPostings(catalog.listingStamps(source.id));
            try {
                List<NormalizedPosting> found = board.search(source.board, query, location,
                        config.searchMaxPerBoard(), known);
                if (source.companyName != null) {
                    found = found.stream().map(p -> p.withCompanyName(source.companyName)).toList();
                }
                CatalogWriter.Result result = catalog.write(source.id, source.platform, found, known.seenUnchanged(),
                        clock.instant(), false);
                fresh.addAll(result.newIds());
                List<String> externalIds = new ArrayList<>(found.stream().map(NormalizedPosting::externalId).toList());
                externalIds.addAll(known.seenUnchanged());
                ids.addAll(catalog.postingIds(source.platform, externalIds));
            } catch (BoardException | CatalogWriter.SuspiciousListingException | RuntimeException e) {
                failed++;
                errors.add(source.platform + " " + source.board + ": " + e.getMessage());
                LOG.infof("Discovery search of %s/%s failed: %s", source.platform, source.board, e.getMessage());
            }
        }
        return new BoardSearch(List.copyOf(new java.util.LinkedHashSet<>(ids)), fresh, searched, failed, errors);
    }

    // ---- helpers

    private ScrapeSource source(UUID id) {
        return sources.findByIdOptional(id).orElseThrow(() -> new ResourceNotFoundException("Scrape source"));
    }

    private String cron(ScrapeSource source) {
        return source.schedule != null ? source.schedule : config.defaultSchedule();
    }

    private ScrapeViews.SourceView view(ScrapeSource source) {
        return ScrapeViews.SourceView.of(source, config.defaultSchedule());
    }

    /** The platform and board of a request: recognised from its URL, or as given. */
    private CareersUrls.Board target(ScrapeRequests.CreateSource request) {
        String url = blankToNull(request.url());
        if (url != null) {
            if (request.platform() != null || blankToNull(request.board()) != null) {
                throw new InvalidInputException("url", "give either url, or platform with board, not both");
            }
            CareersUrls.Board recognised = CareersUrls.recognise(url).orElseThrow(() -> new InvalidInputException("url",
                    "must be a careers page or job board URL, e.g. https://boards.greenhouse.io/acme or "
                            + "https://acme.wd5.myworkdayjobs.com/External"));
            return recognised;
        }
        if (request.platform() == null) {
            throw new InvalidInputException("platform", "is required unless url is given");
        }
        String board = blankToNull(request.board());
        if (board == null) {
            throw new InvalidInputException("board", "is required unless url is given");
        }
        return new CareersUrls.Board(request.platform(), board);
    }

    /**
     * The private-network guard of job URLs, on a career page's URL (the one URL an admin gives that is fetched as
     * given; the other platforms' API hosts are fixed): one whose host is a loopback, private or link-local address
     * is refused. Every request of a run is checked again, redirects included.
     */
    private void checkPublic(String url, String field) {
        String host;
        try {
            URI uri = URI.create(url.matches("(?i)https?://.*") ? url : "https://" + url);
            host = uri.getHost();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "is not a valid URL");
        }
        if (host == null) {
            throw new InvalidInputException(field, "is not an absolute http(s) URL");
        }
        try {
            BoardHttpClient.checkAddresses(host, config.http().allowPrivateNetworks());
        } catch (BoardException e) {
            if (e.kind() == BoardException.Kind.BLOCKED) {
                throw new InvalidInputException(field, e.getMessage());
            }
            // an unknown host today may resolve tomorrow; the run reports it
        }
    }

    private static final java.util.regex.Pattern WORKDAY_BOARD =
            java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,62}\\.wd\\d{1,3}/[A-Za-z0-9_-]{1,100}");

    private static void checkBoard(String platform, String board) {
        if ("jsonld".equals(platform)) {
            try {
                URI uri = URI.create(board);
                if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                    throw new IllegalArgumentException("not http(s)");
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("board", "must be the career page's absolute http(s) URL");
            }
        } else if ("workday".equals(platform)) {
            if (!WORKDAY_BOARD.matcher(board).matches()) {
                throw new InvalidInputException("board", "must be tenant.wdN/Site as in the careers URL "
                        + "https://tenant.wdN.myworkdayjobs.com/Site (e.g. nvidia.wd5/NVIDIAExternalCareerSite)");
            }
        } else if (!BOARD_TOKEN.matcher(board).matches()) {
            throw new InvalidInputException("board", "must be the board token as in the board's URL "
                    + "(letters, digits, '.', '_', '-'; at most 100)");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
