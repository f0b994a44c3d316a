package io.campaignkit.core.port;

import io.campaignkit.core.internal.Arguments;

/**
 * Each tenant's {@link ExclusivityScope}, as the host keeps it (a column of its tenants' table, a
 * setting); set with {@code CampaignEngine.builder().exclusivity(...)}. The engine asks it when it
 * launches a campaign (the campaign's tenant) and when a reply finds no campaign by engagement. Keep a
 * tenant's scope while it has active campaigns: a campaign keeps the engagements its launch made.
 */
@FunctionalInterface
public interface ExclusivityPolicy {

    /** {@link ExclusivityScope#PER_SENDER} for every tenant: the default. */
    ExclusivityPolicy PER_SENDER = everyTenant(ExclusivityScope.PER_SENDER);

    /** The scope of {@code tenantId}'s campaigns; never null. */
    ExclusivityScope scopeOf(String tenantId);

    /** The same scope for every tenant. */
    static ExclusivityPolicy everyTenant(ExclusivityScope scope) {
        Arguments.requireNonNull(scope, "scope");
        return new EveryTenant(scope);
    }

    /** Whether some tenant may have {@code scope}: false only for a fixed policy of another scope. */
    default boolean mayUse(ExclusivityScope scope) {
        return !(this instanceof EveryTenant fixed) || fixed.scope() == scope;
    }

    /** One scope for all: a record, so a fixed policy says it never uses another scope. */
    record EveryTenant(ExclusivityScope scope) implements ExclusivityPolicy {
        public EveryTenant {
            Arguments.requireNonNull(scope, "scope");
        }

        @Override
        public ExclusivityScope scopeOf(String tenantId) {
            return scope;
        }
    }
}
