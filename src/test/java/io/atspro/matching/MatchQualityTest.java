package io.atspro.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.job.JobDetails;
import io.atspro.resume.ResumeData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Ranking quality on a hand-labelled set of resume × job pairs ({@code matching/pairs/labels.csv}): the ROC AUC of
 * the score, i.e. the probability that a relevant pair outscores an irrelevant one (ties count half).
 */
class MatchQualityTest {

    private static final String BASE = "/matching/pairs/";
    private static final double MIN_AUC = 0.90;

    private final ObjectMapper mapper = new ObjectMapper();
    private final AtsScorer scorer = new AtsScorer();

    record Scored(String resume, String job, boolean relevant, int score) {
    }

    @Test
    void relevantPairsOutscoreIrrelevantOnes() {
        List<Scored> pairs = new ArrayList<>();
        Map<String, ResumeData> resumes = new HashMap<>();
        Map<String, JobDetails> jobs = new HashMap<>();
        for (String line : read(BASE + "labels.csv").split("\\R")) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("resume_file")) {
                continue;
            }
            String[] cols = l.split(",");
            ResumeData resume = resumes.computeIfAbsent(cols[0], f -> load("resumes/" + f, ResumeData.class));
            JobDetails job = jobs.computeIfAbsent(cols[1], f -> load("jobs/" + f, JobDetails.class));
            pairs.add(new Scored(cols[0], cols[1], Boolean.parseBoolean(cols[2].trim()),
                    scorer.score(resume, job).score()));
        }
        long relevant = pairs.stream().filter(Scored::relevant).count();
        double auc = auc(pairs);

        Map<String, List<Scored>> byJob = new TreeMap<>();
        pairs.forEach(p -> byJob.computeIfAbsent(p.job(), k -> new ArrayList<>()).add(p));
        double perJob = byJob.values().stream().mapToDouble(MatchQualityTest::auc).filter(d -> !Double.isNaN(d))
                .average().orElse(Double.NaN);

        System.out.printf("ATS match quality: ROC AUC %.4f over %d pairs (%d relevant, %d irrelevant);"
                + " mean per-job AUC %.4f%n", auc, pairs.size(), relevant, pairs.size() - relevant, perJob);
        int lowestRelevant = pairs.stream().filter(Scored::relevant).mapToInt(Scored::score).min().orElse(0);
        pairs.stream().filter(p -> p.relevant() && p.score() < 50 || !p.relevant() && p.score() >= lowestRelevant)
                .sorted(Comparator.comparingInt(Scored::score).reversed())
                .forEach(p -> System.out.printf("  %-5s %3d  %s x %s%n", p.relevant() ? "REL" : "irr", p.score(),
                        p.resume(), p.job()));

        assertThat(pairs).hasSizeGreaterThanOrEqualTo(40);
        assertThat(relevant).isGreaterThanOrEqualTo(10);
        assertThat(pairs.size() - relevant).isGreaterThanOrEqualTo(10);
        assertThat(auc).isGreaterThanOrEqualTo(MIN_AUC);
    }

    /** Mann–Whitney: share of (relevant, irrelevant) pairs ranked correctly, ties half. */
    static double auc(List<Scored> pairs) {
        double wins = 0;
        long comparisons = 0;
        for (Scored r : pairs) {
            if (!r.relevant()) {
                continue;
            }
            for (Scored i : pairs) {
                if (i.relevant()) {
                    continue;
                }
                comparisons++;
                wins += r.score() > i.score() ? 1 : r.score() == i.score() ? 0.5 : 0;
            }
        }
        return comparisons == 0 ? Double.NaN : wins / comparisons;
    }

    private <T> T load(String file, Class<T> type) {
        try {
            return mapper.readValue(read(BASE + file), type);
        } catch (IOException e) {
            throw new UncheckedIOException(file, e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = MatchQualityTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
