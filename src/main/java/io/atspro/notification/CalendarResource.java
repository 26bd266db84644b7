package io.atspro.notification;

import io.atspro.identity.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me/calendar-feed")
@Tag(name = "calendar")
public class CalendarResource {

    /** The feed and, right after create or rotate, its secret URL. */
    public record FeedLink(boolean active, java.time.Instant createdAt, java.time.Instant rotatedAt, String url) {
    }

    private final CalendarFeed feeds;
    private final CurrentUser currentUser;

    CalendarResource(CalendarFeed feeds, CurrentUser currentUser) {
        this.feeds = feeds;
        this.currentUser = currentUser;
    }

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCalendarFeed", summary = "Calendar feed status",
            description = "Whether the caller has a calendar feed and when it was created; the secret URL itself is shown only when created.")
    public FeedLink get() {
        CalendarFeed.FeedView feed = feeds.get(currentUser.id());
        return new FeedLink(feed.active(), feed.createdAt(), feed.rotatedAt(), null);
    }

    @POST
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rotateCalendarFeed", summary = "Create or rotate the calendar feed",
            description = "Creates the secret calendar URL, or rotates it (the old one stops working). The URL is shown only in this answer.")
    public FeedLink rotate(UriInfo uri) {
        CalendarFeed.FeedView feed = feeds.rotate(currentUser.id());
        String url = uri.getBaseUriBuilder().path("api/v1/calendar/{token}.ics").build(feed.token()).toString();
        return new FeedLink(true, feed.createdAt(), feed.rotatedAt(), url);
    }

    @DELETE
    @Authenticated
    @Operation(operationId = "revokeCalendarFeed", summary = "Revoke the calendar feed",
            description = "Revokes the secret calendar URL.")
    public void revoke() {
        feeds.revoke(currentUser.id());
    }
}
