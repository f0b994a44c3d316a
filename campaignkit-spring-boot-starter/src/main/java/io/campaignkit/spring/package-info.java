/** Null-marked: nothing is null unless annotated {@code @Nullable}. */
@NullMarked
package io.campaignkit.spring;

import org.jspecify.annotations.NullMarked;
