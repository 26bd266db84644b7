package io.atspro.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.UUID;

/** ATS match scores of the caller's resumes against their jobs, stored as {@code optimization_results}. */
@ApplicationScoped
@Transactional
public class MatchService {

    private final OptimizationResultRepository results;
    private final ResumeService resumes;
    private final JobService jobs;
    private final CatalogService catalog;
    private final UsageService usage;
    private final ObjectMapper json;
    private final Clock clock;
    private final AtsScorer scorer = new AtsScorer();

    MatchService(OptimizationResultRepository results, ResumeService resumes, JobService jobs, CatalogService catalog,
                 UsageService usage, ObjectMapper json, Clock clock) {
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
        result.resultData = json.valueToTree(scorer.score(resume, job));
        result.createdAt = clock.instant();
        results.persist(result);
        return MatchView.of(result);
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
