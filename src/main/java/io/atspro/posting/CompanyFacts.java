package io.atspro.posting;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * What a board's payload says about the employer. Every field may be null; the catalog never overwrites a known
 * value with a null one.
 *
 * @param domain the employer's own web domain ({@code bunq.com}), never a job board's
 * @param headquartersCountry ISO 3166 alpha-2 when recognised
 */
public record CompanyFacts(String domain, String logoUrl, String careerPageUrl, String headquartersCity,
        String headquartersCountry) {

    public static final CompanyFacts NONE = new CompanyFacts(null, null, null, null, null);

    /** Hosts of job boards and ATS vendors: a URL on them says nothing about the employer's own domain. */
    private static final Set<String> BOARD_DOMAINS = Set.of("greenhouse.io", "lever.co", "ashbyhq.com",
            "myworkdayjobs.com", "myworkdaysite.com", "workday.com", "smartrecruiters.com", "workable.com",
            "recruitee.com", "personio.de", "personio.com", "teamtailor.com", "icims.com", "breezy.hr",
            "applytojob.com", "jazzhr.com", "jobvite.com", "bamboohr.com", "successfactors.com", "successfactors.eu",
            "taleo.net", "linkedin.com", "indeed.com", "glassdoor.com", "join.com", "softgarden.io", "jobs.ch",
            "stepstone.de", "workforcenow.adp.com", "adp.com", "ultipro.com", "paylocity.com", "rippling.com",
            "dover.com", "wellfound.com", "ycombinator.com", "recruiterbox.com", "pinpointhq.com", "comeet.com",
            "homerun.co", "gupy.io", "freshteam.com", "zohorecruit.com", "oraclecloud.com", "cloudfront.net",
            "amazonaws.com", "googleusercontent.com", "gstatic.com");

    /** Leading labels that name a careers site rather than the employer ({@code careers.bunq.com}). */
    private static final Set<String> SITE_LABELS = Set.of("www", "careers", "career", "jobs", "job", "apply",
            "join", "work", "karriere", "recruiting", "talent", "hiring");

    public CompanyFacts {
        domain = blankToNull(domain);
        logoUrl = blankToNull(logoUrl);
        careerPageUrl = blankToNull(careerPageUrl);
        headquartersCity = blankToNull(headquartersCity);
        headquartersCountry = blankToNull(headquartersCountry);
    }

    /** This, with each missing field taken from {@code other}. */
    public CompanyFacts orElse(CompanyFacts other) {
        if (other == null) {
            return this;
        }
        return new CompanyFacts(domain != null ? domain : other.domain, logoUrl != null ? logoUrl : other.logoUrl,
                careerPageUrl != null ? careerPageUrl : other.careerPageUrl,
                headquartersCity != null ? headquartersCity : other.headquartersCity,
                headquartersCountry != null ? headquartersCountry : other.headquartersCountry);
    }

    public boolean isEmpty() {
        return domain == null && logoUrl == null && careerPageUrl == null && headquartersCity == null
                && headquartersCountry == null;
    }

    /**
     * The employer's domain from one of its URLs ({@code https://careers.bunq.com/x} → {@code bunq.com}), or null
     * when the URL is on a job board's or ATS vendor's host, or is not an http(s) URL with a dotted host name.
     */
    public static String domainOf(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String host;
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).matches("https?")) {
                return null;
            }
            host = uri.getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (host == null || !host.contains(".") || host.matches("[0-9.]+") || host.startsWith("[")) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        for (String board : BOARD_DOMAINS) {
            if (host.equals(board) || host.endsWith("." + board)) {
                return null;
            }
        }
        String[] labels = host.split("\\.");
        int first = 0;
        while (labels.length - first > 2 && SITE_LABELS.contains(labels[first])) {
            first++;
        }
        return String.join(".", java.util.Arrays.copyOfRange(labels, first, labels.length));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
