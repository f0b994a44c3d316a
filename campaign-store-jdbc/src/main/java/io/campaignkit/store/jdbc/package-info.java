/**
 * The storage ports on JDBC: {@link io.campaignkit.store.jdbc.JdbcCampaignStore} and
 * {@link io.campaignkit.store.jdbc.JdbcPacingStore}, on H2 or PostgreSQL.
 */
@NullMarked
package io.campaignkit.store.jdbc;

import org.jspecify.annotations.NullMarked;
