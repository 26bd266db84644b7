package io.atspro.identity;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Erases a user and everything they own (implemented by the privacy feature, which knows every table). */
public interface AccountEraser {

    /** What an erasure removed: rows per table, S3 objects, Redis keys. */
    @Schema(name = "AccountErasure")
    record Report(Map<String, Integer> rows, int objects, int redisKeys) {
    }

    /** The confirmation an erasure needs in its body. */
    String CONFIRMATION = "DELETE MY ACCOUNT";

    Report erase(String userId);
}
