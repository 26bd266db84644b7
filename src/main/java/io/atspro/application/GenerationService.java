package io.atspro.application;

import io.atspro.application.generation.BuiltInGenerator;
import io.atspro.application.generation.ContentGenerator;
import io.atspro.application.generation.ContentType;
import io.atspro.application.generation.GeneratedText;
import io.atspro.application.generation.GenerationException;
import io.atspro.application.generation.GenerationRequest;
import io.atspro.application.generation.OpenAiCompatibleGenerator;
import io.atspro.identity.UsageService;
import io.atspro.job.JobDetails;
import io.atspro.job.JobService;
import io.atspro.matching.MatchService;
import io.atspro.resume.ResumeData;
import io.atspro.resume.ResumeService;
import io.atspro.shared.InvalidInputException;
import io.atspro.shared.OpenAiConfig;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.ResourceNotFoundException;
import io.atspro.shared.ServiceUnavailableException;
import io.atspro.shared.UpstreamFailureException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Cover letters, follow-up emails and tailored resumes for a resume × job or application. The quota is
 * taken before the (possibly slow, possibly paid) generation and given back when it fails; no database
 * transaction is open while the writing service works.
 */
@ApplicationScoped
public class GenerationService {

    private final GeneratedContentRepository contents;
    private final ApplicationRepository applications;
    private final ResumeService resumes;
    private final JobService jobs;
    private final MatchService matches;
    private final UsageService usage;
    private final ContentGenerator generator;
    private final ObjectMapper json;
    private final Clock clock;

    GenerationService(GeneratedContentRepository contents, ApplicationRepository applications, ResumeService resumes,
                      JobService jobs, MatchService matches, UsageService usage, GenerationConfig config,
                      OpenAiConfig openai, ObjectMapper json, Clock clock) {
        this.contents = contents;
        this.applications = applications;
        this.resumes = resumes;
        this.jobs = jobs;
        this.matches = matches;
        this.usage = usage;
        this.json = json;
        this.clock = clock;
        this.generator = switch (config.provider()) {
            case "openai" -> new OpenAiCompatibleGenerator(openai.settings(openai.maxTokens()));
            case "builtin" -> new BuiltInGenerator();
            default -> throw new IllegalStateException("atspro.generation.provider must be builtin or openai, not "
                    + config.provider());
        };
    }

    public record Generate(ContentType type, UUID resumeId, UUID jobId, UUID applicationId, String note) {
    }

    public GenerationViews.ContentView generate(String userId, Generate request) {
        ResumeData resume = resumes.resumeData(userId, request.resumeId());
        Application application = request.applicationId() == null ? null
                : applications.findOwned(userId, request.applicationId())
                .orElseThrow(() -> new ResourceNotFoundException("Application"));
        UUID jobId = request.jobId() != null ? request.jobId() : application != null ? application.jobId : null;
        JobDetails job;
        if (jobId != null) {
            job = jobs.details(userId, jobId).orElseThrow(() -> new ResourceNotFoundException("Job"));
        } else if (application != null) {
            job = new JobDetails(application.companyName, application.jobTitle, null, null, List.of(), List.of(),
                    List.of(), List.of(), List.of(), application.jobUrl);
        } else {
            throw new InvalidInputException("job_id", "give a job_id or an application_id");
        }
        QuarkusTransaction.requiringNew().run(() -> usage.consume(userId, UsageService.Quota.AI_GENERATIONS));
        GeneratedText text;
        try {
            text = generator.generate(new GenerationRequest(request.type(), resume, job, matches.score(resume, job),
                    request.note(), application == null ? null : application.status().code(),
                    application == null || application.appliedAt == null ? null
                            : LocalDate.ofInstant(application.appliedAt, ZoneOffset.UTC)));
        } catch (GenerationException e) {
            usage.refund(userId, UsageService.Quota.AI_GENERATIONS);
            throw e.retryable() ? new ServiceUnavailableException(e.getMessage(), e) : new UpstreamFailureException(e.getMessage(), e);
        } catch (RuntimeException e) {
            usage.refund(userId, UsageService.Quota.AI_GENERATIONS);
            throw e;
        }
        UUID finalJobId = jobId;
        return QuarkusTransaction.requiringNew().call(() -> {
            GeneratedContent content = new GeneratedContent();
            content.id = UUID.randomUUID();
            content.userId = userId;
            content.applicationId = request.applicationId();
            content.jobId = finalJobId;
            content.resumeId = request.resumeId();
            content.contentType = request.type().code();
            content.contentText = text.content();
            content.generationPrompt = text.prompt();
            content.modelUsed = text.modelUsed();
            content.tokensUsed = text.tokensUsed();
            content.metadata = json.createObjectNode().put("note", request.note());
            content.createdAt = clock.instant();
            content.updatedAt = content.createdAt;
            contents.persist(content);
            return GenerationViews.of(content);
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<GenerationViews.ContentView> list(String userId, String type, UUID applicationId, UUID jobId,
                                                  PageRequest page) {
        return contents.pageOwned(userId, type, applicationId, jobId, page).map(GenerationViews::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GenerationViews.ContentView get(String userId, UUID id) {
        return GenerationViews.of(owned(userId, id));
    }

    @Transactional
    public GenerationViews.ContentView edit(String userId, UUID id, String text) {
        GeneratedContent content = owned(userId, id);
        content.edit(text, clock.instant());
        return GenerationViews.of(content);
    }

    @Transactional
    public GenerationViews.ContentView approve(String userId, UUID id) {
        GeneratedContent content = owned(userId, id);
        content.approve(clock.instant());
        return GenerationViews.of(content);
    }

    @Transactional
    public void delete(String userId, UUID id) {
        contents.delete(owned(userId, id));
    }

    private GeneratedContent owned(String userId, UUID id) {
        return contents.findOwned(userId, id).orElseThrow(() -> new ResourceNotFoundException("Generated content"));
    }
}
