/**
 * The storage ports on JDBC: {@link io.campaignkit.store.jdbc.JdbcCampaignStore} and
 * {@link io.campaignkit.store.jdbc.JdbcPacingStore}, on H2 or PostgreSQL.
 *
 * <h2>Several nodes</h2>
 * Claims lock rows {@code FOR UPDATE SKIP LOCKED}, so engines on any number of nodes share one campaign without
 * waiting for each other and never receive one recipient twice; a node that dies leaves its recipients under a
 * lease that expires, after which another node recovers them. Exclusivity is the primary key of the engagements
 * table. Campaign updates are optimistic ({@code UPDATE ... WHERE version = ?}).
 *
 * <h2>Counts</h2>
 * {@link io.campaignkit.store.jdbc.JdbcCampaignStore#counts} reads a campaign's few counter rows, which every
 * operation that adds recipients or changes their state adjusts in its own transaction: a million recipients are
 * counted as fast as ten.
 *
 * <h2>Tenants</h2>
 * A store built with {@link io.campaignkit.store.jdbc.JdbcCampaignStore.Builder#tenant(String)} (or made with
 * {@link io.campaignkit.store.jdbc.JdbcCampaignStore#forTenant(String)}) sees and changes one tenant's data only:
 * another tenant's campaigns are not found, their recipients, conversations and engagements are invisible, and
 * updates naming them change nothing. A store without a tenant serves every tenant (an engine shared by all of a
 * host's clients). Suppressions a tenant's store adds apply to that tenant; those a store for every tenant adds
 * apply to all of them.
 */
@NullMarked
package io.campaignkit.store.jdbc;

import org.jspecify.annotations.NullMarked;
