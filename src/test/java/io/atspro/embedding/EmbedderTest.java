package io.atspro.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The model in the service's own class loader: its native libraries (ONNX runtime, tokenizer) load once per JVM and
 * class loader, and the {@code @QuarkusTest}s of the same run load them there first.
 */
@QuarkusTest
class EmbedderTest {

    @Inject
    Embedder service;

    private Embedder EMBEDDER;

    @org.junit.jupiter.api.BeforeEach
    void useTheServicesEmbedder() {
        EMBEDDER = service;
    }

    @Test
    void relatedJobTitlesAreCloserThanUnrelatedOnes() {
        float[] backend = EMBEDDER.embed("backend developer");
        float[] serverSide = EMBEDDER.embed("server-side engineer");
        float[] chef = EMBEDDER.embed("pastry chef");
        assertThat(Vectors.dot(backend, serverSide)).isGreaterThan(Vectors.dot(backend, chef) + 0.2f);
    }

    @Test
    void vectorsAreUnitLengthAndOfTheModelsSize() {
        float[] v = EMBEDDER.embed("Senior site reliability engineer, Kubernetes and Terraform");
        assertThat(v).hasSize(Embedder.DIMENSIONS);
        assertThat(Vectors.dot(v, v)).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void aLongTextIsReadInChunksWithinTheModelsWindowUpToTheLimit() {
        String sentence = "We build distributed payment systems in Java and Kotlin on Kubernetes for millions of users. ";
        List<String> chunks = EMBEDDER.chunks(new Embedder.Document("Staff Engineer — Acme", sentence.repeat(200)));
        assertThat(chunks).hasSize(6);
        assertThat(chunks.get(0)).startsWith("Staff Engineer — Acme");
        assertThat(chunks).allSatisfy(c -> assertThat(c.split(" ").length).isLessThan(240));

        String noStops = "python java kotlin scala rust go ".repeat(300);
        assertThat(new Embedder(3).chunks(new Embedder.Document(null, noStops))).hasSize(3)
                .allSatisfy(c -> assertThat(c.split(" ").length).isLessThanOrEqualTo(240));
    }

    @Test
    void aLongPostingIsStillAboutItsSubject() {
        String body = "You will design and operate our backend services and APIs, own their databases and on-call. "
                .repeat(40);
        float[] posting = EMBEDDER.embedAll(List.of(new Embedder.Document("Backend Engineer", body))).get(0);
        assertThat(Vectors.dot(posting, EMBEDDER.embed("server-side software engineer")))
                .isGreaterThan(Vectors.dot(posting, EMBEDDER.embed("registered nurse, intensive care")) + 0.2f);
    }

    @Test
    void storedBytesKeepTheCosine() {
        float[] a = EMBEDDER.embed("data scientist, machine learning");
        float[] b = EMBEDDER.embed("machine learning engineer");
        byte[] q = Vectors.quantize(b);
        assertThat(Vectors.dot(a, q, Vectors.scale(b))).isCloseTo(Vectors.dot(a, b),
                org.assertj.core.data.Offset.offset(0.01f));
        assertThat(Vectors.fromBytes(Vectors.toBytes(a))).containsExactly(a);
    }
}
