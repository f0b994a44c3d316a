/** Null-marked: nothing is null unless annotated {@code @Nullable}. */
@NullMarked
package io.campaignkit.micrometer;

import org.jspecify.annotations.NullMarked;
