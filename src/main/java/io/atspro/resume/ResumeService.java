package io.atspro.resume;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atspro.identity.ProfileService;
import io.atspro.shared.InvalidInputException;
import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import io.atspro.shared.ResourceNotFoundException;
import io.atspro.storage.DocumentService;
import io.atspro.storage.DocumentView;
import io.atspro.storage.StoredFile;
import io.atspro.task.TaskQueue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The caller's resumes: uploads parsed in the background, manual ones, edits, the active one, import/export. */
@ApplicationScoped
public class ResumeService {

    static final String PARSE_TASK = "resume_parse";

    private final ResumeRepository resumes;
    private final DocumentService documents;
    private final TaskQueue tasks;
    private final ProfileService profiles;
    private final JsonResumeMapper jsonResume;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;
    private final jakarta.enterprise.event.Event<ResumeChanged> changed;

    ResumeService(ResumeRepository resumes, DocumentService documents, TaskQueue tasks, ProfileService profiles,
                  ObjectMapper json, Validator validator, Clock clock,
                  jakarta.enterprise.event.Event<ResumeChanged> changed) {
        this.changed = changed;
        this.resumes = resumes;
        this.documents = documents;
        this.tasks = tasks;
        this.profiles = profiles;
        this.jsonResume = new JsonResumeMapper(json);
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    /** Stores the file, then creates the pending resume, its document row and its parse task in one transaction. */
    public ResumeView upload(String userId, Path file, String filename, String title) {
        StoredFile stored = documents.store(userId, file, filename);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Resume resume = Resume.uploaded(userId, title != null ? title : titleOf(stored.filename()),
                        json.createObjectNode(), null, clock.instant());
                resumes.persist(resume);
                resumes.flush();
                DocumentView document = documents.register(userId, stored, "resume", resume.id);
                ObjectNode metadata = json.createObjectNode()
                        .put("document_id", document.id().toString())
                        .put("filename", stored.filename())
                        .put("content_type", stored.type().mediaType())
                        .put("size_bytes", stored.sizeBytes())
                        .put("sha256", stored.sha256());
                resume.fileMetadata = metadata;
                resume.taskId = tasks.submit(userId, PARSE_TASK, json.createObjectNode().put("resume_id", resume.id.toString()));
                return ResumeView.of(resume);
            });
        } catch (RuntimeException e) {
            documents.discard(stored);
            throw e;
        }
    }

    @Transactional
    public ResumeView createManual(String userId, ResumeRequests.ManualResume request) {
        Resume resume = Resume.written(userId, "manual", request.title(), tree(request.resumeData()), clock.instant());
        resumes.persist(resume);
        changed.fire(new ResumeChanged(userId));
        return ResumeView.of(resume);
    }

    /** Imports a JSON Resume (jsonresume.org) document. */
    @Transactional
    public ResumeView importJsonResume(String userId, JsonNode document, String title) {
        ResumeData data;
        try {
            data = jsonResume.fromJsonResume(document);
        } catch (JsonResumeFormatException e) {
            throw new InvalidInputException(e.field(), e.getMessage());
        }
        if (data.equals(new ResumeData(null, null, null, null, null, null))) {
            // {} or a document of other sections only (projects, awards, ...): most likely the wrong file
            throw new InvalidInputException("", "has none of basics, work, education, certificates or skills to import");
        }
        validate(data);
        String name = title != null ? title : data.contactInfo().fullName();
        Resume resume = Resume.written(userId, "import", name, tree(data), clock.instant());
        resumes.persist(resume);
        changed.fire(new ResumeChanged(userId));
        return ResumeView.of(resume);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ResumeView> list(String userId, String status, PageRequest page) {
        return resumes.pageOwned(userId, status, page).map(ResumeView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ResumeView get(String userId, UUID id) {
        return ResumeView.of(owned(userId, id));
    }

    /** {@code PATCH}: {@code title} and/or the whole {@code resume_data}; every edit bumps the version. */
    @Transactional
    public ResumeView edit(String userId, UUID id, ObjectNode patch) throws JsonProcessingException {
        for (Iterator<String> fields = patch.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!field.equals("title") && !field.equals("resume_data")) {
                throw new InvalidInputException(field, "is not a known field");
            }
        }
        JsonNode title = patch.get("title");
        if (title != null && !title.isNull() && (!title.isTextual() || title.asText().length() > 255)) {
            throw new InvalidInputException("title", "must be a string of at most 255 characters");
        }
        JsonNode data = null;
        if (patch.has("resume_data")) {
            if (!patch.get("resume_data").isObject()) {
                throw new InvalidInputException("resume_data", "must be an object");
            }
            ResumeData parsed = json.treeToValue(patch.get("resume_data"), ResumeData.class);
            validate(parsed);
            data = tree(parsed);
        }
        Resume resume = resumes.lockOwned(userId, id).orElseThrow(() -> new ResourceNotFoundException("Resume"));
        resume.edit(title == null || title.isNull() ? null : title.asText(), title != null, data, clock.instant());
        if (data != null) {
            changed.fire(new ResumeChanged(userId));
        }
        return ResumeView.of(resume);
    }

    /** Makes the resume the user's one active resume. */
    @Transactional
    public ResumeView activate(String userId, UUID id) {
        Resume resume = resumes.lockOwned(userId, id).orElseThrow(() -> new ResourceNotFoundException("Resume"));
        resumes.deactivateOthers(userId, id);
        resume.activate(true, clock.instant());
        profiles.setActiveResume(userId, id);
        changed.fire(new ResumeChanged(userId));
        return ResumeView.of(resume);
    }

    /** Deletes the resume and its files (the objects once the rows are gone). */
    public void delete(String userId, UUID id) {
        List<String> keys = QuarkusTransaction.requiringNew().call(() -> {
            Resume resume = owned(userId, id);
            if (resume.isActive) {
                profiles.setActiveResume(userId, null);
            }
            List<String> fileKeys = documents.deleteRowsOfResume(userId, id);
            resumes.delete(resume);
            changed.fire(new ResumeChanged(userId));
            return fileKeys;
        });
        documents.deleteObjects(keys);
    }

    /** The structured resume, for matching and generation. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResumeData resumeData(String userId, UUID id) {
        try {
            return data(owned(userId, id));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored resume " + id + " has unreadable resume_data", e);
        }
    }

    /**
     * The resume that speaks for the user (recommendations): the active one, else the most recently changed one
     * that was parsed or written; empty when there is none.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ResumeData> currentResume(String userId) {
        Optional<Resume> resume = resumes.current(userId);
        try {
            return resume.isEmpty() ? Optional.empty() : Optional.of(data(resume.get()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored resume of " + userId + " has unreadable resume_data", e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public JsonNode exportJsonResume(String userId, UUID id) throws JsonProcessingException {
        return jsonResume.toJsonResume(data(owned(userId, id)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String exportMarkdown(String userId, UUID id) throws JsonProcessingException {
        return new MarkdownResumeWriter().write(data(owned(userId, id)));
    }

    // --- the parse task's steps, each its own transaction

    /** Marks the resume as being parsed; empty when there is nothing to do (a rerun after it finished). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    Optional<UUID> beginParse(String userId, UUID id) {
        Optional<Resume> found = resumes.lockOwned(userId, id);
        if (found.isEmpty() || !found.get().startParsing(clock.instant())) {
            return Optional.empty();
        }
        JsonNode documentId = found.get().fileMetadata == null ? null : found.get().fileMetadata.get("document_id");
        if (documentId == null) {
            found.get().failed("The resume has no file to read", clock.instant());
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(documentId.asText()));
    }

    /**
     * Stores the parse and its warnings; one that found almost nothing says so
     * ({@link ParsedResume#flaggedWhenAlmostEmpty}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void finishParse(String userId, UUID id, ParsedResume parse) {
        ParsedResume stored = parse.flaggedWhenAlmostEmpty();
        resumes.lockOwned(userId, id).ifPresent(resume -> {
            if (Resume.PARSING.equals(resume.status)) {
                resume.parsed(tree(stored.data()), stored.warnings(), clock.instant());
                changed.fire(new ResumeChanged(userId));
            }
        });
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void failParse(String userId, UUID id, String message) {
        resumes.lockOwned(userId, id).ifPresent(resume -> {
            if (Resume.PARSING.equals(resume.status) || Resume.PENDING.equals(resume.status)) {
                resume.failed(message, clock.instant());
            }
        });
    }

    ResumeData readResumeJson(String text) throws JsonProcessingException {
        JsonNode root = json.readTree(text);
        if (root != null && root.has("basics")) {
            return jsonResume.fromJsonResume(root);
        }
        return json.treeToValue(root, ResumeData.class);
    }

    private void validate(ResumeData data) {
        Set<ConstraintViolation<ResumeData>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    private ResumeData data(Resume resume) throws JsonProcessingException {
        return json.treeToValue(resume.resumeData, ResumeData.class);
    }

    private JsonNode tree(ResumeData data) {
        return json.valueToTree(data);
    }

    private Resume owned(String userId, UUID id) {
        return resumes.findOwned(userId, id).orElseThrow(() -> new ResourceNotFoundException("Resume"));
    }

    private static String titleOf(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot > 0 ? filename.substring(0, dot) : filename;
    }
}
