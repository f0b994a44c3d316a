/**
 * Argument checks shared with the importer and the JDBC store; exported to those two modules only.
 */
@NullMarked
package io.campaignkit.core.internal;

import org.jspecify.annotations.NullMarked;
