/**
 * The JDBC store's SQL, row mapping and dialects; not exported.
 */
@NullMarked
package io.campaignkit.store.jdbc.internal;

import org.jspecify.annotations.NullMarked;
