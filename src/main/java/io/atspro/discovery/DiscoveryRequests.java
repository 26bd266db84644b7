package io.atspro.discovery;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

final class DiscoveryRequests {

    private DiscoveryRequests() {
    }

    /**
     * @param searchQuery words as in the search box ("data analyst")
     * @param location a city, region or country, or absent for anywhere
     * @param sources the platforms whose boards to search server-side (workday, smartrecruiters); absent means every
     *                platform that can, an empty list means the catalog only
     */
    @Schema(name = "DiscoveryRequest")
    record Start(
            @NotBlank @Size(min = 2, max = 200) String searchQuery,
            @Size(max = 200) String location,
            @Size(max = 10) List<@NotBlank @Pattern(regexp = "[a-z]{2,20}", message = "must be a platform name")
                    String> sources) {
    }
}
