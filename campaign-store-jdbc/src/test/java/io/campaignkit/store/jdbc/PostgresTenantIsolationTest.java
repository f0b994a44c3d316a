package io.campaignkit.store.jdbc;

/** Tenant isolation on PostgreSQL. */
class PostgresTenantIsolationTest extends TenantIsolationChecks {
    @Override
    protected JdbcCampaignStore newStore() {
        return PostgresDatabase.freshStore();
    }
}
