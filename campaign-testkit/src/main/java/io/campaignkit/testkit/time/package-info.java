/** Time under the test's control: {@link io.campaignkit.testkit.time.ManualClock}. */
@NullMarked
package io.campaignkit.testkit.time;

import org.jspecify.annotations.NullMarked;
