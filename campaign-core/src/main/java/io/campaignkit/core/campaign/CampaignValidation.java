package io.campaignkit.core.campaign;

import io.campaignkit.core.contact.Contact;
import io.campaignkit.core.data.FieldViolation;
import io.campaignkit.core.hours.ActiveHours;
import io.campaignkit.core.internal.Arguments;
import io.campaignkit.core.template.BindingProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every missing or invalid field of a campaign's configuration, found at once. Empty means the
 * campaign may be READY.
 *
 * <p>The rules: name, bot flow, channel binding, message and audience are set; every placeholder
 * is bound, no binding is left over, every bound custom field is in the schema; a fixed start is
 * before the end; a TEST campaign's audience is a list of test numbers (and only a TEST campaign
 * has one), each test contact's custom data fits the schema; the active hours open at some time.
 * At launch, {@link #atLaunch} adds the rules that depend on the time: the end is after the launch,
 * and the hours open again after it.
 */
public final class CampaignValidation {

    private final List<Violation> violations;

    private CampaignValidation(List<Violation> violations) {
        this.violations = List.copyOf(violations);
    }

    /** Validates {@code configuration} for a campaign of {@code kind}. */
    public static CampaignValidation of(CampaignKind kind, CampaignConfiguration configuration) {
        Arguments.requireNonNull(kind, "kind");
        Arguments.requireNonNull(configuration, "configuration");
        List<Violation> violations = new ArrayList<>();
        if (configuration.name().isEmpty()) {
            violations.add(missing("name", "the campaign has no name"));
        }
        if (configuration.botFlowId().isEmpty()) {
            violations.add(missing("botFlowId", "no bot flow is chosen to answer replies"));
        }
        if (configuration.channel().isEmpty()) {
            violations.add(missing("channel", "no channel and sender are chosen"));
        }
        if (configuration.message().isEmpty()) {
            violations.add(missing("message", "the campaign has no message"));
        } else {
            for (BindingProblem problem : configuration.message().get().check(configuration.schema())) {
                violations.add(
                        new Violation("message.{{" + problem.placeholder() + "}}", problem.code(), problem.message()));
            }
        }
        List<ChannelBinding> further = configuration.fallbackChannels();
        for (int i = 0; i < further.size(); i++) {
            for (BindingProblem problem : further.get(i).message().check(configuration.schema())) {
                violations.add(new Violation(
                        "channels[" + (i + 1) + "].message.{{" + problem.placeholder() + "}}",
                        problem.code(),
                        problem.message()));
            }
        }
        checkAudience(kind, configuration, violations);
        if (configuration.deliveryPlan().endsBeforeStart()) {
            violations.add(new Violation(
                    "deliveryPlan.endAt",
                    Violation.END_BEFORE_START,
                    "the delivery plan ends at "
                            + configuration.deliveryPlan().endAt().get() + ", not after its start at "
                            + configuration.deliveryPlan().startAt().get()));
        }
        if (neverOpens(configuration.activeHours())) {
            violations.add(new Violation("activeHours", Violation.HOURS_NEVER_OPEN, "the active hours never open"));
        }
        configuration
                .localHours()
                .flatMap(local -> local.zoneField())
                .filter(field -> !configuration.schema().contains(field))
                .ifPresent(field -> violations.add(new Violation(
                        "localHours.zoneField",
                        Violation.UNKNOWN_FIELD,
                        "local hours read each contact's zone from field '" + field + "', which the custom-data schema "
                                + "does not have")));
        return new CampaignValidation(violations);
    }

    /**
     * Validates {@code configuration} for a launch at {@code now}: every rule of {@link #of}, plus
     * an end after {@code now} and an opening of the active hours after the start.
     */
    public static CampaignValidation atLaunch(CampaignKind kind, CampaignConfiguration configuration, Instant now) {
        Arguments.requireNonNull(now, "now");
        List<Violation> violations = new ArrayList<>(of(kind, configuration).violations);
        DeliveryPlan plan = configuration.deliveryPlan();
        if (plan.endAt().isPresent() && !plan.endAt().get().isAfter(now)) {
            violations.add(new Violation(
                    "deliveryPlan.endAt",
                    Violation.END_IN_PAST,
                    "the delivery plan ends at " + plan.endAt().get() + ", which is not after the launch at " + now));
        }
        boolean alreadyReported = violations.stream().anyMatch(v -> v.code().equals(Violation.HOURS_NEVER_OPEN));
        if (!alreadyReported
                && configuration
                        .activeHours()
                        .nextOpening(plan.effectiveStart(now))
                        .isEmpty()) {
            violations.add(new Violation(
                    "activeHours",
                    Violation.HOURS_NEVER_OPEN,
                    "the active hours never open after " + plan.effectiveStart(now)));
        }
        return new CampaignValidation(violations);
    }

    private static void checkAudience(
            CampaignKind kind, CampaignConfiguration configuration, List<Violation> violations) {
        if (configuration.audience().isEmpty()) {
            violations.add(missing(
                    "audience",
                    kind == CampaignKind.TEST
                            ? "the test campaign has no test numbers"
                            : configuration.schema().isEmpty()
                                    ? "the campaign has no audience"
                                    : "the campaign has a custom-data schema but no audience to hold the data"));
            return;
        }
        AudienceReference audience = configuration.audience().get();
        boolean testAudience = audience instanceof AudienceReference.TestAudience;
        if (kind == CampaignKind.TEST && !testAudience) {
            violations.add(new Violation(
                    "audience",
                    Violation.TEST_AUDIENCE_REQUIRED,
                    "a TEST campaign sends only to an explicit list of test numbers"));
        } else if (kind == CampaignKind.LIVE && testAudience) {
            violations.add(new Violation(
                    "audience",
                    Violation.TEST_AUDIENCE_IN_LIVE,
                    "a LIVE campaign cannot use a list of test numbers; make it a TEST campaign"));
        }
        if (testAudience) {
            List<Contact> contacts = ((AudienceReference.TestAudience) audience).contacts();
            for (int i = 0; i < contacts.size(); i++) {
                for (FieldViolation problem :
                        configuration.schema().check(contacts.get(i).customData())) {
                    violations.add(new Violation(
                            "audience.contacts[" + i + "]." + problem.fieldId(),
                            problem.code(),
                            "test number " + contacts.get(i).phone() + ": " + problem.message()));
                }
            }
        }
    }

    private static boolean neverOpens(ActiveHours hours) {
        return hours.weeklyHours().isEmpty()
                && hours.exceptions().values().stream().allMatch(List::isEmpty);
    }

    private static Violation missing(String field, String message) {
        return new Violation(field, Violation.MISSING, message);
    }

    public boolean isValid() {
        return violations.isEmpty();
    }

    /** Every violation, in the order of the fields. */
    public List<Violation> violations() {
        return violations;
    }

    /** Whether a violation of {@code code} concerns {@code field}. */
    public boolean has(String field, String code) {
        return violations.stream()
                .anyMatch(v -> v.field().equals(field) && v.code().equals(code));
    }

    /** The violations as one sentence, for messages. */
    public String summary() {
        return violations.isEmpty()
                ? "valid"
                : violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return "CampaignValidation[" + summary() + "]";
    }
}
