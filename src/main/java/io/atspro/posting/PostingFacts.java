package io.atspro.posting;

import java.util.List;

/** A posting as recommendations weigh it: its summary, its top yearly salary, the skills it names. */
public record PostingFacts(PostingSummary summary, Integer salaryAnnualMax, List<String> skills) {
}
