package io.atspro.scraping;

import io.atspro.posting.NormalizedPosting;
import java.util.List;

/** A board that searches its postings server-side (Workday's {@code searchText}, SmartRecruiters' {@code q}). */
public interface SearchableBoard {

    /**
     * The board's postings matching the words (and, when the board can filter by it, the location), best first as
     * the board ranks them, at most {@code max}; details of postings {@code known} holds unchanged are skipped as in
     * {@link BoardConnector#fetchAll(String, KnownPostings)}. Not a complete listing: nothing is closed by it.
     *
     * @param location free text such as "Berlin", or null
     */
    List<NormalizedPosting> search(String board, String query, String location, int max, KnownPostings known)
            throws BoardException;
}
