package io.atspro.identity;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The ATSPro user making this request, set once the token has been mirrored. */
@RequestScoped
public class CurrentUser {

    private MirroredUser user;

    void set(MirroredUser user) {
        this.user = user;
    }

    /** The caller's user id; a token without the claims to own data (no email) is refused with 403. */
    public String id() {
        if (user == null) {
            throw new ForbiddenException("This token does not identify an ATSPro user");
        }
        return user.userId();
    }

    Optional<String> sessionId() {
        return Optional.ofNullable(user).map(MirroredUser::sessionId);
    }
}
