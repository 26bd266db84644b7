package io.atspro.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.job.JobDetails;
import io.atspro.job.JobService;
import io.atspro.posting.CatalogService;
import io.atspro.resume.ResumeService;
import io.atspro.shared.InvalidInputException;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.ResourceNotFoundException;
import io.atspro.storage.DocumentService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The caller's applications: the pipeline, its timeline, feedback. */
@ApplicationScoped
@Transactional
public class ApplicationService {

    private final ApplicationRepository applications;
    private final StatusHistoryRepository history;
    private final FeedbackRepository feedback;
    private final JobService jobs;
    private final ResumeService resumes;
    private final DocumentService documents;
    private final Event<ApplicationStatusChanged> statusChanged;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;
    private final CatalogService catalog;

    ApplicationService(ApplicationRepository applications, StatusHistoryRepository history, FeedbackRepository feedback,
                       JobService jobs, CatalogService catalog, ResumeService resumes, DocumentService documents,
                       Event<ApplicationStatusChanged> statusChanged, ObjectMapper json, Validator validator, Clock clock) {
        this.applications = applications;
        this.history = history;
        this.feedback = feedback;
        this.jobs = jobs;
        this.catalog = catalog;
        this.resumes = resumes;
        this.documents = documents;
        this.statusChanged = statusChanged;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    public ApplicationViews.ApplicationView create(String userId, ApplicationRequests.CreateApplication request) {
        String company = request.companyName();
        String title = request.jobTitle();
        String url = request.jobUrl();
        UUID jobId = request.jobId();
        if (jobId == null && request.postingId() != null) {
            jobId = catalog.trackedJobId(userId, request.postingId());
        }
        if (jobId != null) {
            JobDetails job = jobs.details(userId, jobId).orElseThrow(() -> new ResourceNotFoundException("Job"));
            company = company != null ? company : job.company();
            title = title != null ? title : job.title();
            url = url != null ? url : job.link();
        }
        if (company == null || company.isBlank()) {
            throw new InvalidInputException("company_name", "is required (or give a job_id whose job names the company)");
        }
        if (title == null || title.isBlank()) {
            throw new InvalidInputException("job_title", "is required (or give a job_id whose job has a title)");
        }
        if (request.resumeId() != null) {
            resumes.get(userId, request.resumeId());
        }
        ApplicationStatus initial = request.status() == null ? ApplicationStatus.SAVED : ApplicationStatus.of(request.status());
        Instant now = clock.instant();
        Application application = Application.start(userId, truncate(company.strip(), 255), truncate(title.strip(), 255),
                initial, json.createObjectNode(), json.createArrayNode(), now);
        if (initial == ApplicationStatus.APPLIED && request.appliedAt() != null) {
            application.appliedAt = request.appliedAt();
        }
        application.jobId = jobId;
        application.postingId = jobId == null ? null : jobs.postingOf(userId, jobId).orElse(null);
        application.jobUrl = url;
        application.resumeId = request.resumeId();
        application.notes = request.notes();
        if (request.applicationMethod() != null) {
            application.applicationMethod = request.applicationMethod();
        }
        applications.persist(application);
        history.persist(application.created("user", now));
        return ApplicationViews.of(application);
    }

    /** Moves the application; an illegal move answers 409 and changes nothing. */
    public ApplicationViews.ApplicationView move(String userId, UUID id, ApplicationRequests.StatusMove move) {
        Application application = applications.lockOwned(userId, id)
                .orElseThrow(() -> new ResourceNotFoundException("Application"));
        ApplicationStatus from = application.status();
        ApplicationStatus to = ApplicationStatus.of(move.status());
        Instant now = clock.instant();
        StatusChange change = application.moveTo(to, "user", blankToNull(move.note()), move.at(), now);
        history.persist(change);
        statusChanged.fire(new ApplicationStatusChanged(application.id, userId, application.companyName,
                application.jobTitle, from, to, "user", now));
        return ApplicationViews.of(application);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApplicationViews.TimelineEntry> timeline(String userId, UUID id) {
        owned(userId, id);
        return history.timeline(id).stream().map(ApplicationViews::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApplicationViews.ApplicationView get(String userId, UUID id) {
        return ApplicationViews.of(applications.readOwned(userId, id)
                .orElseThrow(() -> new ResourceNotFoundException("Application")));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApplicationViews.ApplicationView> search(String userId, List<String> statuses, String company,
                                                         Instant from, Instant to, String sort, boolean ascending,
                                                         PageRequest page) {
        return applications.search(userId, statuses, company == null || company.isBlank() ? null : company.trim(),
                from, to, sort, ascending, page).map(ApplicationViews::of);
    }

    /** Changes the given fields only (JSON merge patch); the status is not among them. */
    public ApplicationViews.ApplicationView patch(String userId, UUID id, ObjectNode patch) throws JsonProcessingException {
        ApplicationRequests.PatchApplication values = json.treeToValue(patch, ApplicationRequests.PatchApplication.class);
        Set<ConstraintViolation<ApplicationRequests.PatchApplication>> violations = validator.validate(values);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Application application = applications.lockOwned(userId, id)
                .orElseThrow(() -> new ResourceNotFoundException("Application"));
        for (Iterator<String> fields = patch.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            switch (field) {
                case "notes" -> application.notes = values.notes();
                case "follow_up_date" -> application.followUpDate = values.followUpDate();
                case "interview_dates" -> {
                    List<Instant> dates = new ArrayList<>(values.interviewDates() == null ? List.of() : values.interviewDates());
                    dates.sort(null);
                    application.interviewDates = dates;
                }
                case "offer_salary" -> application.offerSalary = values.offerSalary();
                case "offer_details" -> {
                    if (values.offerDetails() != null && !values.offerDetails().isObject()) {
                        throw new InvalidInputException(field, "must be an object");
                    }
                    application.offerDetails = values.offerDetails() == null ? json.createObjectNode() : values.offerDetails();
                }
                case "rejection_reason" -> application.rejectionReason = values.rejectionReason();
                case "resume_id" -> {
                    if (values.resumeId() != null) {
                        resumes.get(userId, values.resumeId());
                    }
                    application.resumeId = values.resumeId();
                }
                case "cover_letter_document_id" -> {
                    if (values.coverLetterDocumentId() != null) {
                        documents.get(userId, values.coverLetterDocumentId());
                    }
                    application.coverLetterDocumentId = values.coverLetterDocumentId();
                }
                case "status" -> throw new InvalidInputException(field, "changes through POST /applications/{id}/status");
                default -> throw new InvalidInputException(field, "is not a known field");
            }
        }
        application.updatedAt = clock.instant();
        return ApplicationViews.of(application);
    }

    public void delete(String userId, UUID id) {
        applications.delete(owned(userId, id));
    }

    public ApplicationViews.FeedbackView addFeedback(String userId, UUID id, ApplicationRequests.FeedbackRequest request) {
        owned(userId, id);
        Feedback entry = new Feedback();
        entry.id = UUID.randomUUID();
        entry.userId = userId;
        entry.applicationId = id;
        entry.feedbackType = "application";
        entry.rating = request.rating();
        entry.comments = request.comments();
        entry.createdAt = clock.instant();
        feedback.persist(entry);
        return ApplicationViews.of(entry);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApplicationViews.FeedbackView> feedback(String userId, UUID id, PageRequest page) {
        owned(userId, id);
        return feedback.pageOf(id, page).map(ApplicationViews::of);
    }

    private Application owned(String userId, UUID id) {
        return applications.findOwned(userId, id).orElseThrow(() -> new ResourceNotFoundException("Application"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
