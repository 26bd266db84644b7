package io.atspro.notification;

import io.atspro.shared.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/notifications")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class NotificationAdminResource {

    /** A message to every user. */
    @Schema(name = "AnnouncementRequest")
    public record Announcement(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 5000) String message,
            @Pattern(regexp = "low|normal|high|urgent", message = "must be one of low, normal, high, urgent") String priority) {
    }

    private final NotificationJobs jobs;
    private final Announcements announcements;
    private final Clock clock;

    NotificationAdminResource(NotificationJobs jobs, Announcements announcements, Clock clock) {
        this.jobs = jobs;
        this.announcements = announcements;
        this.clock = clock;
    }

    @POST
    @Path("/jobs/{job}")
    @Operation(operationId = "runNotificationJob", summary = "Run a notification job",
            description = "Runs a notification schedule now: deliveries (quiet hours over), reminders, briefings, or all.")
    public Map<String, Integer> run(@PathParam("job") String job) {
        var now = clock.instant();
        return switch (job) {
            case "deliveries" -> Map.of("delivered", jobs.deliverDue(now));
            case "reminders" -> Map.of("reminders", jobs.reminders(now));
            case "briefings" -> Map.of("briefings", jobs.briefings(now));
            case "all" -> jobs.runAll(now);
            default -> throw new InvalidInputException("job", "must be one of deliveries, reminders, briefings, all");
        };
    }

    @POST
    @Path("/announcements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "sendAnnouncement", summary = "Send an announcement",
            description = "A system announcement to every user (those who turned announcements off excepted).")
    public Map<String, Integer> announce(@NotNull @Valid Announcement announcement) {
        return Map.of("notified", announcements.toEveryone(announcement));
    }
}
