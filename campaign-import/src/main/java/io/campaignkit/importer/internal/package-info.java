/**
 * The importer's readers and row validation; not exported.
 */
@NullMarked
package io.campaignkit.importer.internal;

import org.jspecify.annotations.NullMarked;
