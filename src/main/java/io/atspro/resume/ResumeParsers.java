package io.atspro.resume;

import io.atspro.identity.UsageService;
import io.atspro.shared.OpenAiConfig;
import io.atspro.shared.QuotaExceededException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;

/** The resume parser {@code atspro.resume.parser} names. */
@Singleton
class ResumeParsers {

    @Produces
    @ApplicationScoped
    ResumeTextParser configured(ResumeConfig config, OpenAiConfig openai, UsageService usage, Validator validator) {
        RulesResumeParser rules = new RulesResumeParser();
        return switch (config.parser()) {
            case RULES -> rules;
            case OPENAI -> new OpenAiResumeParser(openai.settings(config.openaiMaxTokens()), validator, rules,
                    new PlanQuota(usage));
        };
    }

    /** A model parse counts like a generation: taken in its own transaction, given back when the model failed. */
    private record PlanQuota(UsageService usage) implements OpenAiResumeParser.Quota {

        @Override
        public boolean take(String userId) {
            try {
                QuarkusTransaction.requiringNew().run(() -> usage.consume(userId, UsageService.Quota.AI_GENERATIONS));
                return true;
            } catch (QuotaExceededException e) {
                return false;
            }
        }

        @Override
        public void giveBack(String userId) {
            usage.refund(userId, UsageService.Quota.AI_GENERATIONS);
        }
    }
}
