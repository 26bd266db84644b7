package io.atspro.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Lines other features add to a briefing (goal progress). */
@ApplicationScoped
class BriefingExtras {

    List<String> goalLines(String userId) {
        return List.of();
    }
}
