/** Time under the test's control: {@link io.campaignkit.testkit.time.ManualClock}. */
package io.campaignkit.testkit.time;
