package io.atspro.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "me", description = "The caller: user, profile, settings, subscription")
public class MeResource {

    private final ProfileService profiles;
    private final CurrentUser currentUser;
    private final SecurityIdentity identity;
    private final AccountEraser eraser;

    MeResource(ProfileService profiles, CurrentUser currentUser, SecurityIdentity identity, AccountEraser eraser) {
        this.profiles = profiles;
        this.currentUser = currentUser;
        this.identity = identity;
        this.eraser = eraser;
    }

    /** {@code DELETE /me} body. */
    @Schema(name = "AccountDeletionConfirmation")
    public record Confirmation(String confirm) {
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "deleteMe", summary = "Delete the caller's account",
            description = "Erases the account and every piece of the caller's data, files included. Needs the confirmation body; cannot be undone.")
    public AccountEraser.Report erase(@NotNull Confirmation confirmation) {
        if (!AccountEraser.CONFIRMATION.equals(confirmation.confirm())) {
            throw new io.atspro.shared.InvalidInputException("confirm",
                    "must be exactly \"" + AccountEraser.CONFIRMATION + "\"");
        }
        return eraser.erase(currentUser.id());
    }

    @GET
    @Operation(operationId = "getMe", summary = "The caller",
            description = "The caller's user and profile, with the roles of the token.")
    public Views.Me me() {
        return profiles.me(currentUser.id()).withRoles(identity.getRoles());
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "updateMe", summary = "Update the caller's profile",
            description = "JSON merge patch of profile fields: absent fields stay, null clears.")
    public Views.Me patch(@NotNull ObjectNode patch) throws JsonProcessingException {
        return profiles.patch(currentUser.id(), patch).withRoles(identity.getRoles());
    }

    @GET
    @Path("/settings")
    @Operation(operationId = "getSettings", summary = "The caller's settings",
            description = "The caller's settings.")
    public Views.Settings settings() {
        return profiles.settings(currentUser.id());
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceSettings", summary = "Replace the caller's settings",
            description = "Replaces the caller's settings as a whole.")
    public Views.Settings replaceSettings(@NotNull @Valid Requests.SettingsUpdate settings) {
        return profiles.replaceSettings(currentUser.id(), settings);
    }

    @GET
    @Path("/subscription")
    @Operation(operationId = "getSubscription", summary = "The caller's subscription",
            description = "The caller's current subscription and its plan's monthly limits with what has been used.")
    public Views.SubscriptionView subscription() {
        return profiles.subscription(currentUser.id());
    }
}
