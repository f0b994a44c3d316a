package io.campaignkit.core.port;

import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.internal.Arguments;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The host's contacts, for campaigns whose audience is a {@linkplain AudienceReference.Segment
 * segment}: those who have every tag and valued tag the segment names. Read page by page, so a
 * directory of millions never sits in memory.
 *
 * <p>Implementations must return only contacts that {@link AudienceReference.Segment#matches match}
 * the segment, so a contact with no tag is never in a segment; pages come in ascending phone order
 * ({@link PhoneNumber#compareTo}), each phone once, strictly after the given phone.
 */
public interface ContactDirectory {

    /** Largest page a caller may ask for. */
    int MAX_PAGE_SIZE = 1000;

    /**
     * Up to {@code limit} contacts of {@code segment} whose phones come after {@code after}
     * (exclusive; empty for the first page), in ascending phone order. A page shorter than
     * {@code limit} is the last.
     *
     * @param limit from 1 to {@link #MAX_PAGE_SIZE}
     */
    List<Contact> findSegmentPage(AudienceReference.Segment segment, Optional<PhoneNumber> after, int limit);

    /** The contact with {@code phone}, if the directory has one. */
    Optional<Contact> find(PhoneNumber phone);

    /**
     * Every contact of {@code segment}, fetched lazily {@code pageSize} at a time: only one page is
     * in memory at once.
     */
    default Stream<Contact> streamSegment(AudienceReference.Segment segment, int pageSize) {
        Arguments.requireNonNull(segment, "segment");
        Arguments.require(
                pageSize >= 1 && pageSize <= MAX_PAGE_SIZE,
                "pageSize",
                "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        Iterator<Contact> pages = new Iterator<>() {
            private @Nullable List<Contact> page; // null until the stream is first read
            private int index;

            @Override
            public boolean hasNext() {
                if (page == null) {
                    page = findSegmentPage(segment, Optional.empty(), pageSize);
                } else if (index == page.size() && page.size() == pageSize) {
                    page = findSegmentPage(
                            segment, Optional.of(page.get(page.size() - 1).phone()), pageSize);
                    index = 0;
                }
                return index < page.size();
            }

            @Override
            public Contact next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return Objects.requireNonNull(page).get(index++); // hasNext() read the first page
            }
        };
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(
                        pages, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT),
                false);
    }
}
