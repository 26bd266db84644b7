package io.atspro.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.shared.ConflictException;
import io.atspro.shared.InvalidInputException;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.ResourceNotFoundException;
import io.atspro.storage.DocumentService;
import io.atspro.storage.DocumentView;
import io.atspro.task.TaskQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The caller's tracked jobs. Jobs from a URL or a document are read by the {@code job_fetch} task. */
@ApplicationScoped
@Transactional
public class JobService {

    static final String FETCH_TASK = "job_fetch";

    private final JobRepository jobs;
    private final TaskQueue tasks;
    private final DocumentService documents;
    private final ObjectMapper json;
    private final Clock clock;

    JobService(JobRepository jobs, TaskQueue tasks, DocumentService documents, ObjectMapper json, Clock clock) {
        this.jobs = jobs;
        this.tasks = tasks;
        this.documents = documents;
        this.json = json;
        this.clock = clock;
    }

    public JobView create(String userId, JobRequests.CreateJob request) {
        int sources = (request.parsedData() != null ? 1 : 0) + (request.url() != null ? 1 : 0)
                + (request.documentId() != null ? 1 : 0) + (request.postingId() != null ? 1 : 0);
        if (sources != 1) {
            throw new InvalidInputException("parsed_data", "give exactly one of parsed_data, url, document_id, posting_id");
        }
        Job job;
        if (request.parsedData() != null) {
            requireTitle(request.parsedData());
            job = Job.create(userId, "manual", Job.COMPLETED, tree(request.parsedData()), clock.instant());
        } else if (request.url() != null) {
            job = Job.create(userId, "url", Job.PENDING, json.createObjectNode(), clock.instant());
            job.sourceUrl = checkedUrl(request.url());
        } else if (request.documentId() != null) {
            DocumentView document = documents.get(userId, request.documentId());
            job = Job.create(userId, "document", Job.PENDING, json.createObjectNode(), clock.instant());
            job.documentId = document.id();
            job.sourceFilename = document.filename();
        } else {
            throw new InvalidInputException("posting_id", "saving catalog postings arrives with the catalog");
        }
        job.notes = request.notes();
        jobs.persist(job);
        jobs.flush();
        if (Job.PENDING.equals(job.status)) {
            job.taskId = tasks.submit(userId, FETCH_TASK, json.createObjectNode().put("job_id", job.id.toString()));
        }
        return JobView.of(job);
    }

    /** Saves a catalog posting as a tracked job (seed 004 saved_jobs); saving it twice is a conflict. */
    public JobView saveFromCatalog(String userId, UUID postingId, JobDetails details) {
        if (jobs.postingSaved(userId, postingId)) {
            throw new ConflictException("You already track this posting");
        }
        Job job = Job.create(userId, "catalog", Job.COMPLETED, tree(details), clock.instant());
        job.postingId = postingId;
        job.sourceUrl = details.link();
        jobs.persist(job);
        return JobView.of(job);
    }

    /** The user's tracked job of a catalog posting, if they track it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> jobOfPosting(String userId, UUID postingId) {
        return jobs.ofPosting(userId, postingId).map(job -> job.id);
    }

    /** The catalog postings the user tracks as jobs. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Set<UUID> trackedPostings(String userId) {
        return jobs.trackedPostings(userId);
    }

    /** The catalog posting a tracked job was saved from, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> postingOf(String userId, UUID jobId) {
        return jobs.findOwned(userId, jobId).map(job -> job.postingId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<JobView> search(String userId, String status, String company, String text, PageRequest page) {
        return jobs.search(userId, status, blankToNull(company), blankToNull(text), page).map(JobView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public JobView get(String userId, UUID id) {
        return JobView.of(owned(userId, id));
    }

    /** The job's details, for applications, matching and generation. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<JobDetails> details(String userId, UUID id) {
        return jobs.findOwned(userId, id).map(job -> {
            try {
                return json.treeToValue(job.parsedData, JobDetails.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored job " + id + " has unreadable parsed_data", e);
            }
        });
    }

    public JobView patch(String userId, UUID id, JobRequests.PatchJob patch) {
        Job job = jobs.lockOwned(userId, id).orElseThrow(() -> new ResourceNotFoundException("Job"));
        if (patch.parsedData() != null) {
            if (Job.PENDING.equals(job.status) || Job.PROCESSING.equals(job.status)) {
                throw new ConflictException("The job is still being read; edit it once it is " + Job.COMPLETED);
            }
            requireTitle(patch.parsedData());
            job.completed(tree(patch.parsedData()), clock.instant());
        }
        if (patch.notes() != null) {
            job.notes = patch.notes();
        }
        job.updatedAt = clock.instant();
        return JobView.of(job);
    }

    public void delete(String userId, UUID id) {
        jobs.delete(owned(userId, id));
    }

    // --- steps of the fetch task

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<Job> beginFetch(String userId, UUID id) {
        return jobs.lockOwned(userId, id).filter(job -> job.startProcessing(clock.instant()));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void finishFetch(String userId, UUID id, JobDetails details) {
        jobs.lockOwned(userId, id).filter(job -> Job.PROCESSING.equals(job.status))
                .ifPresent(job -> job.completed(tree(details), clock.instant()));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void failFetch(String userId, UUID id, String reason) {
        jobs.lockOwned(userId, id).filter(job -> Job.PROCESSING.equals(job.status) || Job.PENDING.equals(job.status))
                .ifPresent(job -> job.failed(reason, clock.instant()));
    }

    private JsonNode tree(JobDetails details) {
        return json.valueToTree(details);
    }

    private Job owned(String userId, UUID id) {
        return jobs.findOwned(userId, id).orElseThrow(() -> new ResourceNotFoundException("Job"));
    }

    private static void requireTitle(JobDetails details) {
        if (details.title() == null || details.title().isBlank()) {
            throw new InvalidInputException("parsed_data.title", "is required");
        }
    }

    private static String checkedUrl(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidInputException("url", "must be an http(s) URL");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "must be an http(s) URL");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
