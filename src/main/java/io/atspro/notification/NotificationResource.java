package io.atspro.notification;

import io.atspro.identity.CurrentUser;
import io.atspro.shared.PageRequest;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
public class NotificationResource {

    private final NotificationService notifications;
    private final LiveHub hub;
    private final CurrentUser currentUser;

    NotificationResource(NotificationService notifications, LiveHub hub, CurrentUser currentUser) {
        this.notifications = notifications;
        this.hub = hub;
        this.currentUser = currentUser;
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

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamNotifications", summary = "Live notifications (Server-Sent Events)",
            description = "A text/event-stream of the caller's new notifications and unread counts. Browsers read it with fetch and an Authorization header, or with EventSource and a ticket from createNotificationStreamTicket (?ticket=). Last-Event-ID resumes after a reconnect.")
    public void stream(@Context SseEventSink sink, @Context Sse sse,
            @HeaderParam("Last-Event-ID") @Pattern(regexp = "[0-9]{1,18}", message = "must be an event id this stream sent") String lastEventId) {
        String userId = currentUser.id();
        long lastSeen = lastEventId == null ? 0 : Long.parseLong(lastEventId);
        LiveHub.Stream stream = hub.open(userId, sink, sse, lastSeen);
        stream.replay(lastEventId == null ? java.util.List.of() : notifications.missed(userId, lastSeen));
    }
}
