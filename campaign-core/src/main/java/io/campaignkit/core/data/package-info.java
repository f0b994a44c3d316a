/**
 * A campaign's custom data: the schema of its fields and the validated values of one contact.
 */
@NullMarked
package io.campaignkit.core.data;

import org.jspecify.annotations.NullMarked;
