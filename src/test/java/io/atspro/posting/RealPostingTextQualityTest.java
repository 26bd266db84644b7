package io.atspro.posting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atspro.testing.SharedFixtures;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Quality on real postings written by others: the 346 postings of the three real Ashby boards in
 * {@code ../shared/fixtures/job-boards/ashby} (full descriptions, three employers, English and German). Salaries
 * are scored against {@code posting/salary-labels.json} (every stated pay, checked by hand); sections by how many
 * postings get each (the sentences were read by hand on a sample, see the README). The figures are printed; the
 * floors below are the README's figures minus a margin, so a regression fails.
 */
class RealPostingTextQualityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BOARDS = List.of("ashby/stapply_hims-and-hers.json", "ashby/stapply_notion.json",
            "ashby/stapply_roadsurfer.com.json");

    private static Map<String, JsonNode> postings() throws Exception {
        Map<String, JsonNode> out = new HashMap<>();
        for (String board : BOARDS) {
            JsonNode root = JSON.readTree(SharedFixtures.string("fixtures/job-boards/" + board));
            for (JsonNode job : root.get("jobs")) {
                out.put(job.get("id").asText(), job);
            }
        }
        return out;
    }

    @Test
    void statedSalariesAreReadAndNoneIsInvented() throws Exception {
        Map<String, JsonNode> postings = postings();
        JsonNode labels;
        try (InputStream in = getClass().getResourceAsStream("/posting/salary-labels.json")) {
            labels = JSON.readTree(in).get("labels");
        }
        Map<String, JsonNode> byId = new HashMap<>();
        labels.forEach(l -> byId.put(l.get("id").asText(), l));
        int usable = 0;
        int read = 0;
        int right = 0;
        for (Map.Entry<String, JsonNode> e : postings.entrySet()) {
            SalaryText.Salary found = SalaryText.find(e.getValue().path("descriptionPlain").asText(null));
            JsonNode label = byId.get(e.getKey());
            boolean expected = label != null && label.path("usable").asBoolean(true);
            usable += expected ? 1 : 0;
            if (found == null) {
                continue;
            }
            read++;
            if (expected && same(found.min(), label.get("min")) && same(found.max(), label.get("max"))
                    && found.currency().equals(label.get("currency").asText())
                    && found.interval().equals(label.get("interval").asText())) {
                right++;
            }
        }
        double precision = (double) right / read;
        double recall = (double) right / usable;
        System.out.printf("Salary from text on %d real postings: %d stated, %d read, %d right: precision %.3f, "
                + "recall %.3f%n", postings.size(), usable, read, right, precision, recall);
        assertThat(postings).hasSize(346);
        assertThat(precision).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void mostRealPostingsHaveTheirRequirementsFound() throws Exception {
        Map<String, JsonNode> postings = postings();
        int requirements = 0;
        int nice = 0;
        int benefits = 0;
        int skills = 0;
        for (JsonNode job : postings.values()) {
            PostingSections.Split split = PostingSections.split(job.path("descriptionPlain").asText(null));
            requirements += split.requirements() != null ? 1 : 0;
            nice += split.niceToHave() != null ? 1 : 0;
            benefits += split.benefits() != null ? 1 : 0;
            skills += io.atspro.skill.Lexicon.standard().skillsIn(split.requirements(), 30).isEmpty() ? 0 : 1;
        }
        int n = postings.size();
        System.out.printf("Sections of %d real postings: requirements %.3f, nice-to-have %.3f, benefits %.3f, "
                + "requirements naming a known skill %.3f%n", n, (double) requirements / n, (double) nice / n,
                (double) benefits / n, (double) skills / n);
        assertThat((double) requirements / n).isGreaterThanOrEqualTo(0.78);
        assertThat((double) benefits / n).isGreaterThanOrEqualTo(0.5);
    }

    private static boolean same(BigDecimal value, JsonNode label) {
        return label != null && !label.isNull() && value.compareTo(label.decimalValue()) == 0;
    }
}
