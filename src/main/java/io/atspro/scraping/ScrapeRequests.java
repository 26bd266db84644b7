package io.atspro.scraping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

final class ScrapeRequests {

    private ScrapeRequests() {
    }

    /**
     * @param board the board token (greenhouse, lever, ashby) or the career page URL (jsonld)
     * @param companyName the employer's name, when the board's payload does not carry it (Lever, Ashby)
     * @param schedule Quartz cron; absent means the configured default
     */
    record CreateSource(
            @NotNull @Pattern(regexp = "greenhouse|lever|ashby|jsonld",
                    message = "must be one of greenhouse, lever, ashby, jsonld") String platform,
            @NotBlank @Size(max = 500) String board,
            @Size(max = 255) String companyName,
            @Size(max = 100) String schedule,
            Boolean enabled) {
    }

    /** Absent fields are left as they are; {@code schedule: ""} goes back to the default. */
    record PatchSource(Boolean enabled, @Size(max = 100) String schedule, @Size(max = 255) String companyName) {
    }
}
