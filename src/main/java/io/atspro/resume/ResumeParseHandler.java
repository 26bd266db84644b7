package io.atspro.resume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.shared.ResourceNotFoundException;
import io.atspro.storage.DocumentService;
import io.atspro.storage.FileType;
import io.atspro.task.PermanentTaskFailure;
import io.atspro.task.TaskContext;
import io.atspro.task.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code resume_parse} task: reads the uploaded file from S3, extracts its text and parses it into
 * {@code resume_data} with the configured {@link ResumeTextParser}; the warnings of reading the file come first in
 * {@code parse_warnings}, then the parser's. Idempotent: a rerun after the resume left {@code parsing} does nothing.
 */
@ApplicationScoped
class ResumeParseHandler implements TaskHandler {

    /** Shown when only the beginning of a very long file was read. */
    static final String TRUNCATED = "The file is very long and only its beginning was read: check that nothing is "
            + "missing at the end.";

    private final ResumeService resumes;
    private final DocumentService documents;
    private final ResumeTextParser parser;
    private final ObjectMapper json;
    private final ResumeTextExtractor extractor = new ResumeTextExtractor();

    ResumeParseHandler(ResumeService resumes, DocumentService documents, ResumeTextParser parser, ObjectMapper json) {
        this.resumes = resumes;
        this.documents = documents;
        this.parser = parser;
        this.json = json;
    }

    @Override
    public String type() {
        return ResumeService.PARSE_TASK;
    }

    @Override
    public JsonNode handle(TaskContext context) throws Exception {
        String userId = context.userId();
        UUID resumeId = UUID.fromString(context.payload().path("resume_id").asText());
        Optional<UUID> documentId = resumes.beginParse(userId, resumeId);
        if (documentId.isEmpty()) {
            return json.createObjectNode().put("skipped", true);
        }
        try {
            context.progress(10);
            FileType type = documents.typeOf(userId, documentId.get());
            ExtractedText text;
            try (InputStream in = documents.open(userId, documentId.get())) {
                text = extractor.extract(in, formatOf(type));
            }
            context.progress(60);
            ParsedResume parse = type == FileType.JSON
                    ? new ParsedResume(resumes.readResumeJson(text.text()), List.of())
                    : parser.parse(userId, text);
            parse = parse.withWarningsFirst(readingWarnings(text));
            resumes.finishParse(userId, resumeId, parse);
            ResumeData data = parse.data();
            return json.createObjectNode()
                    .put("jobs", data.workExperience().size())
                    .put("schools", data.education().size())
                    .put("skills", data.skills().size());
        } catch (ResumeExtractionException e) {
            resumes.failParse(userId, resumeId, e.getMessage());
            throw new PermanentTaskFailure(e.getMessage(), e);
        } catch (ResourceNotFoundException e) {
            resumes.failParse(userId, resumeId, "The resume's file is gone");
            throw new PermanentTaskFailure("The resume's file is gone", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            String message = "The JSON file is not a resume: " + e.getMessage();
            resumes.failParse(userId, resumeId, message.length() > 500 ? message.substring(0, 500) : message);
            throw new PermanentTaskFailure("The JSON file is not a resume", e);
        } catch (RuntimeException e) {
            if (context.lastAttempt()) {
                resumes.failParse(userId, resumeId, "The resume could not be read; upload it again later");
            }
            throw e;
        }
    }

    private static List<String> readingWarnings(ExtractedText text) {
        List<String> warnings = new ArrayList<>(text.warnings());
        if (text.truncated()) {
            warnings.add(TRUNCATED);
        }
        return warnings;
    }

    private static DocumentFormat formatOf(FileType type) {
        return switch (type) {
            case PDF -> DocumentFormat.PDF;
            case DOCX -> DocumentFormat.DOCX;
            case TXT -> DocumentFormat.TXT;
            case MARKDOWN -> DocumentFormat.MARKDOWN;
            case JSON -> DocumentFormat.JSON;
        };
    }
}
