package io.atspro.notification;

import io.atspro.identity.CurrentUser;
import io.atspro.shared.PageRequest;
import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

@Path("/api/v1/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
public class NotificationResource {

    private static final Logger LOG = Logger.getLogger(NotificationResource.class);
    private static final String STREAM_PATH = "/api/v1/notifications/stream";

    private final NotificationService notifications;
    private final LiveHub hub;
    private final CurrentUser currentUser;
    private final StreamTickets tickets;

    NotificationResource(NotificationService notifications, LiveHub hub, CurrentUser currentUser,
                         StreamTickets tickets) {
        this.notifications = notifications;
        this.hub = hub;
        this.currentUser = currentUser;
        this.tickets = tickets;
    }

    @GET
    @Operation(operationId = "listNotifications", summary = "List notifications",
            description = "The caller's notifications, newest first, with the unread count.")
    public NotificationService.Listing list(
            @QueryParam("unread") @Pattern(regexp = "true|false", message = "must be true or false") String unread,
            @QueryParam("type") @Pattern(regexp = NotificationType.CODES, message = "is not a notification type") String type,
            @Valid @BeanParam PageRequest page) {
        return notifications.list(currentUser.id(), "true".equals(unread), type, page);
    }

    @GET
    @Path("/unread-count")
    @Operation(operationId = "getUnreadNotificationCount", summary = "Unread count",
            description = "How many of the caller's notifications are unread.")
    public Map<String, Long> unreadCount() {
        return Map.of("unread_count", notifications.unreadCount(currentUser.id()));
    }

    @POST
    @Path("/{id}/read")
    @Operation(operationId = "markNotificationRead", summary = "Mark a notification read",
            description = "Marks one notification read.")
    public NotificationView read(@PathParam("id") UUID id) {
        return notifications.markRead(currentUser.id(), id);
    }

    @POST
    @Path("/read-all")
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark all notifications read",
            description = "Marks every notification of the caller read; answers how many changed.")
    public Map<String, Integer> readAll() {
        return Map.of("updated", notifications.markAllRead(currentUser.id()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteNotification", summary = "Delete a notification",
            description = "Deletes one notification.")
    public void delete(@PathParam("id") UUID id) {
        notifications.delete(currentUser.id(), id);
    }

    @POST
    @Path("/stream-ticket")
    @Operation(operationId = "createNotificationStreamTicket", summary = "A ticket that opens the stream once",
            description = "For clients that must use EventSource, which cannot send an Authorization header: a "
                    + "random ticket that opens streamNotifications once (?ticket=), within seconds. Treat it as a "
                    + "credential; the service never logs it and stores only its hash.")
    @APIResponse(responseCode = "201", description = "Issued",
            content = @Content(schema = @Schema(implementation = StreamTicket.class)))
    public Response createStreamTicket() {
        StreamTickets.Issued issued = tickets.issue(currentUser.id());
        return Response.status(Response.Status.CREATED)
                .entity(new StreamTicket(issued.ticket(), issued.expiresAt(), STREAM_PATH + "?ticket=" + issued.ticket()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    /** A stream ticket and the URL it opens; {@code stream_url} is relative to the API's origin. */
    @Schema(name = "NotificationStreamTicket")
    public record StreamTicket(String ticket, Instant expiresAt, String streamUrl) {
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @PermitAll // a bearer token, or a ticket for EventSource: NotificationStreamPolicy refuses requests with neither
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "streamNotifications", summary = "Live notifications (Server-Sent Events)",
            description = "A text/event-stream of the caller's new notifications and unread counts. Browsers read it "
                    + "with fetch and an Authorization header, or with EventSource and a ticket from "
                    + "createNotificationStreamTicket (?ticket=, once, no Authorization header). Last-Event-ID "
                    + "resumes after a reconnect.")
    @APIResponse(responseCode = "200", description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token, or the ticket is unknown, used or expired")
    public void stream(@Context SseEventSink sink, @Context Sse sse,
            @Parameter(description = "A ticket from createNotificationStreamTicket, instead of a bearer token")
            @QueryParam("ticket") @Size(max = 64) String ticket,
            @HeaderParam("Last-Event-ID") @Pattern(regexp = "[0-9]{1,18}", message = "must be an event id this stream sent") String lastEventId) {
        String userId = ticket == null ? currentUser.id() : tickets.redeem(ticket).orElseThrow(() -> {
            LOG.info("Refused a notification stream ticket: unknown, used or expired"); // never the ticket itself
            return new UnauthorizedException("The stream ticket is unknown, used or expired");
        });
        long lastSeen = lastEventId == null ? 0 : Long.parseLong(lastEventId);
        LiveHub.Stream stream = hub.open(userId, sink, sse, lastSeen);
        stream.replay(lastEventId == null ? java.util.List.of() : notifications.missed(userId, lastSeen));
    }
}
