package io.atspro.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sentence embeddings in process: all-MiniLM-L6-v2 (384 dimensions, the quantized ONNX model inside the
 * langchain4j jar, run by the ONNX runtime through JNI). No network, no service to call.
 *
 * <p>The model reads at most 256 word pieces, so a long text is cut into chunks of whole sentences of at most
 * {@value #CHUNK_TOKENS} word pieces each (its head, e.g. title and company, first), up to a maximum number of
 * chunks; its vector is the normalised mean of the chunks' vectors. Loaded on first use (about a second); thread
 * safe.
 */
public final class Embedder {

    public static final int DIMENSIONS = 384;
    /** The name stored beside every vector: vectors of another model are not comparable and get recomputed. */
    public static final String MODEL = "all-minilm-l6-v2-q";
    /** Word pieces per chunk: 256 minus the [CLS] and [SEP] the model adds, minus a margin for the count's error. */
    static final int CHUNK_TOKENS = 240;

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;:])\\s+|\\s*\\n\\s*");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    /** A text to embed: a short head (title, company, skills) and a body (the description, the resume). */
    public record Document(String head, String body) {
    }

    private final int maxChunks;
    private volatile EmbeddingModel model;
    private volatile HuggingFaceTokenCountEstimator tokens;

    public Embedder(int maxChunks) {
        this.maxChunks = Math.max(1, maxChunks);
    }

    /** With another in-process model of the same dimensions (the benchmark compares the full-precision twin). */
    public Embedder(int maxChunks, EmbeddingModel model) {
        this(maxChunks);
        this.model = model;
    }

    /** The vector of a short text (a search query, a title); a long one is read up to its first chunk. */
    public float[] embed(String text) {
        return embedAll(List.of(new Document(text, null))).get(0);
    }

    /** One normalised vector per document, in order. */
    public List<float[]> embedAll(List<Document> documents) {
        List<TextSegment> segments = new ArrayList<>();
        int[] counts = new int[documents.size()];
        for (int d = 0; d < documents.size(); d++) {
            List<String> chunks = chunks(documents.get(d));
            counts[d] = chunks.size();
            chunks.forEach(chunk -> segments.add(TextSegment.from(chunk)));
        }
        List<Embedding> embeddings = segments.isEmpty() ? List.of() : model().embedAll(segments).content();
        List<float[]> out = new ArrayList<>(documents.size());
        int next = 0;
        for (int count : counts) {
            if (count == 0) {
                out.add(new float[DIMENSIONS]);
                continue;
            }
            List<float[]> parts = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                parts.add(embeddings.get(next++).vector());
            }
            out.add(Vectors.mean(parts));
        }
        return out;
    }

    /** How many chunks the model reads of a document. */
    public int chunkCount(Document document) {
        return chunks(document).size();
    }

    /** Loads the model now (a pod warms it up at start, off the request path). */
    public void load() {
        model();
    }

    /** The chunks a document is read in: whole sentences, head first, each within the model's window. */
    List<String> chunks(Document document) {
        List<String> sentences = new ArrayList<>();
        for (String part : new String[] {document.head(), document.body()}) {
            if (part == null || part.isBlank()) {
                continue;
            }
            for (String sentence : SENTENCE_END.split(part.strip())) {
                if (!sentence.isBlank()) {
                    sentences.add(SPACE.matcher(sentence.strip()).replaceAll(" "));
                }
            }
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int used = 0;
        for (String sentence : sentences) {
            int n = count(sentence);
            if (n > CHUNK_TOKENS) {
                // a run-on "sentence" (a list without stops): cut it into word runs that fit
                for (String piece : split(sentence, n)) {
                    if (!flush(chunks, chunk)) {
                        return chunks;
                    }
                    chunk.append(piece);
                    used = CHUNK_TOKENS;
                }
                continue;
            }
            if (used + n > CHUNK_TOKENS) {
                if (!flush(chunks, chunk)) {
                    return chunks;
                }
                used = 0;
            }
            if (!chunk.isEmpty()) {
                chunk.append(' ');
            }
            chunk.append(sentence);
            used += n;
        }
        flush(chunks, chunk);
        return chunks;
    }

    /** Moves a non-empty chunk to the list; false when the list is full (the rest of the text is not read). */
    private boolean flush(List<String> chunks, StringBuilder chunk) {
        if (!chunk.isEmpty() && chunks.size() < maxChunks) {
            chunks.add(chunk.toString());
        }
        chunk.setLength(0);
        return chunks.size() < maxChunks;
    }

    private List<String> split(String sentence, int tokenCount) {
        String[] words = SPACE.split(sentence);
        int perPiece = Math.max(1, (int) ((long) words.length * CHUNK_TOKENS / tokenCount) - 1);
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < words.length; i += perPiece) {
            pieces.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, Math.min(words.length, i + perPiece))));
        }
        return pieces;
    }

    private int count(String text) {
        HuggingFaceTokenCountEstimator estimator = tokens;
        if (estimator == null) {
            synchronized (this) {
                if (tokens == null) {
                    tokens = new HuggingFaceTokenCountEstimator();
                }
                estimator = tokens;
            }
        }
        return estimator.estimateTokenCountInText(text);
    }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    model = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
                }
                m = model;
            }
        }
        return m;
    }
}
