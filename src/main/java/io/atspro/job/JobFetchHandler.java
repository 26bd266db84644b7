package io.atspro.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.resume.DocumentFormat;
import io.atspro.resume.ResumeExtractionException;
import io.atspro.resume.ResumeTextExtractor;
import io.atspro.shared.ResourceNotFoundException;
import io.atspro.storage.DocumentService;
import io.atspro.storage.FileType;
import io.atspro.task.PermanentTaskFailure;
import io.atspro.task.TaskContext;
import io.atspro.task.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code job_fetch} task: fetches a job's page safely (or reads its uploaded document) and fills
 * {@code parsed_data}; a page that cannot be fetched or read marks the job {@code failed} with the reason.
 */
@ApplicationScoped
class JobFetchHandler implements TaskHandler {

    private final JobService jobs;
    private final DocumentService documents;
    private final ObjectMapper json;
    private final SafeHttpFetcher fetcher;
    private final JobPostingExtractor extractor = new JobPostingExtractor();

    JobFetchHandler(JobService jobs, DocumentService documents, ObjectMapper json, JobConfig config) {
        this.jobs = jobs;
        this.documents = documents;
        this.json = json;
        this.fetcher = new SafeHttpFetcher(new FetchPolicy(config.allowPrivateNetworks(), config.connectTimeout(),
                config.readTimeout(), config.maxBodyBytes(), config.maxRedirects()));
    }

    @Override
    public String type() {
        return JobService.FETCH_TASK;
    }

    @Override
    public JsonNode handle(TaskContext context) throws Exception {
        String userId = context.userId();
        UUID jobId = UUID.fromString(context.payload().path("job_id").asText());
        Optional<Job> job = jobs.beginFetch(userId, jobId);
        if (job.isEmpty()) {
            return json.createObjectNode().put("skipped", true);
        }
        try {
            JobDetails details = job.get().documentId != null
                    ? fromDocument(userId, job.get().documentId)
                    : fromUrl(job.get().sourceUrl);
            jobs.finishFetch(userId, jobId, details);
            return json.createObjectNode().put("title", details.title()).put("company", details.company());
        } catch (FetchException e) {
            if (e.isTransient() && !context.lastAttempt()) {
                throw new IllegalStateException(e.reason(), e); // a timeout or a 5xx: retried with backoff
            }
            jobs.failFetch(userId, jobId, e.reason());
            throw new PermanentTaskFailure(e.reason(), e);
        } catch (JobExtractionException e) {
            jobs.failFetch(userId, jobId, e.getMessage());
            throw new PermanentTaskFailure(e.getMessage(), e);
        } catch (ResumeExtractionException | ResourceNotFoundException | IllegalArgumentException e) {
            String reason = "The job could not be read: " + e.getMessage();
            jobs.failFetch(userId, jobId, reason);
            throw new PermanentTaskFailure(reason, e);
        } catch (RuntimeException e) {
            if (context.lastAttempt()) {
                jobs.failFetch(userId, jobId, "The job could not be read; try again later");
            }
            throw e;
        }
    }

    private JobDetails fromUrl(String url) throws FetchException {
        FetchedPage page = fetcher.fetch(URI.create(url));
        return extractor.extract(page.body(), page.finalUrl());
    }

    private JobDetails fromDocument(String userId, UUID documentId) throws Exception {
        FileType type = documents.typeOf(userId, documentId);
        String text;
        try (InputStream in = documents.open(userId, documentId)) {
            text = new ResumeTextExtractor().extract(in, switch (type) {
                case PDF -> DocumentFormat.PDF;
                case DOCX -> DocumentFormat.DOCX;
                case MARKDOWN -> DocumentFormat.MARKDOWN;
                case JSON -> DocumentFormat.JSON;
                case TXT -> DocumentFormat.TXT;
            }).text();
        }
        return extractor.extract(asHtml(text), null);
    }

    /** A document's text as simple HTML: its first line the title, short lines headings, dashes bullets. */
    static String asHtml(String text) {
        StringBuilder html = new StringBuilder("<html><body>");
        boolean first = true;
        boolean inList = false;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            boolean bullet = line.startsWith("- ") || line.startsWith("* ") || line.startsWith("\u2022");
            if (inList && !bullet) {
                html.append("</ul>");
                inList = false;
            }
            String escaped = org.jsoup.nodes.Entities.escape(bullet ? line.substring(line.startsWith("\u2022") ? 1 : 2).strip() : line);
            if (first) {
                html.append("<h1>").append(escaped).append("</h1>");
                first = false;
            } else if (bullet) {
                if (!inList) {
                    html.append("<ul>");
                    inList = true;
                }
                html.append("<li>").append(escaped).append("</li>");
            } else if (line.length() < 60 && !line.endsWith(".")) {
                html.append("<h3>").append(escaped).append("</h3>");
            } else {
                html.append("<p>").append(escaped).append("</p>");
            }
        }
        return html.append(inList ? "</ul>" : "").append("</body></html>").toString();
    }
}
