package io.atspro.scraping;

import io.atspro.posting.NormalizedPosting;
import java.util.List;

/** Reads one job board (ATS public API or career page) into normalized postings. */
public interface BoardConnector {

    /** Platform key, e.g. {@code greenhouse}. */
    String platform();

    /** The board's complete current listing. */
    List<NormalizedPosting> fetchAll(String boardTokenOrUrl) throws BoardException;
}
