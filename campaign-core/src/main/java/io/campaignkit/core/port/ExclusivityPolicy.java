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

    /**
     * One scope for every tenant. A record, so the engine sees that no tenant has another scope (and
     * skips, for instance, the NONE scope's search for the campaign of a reply no engagement routes).
     *
     * @param scope the scope of every tenant
     */
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
