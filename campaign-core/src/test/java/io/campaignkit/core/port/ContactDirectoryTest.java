package io.campaignkit.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.InvalidArgumentException;
import io.campaignkit.core.campaign.AudienceReference;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ContactDirectoryTest {

    /** A directory over a list, counting the pages asked for. */
    private static final class ListDirectory implements ContactDirectory {
        private final List<Contact> contacts;
        private final List<Integer> pageSizes = new ArrayList<>();

        ListDirectory(List<Contact> contacts) {
            this.contacts = contacts.stream()
                    .sorted((a, b) -> a.phone().compareTo(b.phone()))
                    .collect(Collectors.toList());
        }

        @Override
        public List<Contact> findSegmentPage(
                AudienceReference.Segment segment, Optional<PhoneNumber> after, int limit) {
            List<Contact> page = contacts.stream()
                    .filter(segment::matches)
                    .filter(c -> after.map(a -> c.phone().compareTo(a) > 0).orElse(true))
                    .limit(limit)
                    .collect(Collectors.toList());
            pageSizes.add(page.size());
            return page;
        }

        @Override
        public Optional<Contact> find(PhoneNumber phone) {
            return contacts.stream().filter(c -> c.phone().equals(phone)).findFirst();
        }
    }

    private static final AudienceReference.Segment VIP = AudienceReference.segment(Set.of("vip"));

    private static List<Contact> contacts(int vip, int untagged) {
        List<Contact> all = new ArrayList<>();
        IntStream.range(0, vip)
                .forEach(i -> all.add(Contact.builder(PhoneNumber.parse("+52551234" + (5000 + i)))
                        .tag("vip")
                        .build()));
        IntStream.range(0, untagged).forEach(i -> all.add(Contact.of(PhoneNumber.parse("+52551234" + (7000 + i)))));
        return all;
    }

    @Test
    void a_segment_streams_page_by_page_in_phone_order() {
        ListDirectory directory = new ListDirectory(contacts(7, 3));

        List<Contact> streamed = directory.streamSegment(VIP, 3).collect(Collectors.toList());

        assertThat(streamed).hasSize(7).allSatisfy(c -> assertThat(c.tags()).contains("vip"));
        assertThat(streamed).extracting(Contact::phone).isSorted().doesNotHaveDuplicates();
        assertThat(directory.pageSizes).containsExactly(3, 3, 1);
    }

    @Test
    void a_last_full_page_is_followed_by_one_empty_page() {
        ListDirectory directory = new ListDirectory(contacts(6, 0));

        assertThat(directory.streamSegment(VIP, 3).count()).isEqualTo(6);
        assertThat(directory.pageSizes).containsExactly(3, 3, 0);
    }

    @Test
    void the_stream_is_lazy_and_stops_fetching_when_the_reader_stops() {
        ListDirectory directory = new ListDirectory(contacts(10, 0));

        Stream<Contact> stream = directory.streamSegment(VIP, 2);
        assertThat(directory.pageSizes).isEmpty();
        assertThat(stream.limit(3).count()).isEqualTo(3);
        assertThat(directory.pageSizes).containsExactly(2, 2);
    }

    @Test
    void an_untagged_contact_never_streams_out_of_a_segment() {
        ListDirectory directory = new ListDirectory(contacts(0, 5));

        assertThat(directory.streamSegment(VIP, 10)).isEmpty();
    }

    @Test
    void bad_arguments_are_named() {
        ListDirectory directory = new ListDirectory(List.of());

        assertThatThrownBy(() -> directory.streamSegment(null, 10))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("segment"));
        assertThatThrownBy(() -> directory.streamSegment(VIP, 0))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("pageSize"));
        assertThatThrownBy(() -> directory.streamSegment(VIP, ContactDirectory.MAX_PAGE_SIZE + 1))
                .isInstanceOfSatisfying(
                        InvalidArgumentException.class,
                        e -> assertThat(e.argument()).isEqualTo("pageSize"));
    }
}
