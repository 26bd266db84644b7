package io.atspro.bench;

import io.atspro.posting.NormalizedPosting;
import io.atspro.posting.PostingSections;
import io.atspro.scraping.AshbyConnector;
import io.atspro.scraping.BoardConnector;
import io.atspro.scraping.BoardException;
import io.atspro.scraping.BoardHttpClient;
import io.atspro.scraping.GreenhouseConnector;
import io.atspro.scraping.JsonLdCareerPageConnector;
import io.atspro.scraping.KnownPostings;
import io.atspro.scraping.LeverConnector;
import io.atspro.scraping.PersonioConnector;
import io.atspro.scraping.RecruiteeConnector;
import io.atspro.scraping.SmartRecruitersConnector;
import io.atspro.scraping.TeamtailorConnector;
import io.atspro.scraping.WorkableConnector;
import io.atspro.scraping.WorkdayConnector;
import io.atspro.skill.Lexicon;
import io.atspro.testing.LocalBoards;
import io.atspro.testing.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scrape-run time per platform on the recorded captures: the dev stack's local board server (WireMock on
 * 127.0.0.1) serves each board, and a run's read is timed as the service does it — the platform's connector
 * reading the whole board through {@link BoardHttpClient}, then {@link PostingSections#enrich} on every posting —
 * without the per-host pause between requests (production waits {@code min-interval}, 500 ms, between two requests
 * to one host; that wait is reported beside, from the requests counted). Greenhouse, measured in the same run, is
 * the reference. {@code ./mvnw -o -Pboard-bench}; report in {@code target/board-benchmark.md}.
 */
public final class BoardBenchmark {

    private static final Duration MIN_TIME = Duration.ofSeconds(3);
    private static final int WARM_UP = 10;

    private record Result(String platform, String board, int postings, int requests, double p50Ms, double p90Ms,
            int runs, double withRequirements, double withSkills, double withSalary, int secondRunRequests) {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(System.getProperty("atspro.project.dir", ".")).toAbsolutePath().normalize();
        Path shared = SharedFixtures.available() ? SharedFixtures.dir() : project.resolveSibling("shared");
        if (!Files.isDirectory(shared)) {
            throw new IllegalStateException("the board benchmark reads the recorded captures in " + shared);
        }
        Lexicon lexicon = Lexicon.standard();
        List<Result> results = new ArrayList<>();
        try (LocalBoards boards = LocalBoards.start(shared, project)) {
            for (LocalBoards.Source source : boards.sources()) {
                results.add(measure(boards.baseUrl(), source, lexicon));
            }
        }
        String report = report(results);
        Path out = project.resolve("target/board-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static BoardConnector connector(String platform, String base, BoardHttpClient http) {
        return switch (platform) {
            case "greenhouse" -> new GreenhouseConnector(base, http);
            case "lever" -> new LeverConnector(base, http);
            case "ashby" -> new AshbyConnector(base, http);
            case "workday" -> new WorkdayConnector(base, http);
            case "smartrecruiters" -> new SmartRecruitersConnector(base, http);
            case "workable" -> new WorkableConnector(base, http);
            case "recruitee" -> new RecruiteeConnector(base, http);
            case "personio" -> new PersonioConnector(base, http);
            case "teamtailor" -> new TeamtailorConnector(base, http);
            case "jsonld" -> new JsonLdCareerPageConnector(base + "/", http);
            default -> throw new IllegalArgumentException(platform);
        };
    }

    private static Result measure(String base, LocalBoards.Source source, Lexicon lexicon) throws BoardException {
        BoardHttpClient http = new BoardHttpClient(BoardHttpClient.Config.defaults().withMinInterval(Duration.ZERO)
                .withPrivateNetworks(true), Clock.systemUTC(), BoardHttpClient.Sleeper.REAL);
        BoardConnector connector = connector(source.platform(), base, http);
        List<NormalizedPosting> last = null;
        for (int i = 0; i < WARM_UP; i++) {
            last = run(connector, source.board(), KnownPostings.none(), lexicon);
        }
        List<Double> times = new ArrayList<>();
        long requestsBefore = http.stats().requests();
        long until = System.nanoTime() + MIN_TIME.toNanos();
        while (System.nanoTime() < until || times.size() < 20) {
            long t = System.nanoTime();
            last = run(connector, source.board(), KnownPostings.none(), lexicon);
            times.add((System.nanoTime() - t) / 1e6);
        }
        int requests = (int) ((http.stats().requests() - requestsBefore) / times.size());
        // a second run that knows every posting: what a scheduled run of an unchanged board costs
        Map<String, String> stamps = new HashMap<>();
        last.forEach(p -> stamps.put(p.externalId(), p.metadata().get(KnownPostings.STAMP)));
        stamps.values().removeIf(java.util.Objects::isNull);
        long before = http.stats().requests();
        run(connector, source.board(), new KnownPostings(stamps), lexicon);
        int second = (int) (http.stats().requests() - before);
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = last.size();
        return new Result(source.platform(), source.board(), n, requests, sorted[sorted.length / 2],
                sorted[(int) (sorted.length * 0.9)], sorted.length,
                share(last, p -> p.requirements() != null), share(last, p -> !p.requiredSkills().isEmpty()),
                share(last, p -> p.salaryMin() != null || p.salaryMax() != null), second);
    }

    private static List<NormalizedPosting> run(BoardConnector connector, String board, KnownPostings known,
            Lexicon lexicon) throws BoardException {
        List<NormalizedPosting> listing = connector.fetchAll(board, known);
        return listing.stream().map(p -> PostingSections.enrich(p, lexicon)).toList();
    }

    private static double share(List<NormalizedPosting> postings, java.util.function.Predicate<NormalizedPosting> p) {
        return postings.isEmpty() ? 0 : postings.stream().filter(p).count() / (double) postings.size();
    }

    private static String report(List<Result> results) {
        double reference = results.stream().filter(r -> r.platform().equals("greenhouse"))
                .mapToDouble(r -> r.p50Ms() / Math.max(1, r.postings())).findFirst().orElse(Double.NaN);
        StringBuilder md = new StringBuilder("## Scrape-run time per platform (recorded captures)\n\n");
        md.append(String.format(Locale.ROOT, "Machine: %d cores, JDK %s. Read + normalise + sections/skills/salary "
                + "per run, no pause between requests; p50/p90 over >= %d s of runs after %d warm-up runs. "
                + "Reference: Greenhouse per posting, same run.%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), MIN_TIME.toSeconds(), WARM_UP));
        md.append("| platform | board | postings | requests | run p50 ms | run p90 ms | ms / posting | × Greenhouse "
                + "| pause at 500 ms/request, s | requirements | required skills | salary | requests when unchanged |\n"
                + "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Result r : results) {
            double perPosting = r.p50Ms() / Math.max(1, r.postings());
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f | %.1f | %.2f | %.2f | %.1f | %.2f | "
                    + "%.2f | %.2f | %d |%n", r.platform(), r.board(), r.postings(), r.requests(), r.p50Ms(),
                    r.p90Ms(), perPosting, perPosting / reference, Math.max(0, r.requests() - 1) * 0.5,
                    r.withRequirements(), r.withSkills(), r.withSalary(), r.secondRunRequests()));
        }
        return md.toString();
    }

    private BoardBenchmark() {
    }

}
