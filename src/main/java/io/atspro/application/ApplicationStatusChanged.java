package io.atspro.application;

import java.time.Instant;
import java.util.UUID;

/**
 * An application changed status. Fired inside the transaction of the change: observers that act on it
 * use {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}, so they see only committed changes.
 */
public record ApplicationStatusChanged(UUID applicationId, String userId, String companyName, String jobTitle,
                                       ApplicationStatus from, ApplicationStatus to, String changedBy, Instant at) {
}
