package io.campaignkit.testkit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.campaignkit.core.CampaignKitException;
import io.campaignkit.core.campaign.CampaignId;
import io.campaignkit.core.campaign.CampaignKind;
import io.campaignkit.core.campaign.CampaignState;
import io.campaignkit.core.campaign.Pace;
import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.contact.PhoneNumber;
import io.campaignkit.core.engine.LaunchRequest;
import io.campaignkit.core.engine.SkipReasons;
import io.campaignkit.core.port.DeliveryState;
import io.campaignkit.core.port.ExclusivityPolicy;
import io.campaignkit.core.port.ExclusivityScope;
import io.campaignkit.core.port.Recipient;
import io.campaignkit.core.port.RecipientKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The deterministic simulation's part for the PER_CONTACT exclusivity scope (issue 15): campaigns of
 * one tenant launched on two senders at random moments, some finished, contacts becoming busy and free,
 * contacts writing to either sender. After every step of the engine: no contact is in two active
 * campaigns, whatever the sender. Separate from {@link EngineSimulationProperties} (one sender, the
 * default scope) so each stays small. Replay a failure with
 * {@code -Dcampaignkit.simulation.scope.seed=<seed>}.
 */
class ExclusivityScopeSimulationProperties {

    private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
    private static final int POOL = 8;
    private static final List<String> SENDERS = List.of(CampaignScenario.SENDER_ID, "sender-2");

    @Property(tries = 40)
    void underPerContactNoContactIsInTwoActiveCampaigns(@ForAll long seed) {
        try {
            new Simulation(seed).run();
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError(
                    "simulation failed; replay with seed " + seed + ": " + failure.getMessage(), failure);
        }
    }

    @Example
    void replaysTheSeedGivenOnTheCommandLine() {
        String seed = System.getProperty("campaignkit.simulation.scope.seed");
        Assume.that(seed != null && !seed.isBlank());
        underPerContactNoContactIsInTwoActiveCampaigns(Long.parseLong(seed.strip()));
    }

    private static final class Simulation {
        private final Random random;
        private final Set<PhoneNumber> busy = ConcurrentHashMap.newKeySet();
        private final CampaignScenario scenario;
        private final List<CampaignId> campaigns = new ArrayList<>();

        Simulation(long seed) {
            this.random = new Random(seed);
            this.scenario = Fixtures.scenario()
                    .startingAt(START)
                    .seed(random.nextLong())
                    .engine(engine -> engine.exclusivity(ExclusivityPolicy.everyTenant(ExclusivityScope.PER_CONTACT))
                            .contactAvailability((tenant, sender, phones) -> {
                                Set<PhoneNumber> answer = new HashSet<>(busy);
                                answer.retainAll(phones);
                                return answer;
                            }))
                    .build();
        }

        void run() {
            scenario.afterEachStep(this::checkNoContactInTwoActiveCampaigns);
            List<long[]> actions = new ArrayList<>();
            int count = 8 + random.nextInt(12);
            for (int i = 0; i < count; i++) {
                actions.add(new long[] {random.nextInt(4 * 3600), random.nextInt(4), random.nextInt(POOL)});
            }
            actions.sort((a, b) -> Long.compare(a[0], b[0]));
            for (long[] action : actions) {
                scenario.runUntil(START.plusSeconds(action[0]));
                act((int) action[1], (int) action[2]);
                checkNoContactInTwoActiveCampaigns();
            }
            scenario.runFor(Duration.ofHours(1));
            for (CampaignId id : campaigns) {
                if (scenario.campaign(id).state() == CampaignState.ACTIVE) {
                    scenario.engine().finish(id);
                }
            }
            scenario.runFor(Duration.ofMinutes(10));
            checkNoContactInTwoActiveCampaigns();
        }

        private void act(int kind, int target) {
            switch (kind) {
                case 0 -> launch();
                case 1 -> {
                    if (!campaigns.isEmpty()) {
                        try {
                            scenario.engine().finish(campaigns.get(target % campaigns.size()));
                        } catch (CampaignKitException finishedAlready) {
                            // refused in its state: as it should be
                        }
                    }
                }
                case 2 -> {
                    PhoneNumber phone = Fixtures.contact(target).phone();
                    if (!busy.remove(phone)) {
                        busy.add(phone);
                    }
                }
                default ->
                    scenario.inbound(Fixtures.phone(target), SENDERS.get(random.nextInt(SENDERS.size())), "hola");
            }
        }

        private void launch() {
            String sender = SENDERS.get(random.nextInt(SENDERS.size()));
            Pace pace = Pace.perHour(60 + random.nextInt(600));
            Duration wait = random.nextBoolean() ? Duration.ZERO : Duration.ofMinutes(1 + random.nextInt(30));
            CampaignId id = scenario.createCampaign(
                    CampaignKind.LIVE,
                    Fixtures.basic(pace)
                            .andThen(c -> c.channel(CampaignScenario.CHANNEL_ID, sender)
                                    .busyContactWait(wait)));
            List<Contact> audience = new ArrayList<>();
            for (int i = 0; i < POOL; i++) {
                if (random.nextInt(10) < 6) {
                    audience.add(Fixtures.contact(i));
                }
            }
            if (audience.isEmpty()) {
                audience.add(Fixtures.contact(random.nextInt(POOL)));
            }
            LaunchRequest request = LaunchRequest.importedContacts(audience);
            if (random.nextInt(3) == 0) {
                request = request.startAt(scenario.clock().instant().plus(Duration.ofMinutes(random.nextInt(90))));
            }
            scenario.engine().launch(id, request);
            campaigns.add(id);
        }

        /**
         * A contact counts as in an ACTIVE (not finishing) campaign unless that campaign's launch skipped it
         * (then it holds nothing).
         */
        private void checkNoContactInTwoActiveCampaigns() {
            for (int i = 0; i < POOL; i++) {
                PhoneNumber phone = Fixtures.contact(i).phone();
                List<CampaignId> holding = new ArrayList<>();
                for (CampaignId id : campaigns) {
                    io.campaignkit.core.campaign.Campaign campaign = scenario.campaign(id);
                    // a finishing campaign has released its contacts and sends nothing more
                    if (campaign.state() == CampaignState.ACTIVE
                            && !campaign.isFinishing()
                            && scenario.store()
                                    .findRecipient(new RecipientKey(id, phone))
                                    .filter(Simulation::holdsTheContact)
                                    .isPresent()) {
                        holding.add(id);
                    }
                }
                assertThat(holding)
                        .as("active campaigns holding %s across both senders", phone)
                        .hasSizeLessThanOrEqualTo(1);
            }
        }

        private static boolean holdsTheContact(Recipient recipient) {
            return recipient.state() != DeliveryState.SKIPPED
                    || recipient.attempts() > 0
                    || recipient
                            .outcome()
                            .filter(o -> o.code().equals(SkipReasons.CAMPAIGN_FINISHED))
                            .isPresent();
        }
    }
}
