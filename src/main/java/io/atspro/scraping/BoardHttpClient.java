package io.atspro.scraping;

import io.atspro.scraping.BoardException.Kind;
import io.atspro.shared.AddressClassifier;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polite HTTP for scraping: per-host minimum interval, timeouts, retries with exponential backoff on 429/5xx
 * (honouring Retry-After), a per-host circuit breaker, and the private-network guard on every URL and redirect.
 * Thread-safe.
 */
public final class BoardHttpClient {

    /** Waits; injectable so tests don't sleep for real. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper REAL = d -> Thread.sleep(Math.max(0, d.toMillis()));
    }

    /**
     * @param minInterval minimum time between request starts to one host
     * @param maxRetries retries after the first attempt (429, 5xx, timeout, I/O error)
     * @param baseBackoff first retry delay, doubled per retry, capped at maxBackoff
     * @param maxRetryAfter cap on a server's Retry-After
     * @param failureThreshold consecutive failed attempts that open a host's circuit
     * @param coolDown how long an open circuit fails fast before a half-open trial
     */
    public record Config(Duration minInterval, Duration connectTimeout, Duration requestTimeout, int maxRetries,
            Duration baseBackoff, Duration maxBackoff, Duration maxRetryAfter, int failureThreshold,
            Duration coolDown, String userAgent, boolean allowPrivateNetworks) {

        /** Production defaults: private, loopback and link-local addresses refused. */
        public static Config defaults() {
            return new Config(Duration.ofMillis(250), Duration.ofSeconds(10), Duration.ofSeconds(30), 3,
                    Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(120), 5,
                    Duration.ofMinutes(5), "ATSPro-JobScraper/1.0 (+https://atspro.io/bot)", false);
        }

        public Config withMinInterval(Duration d) {
            return new Config(d, connectTimeout, requestTimeout, maxRetries, baseBackoff, maxBackoff, maxRetryAfter,
                    failureThreshold, coolDown, userAgent, allowPrivateNetworks);
        }

        public Config withRequestTimeout(Duration d) {
            return new Config(minInterval, connectTimeout, d, maxRetries, baseBackoff, maxBackoff, maxRetryAfter,
                    failureThreshold, coolDown, userAgent, allowPrivateNetworks);
        }

        public Config withMaxRetries(int n) {
            return new Config(minInterval, connectTimeout, requestTimeout, n, baseBackoff, maxBackoff, maxRetryAfter,
                    failureThreshold, coolDown, userAgent, allowPrivateNetworks);
        }

        public Config withCircuit(int threshold, Duration coolDownPeriod) {
            return new Config(minInterval, connectTimeout, requestTimeout, maxRetries, baseBackoff, maxBackoff,
                    maxRetryAfter, threshold, coolDownPeriod, userAgent, allowPrivateNetworks);
        }

        /** Lets requests reach loopback and private networks: tests and the local dev stack only. */
        public Config withPrivateNetworks(boolean allow) {
            return new Config(minInterval, connectTimeout, requestTimeout, maxRetries, baseBackoff, maxBackoff,
                    maxRetryAfter, failureThreshold, coolDown, userAgent, allow);
        }
    }

    /** Counters for a run report. */
    public record Stats(long requests, long rateLimitHits, long failures, double avgResponseMs) {
    }

    /** A final (non-retried) response. */
    public record Response(int status, String body) {
    }

    private final HttpClient http;
    private final Config config;
    private final Clock clock;
    private final Sleeper sleeper;
    private static final ThreadLocal<Tally> TALLY = new ThreadLocal<>();
    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rateLimitHits = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong totalResponseNanos = new AtomicLong();

    public BoardHttpClient(Config config, Clock clock, Sleeper sleeper) {
        this.config = config;
        this.clock = clock;
        this.sleeper = sleeper;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static BoardHttpClient withDefaults() {
        return new BoardHttpClient(Config.defaults(), Clock.systemUTC(), Sleeper.REAL);
    }

    public Config config() {
        return config;
    }

    public Stats stats() {
        long n = requests.get();
        return new Stats(n, rateLimitHits.get(), failures.get(),
                n == 0 ? 0.0 : totalResponseNanos.get() / 1_000_000.0 / n);
    }

    /** GET returning the body of a 2xx answer; any other final status is an error. */
    public String get(String url) throws BoardException {
        return body("GET", url, getResponse(url));
    }

    /** POST of a JSON body returning the body of a 2xx answer (Workday's search); retried like a GET. */
    public String postJson(String url, String json) throws BoardException {
        return body("POST", url, exchange(url, json, MAX_REDIRECTS));
    }

    private static String body(String method, String url, Response response) throws BoardException {
        if (response.status() / 100 != 2) {
            throw new BoardException(Kind.HTTP_ERROR,
                    method + " " + url + " answered HTTP " + response.status() + "; check the board token or URL");
        }
        return response.body();
    }

    /**
     * GET returning the final response whatever its status, except that 429 and 5xx are retried and, when retries
     * run out, thrown as RATE_LIMITED / HTTP_ERROR.
     */
    public Response getResponse(String url) throws BoardException {
        return exchange(url, null, MAX_REDIRECTS);
    }

    /** Redirects followed by hand, each target checked like the first URL. */
    static final int MAX_REDIRECTS = 5;

    /**
     * Every URL (the first and each redirect's target) must be absolute http(s), and its host must resolve to
     * public addresses only ({@link AddressClassifier}), unless the configuration allows private networks. The
     * same guard as a user's job URL: an admin's board URL must not make the service probe the internal network.
     */
    private URI checked(String url) throws BoardException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new BoardException(Kind.MALFORMED, "Not a valid URL: " + url, e);
        }
        if (uri.getHost() == null || uri.getScheme() == null
                || !uri.getScheme().toLowerCase(Locale.ROOT).matches("https?")) {
            throw new BoardException(Kind.MALFORMED, "Not an absolute http(s) URL: " + url);
        }
        checkAddresses(uri.getHost(), config.allowPrivateNetworks());
        return uri;
    }

    /** Throws BLOCKED when the host resolves to a loopback, private, link-local or other non-public address. */
    static void checkAddresses(String host, boolean allowPrivate) throws BoardException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(name);
        } catch (UnknownHostException | SecurityException e) {
            throw new BoardException(Kind.HTTP_ERROR, "No such host: " + host, e);
        }
        if (allowPrivate) {
            return;
        }
        for (InetAddress address : addresses) {
            String range = AddressClassifier.blockedRange(address);
            if (range != null) {
                throw new BoardException(Kind.BLOCKED, host + " points to a private network (" + address.getHostAddress()
                        + ": " + range + "); board URLs must be public");
            }
        }
    }

    private Response exchange(String url, String jsonBody, int redirectsLeft) throws BoardException {
        URI uri = checked(url);
        HostState host = hosts.computeIfAbsent(uri.getHost().toLowerCase(Locale.ROOT), h -> new HostState());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("User-Agent", config.userAgent());
        HttpRequest request = jsonBody == null
                ? builder.header("Accept", "application/json, text/html;q=0.9, */*;q=0.5").GET().build()
                : builder.header("Accept", "application/json").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build();

        for (int attempt = 0; ; attempt++) {
            host.checkCircuit(uri);
            pace(host);
            requests.incrementAndGet();
            Tally tally = TALLY.get();
            if (tally != null) {
                tally.requests++;
            }
            long started = System.nanoTime();
            BoardException failure;
            Duration wait;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                elapsed(tally, started);
                int status = response.statusCode();
                if (status == 429) {
                    rateLimitHits.incrementAndGet();
                    if (tally != null) {
                        tally.rateLimitHits++;
                    }
                    host.neutral();
                    failure = new BoardException(Kind.RATE_LIMITED, uri.getHost() + " is rate limiting us (HTTP 429 for "
                            + url + "); try again later");
                    wait = retryAfter(response).orElse(null);
                } else if (status >= 500) {
                    failed(tally);
                    host.failed(clock.instant());
                    failure = new BoardException(Kind.HTTP_ERROR,
                            "GET " + url + " kept failing with HTTP " + status + " (server error)");
                    wait = null;
                } else {
                    host.succeeded();
                    String location = response.headers().firstValue("Location").orElse(null);
                    if (status / 100 == 3 && location != null) {
                        if (redirectsLeft <= 0) {
                            throw new BoardException(Kind.HTTP_ERROR, "GET " + url + " redirected more than "
                                    + MAX_REDIRECTS + " times");
                        }
                        String target = uri.resolve(location.strip()).toString();
                        // a POST answered with a redirect is read from the new place as a GET (RFC 9110 303)
                        return exchange(target, status == 307 || status == 308 ? jsonBody : null, redirectsLeft - 1);
                    }
                    return new Response(status, response.body());
                }
            } catch (HttpTimeoutException e) {
                elapsed(tally, started);
                failed(tally);
                host.failed(clock.instant());
                failure = new BoardException(Kind.TIMEOUT,
                        "GET " + url + " timed out after " + config.requestTimeout().toMillis() + " ms", e);
                wait = null;
            } catch (IOException e) {
                elapsed(tally, started);
                failed(tally);
                host.failed(clock.instant());
                failure = new BoardException(Kind.HTTP_ERROR, "GET " + url + " failed: " + e.getMessage(), e);
                wait = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BoardException(Kind.HTTP_ERROR, "Interrupted while fetching " + url, e);
            }
            if (attempt >= config.maxRetries()) {
                throw failure;
            }
            if (wait == null) {
                wait = backoff(attempt);
            }
            sleep(wait, url);
        }
    }

    private void elapsed(Tally tally, long started) {
        long nanos = System.nanoTime() - started;
        totalResponseNanos.addAndGet(nanos);
        if (tally != null) {
            tally.responseNanos += nanos;
        }
    }

    private void failed(Tally tally) {
        failures.incrementAndGet();
        if (tally != null) {
            tally.failures++;
        }
    }

    /**
     * Counts this thread's requests from now until {@link #stopTally()}: one scrape run's figures while other runs
     * share the client (and its per-host pacing and circuits).
     */
    public Tally startTally() {
        Tally tally = new Tally();
        TALLY.set(tally);
        return tally;
    }

    public void stopTally() {
        TALLY.remove();
    }

    /** One thread's request counters; read after {@link #stopTally()}. */
    public static final class Tally {
        long requests;
        long rateLimitHits;
        long failures;
        long responseNanos;

        public Stats stats() {
            return new Stats(requests, rateLimitHits, failures,
                    requests == 0 ? 0.0 : responseNanos / 1_000_000.0 / requests);
        }

        public long totalResponseMillis() {
            return responseNanos / 1_000_000;
        }
    }

    private Duration backoff(int attempt) {
        long millis = config.baseBackoff().toMillis() << Math.min(attempt, 20);
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    private java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::trim).flatMap(value -> {
            Duration d = null;
            if (value.matches("\\d+")) {
                d = Duration.ofSeconds(Long.parseLong(value));
            } else {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    d = Duration.between(clock.instant(), at);
                } catch (DateTimeParseException ignored) {
                    return java.util.Optional.empty();
                }
            }
            if (d.isNegative()) {
                d = Duration.ZERO;
            }
            return java.util.Optional.of(d.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : d);
        });
    }

    /** Reserves the next slot for this host, then waits for it outside the lock. */
    private void pace(HostState host) throws BoardException {
        Duration wait;
        synchronized (host) {
            Instant now = clock.instant();
            Instant slot = host.lastStart == null ? now : host.lastStart.plus(config.minInterval());
            if (slot.isBefore(now)) {
                slot = now;
            }
            host.lastStart = slot;
            wait = Duration.between(now, slot);
        }
        if (!wait.isZero()) {
            sleep(wait, "the next request");
        }
    }

    private void sleep(Duration wait, String what) throws BoardException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BoardException(Kind.HTTP_ERROR, "Interrupted while waiting before " + what, e);
        }
    }

    private final class HostState {
        Instant lastStart;
        int consecutiveFailures;
        Instant openUntil;
        boolean trialInFlight;

        synchronized void checkCircuit(URI uri) throws BoardException {
            if (openUntil == null) {
                return;
            }
            Instant now = clock.instant();
            if (now.isBefore(openUntil) || trialInFlight) {
                throw new BoardException(Kind.CIRCUIT_OPEN, uri.getHost() + " failed " + consecutiveFailures
                        + " times in a row; pausing requests to it until " + openUntil);
            }
            trialInFlight = true; // half-open: let exactly one request through
        }

        synchronized void failed(Instant now) {
            consecutiveFailures++;
            if (trialInFlight || consecutiveFailures >= config.failureThreshold()) {
                openUntil = now.plus(config.coolDown());
                trialInFlight = false;
            }
        }

        synchronized void neutral() {
            trialInFlight = false;
        }

        synchronized void succeeded() {
            consecutiveFailures = 0;
            openUntil = null;
            trialInFlight = false;
        }
    }
}
