/** The desk's rules and assignment; not exported. */
package io.campaignkit.desk.internal;
