package io.atspro.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.embedding.EmbeddingConfig;
import io.atspro.embedding.Embedder;
import io.atspro.embedding.Vectors;
import io.atspro.identity.UsageService;
import io.atspro.job.JobDetails;
import io.atspro.job.JobService;
import io.atspro.posting.CatalogService;
import io.atspro.resume.ResumeData;
import io.atspro.resume.ResumeService;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** ATS match scores of the caller's resumes against their jobs, stored as {@code optimization_results}. */
@ApplicationScoped
@Transactional
public class MatchService {

    private static final Logger LOG = Logger.getLogger(MatchService.class);

    private final OptimizationResultRepository results;
    private final ResumeService resumes;
    private final JobService jobs;
    private final CatalogService catalog;
    private final UsageService usage;
    private final ObjectMapper json;
    private final Clock clock;
    private final AtsScorer scorer = new AtsScorer();
    private final Embedder embedder;
    private final EmbeddingConfig embeddingConfig;

    MatchService(OptimizationResultRepository results, ResumeService resumes, JobService jobs, CatalogService catalog,
                 UsageService usage, ObjectMapper json, Clock clock, Embedder embedder,
                 EmbeddingConfig embeddingConfig) {
        this.embedder = embedder;
        this.embeddingConfig = embeddingConfig;
        this.catalog = catalog;
        this.results = results;
        this.resumes = resumes;
        this.jobs = jobs;
        this.usage = usage;
        this.json = json;
        this.clock = clock;
    }

    /** Scores without storing: for the generators, which need the match of what they write about. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MatchResult score(ResumeData resume, JobDetails job) {
        return scorer.score(resume, job);
    }

    /** Scores a resume against a catalog posting, tracking the posting as one of the user's jobs (in one go). */
    public MatchView matchPosting(String userId, UUID resumeId, UUID postingId) {
        resumes.resumeData(userId, resumeId);
        return match(userId, resumeId, catalog.trackedJobId(userId, postingId));
    }

    public MatchView match(String userId, UUID resumeId, UUID jobId) {
        ResumeData resume = resumes.resumeData(userId, resumeId);
        JobDetails job = jobs.details(userId, jobId).orElseThrow(() -> new ResourceNotFoundException("Job"));
        usage.consume(userId, UsageService.Quota.MATCH_SCORES);
        OptimizationResult result = new OptimizationResult();
        result.id = UUID.randomUUID();
        result.userId = userId;
        result.resumeId = resumeId;
        result.jobId = jobId;
        result.resultType = "score";
        result.resultData = json.valueToTree(scorer.score(resume, job)
                .withSemanticSimilarity(semanticSimilarity(resume, job)));
        result.createdAt = clock.instant();
        results.persist(result);
        return MatchView.of(result);
    }

    /**
     * The cosine of the resume's and the job's vectors (rounded to three places), or null when the model is off or
     * fails: the keyword score stands on its own.
     */
    Double semanticSimilarity(ResumeData resume, JobDetails job) {
        if (!embeddingConfig.enabled()) {
            return null;
        }
        try {
            List<float[]> v = embedder.embedAll(List.of(MatchTexts.resume(resume), MatchTexts.job(job)));
            return Math.round(Vectors.dot(v.get(0), v.get(1)) * 1000) / 1000.0;
        } catch (RuntimeException | LinkageError e) {
            LOG.warnf("Semantic similarity not computed: %s", e.getMessage());
            return null;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MatchView> list(String userId, UUID resumeId, UUID jobId, PageRequest page) {
        return results.pageOwned(userId, resumeId, jobId, page).map(MatchView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MatchView get(String userId, UUID id) {
        return MatchView.of(results.findOwned(userId, id).orElseThrow(() -> new ResourceNotFoundException("Match")));
    }
}
