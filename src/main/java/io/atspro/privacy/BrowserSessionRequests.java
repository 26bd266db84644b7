package io.atspro.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What clients send to the browser-session vault. */
public final class BrowserSessionRequests {

    private BrowserSessionRequests() {
    }

    /** A platform's session: cookies (as the browser exports them) and/or a JSON object of session data. */
    @Schema(name = "BrowserSessionRequest")
    public record Create(
            @NotBlank
            @Pattern(regexp = "[a-z0-9][a-z0-9_.-]{0,49}", message = "must be 1-50 lower-case letters, digits, '.', '_' or '-'")
            String platform,
            @Size(max = 65536) String cookies,
            Map<String, Object> sessionData,
            @Size(max = 500) String userAgent,
            Instant expiresAt) {
    }
}
