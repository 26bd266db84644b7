package io.atspro.resume;

import io.atspro.resume.ResumeData.Certification;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One certification per line: "AWS Certified Developer — Amazon Web Services (Mar 2021)", "CKA by CNCF, 2022",
 * "PMP | Issuer: PMI | 2020-05 | Credential ID: 12345". Lines that only add an issuer, expiry or credential id
 * belong to the certification above.
 */
final class CertificationParser {

    private static final Pattern CREDENTIAL_ID = Pattern.compile(
            "(?i)\\b(?:credential\\s*(?:id|#|no\\.?)?|cert(?:ificate|ification)?\\s*(?:id|#|no\\.?|number)|license\\s*(?:#|no\\.?|number)"
                    + "|id)\\s*[:#]?\\s*((?=[A-Z-]*\\d)[A-Z0-9][A-Z0-9-]{3,})");
    private static final Pattern EXPIRY = Pattern.compile(
            "(?i)\\b(?:expires?|expiration(?: date)?|exp\\.|valid (?:until|through|thru)|renewal)\\s*(?:on|:)?\\s*("
                    + PartialDate.ANY + ")");
    private static final Pattern OBTAINED_LABEL = Pattern.compile(
            "(?i)\\b(?:issued|obtained|earned|awarded|completed|date)(?:\\s+(?:on|in))?\\s*:?\\s*(?=" + PartialDate.ANY + ")");
    private static final Pattern ISSUER_LABEL = Pattern.compile("(?i)\\b(?:issuer|issued by|issuing organi[sz]ation|provider)\\s*[:\\-]?\\s*(.+)$");
    private static final Pattern BY = Pattern.compile("\\s+(?:by|from|via)\\s+(\\p{Lu}.+)$");
    private static final Pattern PIPE_OR_EM_DASH = Pattern.compile("\\s*\\|\\s*|\\s*—\\s*");
    private static final Pattern WEAK_SEPARATOR = Pattern.compile("\\s*,\\s*|\\s+[–-]\\s+");
    /** "AWS Certified Solutions Architect — Associate": the part after the dash is a level, not an issuer. */
    private static final Pattern LEVEL = Pattern.compile(
            "(?i)associate|professional|specialty|foundational|practitioner|expert|fundamentals|advanced|beginner|master");
    private static final Pattern ISSUER_IN_BRACKETS = Pattern.compile("\\(([^()]+)\\)\\s*$");
    private static final Pattern DETAIL_ONLY = Pattern.compile(
            "(?i)^(?:issuer|issued by|issuing organi[sz]ation|provider|credential|cert(?:ificate)? id|license|id|expires?"
                    + "|expiration|valid (?:until|through|thru)|issued|obtained)\\b.*");

    private static final List<String> KNOWN_ISSUERS = List.of("amazon web services", "aws", "microsoft", "google",
            "google cloud", "oracle", "cisco", "comptia", "pmi", "project management institute", "(isc)²", "(isc)2",
            "isc2", "isaca", "scrum alliance", "scrum.org", "linux foundation", "the linux foundation", "red hat",
            "hashicorp", "salesforce", "coursera", "udemy", "edx", "ibm", "vmware", "sap", "adobe", "meta", "hubspot",
            "cncf", "cloud native computing foundation", "axelos", "peoplecert", "databricks", "snowflake", "atlassian",
            "tableau", "offensive security", "ec-council", "giac", "sans", "apple", "mongodb", "confluent",
            "docker", "kubernetes", "stanford", "harvard", "mit", "deeplearning.ai", "nvidia", "cfa institute", "aicpa",
            "shrm", "iiba", "itil", "prince2", "github", "gitlab", "elastic", "redis", "cloudera", "juniper",
            "fortinet", "palo alto networks", "splunk", "servicenow", "alibaba cloud", "huawei", "ec council");

    private CertificationParser() {
    }

    static List<Certification> parse(List<String> lines) {
        List<Draft> drafts = new ArrayList<>();
        for (String line : lines) {
            String text = Text.isBullet(line) ? Text.stripBullet(line) : line;
            if (!drafts.isEmpty() && DETAIL_ONLY.matcher(text).matches()) {
                readDetails(drafts.get(drafts.size() - 1), text);
            } else {
                Draft draft = new Draft();
                String rest = readDetails(draft, text);
                readNameAndIssuer(draft, rest);
                drafts.add(draft);
            }
        }
        return drafts.stream().filter(d -> d.name != null).map(Draft::toCertification).toList();
    }

    /** Takes the credential id, expiry, issue date and labelled issuer out of the line; returns what is left. */
    private static String readDetails(Draft draft, String line) {
        String rest = line;
        Matcher m = CREDENTIAL_ID.matcher(rest);
        if (m.find()) {
            draft.credentialId = m.group(1);
            rest = cut(rest, m);
        }
        m = EXPIRY.matcher(rest);
        if (m.find()) {
            draft.expirationDate = PartialDate.normalise(m.group(1));
            rest = cut(rest, m);
        }
        rest = OBTAINED_LABEL.matcher(rest).replaceAll(" ");
        Optional<DateRange.Found> date = DateRange.findRangeOrDate(rest);
        if (date.isPresent()) {
            DateRange range = date.get().range();
            if (range.start() != null) {
                draft.dateObtained = range.start();
                draft.expirationDate = draft.expirationDate != null ? draft.expirationDate : range.end();
            } else {
                draft.dateObtained = range.end();
            }
            rest = date.get().remainder(rest);
        }
        m = ISSUER_LABEL.matcher(rest);
        if (m.find()) {
            draft.issuer = Text.blankToNull(Text.trimSeparators(PIPE_OR_EM_DASH.split(m.group(1))[0]));
            rest = rest.substring(0, m.start());
        }
        return Text.trimSeparators(rest);
    }

    private static void readNameAndIssuer(Draft draft, String text) {
        String name = text;
        String issuer = null;
        Matcher by = BY.matcher(name);
        String[] strong = PIPE_OR_EM_DASH.split(name);
        Matcher brackets = ISSUER_IN_BRACKETS.matcher(name);
        if (by.find()) {
            issuer = by.group(1);
            name = name.substring(0, by.start());
        } else if (strong.length > 1 && !LEVEL.matcher(strong[strong.length - 1].strip()).matches()) {
            issuer = strong[strong.length - 1];
            name = name.substring(0, name.lastIndexOf(issuer));
        } else if (brackets.find() && isKnownIssuer(brackets.group(1))) {
            issuer = brackets.group(1);
            name = name.substring(0, brackets.start());
        } else {
            String[] weak = WEAK_SEPARATOR.split(name);
            if (weak.length > 1 && isKnownIssuer(weak[weak.length - 1])) {
                issuer = weak[weak.length - 1];
                name = name.substring(0, name.lastIndexOf(issuer));
            }
        }
        draft.name = Text.blankToNull(Text.trimSeparators(name));
        if (draft.issuer == null && issuer != null) {
            draft.issuer = Text.blankToNull(Text.trimSeparators(issuer));
        }
    }

    private static boolean isKnownIssuer(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        return KNOWN_ISSUERS.contains(lower) || Vocabulary.companyScore(text) > 0;
    }

    private static String cut(String text, Matcher m) {
        return text.substring(0, m.start()) + " " + text.substring(m.end());
    }

    private static final class Draft {
        String name;
        String issuer;
        String dateObtained;
        String expirationDate;
        String credentialId;

        Certification toCertification() {
            return new Certification(name, issuer, dateObtained, expirationDate, credentialId);
        }
    }
}
