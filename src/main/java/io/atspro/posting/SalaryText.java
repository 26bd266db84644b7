package io.atspro.posting;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pay a posting's text states ("the base salary range for this role is $150,000 - $180,000 per year",
 * "Gehalt: 55.000 – 65.000 € brutto im Jahr"), for postings whose board gives no structured salary. Strict on
 * purpose: an amount counts only inside a sentence that names pay (salary, pay, compensation, wage, rate, Gehalt,
 * Vergütung, salaire), after that word, with a currency, and with no budget, stipend, bonus or funding word between
 * them; a lone amount counts only with an hourly, daily or monthly rate. A posting that merely mentions money
 * ("a $1,000 learning budget", "we raised $20M") gets no salary.
 */
public final class SalaryText {

    /** A salary read from text. */
    public record Salary(BigDecimal min, BigDecimal max, String currency, String interval) {
    }

    private static final Pattern PAY = Pattern.compile("(?i)\\b(salary|salaries|pay(?: range| rate| scale| band)?"
            + "|compensation|wages?|(?:base )?hourly (?:rate|range)|day rate|rate of pay|remuneration|on[- ]target earnings|OTE"
            + "|gehalt|jahresgehalt|bruttojahresgehalt|verg[üu]tung|salaire|r[ée]mun[ée]ration|salario|retribuci[óo]n"
            + "|salaris)\\b");
    /** Words between the pay word and the amount that make the amount something else. */
    private static final Pattern NOT_PAY = Pattern.compile("(?i)\\b(budget|stipend|allowance|bonus(?:es)?|raised"
            + "|funding|series [a-e]|revenue|arr|valuation|reimburs\\w*|referral|sign[- ]on|relocation|401|equity"
            + "|grant|voucher|discount|gift|contribution|match(?:ing)?|per (?:employee|person)|fee)\\b");
    private static final String NUMBER = "(\\d{1,3}(?:[,.' \u00a0]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)"
            + "\\s?([kK]|[mM](?![a-z]))?";
    private static final Pattern AMOUNT = Pattern.compile("(?:(?<pre>[$€£₹¥]|CHF|USD|EUR|GBP|CAD|AUD|SGD|INR|SEK"
            + "|NOK|DKK|PLN|CZK|JPY|NZD|HKD|ZAR|BRL|MXN|US\\$|C\\$|A\\$)\\s?)?" + NUMBER
            + "(?:\\s?(?<post>[$€£₹¥]|CHF|USD|EUR|GBP|CAD|AUD|SGD|INR|SEK|NOK|DKK|PLN|CZK|JPY|NZD|HKD|ZAR|BRL|MXN"
            + "|euros?|dollars?|pounds?)(?![a-zA-Z]))?");
    private static final Pattern BOUND = Pattern.compile("(?i)\\b(up to|as much as|maximum|max\\.?|starting"
            + "|from|at least|minimum|min\\.?|bis zu|ab|mindestens|jusqu'à|à partir de|hasta|desde)\\s*$");
    private static final Pattern RANGE_JOIN = Pattern.compile("(?i)^\\s*(?:-|–|—|to|bis|and|à|a|y|tot)\\s*");
    private static final Map<String, String> SIGNS = Map.ofEntries(Map.entry("$", "USD"), Map.entry("US$", "USD"),
            Map.entry("€", "EUR"), Map.entry("£", "GBP"), Map.entry("₹", "INR"), Map.entry("¥", "JPY"),
            Map.entry("C$", "CAD"), Map.entry("A$", "AUD"), Map.entry("EURO", "EUR"), Map.entry("EUROS", "EUR"),
            Map.entry("DOLLAR", "USD"), Map.entry("DOLLARS", "USD"), Map.entry("POUND", "GBP"),
            Map.entry("POUNDS", "GBP"));
    private static final Pattern YEAR = Pattern.compile("(?i)(per (?:year|annum)|a year|annual(?:ly)?|/\\s?y(?:ea)?r"
            + "|yearly|p\\.?\\s?a\\.?(?![a-z])|im jahr|pro jahr|j[äa]hrlich|par an|al a[ñn]o|brutto(?:jahres)?gehalt)");
    private static final Pattern MONTH = Pattern.compile("(?i)(per month|a month|monthly|/\\s?mo(?:nth)?|pro monat"
            + "|im monat|monatlich|par mois|al mes|mensual)");
    private static final Pattern HOUR = Pattern.compile("(?i)(per hour|an hour|hourly|/\\s?h(?:ou)?r|pro stunde"
            + "|stundenlohn|de l'heure|por hora)");
    private static final Pattern DAY = Pattern.compile("(?i)(per day|a day|daily|day rate|/\\s?day|pro tag"
            + "|tagessatz|par jour)");

    private SalaryText() {
    }

    /**
     * The widest range stated in one currency and interval (postings list one range per location), or null when the
     * text states no pay.
     */
    public static Salary find(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Salary best = null;
        for (String sentence : text.split("(?<=[.!?])\\s+(?=[A-Z])|\\n")) {
            Salary s = inSentence(sentence);
            if (s == null) {
                continue;
            }
            if (best == null) {
                best = s;
            } else if (best.currency().equals(s.currency()) && best.interval().equals(s.interval())) {
                best = new Salary(best.min().min(s.min()), best.max().max(s.max()), best.currency(), best.interval());
            }
        }
        return best;
    }

    private static Salary inSentence(String sentence) {
        Matcher pay = PAY.matcher(sentence);
        if (!pay.find()) {
            return null;
        }
        Matcher amount = AMOUNT.matcher(sentence);
        int from = pay.end();
        while (amount.find(from)) {
            from = amount.end();
            if (amount.group(2) == null || amount.start(2) < 0) {
                continue;
            }
            String between = sentence.substring(pay.end(), amount.start());
            if (NOT_PAY.matcher(between).find() || between.length() > 120) {
                return null;
            }
            String currency = currency(amount.group("pre"), amount.group("post"));
            BigDecimal first = value(amount.group(2), amount.group(3));
            if (first == null) {
                continue;
            }
            BigDecimal second = null;
            String rest = sentence.substring(amount.end());
            Matcher join = RANGE_JOIN.matcher(rest);
            int after = amount.end();
            if (join.find()) {
                Matcher next = AMOUNT.matcher(rest.substring(join.end()));
                if (next.lookingAt() && next.group(2) != null) {
                    String unit = amount.group(3) != null && next.group(3) == null ? amount.group(3) : next.group(3);
                    second = value(next.group(2), next.group(3) != null ? next.group(3)
                            : amount.group(3) != null ? unit : null);
                    if (currency == null) {
                        currency = currency(next.group("pre"), next.group("post"));
                    }
                    if (amount.group(3) == null && next.group(3) != null) {
                        first = value(amount.group(2), next.group(3)); // "150 - 180k"
                    }
                    after = amount.end() + join.end() + next.end();
                }
            }
            if (currency == null) {
                continue;
            }
            String tail = sentence.substring(after, Math.min(sentence.length(), after + 40));
            // the unit after the amount decides; only without one does the text before it ("hourly rate: $40")
            String interval = interval(tail);
            if (interval == null) {
                interval = interval(between);
            }
            BigDecimal min = second == null ? first : first.min(second);
            BigDecimal max = second == null ? first : first.max(second);
            if (interval == null) {
                // unstated: a yearly figure is the only believable one without a unit
                if (min.compareTo(BigDecimal.valueOf(10_000)) < 0) {
                    return null;
                }
                interval = "year";
            }
            if (second == null && BOUND.matcher(between).find()) {
                return null; // "up to $90,000", "ab 50.000 €": a bound, not the pay
            }
            if (!plausible(min, max, interval)) {
                return null;
            }
            return new Salary(min, max, currency, interval);
        }
        return null;
    }

    private static boolean plausible(BigDecimal min, BigDecimal max, String interval) {
        double lo = min.doubleValue();
        double hi = max.doubleValue();
        if (lo <= 0 || hi / lo > 5) {
            return false;
        }
        return switch (interval) {
            case "hour" -> hi < 2_000;
            case "day" -> hi < 20_000;
            case "week" -> hi < 100_000;
            case "month" -> lo >= 100 && hi < 1_000_000;
            default -> lo >= 1_000 && hi < 100_000_000;
        };
    }

    private static String interval(String near) {
        if (HOUR.matcher(near).find()) {
            return "hour";
        }
        if (DAY.matcher(near).find()) {
            return "day";
        }
        if (MONTH.matcher(near).find()) {
            return "month";
        }
        if (YEAR.matcher(near).find()) {
            return "year";
        }
        return null;
    }

    private static String currency(String pre, String post) {
        String sign = pre != null ? pre : post;
        if (sign == null) {
            return null;
        }
        String upper = sign.toUpperCase(Locale.ROOT);
        return SIGNS.getOrDefault(upper, upper.length() == 3 && upper.chars().allMatch(Character::isLetter) ? upper
                : null);
    }

    /** "150,000" / "150.000" / "150 000" / "150k" / "1.5M" / "57.50" → the number. */
    private static BigDecimal value(String digits, String unit) {
        String d = digits.replace('\u00a0', ' ');
        String plain;
        if (d.matches("\\d{1,3}(?:[,.' ]\\d{3})+")) {
            plain = d.replaceAll("[,.' ]", "");
        } else if (d.matches("\\d{1,3}(?:[,.' ]\\d{3})+[.,]\\d{1,2}")) {
            int decimal = Math.max(d.lastIndexOf('.'), d.lastIndexOf(','));
            plain = d.substring(0, decimal).replaceAll("[,.' ]", "") + "." + d.substring(decimal + 1);
        } else {
            plain = d.replace(',', '.');
        }
        try {
            BigDecimal v = new BigDecimal(plain);
            if (unit != null) {
                v = v.multiply(BigDecimal.valueOf(unit.equalsIgnoreCase("k") ? 1_000 : 1_000_000));
            }
            return v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
