package io.atspro.notification;

import io.atspro.identity.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me/notification-preferences")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications")
public class PreferencesResource {

    private final PreferencesService preferences;
    private final CurrentUser currentUser;

    PreferencesResource(PreferencesService preferences, CurrentUser currentUser) {
        this.preferences = preferences;
        this.currentUser = currentUser;
    }

    @GET
    @Operation(operationId = "getNotificationPreferences", summary = "Notification preferences",
            description = "The caller's notification preferences: channels, types, quiet hours, time zone.")
    public PreferencesView preferences() {
        return preferences.get(currentUser.id());
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateNotificationPreferences", summary = "Update notification preferences",
            description = "JSON merge patch of the caller's notification preferences.")
    public PreferencesView updatePreferences(@NotNull @Valid PreferencesView.Patch patch) {
        return preferences.update(currentUser.id(), patch);
    }
}
