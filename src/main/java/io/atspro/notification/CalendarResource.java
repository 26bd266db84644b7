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
    public FeedLink get() {
        CalendarFeed.FeedView feed = feeds.get(currentUser.id());
        return new FeedLink(feed.active(), feed.createdAt(), feed.rotatedAt(), null);
    }

    @POST
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create the secret calendar URL, or rotate it (the old one stops working); shown only now")
    public FeedLink rotate(UriInfo uri) {
        CalendarFeed.FeedView feed = feeds.rotate(currentUser.id());
        String url = uri.getBaseUriBuilder().path("api/v1/calendar/{token}.ics").build(feed.token()).toString();
        return new FeedLink(true, feed.createdAt(), feed.rotatedAt(), url);
    }

    @DELETE
    @Authenticated
    public void revoke() {
        feeds.revoke(currentUser.id());
    }
}
