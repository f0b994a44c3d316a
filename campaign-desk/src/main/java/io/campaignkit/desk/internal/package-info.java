/** The desk's rules and assignment; not exported. */
@NullMarked
package io.campaignkit.desk.internal;

import org.jspecify.annotations.NullMarked;
