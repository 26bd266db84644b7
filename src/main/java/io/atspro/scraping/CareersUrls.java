package io.atspro.scraping;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the platform and board token from a careers URL an admin pastes: a board's public page
 * ({@code boards.greenhouse.io/x}, {@code x.wd5.myworkdayjobs.com/en-US/Site/job/...}), one of its postings, or its
 * API address. A page on no known platform is a JSON-LD career page.
 */
public final class CareersUrls {

    /** What a URL is: the platform and its board token (the page URL itself for JSON-LD). */
    public record Board(String platform, String board) {
    }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(?:[-_][A-Za-z]{2})?");
    private static final Pattern WORKDAY_HOST = Pattern.compile("([a-z0-9][a-z0-9-]*)\\.(wd\\d{1,3})\\.myworkday(?:jobs|site)\\.com");
    private static final Pattern WORKDAY_SITE_HOST = Pattern.compile("(wd\\d{1,3})\\.myworkdaysite\\.com");
    /** Hosts whose first label is the board: {@code bunq.recruitee.com}, {@code clark.jobs.personio.de}. */
    private static final List<SubdomainBoard> SUBDOMAIN_BOARDS = List.of(
            new SubdomainBoard("recruitee", Pattern.compile("([a-z0-9][a-z0-9-]*)\\.recruitee\\.com")),
            new SubdomainBoard("personio", Pattern.compile("([a-z0-9][a-z0-9-]*)\\.jobs\\.personio\\.(?:de|com)")),
            new SubdomainBoard("teamtailor", Pattern.compile("([a-z0-9][a-z0-9-]*)\\.teamtailor\\.com")),
            new SubdomainBoard("workable", Pattern.compile("(?!apply\\.|www\\.)([a-z0-9][a-z0-9-]*)\\.workable\\.com")));

    private record SubdomainBoard(String platform, Pattern host) {
    }

    private CareersUrls() {
    }

    /**
     * The board behind the URL (scheme optional), or empty when it is not an absolute http(s) URL at all. A known
     * platform's host with no board in its path (e.g. {@code https://boards.greenhouse.io/}) is empty too.
     */
    public static Optional<Board> recognise(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String s = url.strip();
        if (!s.matches("(?i)https?://.*")) {
            if (s.matches("(?i)[a-z][a-z0-9+.-]*:(?!\\d).*")) {
                return Optional.empty(); // another scheme: mailto:, ftp:, javascript:
            }
            s = "https://" + s;
        }
        URI uri;
        try {
            uri = URI.create(s);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uri.getHost() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!host.contains(".") && !host.equals("localhost")) {
            return Optional.empty(); // "42", "acme": no page on the web
        }
        List<String> path = segments(uri.getRawPath());
        Board known = known(host, path, uri.getRawQuery());
        if (known != null) {
            return known.board() == null ? Optional.empty() : Optional.of(known);
        }
        return Optional.of(new Board("jsonld", s));
    }

    /** The board on a known platform's host; a Board with a null token when the host is known but the path is not. */
    private static Board known(String host, List<String> path, String query) {
        Matcher workday = WORKDAY_HOST.matcher(host);
        if (workday.matches()) {
            return workday(workday.group(1), workday.group(2), path);
        }
        Matcher site = WORKDAY_SITE_HOST.matcher(host);
        if (site.matches()) {
            // wd1.myworkdaysite.com/[locale/]recruiting/{tenant}/{site}: the tenant's board on its myworkdayjobs host
            List<String> p = !path.isEmpty() && LOCALE.matcher(path.get(0)).matches() ? path.subList(1, path.size())
                    : path;
            return p.size() >= 3 && p.get(0).equals("recruiting")
                    ? board("workday", p.get(1) + "." + site.group(1) + "/" + p.get(2))
                    : new Board("workday", null);
        }
        switch (host) {
            case "boards.greenhouse.io", "job-boards.greenhouse.io", "boards.eu.greenhouse.io",
                    "job-boards.eu.greenhouse.io" -> {
                if (!path.isEmpty() && path.get(0).equals("embed") && query != null) {
                    Matcher m = Pattern.compile("(?:^|&)for=([^&]+)").matcher(query);
                    return board("greenhouse", m.find() ? m.group(1) : null);
                }
                return board("greenhouse", first(path));
            }
            case "boards-api.greenhouse.io" -> {
                return board("greenhouse", after(path, "boards"));
            }
            case "jobs.lever.co", "jobs.eu.lever.co" -> {
                return board("lever", first(path));
            }
            case "api.lever.co", "api.eu.lever.co" -> {
                return board("lever", after(path, "postings"));
            }
            case "jobs.ashbyhq.com" -> {
                return board("ashby", first(path));
            }
            case "api.ashbyhq.com" -> {
                return board("ashby", after(path, "job-board"));
            }
            case "careers.smartrecruiters.com", "jobs.smartrecruiters.com" -> {
                return board("smartrecruiters", first(path));
            }
            case "api.smartrecruiters.com" -> {
                return board("smartrecruiters", after(path, "companies"));
            }
            case "apply.workable.com" -> {
                String account = after(path, "accounts");
                if (account == null && !path.isEmpty() && !path.get(0).equals("api") && !path.get(0).equals("j")) {
                    account = path.get(0);
                }
                return board("workable", account);
            }
            default -> {
                for (SubdomainBoard sub : SUBDOMAIN_BOARDS) {
                    Matcher m = sub.host().matcher(host);
                    if (m.matches()) {
                        return board(sub.platform(), m.group(1));
                    }
                }
                return null;
            }
        }
    }

    /**
     * {@code x.wd5.myworkdayjobs.com/[locale/]Site[/job/...]}, {@code x.wd1.myworkdaysite.com/[locale/]recruiting/x/Site}
     * and the CXS API {@code /wday/cxs/x/Site/jobs} → {@code x.wd5/Site}.
     */
    private static Board workday(String tenant, String dataCenter, List<String> path) {
        List<String> p = path;
        if (p.size() >= 4 && p.get(0).equals("wday") && p.get(1).equals("cxs")) {
            return board("workday", tenant + "." + dataCenter + "/" + p.get(3));
        }
        if (!p.isEmpty() && LOCALE.matcher(p.get(0)).matches()) {
            p = p.subList(1, p.size());
        }
        if (p.size() >= 3 && p.get(0).equals("recruiting")) {
            p = p.subList(2, p.size());
        }
        String site = first(p);
        return board("workday", site == null ? null : tenant + "." + dataCenter + "/" + site);
    }

    private static Board board(String platform, String token) {
        String t = token == null ? null : java.net.URLDecoder.decode(token, java.nio.charset.StandardCharsets.UTF_8);
        if (t != null && !"workday".equals(platform) && !TOKEN.matcher(t).matches()) {
            t = null;
        }
        return new Board(platform, t);
    }

    private static List<String> segments(String rawPath) {
        if (rawPath == null) {
            return List.of();
        }
        return Arrays.stream(rawPath.split("/")).filter(seg -> !seg.isBlank()).toList();
    }

    private static String first(List<String> path) {
        return path.isEmpty() ? null : path.get(0);
    }

    private static String after(List<String> path, String segment) {
        int i = path.indexOf(segment);
        return i >= 0 && i + 1 < path.size() ? path.get(i + 1) : null;
    }
}
