package io.atspro.posting;

import io.atspro.embedding.EmbeddingConfig;
import io.atspro.embedding.Embedder;
import io.atspro.skill.Lexicon;
import io.atspro.task.TaskQueue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Keeps the catalog's vectors current: after a catalog write commits (and on a sweep, and on an admin's request) a
 * background task embeds the active postings that have no vector for their current content, batch by batch, and
 * trains the index when it is due. Never on a scrape's transaction; a posting the model fails on stays searchable
 * by keywords and is tried again on the next run.
 */
@ApplicationScoped
public class PostingEmbeddings {

    static final String TASK = "posting_embed";
    /** Below the users' own tasks (parses, exports: priority 0): a catalog backlog never makes a user wait. */
    static final int PRIORITY = -1;
    /** How long one task embeds before it hands over to a new task: a worker is never held for long. */
    static final Duration RUN_BUDGET = Duration.ofSeconds(20);
    /** Skills kept per posting (the vocabulary's, most named first). */
    static final int MAX_SKILLS = 40;

    private static final Logger LOG = Logger.getLogger(PostingEmbeddings.class);

    /** One run's outcome; {@code more}: it stopped at its time budget with postings still waiting. */
    public record Run(int embedded, int failed, boolean indexTrained, long millis, boolean more) {
    }

    private final DataSource dataSource;
    private final Embedder embedder;
    private final PostingVectors vectors;
    private final EmbeddingConfig config;
    private final TaskQueue tasks;
    private final Clock clock;
    private final Event<PostingVectorsChanged> vectorsChanged;
    private volatile CachedBacklog backlog;

    private record CachedBacklog(PostingVectors.Backlog value, Instant readAt) {
    }

    PostingEmbeddings(DataSource dataSource, Embedder embedder, PostingVectors vectors, EmbeddingConfig config,
            TaskQueue tasks, Clock clock, Event<PostingVectorsChanged> vectorsChanged) {
        this.dataSource = dataSource;
        this.embedder = embedder;
        this.vectors = vectors;
        this.config = config;
        this.tasks = tasks;
        this.clock = clock;
        this.vectorsChanged = vectorsChanged;
    }

    public boolean enabled() {
        return config.enabled();
    }

    void onCatalogChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged change) {
        requestRun();
    }

    /** Queues a run unless one is queued or running already; returns its task id, or null. */
    public UUID requestRun() {
        if (!config.enabled()) {
            return null;
        }
        return QuarkusTransaction.requiringNew().call(() -> tasks.submitUnlessOpen(TASK, PRIORITY));
    }

    /** The sweep: queues a run when postings wait for a vector (lost events, a pod that died mid-run). */
    public UUID sweep() {
        return backlog(true).postings() > 0 ? requestRun() : null;
    }

    /**
     * Embeds the postings that need it for up to {@link #RUN_BUDGET} (then {@code more} says a follow-up is due),
     * then trains the index if due.
     */
    public Run run() throws SQLException {
        long started = System.nanoTime();
        int embedded = 0;
        boolean more = false;
        Set<UUID> failed = new HashSet<>();
        while (true) {
            if (System.nanoTime() - started > RUN_BUDGET.toNanos()) {
                more = true;
                break;
            }
            List<UUID> ids;
            try (Connection c = dataSource.getConnection()) {
                ids = vectors.pending(c, config.batchSize() + failed.size());
            }
            ids.removeAll(failed);
            if (ids.isEmpty()) {
                break;
            }
            List<UUID> batch = ids.subList(0, Math.min(ids.size(), config.batchSize()));
            embedded += embedBatch(batch, failed);
        }
        boolean trained;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                trained = vectors.trainIfDue(c, 42, clock.instant());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        if (trained) {
            // the relabelling rewrote every row: vacuum now so the lists are read index-only again at once
            try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
                st.execute("VACUUM (ANALYZE) posting_embeddings");
            }
        }
        backlog = null;
        if (embedded > 0 || trained) {
            vectorsChanged.fire(new PostingVectorsChanged(embedded));
        }
        Run run = new Run(embedded, failed.size(), trained, (System.nanoTime() - started) / 1_000_000, more);
        if (embedded > 0 || !failed.isEmpty()) {
            LOG.infof("Embedded %d postings in %d ms (%d failed, index trained: %s)", run.embedded(), run.millis(),
                    run.failed(), run.indexTrained());
        }
        if (more) {
            // this task is still running, so a plain submit: the follow-up picks up where this one stopped
            QuarkusTransaction.requiringNew().run(() -> tasks.submit(null, TASK, null, PRIORITY));
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException(failed.size() + " postings could not be embedded; they are tried again");
        }
        return run;
    }

    /** One batch in one go; when the model fails on it, posting by posting, so one bad posting holds up no other. */
    private int embedBatch(List<UUID> ids, Set<UUID> failed) throws SQLException {
        List<PostingVectors.Source> sources;
        try (Connection c = dataSource.getConnection()) {
            sources = vectors.sources(c, ids);
        }
        try {
            store(embed(sources));
            return sources.size();
        } catch (LinkageError e) {
            throw new IllegalStateException("The embedding model cannot run here: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            LOG.warnf("Embedding a batch of %d postings failed (%s); trying them one by one", sources.size(),
                    e.getMessage());
        }
        int done = 0;
        for (PostingVectors.Source source : sources) {
            try {
                store(embed(List.of(source)));
                done++;
            } catch (RuntimeException e) {
                failed.add(source.postingId());
                LOG.warnf("Posting %s could not be embedded: %s", source.postingId(), e.getMessage());
            }
        }
        // ids that no longer exist or turned inactive meanwhile are not pending any more
        return done;
    }

    private List<PostingVectors.Embedded> embed(List<PostingVectors.Source> sources) {
        List<Embedder.Document> documents = new ArrayList<>();
        List<List<String>> skills = new ArrayList<>();
        for (PostingVectors.Source s : sources) {
            List<String> named = skills(s);
            skills.add(named);
            documents.add(document(s, named));
        }
        List<float[]> embedded = embedder.embedAll(documents);
        List<PostingVectors.Embedded> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            PostingVectors.Source s = sources.get(i);
            out.add(new PostingVectors.Embedded(s.postingId(), s.contentHash(), embedded.get(i), skills.get(i)));
        }
        return out;
    }

    /** The vocabulary's skills a posting names, most named first. */
    public static List<String> skills(PostingVectors.Source s) {
        return Lexicon.standard().skillsIn(s.title() + "\n" + body(s), MAX_SKILLS);
    }

    /** What a posting is embedded as: title, company and skills first, then its description and requirements. */
    public static Embedder.Document document(PostingVectors.Source s, List<String> skills) {
        return new Embedder.Document(head(s.title(), s.companyName(), skills), body(s));
    }

    private static String body(PostingVectors.Source s) {
        return s.requirements() == null ? s.description() : s.description() + "\n" + s.requirements();
    }

    /** The head a posting's text starts with: its title, its company and the skills it names. */
    static String head(String title, String company, List<String> skills) {
        StringBuilder head = new StringBuilder(title == null ? "" : title);
        if (company != null && !company.isBlank()) {
            head.append(" at ").append(company);
        }
        head.append('.');
        if (!skills.isEmpty()) {
            head.append(" Skills: ").append(String.join(", ", skills.subList(0, Math.min(12, skills.size()))))
                    .append('.');
        }
        return head.toString();
    }

    private void store(List<PostingVectors.Embedded> rows) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                vectors.store(c, rows, clock.instant());
            } catch (SQLException e) {
                throw new IllegalStateException("Could not store posting vectors: " + e.getMessage(), e);
            }
        });
    }

    /** How far behind the vectors are; read at most once a minute unless {@code fresh}. */
    public PostingVectors.Backlog backlog(boolean fresh) {
        CachedBacklog cached = backlog;
        Instant now = clock.instant();
        if (!fresh && cached != null && Duration.between(cached.readAt(), now).toSeconds() < 60) {
            return cached.value();
        }
        try (Connection c = dataSource.getConnection()) {
            PostingVectors.Backlog value = vectors.backlog(c);
            backlog = new CachedBacklog(value, now);
            return value;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the embedding backlog: " + e.getMessage(), e);
        }
    }

    /** The vector of a search query (one short text). */
    public float[] embedQuery(String q) {
        return embedder.embed(q);
    }
}
