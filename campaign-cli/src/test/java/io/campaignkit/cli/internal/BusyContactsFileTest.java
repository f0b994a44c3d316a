package io.campaignkit.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.campaignkit.core.campaign.SenderKey;
import io.campaignkit.core.contact.PhoneNumber;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --busy-contacts FILE}: which numbers are busy, read again when the file changes. */
class BusyContactsFileTest {

    private static final SenderKey SENDER = SenderKey.of("simulated", "simulated-sender");
    private static final PhoneNumber CARLOS = PhoneNumber.parse("+525500998877");
    private static final PhoneNumber ANA = PhoneNumber.parse("+525511223344");
    private static final PhoneNumber LUZ = PhoneNumber.parse("+525522334455");

    @TempDir
    Path dir;

    @Test
    void numbersInTheFileAreBusyForAnySenderOthersAreNot() throws IOException {
        Path file = Files.writeString(
                dir.resolve("busy.txt"), "\uFEFF# agents' cases\n+52 1 55 0099 8877\n\n  5511223344  \n");

        BusyContactsFile busy = BusyContactsFile.read(file, "MX");

        // Mexico's old mobile prefix +521 is the same contact as +52
        assertThat(busy.busyAmong("cli", SENDER, List.of(CARLOS, ANA, LUZ))).containsExactlyInAnyOrder(CARLOS, ANA);
        assertThat(busy.busyAmong("cli", SenderKey.of("twilio", "+15005550006"), List.of(LUZ)))
                .isEmpty();
    }

    @Test
    void aChangedFileIsReadAgainAtTheNextCheck() throws IOException {
        Path file = Files.writeString(dir.resolve("busy.txt"), "+525500998877\n");
        BusyContactsFile busy = BusyContactsFile.read(file, null);
        assertThat(busy.busyAmong("cli", SENDER, List.of(CARLOS, ANA))).containsExactly(CARLOS);

        // Carlos's case closed, Ana's opened; the same size and time would hide it, so both move
        Files.writeString(file, "+525511223344\n# Carlos is free\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(busy.busyAmong("cli", SENDER, List.of(CARLOS, ANA))).containsExactly(ANA);
    }

    @Test
    void aBadLineNamesTheFileAndTheLineAtStartAndFailsTheCheckLater() throws IOException {
        Path file = Files.writeString(dir.resolve("busy.txt"), "+525500998877\n+52 55 nope\n");

        assertThatThrownBy(() -> BusyContactsFile.read(file, null))
                .isInstanceOf(CliException.class)
                .hasMessageContaining(
                        "bad --busy-contacts: '" + file + "' line 2: '+52 55 nope' is not a phone number");

        Files.writeString(file, "+525500998877\n");
        BusyContactsFile busy = BusyContactsFile.read(file, null);
        Files.writeString(file, "+525500998877\nlater\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        // the engine's check fails: that batch is not sent and is checked again later
        assertThatThrownBy(() -> busy.busyAmong("cli", SENDER, List.of(CARLOS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }
}
