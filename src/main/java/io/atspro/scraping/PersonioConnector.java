package io.atspro.scraping;

import static io.atspro.scraping.GreenhouseConnector.firstNonNull;
import static io.atspro.scraping.SafeXml.childText;

import io.atspro.posting.CompanyFacts;
import io.atspro.posting.NormalizedPosting;
import io.atspro.posting.PostingSections;
import io.atspro.scraping.BoardException.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Entities;
import org.w3c.dom.Element;

/**
 * Personio's XML feed: GET {site}/xml, the site being https://{company}.jobs.personio.de. A posting's text comes as
 * named sections ({@code <jobDescription>} with a {@code <name>} and HTML in its {@code <value>}): the description
 * keeps every section under its name as a heading, and sections whose names read as requirements or benefits
 * ({@link PostingSections#kindOf}) are also kept apart. The feed has no URLs; a position's page is {site}/job/{id},
 * which carries the application form too. Offices name cities only, so postings have no country.
 */
public class PersonioConnector implements BoardConnector {

    private final String configuredBase;
    private final BoardHttpClient http;

    public PersonioConnector(String baseUrl, BoardHttpClient http) {
        this.configuredBase = baseUrl;
        this.http = http;
    }

    @Override
    public String platform() {
        return "personio";
    }

    @Override
    public List<NormalizedPosting> fetchAll(String company) throws BoardException {
        String what = "Personio board '" + company + "'";
        String site = Normalization.siteBase(configuredBase,
                "https://" + Normalization.encodePath(company) + ".jobs.personio.de");
        Element root = SafeXml.parse(http.get(site + "/xml"), what).getDocumentElement();
        if (!"workzag-jobs".equals(root.getLocalName())) {
            throw new BoardException(Kind.MALFORMED,
                    what + " answered <" + root.getTagName() + "> instead of a <workzag-jobs> feed");
        }
        List<NormalizedPosting> out = new ArrayList<>();
        for (Element position : SafeXml.children(root, "position")) {
            out.add(map(position, company, site, what));
        }
        return out;
    }

    private NormalizedPosting map(Element position, String company, String site, String what)
            throws BoardException {
        String id = childText(position, "id");
        String title = childText(position, "name");
        if (id == null || title == null) {
            throw new BoardException(Kind.MALFORMED, what + " has a position without id or name");
        }
        String office = childText(position, "office");
        Normalization.Location location = Normalization.parseLocation(office);
        List<String> additionalOffices = new ArrayList<>();
        for (Element extra : SafeXml.children(SafeXml.child(position, "additionalOffices"), "office")) {
            String name = Normalization.blankToNull(extra.getTextContent());
            if (name != null) {
                additionalOffices.add(name);
            }
        }

        StringBuilder html = new StringBuilder();
        StringBuilder requirementsHtml = new StringBuilder();
        StringBuilder benefitsHtml = new StringBuilder();
        for (Element section : SafeXml.children(SafeXml.child(position, "jobDescriptions"), "jobDescription")) {
            String name = childText(section, "name");
            String value = childText(section, "value");
            if (name != null) {
                html.append("<h3>").append(Entities.escape(name)).append("</h3>");
            }
            if (value != null) {
                html.append("<div>").append(value).append("</div>");
                PostingSections.Kind kind = PostingSections.kindOf(name);
                if (kind == PostingSections.Kind.REQUIREMENTS) {
                    requirementsHtml.append("<div>").append(value).append("</div>");
                } else if (kind == PostingSections.Kind.BENEFITS) {
                    benefitsHtml.append("<div>").append(value).append("</div>");
                }
            }
        }

        Map<String, String> meta = new HashMap<>();
        meta.put("platform", platform());
        meta.put("subcompany", childText(position, "subcompany"));
        meta.put("department", childText(position, "department"));
        meta.put("recruitingCategory", childText(position, "recruitingCategory"));
        meta.put("seniority", childText(position, "seniority"));
        meta.put("schedule", childText(position, "schedule"));
        meta.put("yearsOfExperience", childText(position, "yearsOfExperience"));
        meta.put("occupation", childText(position, "occupation"));
        meta.put("occupationCategory", childText(position, "occupationCategory"));
        meta.put("keywords", childText(position, "keywords"));
        meta.put("employmentType", childText(position, "employmentType"));
        if (!additionalOffices.isEmpty()) {
            meta.put("additionalOffices", String.join("; ", additionalOffices));
        }

        String url = site + "/job/" + Normalization.encodePath(id);
        return new NormalizedPosting(id, title, firstNonNull(childText(position, "subcompany"), company), office,
                location.city(), location.state(), location.country(), Normalization.workArrangement(office),
                employmentType(childText(position, "employmentType"), childText(position, "schedule")),
                null, null, null, null, Normalization.htmlToText(html.toString()),
                Normalization.instant(childText(position, "createdAt")), url, url, meta)
                .withSections(Normalization.htmlToText(requirementsHtml.toString()),
                        Normalization.htmlToText(benefitsHtml.toString()), List.of(), List.of())
                .withCompany(new CompanyFacts(null, null, site, null, null));
    }

    /**
     * Personio splits the contract ({@code permanent}, {@code intern}, {@code freelance}...) from the hours
     * ({@code full-time}, {@code part-time}): a permanent contract says only "not temporary", so the hours decide,
     * while any other contract kind wins over the hours (a full-time intern is an internship).
     */
    private static String employmentType(String contract, String schedule) {
        String byContract = Normalization.employmentType(contract);
        if (byContract != null && !byContract.equals("full_time")) {
            return byContract;
        }
        return firstNonNull(Normalization.employmentType(schedule), byContract);
    }
}
