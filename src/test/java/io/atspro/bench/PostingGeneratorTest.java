package io.atspro.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspro.bench.PostingGenerator.BenchQuery;
import io.atspro.posting.NormalizedPosting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthetic postings are reproducible and have the statistics the search benchmark relies on. */
class PostingGeneratorTest {

    private static final long DEFAULT_SEED = 42;
    private static final int SAMPLE = 100_000;

    private static PostingGenerator generator;
    private static List<NormalizedPosting> postings;
    /** For each word: in how many sampled postings (title, company, description) it occurs. */
    private static Map<String, Integer> documentFrequency;

    @BeforeAll
    static void generateSample() {
        generator = new PostingGenerator(DEFAULT_SEED, PostingGenerator.DEFAULT_COMPANIES);
        postings = new ArrayList<>(SAMPLE);
        documentFrequency = new HashMap<>();
        for (int i = 0; i < SAMPLE; i++) {
            NormalizedPosting p = generator.posting(i);
            postings.add(p);
            words(p).forEach(w -> documentFrequency.merge(w, 1, Integer::sum));
        }
    }

    /** Lower-cased words of the searchable text, plus each plural folded to its singular (a poor man's stemmer). */
    private static Set<String> words(NormalizedPosting p) {
        Set<String> out = new HashSet<>();
        String text = (p.title() + ' ' + p.companyName() + ' ' + p.description()).toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean wordChar = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                String w = text.substring(start, i);
                out.add(w);
                if (w.length() > 3 && w.endsWith("s")) {
                    out.add(w.substring(0, w.length() - 1));
                }
                start = -1;
            }
        }
        return out;
    }

    private static int postingsWith(String word) {
        return documentFrequency.getOrDefault(word, 0);
    }

    @Test
    void aPostingIsAPureFunctionOfSeedAndIndex() {
        PostingGenerator other = new PostingGenerator(DEFAULT_SEED, PostingGenerator.DEFAULT_COMPANIES);
        for (long index : new long[] {0, 1, 77, 99_999, 5_000_000_123L}) {
            assertThat(other.posting(index)).isEqualTo(generator.posting(index));
            assertThat(other.platform(index)).isEqualTo(generator.platform(index));
        }
        assertThat(postings.get(1234)).isEqualTo(generator.posting(1234));
        assertThat(new PostingGenerator(7, PostingGenerator.DEFAULT_COMPANIES).posting(1234))
                .isNotEqualTo(generator.posting(1234));
    }

    @Test
    void platformMatchesThePostingAndIsSkewed() {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < SAMPLE; i++) {
            String platform = generator.platform(i);
            assertThat(postings.get(i).metadata()).containsEntry("platform", platform);
            counts.merge(platform, 1, Integer::sum);
        }
        assertThat(counts.get("greenhouse") / (double) SAMPLE).isBetween(0.43, 0.47);
        assertThat(counts.get("lever") / (double) SAMPLE).isBetween(0.28, 0.32);
        assertThat(counts.get("ashby") / (double) SAMPLE).isBetween(0.18, 0.22);
        assertThat(counts.get("jsonld") / (double) SAMPLE).isBetween(0.04, 0.06);
    }

    @Test
    void externalIdsAreUniquePerPlatform() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < SAMPLE; i++) {
            keys.add(generator.platform(i) + ':' + postings.get(i).externalId());
        }
        assertThat(keys).hasSize(SAMPLE);
        assertThat(postings).filteredOn(p -> p.metadata().get("platform").equals("greenhouse"))
                .allSatisfy(p -> assertThat(p.externalId()).containsOnlyDigits());
        assertThat(postings).filteredOn(p -> p.metadata().get("platform").equals("lever"))
                .allSatisfy(p -> assertThat(p.externalId())
                        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    }

    @Test
    void companiesHaveALongTailAndAFewBigEmployers() {
        Map<String, Integer> perCompany = new HashMap<>();
        postings.forEach(p -> perCompany.merge(p.companyName(), 1, Integer::sum));
        List<Integer> counts = new ArrayList<>(perCompany.values());
        Collections.sort(counts);
        int top = counts.get(counts.size() - 1);
        int median = counts.get(counts.size() / 2);

        assertThat(perCompany).hasSizeGreaterThanOrEqualTo(5_000);
        assertThat(top).isGreaterThanOrEqualTo(20 * median);
    }

    @Test
    void descriptionsArePlainTextOfRealisticLength() {
        assertThat(postings).allSatisfy(p -> {
            assertThat(p.description().length()).isBetween(800, 2500);
            assertThat(p.description()).contains("\n- ").doesNotContain("{", "<");
        });
        long distinct = postings.stream().map(NormalizedPosting::description).distinct().count();
        assertThat(distinct).isGreaterThan(SAMPLE * 99L / 100);
    }

    @Test
    void aboutSixtyPercentShowASalary() {
        long withSalary = postings.stream().filter(p -> p.salaryMin() != null).count();
        assertThat(withSalary / (double) SAMPLE).isBetween(0.55, 0.65);
        assertThat(postings).filteredOn(p -> p.salaryMin() != null).allSatisfy(p -> {
            assertThat(p.salaryMax()).isGreaterThanOrEqualTo(p.salaryMin());
            assertThat(p.salaryCurrency()).isNotNull();
            assertThat(p.salaryInterval()).isIn("year", "month", "hour");
        });
    }

    @Test
    void categoricalFieldsHaveTheExpectedMix() {
        Map<String, Integer> arrangement = new HashMap<>();
        postings.forEach(p -> arrangement.merge(String.valueOf(p.workArrangement()), 1, Integer::sum));
        assertThat(arrangement.get("remote") / (double) SAMPLE).isBetween(0.2, 0.3);
        assertThat(arrangement.get("hybrid") / (double) SAMPLE).isBetween(0.2, 0.3);
        assertThat(arrangement.get("onsite") / (double) SAMPLE).isBetween(0.4, 0.5);
        long fullTime = postings.stream().filter(p -> "full_time".equals(p.employmentType())).count();
        assertThat(fullTime / (double) SAMPLE).isBetween(0.7, 0.85);
        assertThat(postings).allSatisfy(p -> assertThat(p.postedAt())
                .isBetween(PostingGenerator.DEFAULT_NOW.minusSeconds(120 * 86_400L), PostingGenerator.DEFAULT_NOW));
    }

    @Test
    void rareQueryTermsAreRareAndCommonOnesCommon() {
        List<BenchQuery> queries = generator.queries(400);
        assertThat(queries).extracting(BenchQuery::kind).containsOnly("common", "rare");
        assertThat(queries).filteredOn(q -> q.kind().equals("rare")).hasSize(200);

        for (BenchQuery query : queries) {
            String[] words = query.q().split(" ");
            assertThat(words).as(query.q()).hasSize(2);
            if (query.kind().equals("common")) {
                for (String word : words) {
                    assertThat(postingsWith(word)).as("postings with common word '%s'", word)
                            .isGreaterThanOrEqualTo(SAMPLE / 50);
                }
            } else {
                assertThat(postingsWith(words[0])).as("postings with rare word '%s'", words[0])
                        .isBetween(1, SAMPLE / 100 - 1);
            }
        }
        PostingGenerator.rareTerms().keySet().forEach(word -> assertThat(postingsWith(word))
                .as("postings with rare word '%s'", word).isBetween(1, SAMPLE / 100 - 1));
    }

    @Test
    void mostRareQueriesMatchSomethingAsAWhole() {
        List<BenchQuery> rare = generator.queries(400).stream().filter(q -> q.kind().equals("rare")).toList();
        List<Set<String>> texts = postings.stream().map(PostingGeneratorTest::words).toList();
        long matching = rare.stream().filter(q -> {
            String[] w = q.q().split(" ");
            return texts.stream().anyMatch(t -> t.contains(w[0]) && t.contains(w[1]));
        }).count();
        assertThat(matching).isGreaterThanOrEqualTo(rare.size() * 9 / 10);
    }

    @Test
    void queriesAreDeterministic() {
        assertThat(new PostingGenerator(DEFAULT_SEED, PostingGenerator.DEFAULT_COMPANIES).queries(50))
                .isEqualTo(generator.queries(50));
    }
}
