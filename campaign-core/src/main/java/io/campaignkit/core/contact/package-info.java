/**
 * Contacts and their phone numbers ({@link io.campaignkit.core.contact.PhoneNumber}, E.164).
 */
@NullMarked
package io.campaignkit.core.contact;

import org.jspecify.annotations.NullMarked;
