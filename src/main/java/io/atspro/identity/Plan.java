package io.atspro.identity;

import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The plans of {@code subscriptions.plan} and what each allows a month; null means unlimited. */
public enum Plan {
    FREE(3, 20, 50, 10, 20, 1, 10),
    PRO(20, 200, null, 200, 500, 10, 100),
    PREMIUM(100, 1000, null, 1000, null, 31, 500);

    /** @param discoveries job searches a user starts on the boards ({@code POST /discoveries}) */
    @Schema(name = "PlanLimits")
    public record Limits(Integer resumeUploads, Integer jobImports, Integer applications, Integer aiGenerations,
                         Integer matchScores, Integer dataExports, Integer discoveries) {
    }

    private final Limits limits;

    Plan(Integer resumeUploads, Integer jobImports, Integer applications, Integer aiGenerations, Integer matchScores,
         Integer dataExports, Integer discoveries) {
        this.limits = new Limits(resumeUploads, jobImports, applications, aiGenerations, matchScores, dataExports,
                discoveries);
    }

    public Limits limits() {
        return limits;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Plan of(String code) {
        return Arrays.stream(values()).filter(p -> p.code().equals(code)).findFirst().orElse(FREE);
    }
}
