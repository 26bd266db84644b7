package io.atspro.scraping;

import io.atspro.posting.NormalizedPosting;
import java.util.List;

/** Reads one job board (ATS public API or career page) into normalized postings. */
public interface BoardConnector {

    /** Platform key, e.g. {@code greenhouse}. */
    String platform();

    /** The board's complete current listing. */
    List<NormalizedPosting> fetchAll(String boardTokenOrUrl) throws BoardException;

    /**
     * The board's complete current listing, where a board that needs one request per posting for its details
     * (Workday, SmartRecruiters) skips the details of postings the catalog holds unchanged: those it only reports
     * to {@code known} as seen, and leaves out of the returned list. Other boards read everything.
     */
    default List<NormalizedPosting> fetchAll(String boardTokenOrUrl, KnownPostings known) throws BoardException {
        return fetchAll(boardTokenOrUrl);
    }
}
