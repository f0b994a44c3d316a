package io.campaignkit.store.jdbc;

/** Tenant isolation on H2. */
class H2TenantIsolationTest extends TenantIsolationChecks {
    @Override
    protected JdbcCampaignStore newStore() {
        return H2Databases.freshStore();
    }
}
