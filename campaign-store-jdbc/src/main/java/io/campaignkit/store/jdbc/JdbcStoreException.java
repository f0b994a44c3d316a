package io.campaignkit.store.jdbc;

import io.campaignkit.core.CampaignKitException;

/**
 * The database failed a store operation (unreachable, out of space, a constraint the store does not
 * expect). The message names the operation; the cause is the driver's exception.
 */
public final class JdbcStoreException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    /** The code of every {@code JdbcStoreException}. */
    public static final String CODE = io.campaignkit.core.port.CampaignStorage.STORE_FAILURE;

    public JdbcStoreException(String message, Throwable cause) {
        super(CODE, message, cause);
    }
}
