package io.atspro.scraping;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class ScrapeRequests {

    private ScrapeRequests() {
    }

    static final String PLATFORMS = "greenhouse|lever|ashby|jsonld|workday|smartrecruiters|workable|recruitee|personio"
            + "|teamtailor";

    /**
     * Either {@code url} (any careers page: the platform and token are recognised, an unknown page is read as
     * JSON-LD) or {@code platform} with {@code board}.
     *
     * @param board the board token (e.g. {@code stripe}; Workday {@code tenant.wd5/Site}) or the career page URL
     *              (jsonld)
     * @param companyName the employer's name, when the board's payload does not carry it (Lever, Ashby)
     * @param schedule Quartz cron; absent means the configured default
     */
    record CreateSource(
            @Pattern(regexp = PLATFORMS, message = "must be one of greenhouse, lever, ashby, jsonld, workday, "
                    + "smartrecruiters, workable, recruitee, personio, teamtailor") String platform,
            @Size(max = 500) String board,
            @Size(max = 500) String url,
            @Size(max = 255) String companyName,
            @Size(max = 100) String schedule,
            Boolean enabled) {
    }

    /** Absent fields are left as they are; {@code schedule: ""} goes back to the default. */
    @Schema(name = "ScrapeSourcePatch")
    record PatchSource(Boolean enabled, @Size(max = 100) String schedule, @Size(max = 255) String companyName) {
    }
}
