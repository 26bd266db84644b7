package io.atspro.scraping;

import io.atspro.posting.NormalizedPosting;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalizationTest {

    @Test
    void splitsLocations() {
        assertThat(Normalization.parseLocation("Bengaluru, Karnataka, India"))
                .isEqualTo(new Normalization.Location("Bengaluru", "Karnataka", "IN"));
        assertThat(Normalization.parseLocation("Remote - US")).isEqualTo(new Normalization.Location(null, null, "US"));
        assertThat(Normalization.parseLocation("San Francisco, CA"))
                .isEqualTo(new Normalization.Location("San Francisco", "CA", "US"));
        assertThat(Normalization.parseLocation("London, United Kingdom"))
                .isEqualTo(new Normalization.Location("London", null, "GB"));
        assertThat(Normalization.parseLocation("Remote")).isEqualTo(Normalization.Location.EMPTY);
        assertThat(Normalization.parseLocation("Germany")).isEqualTo(new Normalization.Location(null, null, "DE"));
    }

    @Test
    void normalizesEmploymentTypesAndArrangements() {
        assertThat(Normalization.employmentType("Full-time")).isEqualTo("full_time");
        assertThat(Normalization.employmentType("FullTime")).isEqualTo("full_time");
        assertThat(Normalization.employmentType("FULL_TIME")).isEqualTo("full_time");
        assertThat(Normalization.employmentType("Part time")).isEqualTo("part_time");
        assertThat(Normalization.employmentType("Intern")).isEqualTo("internship");
        assertThat(Normalization.employmentType("CONTRACTOR")).isEqualTo("contract");
        assertThat(Normalization.employmentType("TEMPORARY")).isEqualTo("temporary");
        assertThat(Normalization.employmentType("OTHER")).isNull();
        assertThat(Normalization.workArrangement("OnSite")).isEqualTo("onsite");
        assertThat(Normalization.workArrangement("REMOTE")).isEqualTo("remote");
        assertThat(Normalization.workArrangement("Hybrid - Bangalore")).isEqualTo("hybrid");
        assertThat(Normalization.workArrangement("Bangalore", null)).isNull();
    }

    @Test
    void htmlToTextUnescapesAndKeepsStructure() {
        assertThat(Normalization.htmlToText("&lt;p&gt;A&amp;amp;B&lt;/p&gt;&lt;ul&gt;&lt;li&gt;one&lt;/li&gt;"
                + "&lt;li&gt;two&lt;/li&gt;&lt;/ul&gt;&lt;style&gt;p{}&lt;/style&gt;"))
                .isEqualTo("A&B\n\n- one\n- two");
        assertThat(Normalization.htmlToText("<div>x<br><br>y&nbsp; z</div><script>bad()</script>"))
                .isEqualTo("x\n\ny z");
    }

    @Test
    void parsesDates() {
        assertThat(Normalization.instant("2026-06-15T04:53:42-04:00")).isEqualTo(Instant.parse("2026-06-15T08:53:42Z"));
        assertThat(Normalization.instant("2026-06-03T17:19:08.998+00:00"))
                .isEqualTo(Instant.parse("2026-06-03T17:19:08.998Z"));
        assertThat(Normalization.instant("2026-10-04")).isEqualTo(Instant.parse("2026-10-04T00:00:00Z"));
        assertThat(Normalization.instant("soon")).isNull();
    }

    @Test
    void contentHashIgnoresVolatileFieldsButNotContent() {
        NormalizedPosting a = posting("Engineer", new BigDecimal("100000"), Instant.EPOCH, Map.of("k", "v"));
        NormalizedPosting b = posting("Engineer", new BigDecimal("100000.00"), Instant.now(), Map.of());
        NormalizedPosting c = posting("Senior Engineer", new BigDecimal("100000"), Instant.EPOCH, Map.of("k", "v"));

        assertThat(a.contentHash()).isEqualTo(b.contentHash()).isNotEqualTo(c.contentHash());
        assertThat(a.metadata()).containsExactly(Map.entry("k", "v"));
    }

    private static NormalizedPosting posting(String title, BigDecimal min, Instant posted, Map<String, String> meta) {
        return new NormalizedPosting("1", title, "Co", "Berlin", "Berlin", null, "DE", "hybrid", "full_time", min, null,
                "EUR", "year", "Text", posted, "https://x/apply", "https://x", meta);
    }
}
