/**
 * Active hours: when a campaign may send. {@link io.campaignkit.core.hours.ActiveHours} is the
 * entry point (a weekly schedule of {@link io.campaignkit.core.hours.TimeRange}s in a zone, with
 * date exceptions, its DST rules and its text form); malformed text raises
 * {@link io.campaignkit.core.hours.InvalidActiveHoursException}.
 */
@NullMarked
package io.campaignkit.core.hours;

import org.jspecify.annotations.NullMarked;
