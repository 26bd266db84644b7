package io.atspro.notification;

import io.atspro.shared.ResourceNotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/calendar")
@Tag(name = "calendar")
public class PublicCalendarResource {

    private final CalendarFeed feeds;

    PublicCalendarResource(CalendarFeed feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("/{token}.ics")
    @PermitAll
    @Produces("text/calendar; charset=utf-8")
    @Operation(operationId = "getCalendarFeedIcs", summary = "The iCalendar feed",
            description = "The caller's interviews and follow-ups as iCalendar. No bearer token: the secret URL is the credential (404 when unknown or revoked).")
    public String calendar(@PathParam("token") String token) {
        return feeds.calendar(token).orElseThrow(() -> new ResourceNotFoundException("Calendar feed"));
    }
}
