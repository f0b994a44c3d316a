package io.campaignkit.store.jdbc.internal;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.internal.Arguments;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The tenant a store serves, or every tenant. Every statement on tenant data carries the predicate
 * {@link #TENANT}, bound with {@link #bind}: a tenant's store sees and changes that tenant's rows only.
 *
 * @param tenantId the tenant, or empty for a store that serves every tenant
 */
public record Scope(Optional<String> tenantId) {

    /** The predicate on a table's {@code tenant_id}; binds one parameter. */
    static final String TENANT = "tenant_id = COALESCE(?, tenant_id)";

    /** The scope of the rows that belong to no campaign (suppressions, handled events) written by an all-tenant store. */
    static final String HOST_WIDE = "*";

    public static Scope allTenants() {
        return new Scope(Optional.empty());
    }

    public static Scope tenant(String tenantId) {
        return new Scope(Optional.of(tenantId));
    }

    /**
     * The scope of a store made from this one for {@code tenantId}: a store for every tenant may serve any one, a
     * tenant's store only its own.
     *
     * @throws InvalidArgumentException if {@code tenantId} is blank, or this scope is another tenant's
     */
    public Scope narrowedTo(String tenantId) {
        String tenant = Arguments.requireNonBlank(tenantId, "tenantId").strip();
        Arguments.require(
                this.tenantId.isEmpty() || this.tenantId.get().equals(tenant),
                "tenantId",
                "this store serves tenant " + this.tenantId.orElse("") + " only, not " + tenant);
        return tenant(tenant);
    }

    /** Binds the {@link #TENANT} predicate's parameter. */
    void bind(PreparedStatement statement, int index) throws SQLException {
        Sql.setString(statement, index, tenantId.orElse(null));
    }

    /** Whether a campaign of {@code campaignTenant} is visible to this store. */
    boolean sees(String campaignTenant) {
        return tenantId.isEmpty() || tenantId.get().equals(campaignTenant);
    }

    /** The scope column value of rows this store writes outside campaigns. */
    String writeScope() {
        return tenantId.orElse(HOST_WIDE);
    }
}
