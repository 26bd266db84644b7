package io.atspro.identity;

import io.atspro.shared.Page;
import io.atspro.shared.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/users")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class AdminUserResource {

    private final AdminUserService users;

    AdminUserResource(AdminUserService users) {
        this.users = users;
    }

    @GET
    @Operation(operationId = "searchUsers", summary = "Search users",
            description = "Users, newest first; q searches email and name.")
    public Page<Views.AdminUser> search(@QueryParam("q") @Size(max = 200) String q, @Valid @BeanParam PageRequest page) {
        return users.search(q, page);
    }
}
