package io.atspro.scraping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** robots.txt (RFC 9309): the group for our agent, else "*"; Allow/Disallow longest match, Allow wins ties. */
final class RobotsRules {

    private record Rule(boolean allow, String path, Pattern pattern) {
    }

    static final RobotsRules ALLOW_ALL = new RobotsRules(List.of());

    private final List<Rule> rules;

    private RobotsRules(List<Rule> rules) {
        this.rules = rules;
    }

    static RobotsRules parse(String robotsTxt, String agentToken) {
        String agent = agentToken.toLowerCase(Locale.ROOT);
        List<Rule> specific = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        boolean specificSeen = false;
        List<String> groupAgents = new ArrayList<>();
        boolean inRules = false;
        for (String rawLine : robotsTxt.split("\\r?\\n|\\r")) {
            String line = rawLine.replaceFirst("#.*", "").trim();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (key.equals("user-agent")) {
                if (inRules) {
                    groupAgents.clear();
                    inRules = false;
                }
                groupAgents.add(value.toLowerCase(Locale.ROOT));
            } else if (key.equals("allow") || key.equals("disallow")) {
                inRules = true;
                boolean forUs = groupAgents.stream().anyMatch(a -> !a.equals("*") && agent.contains(a));
                boolean forStar = groupAgents.contains("*");
                if (forUs) {
                    specificSeen = true;
                }
                if (value.isEmpty()) {
                    continue; // "Disallow:" allows everything
                }
                Rule rule = new Rule(key.equals("allow"), value, toPattern(value));
                if (forUs) {
                    specific.add(rule);
                }
                if (forStar) {
                    star.add(rule);
                }
            } else if (!key.equals("sitemap") && !groupAgents.isEmpty()) {
                inRules = true; // crawl-delay etc. belong to the current group
            }
        }
        return new RobotsRules(specificSeen ? specific : star);
    }

    private static Pattern toPattern(String path) {
        boolean anchored = path.endsWith("$");
        String p = anchored ? path.substring(0, path.length() - 1) : path;
        String[] parts = p.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        if (anchored) {
            regex.append('$');
        }
        return Pattern.compile(regex.toString());
    }

    /** @param pathAndQuery e.g. "/jobs/1?x=y" */
    boolean allows(String pathAndQuery) {
        Rule best = null;
        for (Rule r : rules) {
            if (r.pattern().matcher(pathAndQuery).lookingAt()) {
                if (best == null || r.path().length() > best.path().length()
                        || (r.path().length() == best.path().length() && r.allow() && !best.allow())) {
                    best = r;
                }
            }
        }
        return best == null || best.allow();
    }
}
