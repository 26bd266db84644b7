package io.atspro.scraping;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The connectors of every platform, sharing one polite HTTP client (per-host pacing and circuits). */
@ApplicationScoped
public class BoardConnectors {

    public static final List<String> PLATFORMS = List.of("greenhouse", "lever", "ashby", "jsonld", "workday",
            "smartrecruiters", "workable", "recruitee", "personio", "teamtailor");

    private final BoardHttpClient http;
    private final Map<String, BoardConnector> byPlatform;

    BoardConnectors(ScrapingConfig config, Clock clock) {
        ScrapingConfig.Http h = config.http();
        this.http = new BoardHttpClient(new BoardHttpClient.Config(h.minInterval(), h.connectTimeout(),
                h.requestTimeout(), h.maxRetries(), h.baseBackoff(), h.maxBackoff(), h.maxRetryAfter(),
                h.failureThreshold(), h.coolDown(), h.userAgent(), h.allowPrivateNetworks()), clock, BoardHttpClient.Sleeper.REAL);
        this.byPlatform = List.of(
                new GreenhouseConnector(config.greenhouseBaseUrl(), http),
                new LeverConnector(config.leverBaseUrl(), http),
                new AshbyConnector(config.ashbyBaseUrl(), http),
                new JsonLdCareerPageConnector(config.careerPageBaseUrl().orElse(null), http),
                new WorkdayConnector(config.workdayBaseUrl().orElse(null), http),
                new SmartRecruitersConnector(config.smartrecruitersBaseUrl(), http),
                new WorkableConnector(config.workableBaseUrl(), http),
                new RecruiteeConnector(config.recruiteeBaseUrl().orElse(null), http),
                new PersonioConnector(config.personioBaseUrl().orElse(null), http),
                new TeamtailorConnector(config.teamtailorBaseUrl().orElse(null), http))
                .stream().collect(Collectors.toMap(BoardConnector::platform, Function.identity()));
    }

    public Optional<BoardConnector> forPlatform(String platform) {
        return Optional.ofNullable(byPlatform.get(platform));
    }

    BoardHttpClient http() {
        return http;
    }
}
