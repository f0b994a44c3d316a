package io.campaignkit.desk;

import io.campaignkit.core.CampaignKitException;
import java.util.List;
import java.util.Optional;

/**
 * The desk refused an action; nothing changed. {@link #code()} says why: {@link #POLICY} (the policy is
 * {@link #policy()}), {@link #ROLE} (the missing one is {@link #missingRole()}), {@link #REQUIRED_FIELDS}
 * ({@link #missingFields()}), {@link #NOT_ASSIGNED}, {@link #AGENT_UNAVAILABLE}, {@link #UNKNOWN_DISPOSITION},
 * {@link #ILLEGAL_STATE} or {@link #NOT_FOUND}.
 */
public final class DeskRefusedException extends CampaignKitException {

    private static final long serialVersionUID = 1L;

    public static final String POLICY = "DESK_POLICY_REFUSED";
    public static final String ROLE = "DESK_ROLE_MISSING";
    public static final String REQUIRED_FIELDS = "DESK_REQUIRED_FIELDS_MISSING";
    public static final String NOT_ASSIGNED = "DESK_NOT_ASSIGNED";
    public static final String AGENT_UNAVAILABLE = "DESK_AGENT_UNAVAILABLE";
    public static final String UNKNOWN_DISPOSITION = "DESK_UNKNOWN_DISPOSITION";
    public static final String ILLEGAL_STATE = "DESK_ILLEGAL_STATE";
    public static final String NOT_FOUND = "DESK_NOT_FOUND";

    private final transient Optional<String> policy;
    private final transient Optional<Role> missingRole;
    private final List<String> missingFields;

    private DeskRefusedException(
            String code,
            String message,
            Optional<String> policy,
            Optional<Role> missingRole,
            List<String> missingFields) {
        super(code, message);
        this.policy = policy;
        this.missingRole = missingRole;
        this.missingFields = List.copyOf(missingFields);
    }

    public static DeskRefusedException policy(String policy, String message) {
        return new DeskRefusedException(
                POLICY,
                "refused by policy " + policy + ": " + message,
                Optional.of(policy),
                Optional.empty(),
                List.of());
    }

    public static DeskRefusedException role(Role missing, String action) {
        return new DeskRefusedException(
                ROLE, action + " needs the role " + missing, Optional.empty(), Optional.of(missing), List.of());
    }

    public static DeskRefusedException fields(List<String> missing) {
        return new DeskRefusedException(
                REQUIRED_FIELDS,
                "required fields are empty: " + String.join(", ", missing),
                Optional.empty(),
                Optional.empty(),
                missing);
    }

    public static DeskRefusedException of(String code, String message) {
        return new DeskRefusedException(code, message, Optional.empty(), Optional.empty(), List.of());
    }

    /** The policy that refused, for {@link #POLICY}. */
    public Optional<String> policy() {
        return policy;
    }

    /** The role the actor lacks, for {@link #ROLE}. */
    public Optional<Role> missingRole() {
        return missingRole;
    }

    /** The required fields still empty, for {@link #REQUIRED_FIELDS}. */
    public List<String> missingFields() {
        return missingFields;
    }
}
