package io.atspro.posting;

import static org.assertj.core.api.Assertions.assertThat;

import io.atspro.bench.PostingGenerator;
import io.atspro.bench.PostingGenerator.BenchQuery;
import io.atspro.testing.BetterAuthFixture;
import io.atspro.testing.TestStack;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * However a page finds its rows (the newest postings first as the statistics plan it, or both tiers in one index
 * search; the stats-free order of attempts; or always the indexes, tier by tier), it shows the same postings in the same order and pages on the same way: on a
 * generated catalog of 6,000 postings in a database of its own (analyzed, so the statistics are there), for the
 * benchmark's queries with and without filters, phrases, or, exclusions, typos and filters alone.
 */
class PostingSearchPlansTest {

    static final String DATABASE = "search_plans";
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static DataSource db;

    @BeforeAll
    static void catalog() throws Exception {
        TestStack stack = TestStack.get();
        stack.postgres().createDatabase(DATABASE);
        db = stack.postgres().dataSource(DATABASE);
        BetterAuthFixture.createIn(db);
        Flyway.configure().dataSource(db).locations("classpath:db/migration").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
        try (Connection c = db.getConnection()) {
            new PostingGenerator(42, 400, NOW).writeTo(c, 6_000, 2_000, "plans");
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE job_postings");
            }
        }
    }

    static List<PostingCriteria> searches() {
        List<PostingCriteria> out = new ArrayList<>();
        for (BenchQuery q : new PostingGenerator(42, 400, NOW).queries(60)) {
            out.add(new PostingCriteria(q.q(), q.location() == null ? null : List.of(q.location()),
                    q.remote() == null ? null : q.remote() ? List.of("remote") : List.of("hybrid", "onsite"),
                    q.employmentType() == null ? null : List.of(q.employmentType()), null, q.minSalary(),
                    q.company() == null ? null : List.of(q.company()), null, null, null, null, false));
        }
        for (String q : List.of("\"data engineer\"", "python or kotlin", "engineer -senior", "sofware enginer",
                "the", "registered nurse", "zzzzqqq")) {
            out.add(PostingCriteria.text(q));
        }
        out.add(new PostingCriteria(null, List.of("new york"), null, null, null, null, null, null, null, null, null,
                false));
        out.add(new PostingCriteria("engineer", List.of("Germany", "san fran"), null, null, null, null, null, null,
                null, null, null, false));
        return out;
    }

    @Test
    void everyWayOfFindingAPageShowsTheSamePostingsInTheSameOrder() throws SQLException {
        PostingSearch planned = new PostingSearch(PostingSearch.Strategy.PLANNED);
        PostingSearch statsFree = new PostingSearch(PostingSearch.Strategy.STATS_FREE);
        PostingSearch indexOnly = new PostingSearch(PostingSearch.Strategy.INDEX_ONLY);
        int pages = 0;
        int windows = 0;
        int indexes = 0;
        int both = 0;
        try (Connection c = db.getConnection()) {
            for (PostingCriteria criteria : searches()) {
                String cursor = null;
                for (int page = 0; page < 3; page++) {
                    PostingSearch.Result expected = indexOnly.search(c, criteria, cursor, 20);
                    PostingSearch.Result viaPlan = planned.search(c, criteria, cursor, 20);
                    PostingSearch.Result viaWindows = statsFree.search(c, criteria, cursor, 20);
                    assertThat(ids(viaPlan)).as("planned, %s, page %d", criteria, page + 1).isEqualTo(ids(expected));
                    assertThat(ids(viaWindows)).as("stats-free, %s, page %d", criteria, page + 1)
                            .isEqualTo(ids(expected));
                    assertThat(viaPlan.nextCursor()).isEqualTo(expected.nextCursor());
                    assertThat(viaPlan.fuzzy()).isEqualTo(expected.fuzzy());
                    assertThat(viaPlan.didYouMean()).isEqualTo(expected.didYouMean());
                    pages++;
                    if (criteria.q() != null && page == 0) {
                        both += planned.plansBothTiers(c, criteria, 21) ? 1 : 0;
                        for (int window : planned.plannedWindows(c, criteria, 21)) {
                            if (window > 0) {
                                windows++;
                            } else if (window == 0) {
                                indexes++;
                            }
                        }
                    }
                    cursor = expected.nextCursor();
                    if (cursor == null) {
                        break;
                    }
                }
            }
        }
        assertThat(pages).isGreaterThan(100);
        // both ways are planned (in a catalog this small the index mostly wins; the stats-free order always
        // looks through the newest postings first), so the comparison above covers each
        assertThat(windows).as("tiers planned through the newest postings").isGreaterThan(0);
        assertThat(indexes).as("tiers planned through the indexes").isGreaterThan(10);
        assertThat(both).as("first pages planned as one index search for both tiers").isGreaterThan(5);
    }

    @Test
    void commonWordsLookAmongTheNewestPostingsAndRareWordsGoToTheIndex() throws SQLException {
        PostingSearch search = new PostingSearch();
        try (Connection c = db.getConnection()) {
            List<Integer> common = search.plannedWindows(c, PostingCriteria.text("senior engineer"), 21);
            assertThat(common.get(0)).as("tier 1 of a common title").isBetween(PostingSearch.MIN_WINDOW, 5_000);
            String rare = PostingGenerator.rareTerms().keySet().iterator().next();
            List<Integer> rareWindows = search.plannedWindows(c, PostingCriteria.text(rare), 21);
            assertThat(rareWindows).as("both tiers of '%s'", rare).containsExactly(0, 0);
            // a selective filter turns a common word's page into an index search
            PostingCriteria filtered = new PostingCriteria("senior engineer", List.of("Lisbon"), null, null, null,
                    200_000, List.of("Some Company"), null, null, null, null, false);
            assertThat(search.plannedWindows(c, filtered, 21)).containsExactly(0, 0);
            // or and not: no word is required, the stats-free order applies
            assertThat(search.plannedWindows(c, PostingCriteria.text("python or kotlin"), 21))
                    .containsExactly(-1, -1);
        }
    }

    @Test
    void aLocationMatchesByItsWordsTheLastByItsStart() {
        assertThat(PostingSearch.placeQuery("New York")).isEqualTo("'new' & 'york':*");
        assertThat(PostingSearch.placeQuery("  san-fran ")).isEqualTo("'san' & 'fran':*");
        assertThat(PostingSearch.placeQuery("São Paulo")).isEqualTo("'são' & 'paulo':*");
        assertThat(PostingSearch.placeQuery("berl")).isEqualTo("'berl':*");
        assertThat(PostingSearch.placeQuery("'; DROP TABLE x; --")).isEqualTo("'drop' & 'table' & 'x':*");
        assertThat(PostingSearch.placeQuery("!!!")).isNull();
    }

    @Test
    void theRequiredWordsOfAQueryAreReadFromItsTsquery() {
        assertThat(PostingSearch.parseRequired("'kubernet' & 'engin'")).containsExactly("kubernet", "engin");
        assertThat(PostingSearch.parseRequired("'data' <-> 'engin'")).containsExactly("data", "engin");
        assertThat(PostingSearch.parseRequired("'o''neil'")).containsExactly("o'neil");
        assertThat(PostingSearch.parseRequired("")).isEmpty();
        assertThat(PostingSearch.parseRequired("'python' | 'kotlin'")).isNull();
        assertThat(PostingSearch.parseRequired("'engin' & !'senior'")).isNull();
        assertThat(PostingSearch.parseRequired("'engin':*")).isNull();
    }

    private static List<UUID> ids(PostingSearch.Result result) {
        return result.items().stream().map(PostingSummary::id).toList();
    }
}
