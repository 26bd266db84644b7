package io.atspro.scraping;

import static io.atspro.scraping.GreenhouseConnector.firstNonNull;
import static io.atspro.scraping.Normalization.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.atspro.posting.CompanyFacts;
import io.atspro.posting.NormalizedPosting;
import io.atspro.scraping.BoardException.Kind;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recruitee careers site API: GET {site}/api/offers/, the site being https://{company}.recruitee.com. Every
 * published offer in one answer, with the description and the requirements as separate HTML fields: the
 * posting's description holds both (as the careers page shows them), and the requirements are also kept apart as
 * the board labelled them. Salary figures come as strings ("3750") with a period; an offer whose salary fields are
 * all null has no salary.
 */
public class RecruiteeConnector implements BoardConnector {

    private final String configuredBase;
    private final BoardHttpClient http;

    public RecruiteeConnector(String baseUrl, BoardHttpClient http) {
        this.configuredBase = baseUrl;
        this.http = http;
    }

    @Override
    public String platform() {
        return "recruitee";
    }

    @Override
    public List<NormalizedPosting> fetchAll(String company) throws BoardException {
        String what = "Recruitee board '" + company + "'";
        String site = Normalization.siteBase(configuredBase,
                "https://" + Normalization.encodePath(company) + ".recruitee.com");
        JsonNode root = Normalization.parseJson(http.get(site + "/api/offers/"), what);
        JsonNode offers = root.get("offers");
        if (offers == null || !offers.isArray()) {
            throw new BoardException(Kind.MALFORMED, what + " answered without an \"offers\" list");
        }
        List<NormalizedPosting> out = new ArrayList<>();
        for (JsonNode offer : offers) {
            out.add(map(offer, company, what));
        }
        return out;
    }

    private NormalizedPosting map(JsonNode offer, String company, String what) throws BoardException {
        String id = text(offer, "id");
        String title = text(offer, "title");
        if (id == null || title == null) {
            throw new BoardException(Kind.MALFORMED, what + " has an offer without id or title");
        }
        String locationRaw = text(offer, "location");
        Normalization.Location location = new Normalization.Location(text(offer, "city"),
                firstNonNull(text(offer, "state_name"), text(offer, "state_code")),
                Normalization.country(firstNonNull(text(offer, "country_code"), text(offer, "country"))))
                .orElse(Normalization.parseLocation(locationRaw));

        // each field converted on its own: a description cut inside a tag must not swallow the requirements
        String requirements = Normalization.htmlToText(text(offer, "requirements"));
        String description = Normalization.htmlToText(text(offer, "description"));
        if (requirements != null) {
            description = description == null ? requirements : description + "\n\n" + requirements;
        }

        JsonNode salary = offer.path("salary");
        BigDecimal min = Normalization.decimal(salary.get("min"));
        BigDecimal max = Normalization.decimal(salary.get("max"));
        boolean paid = min != null || max != null;

        Map<String, String> meta = new HashMap<>();
        meta.put("platform", platform());
        meta.put("department", text(offer, "department"));
        meta.put("category", text(offer, "category_code"));
        meta.put("experience", text(offer, "experience_code"));
        meta.put("education", text(offer, "education_code"));
        meta.put("employmentTypeCode", text(offer, "employment_type_code"));
        meta.put("slug", text(offer, "slug"));
        List<String> tags = new ArrayList<>();
        offer.path("tags").forEach(t -> tags.add(t.asText()));
        if (!tags.isEmpty()) {
            meta.put("tags", String.join("; ", tags));
        }
        JsonNode locations = offer.path("locations");
        if (locations.size() > 1) {
            List<String> names = new ArrayList<>();
            locations.forEach(l -> names.add(firstNonNull(text(l, "name"), text(l, "city"))));
            meta.put("locations", String.join("; ", names));
        }

        String careersUrl = text(offer, "careers_url");
        NormalizedPosting posting = new NormalizedPosting(id, title, firstNonNull(text(offer, "company_name"), company),
                locationRaw, location.city(), location.state(), location.country(), arrangement(offer),
                Normalization.employmentType(text(offer, "employment_type_code")),
                min, max, paid ? text(salary, "currency") : null,
                paid ? Normalization.salaryInterval(text(salary, "period")) : null, description,
                Normalization.instant(firstNonNull(text(offer, "published_at"), text(offer, "created_at"))),
                firstNonNull(text(offer, "careers_apply_url"), careersUrl), careersUrl, meta);
        return posting
                .withSections(requirements, null, List.of(), List.of())
                .withCompany(new CompanyFacts(CompanyFacts.domainOf(careersUrl), null, siteOf(careersUrl), null,
                        null));
    }

    /** Recruitee's three flags; at most one is set on a real offer, none on an offer that says nothing. */
    private static String arrangement(JsonNode offer) {
        if (offer.path("remote").asBoolean(false)) {
            return "remote";
        }
        if (offer.path("hybrid").asBoolean(false)) {
            return "hybrid";
        }
        if (offer.path("on_site").asBoolean(false)) {
            return "onsite";
        }
        return null;
    }

    /**
     * The careers site an offer lives on ({@code https://careers.bunq.com/o/legal-counsel} → {@code
     * https://careers.bunq.com}): the employer's own domain when it has set one up, else its recruitee.com site.
     */
    private static String siteOf(String offerUrl) {
        if (offerUrl == null) {
            return null;
        }
        try {
            URI uri = URI.create(offerUrl);
            return uri.getScheme() == null || uri.getRawAuthority() == null ? null
                    : uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
