package io.atspro.posting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.task.TaskContext;
import io.atspro.task.TaskHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** The background task that embeds new and changed postings ({@link PostingEmbeddings#run}). */
@ApplicationScoped
class PostingEmbedHandler implements TaskHandler {

    private final PostingEmbeddings embeddings;
    private final ObjectMapper json;

    PostingEmbedHandler(PostingEmbeddings embeddings, ObjectMapper json) {
        this.embeddings = embeddings;
        this.json = json;
    }

    @Override
    public String type() {
        return PostingEmbeddings.TASK;
    }

    @Override
    public JsonNode handle(TaskContext context) throws Exception {
        PostingEmbeddings.Run run = embeddings.run();
        return json.createObjectNode().put("embedded", run.embedded()).put("index_trained", run.indexTrained())
                .put("millis", run.millis()).put("more", run.more());
    }
}
