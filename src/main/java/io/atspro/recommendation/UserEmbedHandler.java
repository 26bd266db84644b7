package io.atspro.recommendation;

import com.fasterxml.jackson.databind.JsonNode;
import io.atspro.task.TaskContext;
import io.atspro.task.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** Embeds a user's resume and profile after their resume changed, ahead of their next recommendations. */
@ApplicationScoped
class UserEmbedHandler implements TaskHandler {

    private final RecommendationService recommendations;

    UserEmbedHandler(RecommendationService recommendations) {
        this.recommendations = recommendations;
    }

    @Override
    public String type() {
        return RecommendationService.USER_TASK;
    }

    @Override
    public JsonNode handle(TaskContext context) {
        String userId = context.payload().path("user_id").asText(null);
        if (userId != null) {
            recommendations.refreshUserVector(userId);
        }
        return null;
    }
}
