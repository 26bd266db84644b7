package io.atspro.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.client.ApiClient;
import io.atspro.client.ApiException;
import io.atspro.client.ApiResponse;
import io.atspro.client.api.ApplicationsApi;
import io.atspro.client.api.JobsApi;
import io.atspro.client.api.MeApi;
import io.atspro.client.api.NotificationsApi;
import io.atspro.client.api.PostingsApi;
import io.atspro.client.api.ResumesApi;
import io.atspro.client.model.ApplicationView;
import io.atspro.client.model.ContactInfo;
import io.atspro.client.model.CreateApplication;
import io.atspro.client.model.CreateJob;
import io.atspro.client.model.JobDetails;
import io.atspro.client.model.JobView;
import io.atspro.client.model.ManualResume;
import io.atspro.client.model.Me;
import io.atspro.client.model.NotificationPage;
import io.atspro.client.model.NotificationView;
import io.atspro.client.model.PageApplicationView;
import io.atspro.client.model.PostingSearchPage;
import io.atspro.client.model.ResumeData;
import io.atspro.client.model.ResumeView;
import io.atspro.client.model.StatusMove;
import io.atspro.client.model.TimelineEntry;
import io.atspro.testing.TestFiles;
import io.atspro.testing.TestStack;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The main journey of a web client, driven only through the Java client openapi-generator writes from the
 * build's own OpenAPI document (target/openapi/openapi.json → target/generated-client, see the pom), against
 * the packaged service and real Keycloak. The client reads with unknown properties refused, so a response
 * with a property the document does not declare fails here as well as one the document gets wrong.
 */
@QuarkusIntegrationTest
class GeneratedClientIT {

    private static final String COMPANY = "Generated Client Corp";

    @Test
    void theMainJourneyRunsThroughTheGeneratedClient() throws Exception {
        ApiClient alice = client(TestStack.get().keycloak().tokenFor("alice", "alice"));

        MeApi me = new MeApi(alice);
        Me before = me.getMe();
        assertThat(before.getEmail()).isEqualTo("alice@example.com");
        assertThat(before.getRoles()).contains("user");
        Me after = me.updateMe(Map.of("title", "Staff Engineer", "years_experience", 9, "preferred_work_type", "remote"));
        assertThat(after.getProfile().getTitle()).isEqualTo("Staff Engineer");
        assertThat(after.getProfile().getYearsExperience()).isEqualTo(9);
        assertThat(me.getMe().getProfile().getPreferredWorkType()).isEqualTo("remote");

        Path pdf = Files.createTempFile("generated-client-resume", ".pdf");
        Files.write(pdf, TestFiles.pdf("Alice Liddell Staff Engineer Java Kubernetes PostgreSQL"));
        ApiResponse<ResumeView> uploaded;
        try {
            uploaded = new ResumesApi(alice).uploadResumeWithHttpInfo(pdf.toFile(), "Generated client resume");
        } finally {
            Files.delete(pdf);
        }
        assertThat(uploaded.getStatusCode()).isEqualTo(202);
        ResumeView resume = uploaded.getData();
        assertThat(uploaded.getHeaders()).containsKey("location");
        assertThat(resume.getTitle()).isEqualTo("Generated client resume");
        assertThat(resume.getTaskId()).isNotNull();
        assertThat(new ResumesApi(alice).getResume(resume.getId()).getId()).isEqualTo(resume.getId());
        ResumeView typed = new ResumesApi(alice).createManualResume(new ManualResume().title("Typed by hand")
                .resumeData(new ResumeData().contactInfo(new ContactInfo().fullName("Alice Liddell")
                        .email("alice@example.com")).summary("Platform engineer.")));
        assertThat(typed.getTitle()).isEqualTo("Typed by hand");
        assertThat(new ResumesApi(alice).getResume(typed.getId()).getTitle()).isEqualTo("Typed by hand");

        ApiResponse<JobView> created = new JobsApi(alice).createJobWithHttpInfo(new CreateJob().parsedData(new JobDetails()
                .company(COMPANY).title("Staff Engineer").description("Builds the platform.")
                .qualifications(List.of("Java", "PostgreSQL")).location(List.of("Remote"))));
        assertThat(created.getStatusCode()).isEqualTo(201);
        JobView job = created.getData();
        assertThat(job.getStatus()).isEqualTo("completed");
        assertThat(job.getTaskId()).isNull();

        ApplicationsApi applications = new ApplicationsApi(alice);
        ApplicationView application = applications.createApplication(new CreateApplication()
                .jobId(job.getId()).resumeId(resume.getId()).status("saved").applicationMethod("manual"));
        assertThat(application.getStatus()).isEqualTo("saved");
        assertThat(application.getCompanyName()).isEqualTo(COMPANY);
        assertThat(application.getNextStatuses()).contains("applied");

        for (String status : List.of("applied", "screening", "interviewing")) {
            application = applications.moveApplicationStatus(application.getId(), new StatusMove().status(status));
            assertThat(application.getStatus()).isEqualTo(status);
        }
        assertThat(application.getAppliedAt()).isNotNull();
        List<TimelineEntry> timeline = applications.getApplicationTimeline(application.getId());
        assertThat(timeline).extracting(TimelineEntry::getToStatus)
                .containsExactly("saved", "applied", "screening", "interviewing");
        assertThat(timeline).extracting(TimelineEntry::getFromStatus)
                .containsExactly(null, "saved", "applied", "screening");

        UUID id = application.getId();
        ApiException illegal = catchThrowableOfType(ApiException.class,
                () -> applications.moveApplicationStatus(id, new StatusMove().status("saved")));
        assertThat(illegal.getCode()).isEqualTo(409);
        assertThat(illegal.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = new ObjectMapper().readTree(illegal.getResponseBody());
        assertThat(problem.path("status").asInt()).isEqualTo(409);
        assertThat(problem.path("title").asText()).isNotBlank();

        PageApplicationView interviewing = applications.listApplications(null, null, null, null, null, null,
                List.of("interviewing"), null);
        assertThat(interviewing.getItems()).extracting(ApplicationView::getId).contains(id);
        assertThat(interviewing.getItems()).extracting(ApplicationView::getStatus).containsOnly("interviewing");
        PageApplicationView saved = applications.listApplications(COMPANY, null, null, null, null, null,
                List.of("saved"), null);
        assertThat(saved.getItems()).extracting(ApplicationView::getId).doesNotContain(id);

        PostingSearchPage postings = new PostingsApi(alice).searchPostings(null, null, null, null, null, "5",
                null, null, null, null, null, "engineer", null, null);
        assertThat(postings.getItems()).isNotNull().hasSizeLessThanOrEqualTo(5);
        assertThat(postings.getMode()).isEqualTo("keyword");

        NotificationsApi notifications = new NotificationsApi(alice);
        NotificationView interview = awaitNotification(notifications, id, "interviewing");
        assertThat(interview.getType()).isEqualTo("job_status_change");
        assertThat(interview.getTitle()).isEqualTo("Interview stage at " + COMPANY);
        NotificationPage unread = notifications.listNotifications(null, null, null, "true");
        assertThat(unread.getItems()).extracting(NotificationView::getId).contains(interview.getId());
        Map<String, Long> count = notifications.getUnreadNotificationCount();
        assertThat(count).containsOnlyKeys("unread_count");
        assertThat(count.get("unread_count")).isPositive().isEqualTo(unread.getUnreadCount());
    }

    @Test
    void anotherUsersApplicationIsNotFound() throws Exception {
        ApiClient bob = client(TestStack.get().keycloak().tokenFor("bob", "bob"));
        ApplicationView his = new ApplicationsApi(bob).createApplication(new CreateApplication()
                .companyName("Bob's Corp").jobTitle("SRE"));
        ApiClient alice = client(TestStack.get().keycloak().tokenFor("alice", "alice"));

        ApiException notFound = catchThrowableOfType(ApiException.class,
                () -> new ApplicationsApi(alice).getApplication(his.getId()));
        assertThat(notFound.getCode()).isEqualTo(404);
        ApiException notHisTimeline = catchThrowableOfType(ApiException.class,
                () -> new ApplicationsApi(alice).getApplicationTimeline(his.getId()));
        assertThat(notHisTimeline.getCode()).isEqualTo(404);
    }

    @Test
    void withoutATokenEveryCallIs401() {
        ApiClient anonymous = new ApiClient(ApiClient.createDefaultHttpClientBuilder(), strictMapper(), baseUri());
        ApiException unauthorized = catchThrowableOfType(ApiException.class, () -> new MeApi(anonymous).getMe());
        assertThat(unauthorized.getCode()).isEqualTo(401);
        assertThat(unauthorized.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    /** The job-status notification of the move of {@code application} to {@code status}; it is written after commit. */
    private static NotificationView awaitNotification(NotificationsApi notifications, UUID application, String status)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            Optional<NotificationView> found = notifications.listNotifications(null, "100", "job_status_change", null)
                    .getItems().stream()
                    .filter(n -> n.getData() instanceof Map<?, ?> data
                            && application.toString().equals(data.get("application_id")) && status.equals(data.get("to")))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertThat(System.nanoTime()).as("notification of the move to " + status).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient(ApiClient.createDefaultHttpClientBuilder(), strictMapper(), baseUri());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        client.setReadTimeout(Duration.ofSeconds(30));
        return client;
    }

    /** The generated mapper, but a property the document does not declare is an error, not ignored. */
    private static ObjectMapper strictMapper() {
        return ApiClient.createDefaultObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The packaged service's address: the port @QuarkusIntegrationTest started it on. */
    private static String baseUri() {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        return "http://localhost:" + port;
    }
}
